import Foundation

/// A number as plain decimal digits: whole numbers without `.0`, others in Swift's shortest
/// round-tripping form, and never an exponent (neither xs:decimal nor a spreadsheet cell
/// reads `1e-05` as intended); tiny or huge values get at most 12 decimal places.
public func plainDecimal(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    let text = "\(value)"
    guard text.contains("e") else { return text }
    var fixed = String(format: "%.12f", value)
    while fixed.hasSuffix("0") { fixed.removeLast() }
    if fixed.hasSuffix(".") { fixed.removeLast() }
    return fixed
}
