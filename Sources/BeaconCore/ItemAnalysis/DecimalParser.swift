/// 10^k for 0 ≤ k ≤ 22, all exactly representable in a Double. A switch rather than a global
/// array: it compiles to a constant table, without the lazy-initialisation check a global needs.
@inline(__always)
func exactPowerOfTen(_ k: Int) -> Double {
    switch k {
    case 0: 1e0
    case 1: 1e1
    case 2: 1e2
    case 3: 1e3
    case 4: 1e4
    case 5: 1e5
    case 6: 1e6
    case 7: 1e7
    case 8: 1e8
    case 9: 1e9
    case 10: 1e10
    case 11: 1e11
    case 12: 1e12
    case 13: 1e13
    case 14: 1e14
    case 15: 1e15
    case 16: 1e16
    case 17: 1e17
    case 18: 1e18
    case 19: 1e19
    case 20: 1e20
    case 21: 1e21
    default: 1e22
    }
}

/// Parses the decimal number `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?` that
/// starts at `start`, and returns its value and the index just past it (nil when none starts there).
///
/// Marks are almost always short decimals ("1", "0.5", "0.333333"), which Clinger's fast path
/// converts with one correctly rounded multiply or divide: an integer mantissa ≤ 2^53 and a power
/// of ten ≤ 1e22 are both exact, so IEEE rounding of their product or quotient is the correctly
/// rounded result. Anything else goes to the standard library's parser (glibc `strtod` on Linux),
/// so every value is bit-identical to correctly rounded parsing. A result may be infinite when the
/// text overflows; the caller rejects it.
@inline(__always)
func parseDecimal(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> (value: Double, end: Int)? {
    var i = start
    var negative = false
    if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
        negative = bytes[i] == UInt8(ascii: "-")
        i += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0  // significant digits held in `mantissa`; at most 19 fit
    var exponent = 0
    var exact = true  // false once a non-zero digit had to be dropped
    var sawDigit = false
    while i < end {
        let digit = bytes[i] &- UInt8(ascii: "0")
        if digit > 9 { break }
        sawDigit = true
        if digits < 19 {
            if mantissa != 0 || digit != 0 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                digits += 1
            }
        } else {
            exponent += 1
            if digit != 0 { exact = false }
        }
        i += 1
    }
    if i < end, bytes[i] == UInt8(ascii: ".") {
        i += 1
        while i < end {
            let digit = bytes[i] &- UInt8(ascii: "0")
            if digit > 9 { break }
            sawDigit = true
            if digits < 19 {
                if mantissa != 0 || digit != 0 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    digits += 1
                }
                exponent -= 1
            } else if digit != 0 {
                exact = false
            }
            i += 1
        }
    }
    guard sawDigit else { return nil }
    // An exponent needs at least one digit; without one the number ends before the "e" (as in strtod).
    if i < end, bytes[i] | 0x20 == UInt8(ascii: "e") {
        var j = i + 1
        var exponentNegative = false
        if j < end, bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+") {
            exponentNegative = bytes[j] == UInt8(ascii: "-")
            j += 1
        }
        var value = 0
        var sawExponentDigit = false
        while j < end {
            let digit = bytes[j] &- UInt8(ascii: "0")
            if digit > 9 { break }
            sawExponentDigit = true
            if value < 100_000 { value = value * 10 + Int(digit) }  // far past any finite double
            j += 1
        }
        if sawExponentDigit {
            exponent += exponentNegative ? -value : value
            i = j
        }
    }
    if mantissa == 0 { return (negative ? -0.0 : 0.0, i) }
    if exact, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
        let m = Double(mantissa)
        let value = exponent < 0 ? m / exactPowerOfTen(-exponent) : m * exactPowerOfTen(exponent)
        return (negative ? -value : value, i)
    }
    let text = String(decoding: UnsafeBufferPointer(start: bytes + start, count: i - start), as: UTF8.self)
    guard let value = Double(text) else { return nil }  // unreachable: the syntax was checked above
    return (value, i)
}
