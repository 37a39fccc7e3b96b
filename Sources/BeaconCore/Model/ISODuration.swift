import Foundation

/// An ISO 8601 duration such as `P2Y`, `PT1H` or `P1DT12H`, kept in its calendar parts because
/// "two years" is not a fixed number of seconds.
public struct ISODuration: Hashable, Sendable, CustomStringConvertible {
    public var years = 0, months = 0, days = 0
    public var hours = 0, minutes = 0
    public var seconds = 0.0

    public init() {}

    /// Parses the XML Schema `xs:duration` form; nil when the text is not one
    /// (negative durations are refused: a validity or cooldown is never negative).
    public init?(_ text: String) {
        var rest = Substring(text)
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var inTime = false
        var sawPart = false
        var sawTimePart = false
        var number = ""
        for character in rest {
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if character.isASCII, character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard !number.isEmpty else { return nil }
            if character == "S" {
                guard inTime, let value = Double(number) else { return nil }
                seconds = value
            } else {
                guard let value = Int(number) else { return nil }
                switch (character, inTime) {
                case ("Y", false): years = value
                case ("M", false): months = value
                case ("D", false): days = value
                case ("H", true): hours = value
                case ("M", true): minutes = value
                default: return nil
                }
            }
            number = ""
            sawPart = true
            sawTimePart = inTime
        }
        // "P1DT" has a time designator with nothing after it, which xs:duration forbids.
        guard sawPart, number.isEmpty, !inTime || sawTimePart else { return nil }
    }

    /// Length in seconds for the parts with a fixed length (days and below); years and months need a calendar.
    public var fixedSeconds: Double {
        Double(((days * 24 + hours) * 60 + minutes) * 60) + seconds
    }

    public var description: String {
        var text = "P"
        if years != 0 { text += "\(years)Y" }
        if months != 0 { text += "\(months)M" }
        if days != 0 { text += "\(days)D" }
        if hours != 0 || minutes != 0 || seconds != 0 {
            text += "T"
            if hours != 0 { text += "\(hours)H" }
            if minutes != 0 { text += "\(minutes)M" }
            if seconds != 0 {
                text += seconds == seconds.rounded() ? "\(Int(seconds))S" : "\(seconds)S"
            }
        }
        return text == "P" ? "PT0S" : text
    }
}

extension ISODuration {
    /// The duration as calendar components, for adding to a date (years and months included).
    public var dateComponents: DateComponents {
        DateComponents(year: years, month: months, day: days, hour: hours, minute: minutes, second: Int(seconds))
    }
}
