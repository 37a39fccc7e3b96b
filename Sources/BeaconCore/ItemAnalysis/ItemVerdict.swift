import Foundation

/// A plain verdict on a question or an option, from the statistics item analysis computed:
/// what a trainer should do about it, in words, with the figure that led to it.
///
/// Thresholds are the conventional ones (ITEM-ANALYSIS.md): Ebel's 0.20 for a corrected
/// item–rest correlation worth keeping, facility outside 25–90 % as too hard or too easy, a
/// distractor picked by under 5 % as hardly working.
public struct ItemVerdict: Hashable, Sendable, Encodable {
    public enum Kind: String, Hashable, Sendable, Encodable, Comparable {
        case checkKey = "check-key"
        case tooHard = "too-hard"
        case weak
        case tooEasy = "too-easy"
        case works
        case tooFew = "too-few"

        /// Most in need of a trainer's eye first.
        public static func < (a: Kind, b: Kind) -> Bool {
            let order: [Kind] = [.checkKey, .tooHard, .weak, .tooEasy, .tooFew, .works]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    public var kind: Kind
    public var text: String

    public static let weakBelow = 0.20
    public static let easyFrom = 0.90
    public static let hardUpTo = 0.25
    public static let rarelyBelow = 0.05

    /// The verdict on one question. `optionText` names an option for "high scorers pick c".
    public static func question(_ q: QuestionStatistics, optionText: (String) -> String? = { _ in nil }) -> ItemVerdict {
        guard q.n >= 2, let facility = q.facility else {
            return ItemVerdict(kind: .tooFew, text: "too few attempts to judge (N = \(q.n))")
        }
        let right = ReportNumbers.percent(facility)
        // A distractor the top group prefers to the key is the clearest sign of a wrong key
        // (two of them at least, so one strong trainee's slip is not called a wrong key).
        if let options = q.options, let key = options.first(where: \.key),
            let rival = options.filter({ !$0.key && $0.upper > key.upper && $0.upper >= 2 }).max(by: { $0.upper < $1.upper })
        {
            let name = optionText(rival.id).map { "\(rival.id) (\(ItemReview.shortened($0, 40)))" } ?? rival.id
            return ItemVerdict(kind: .checkKey, text: "check the key: high scorers pick \(name)")
        }
        if q.negativeCovariance || (q.pointBiserial ?? 0) < 0 {
            return ItemVerdict(kind: .checkKey, text: "check the key and wording: trainees who do well overall do worse here")
        }
        if facility <= hardUpTo {
            return ItemVerdict(kind: .tooHard, text: "too hard: \(right) right")
        }
        if facility >= easyFrom {
            return ItemVerdict(kind: .tooEasy, text: "too easy: \(right) right")
        }
        if let r = q.pointBiserial, r < weakBelow {
            return ItemVerdict(kind: .weak, text: "does not tell stronger from weaker trainees (r = \(twoPlaces(r)))")
        }
        if q.pointBiserial == nil {
            return ItemVerdict(kind: .tooFew, text: "cannot judge: every attempt scored the same overall")
        }
        return ItemVerdict(kind: .works, text: "works")
    }

    /// The verdict on one option of a choice question.
    public static func option(_ o: OptionStatistics, attempts: Int) -> ItemVerdict {
        if o.key {
            if let r = o.pointBiserial, r < 0 {
                return ItemVerdict(kind: .checkKey, text: "key, but those who pick it score lower overall: check the key")
            }
            return ItemVerdict(kind: .works, text: "key")
        }
        guard attempts >= 2 else { return ItemVerdict(kind: .tooFew, text: "too few attempts to judge") }
        if o.count == 0 { return ItemVerdict(kind: .weak, text: "distractor nobody picks") }
        if let r = o.pointBiserial, r > 0, o.upper > o.lower {
            return ItemVerdict(kind: .checkKey, text: "attracts high scorers: check it is really wrong")
        }
        if let share = o.proportion, share < rarelyBelow {
            return ItemVerdict(kind: .weak, text: "rarely picked (under 5%)")
        }
        return ItemVerdict(kind: .works, text: o.lower > o.upper ? "works: picked more by weaker trainees" : "works")
    }

    static func twoPlaces(_ value: Double) -> String {
        ReportNumbers.rounded(value, 2).map { String(format: "%.2f", $0) } ?? "–"
    }
}
