/// Formats doubles exactly as ECMAScript `Number.prototype.toString()` does, which is
/// the number serialization RFC 8785 (JCS) requires.
///
/// The shortest round-trip digits come from Swift's `Double.description` (which
/// guarantees the shortest digits that read back to the same double, and the closest
/// such digits when there is a choice); this type only re-lays those digits out under
/// ECMAScript's rules for where the decimal point and exponent go. The result matched
/// the published SHA-256 of the first 10 million lines of the RFC 8785 ES6 number test file.
package enum ECMAScriptNumber {
    /// 2^53: below it every integer is exact, so its decimal digits are already the shortest.
    private static let exactIntegerLimit: Double = 9_007_199_254_740_992

    package static func string(_ value: Double) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the ECMAScript form; non-finite values give "NaN", "Infinity", "-Infinity".
    static func append(_ value: Double, to out: inout [UInt8]) {
        if value.isNaN {
            out.append(contentsOf: "NaN".utf8)
            return
        }
        // Covers -0 too, which ECMAScript prints as "0".
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value
        if magnitude < 0 {
            out.append(UInt8(ascii: "-"))
            magnitude = -magnitude
        }
        if magnitude.isInfinite {
            out.append(contentsOf: "Infinity".utf8)
            return
        }
        // Integer test by conversion rather than rounded(), which would pull in libm's trunc.
        if magnitude < exactIntegerLimit {
            let integer = UInt64(magnitude)
            if Double(integer) == magnitude {
                appendInteger(integer, to: &out)
                return
            }
        }
        appendGeneral(magnitude, to: &out)
    }

    private static func appendInteger(_ integer: UInt64, to out: inout [UInt8]) {
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        var rest = integer
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        out.append(contentsOf: digits.reversed())
    }

    /// Formats a positive finite double through its shortest digits.
    private static func appendGeneral(_ magnitude: Double, to out: inout [UInt8]) {
        // Reads Swift's "d.ddd", "ddd.d", or "d.ddde±x" into digits plus a decimal exponent.
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var pointPosition: Int?
        var exponent = 0
        var exponentNegative = false
        var inExponent = false
        for byte in magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                } else {
                    digits.append(byte)
                }
            case UInt8(ascii: "."):
                pointPosition = digits.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            case UInt8(ascii: "-"):
                exponentNegative = true
            default:
                break  // "+" of the exponent
            }
        }
        if exponentNegative { exponent = -exponent }

        // Normalize to value = 0.d1d2...dk * 10^n with d1 != 0 and dk != 0 (ECMAScript's k and n).
        var n = (pointPosition ?? digits.count) + exponent
        let leadingZeros = digits.prefix { $0 == UInt8(ascii: "0") }.count
        n -= leadingZeros
        var end = digits.count
        while end > leadingZeros && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        let significant = digits[leadingZeros..<end]
        let k = significant.count

        if k <= n && n <= 21 {
            // Integer: digits then zeros.
            out.append(contentsOf: significant)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n && n <= 21 {
            // Point inside the digits.
            let split = significant.startIndex + n
            out.append(contentsOf: significant[..<split])
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: significant[split...])
        } else if -6 < n && n <= 0 {
            // Small: "0." and up to five zeros.
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            out.append(contentsOf: significant)
        } else {
            // Exponential: d[.ddd]e±x.
            out.append(significant[significant.startIndex])
            if k > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: significant.dropFirst())
            }
            out.append(UInt8(ascii: "e"))
            let e = n - 1
            out.append(e < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            appendInteger(UInt64(e.magnitude), to: &out)
        }
    }
}
