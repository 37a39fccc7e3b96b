import Foundation

/// How reports write figures: rounded to what they mean, the same way in text, CSV and pages.
public enum ReportNumbers {
    /// "85%", or "–" when there is nothing to show.
    public static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "–" }
        return ProgramEvaluation.percent(share)
    }

    /// A value rounded to `places` decimals; nil stays nil and so do NaN and infinities, which
    /// a cell or a chart must not show as figures.
    public static func rounded(_ value: Double?, _ places: Int) -> Double? {
        guard let value, value.isFinite else { return nil }
        let scale = pow(10, Double(places))
        let result = (value * scale).rounded() / scale
        return result == 0 ? 0 : result  // never "-0.0"
    }

    /// Active time as a trainer reads it: "under 1 min", "12 min", "2 h 5 min".
    public static func duration(seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 60 else { return seconds > 0 ? "under 1 min" : "none" }
        let minutes = Int((seconds / 60).rounded())
        return minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h" + (minutes % 60 == 0 ? "" : " \(minutes % 60) min")
    }

    /// Whole days from one moment to another, never negative.
    public static func days(from start: Date, to end: Date) -> Int {
        max(0, Int(end.timeIntervalSince(start) / 86_400))
    }
}
