/// Finds a word or phrase in a reply despite a typo, the way a reader would: "sucide" is
/// "suicide" and "thinkin" is "thinking". Short words must be exact ("kill" is not "will"),
/// words of five to seven letters may be one edit away, longer ones two; a swap of neighbouring
/// letters counts as one edit.
public enum KeywordMatch {
    /// The reply's words: lower case without accents, letters and digits, apostrophes dropped
    /// ("what's" → "whats", "Qué" → "que").
    public static func words(_ text: String) -> [String] {
        AccentFolding.fold(text).lowercased().filter { $0 != "'" && $0 != "\u{2019}" }
            .split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Whether the words of `keyword` appear one after another in `words`, each within its tolerance.
    public static func contains(_ words: [String], _ keyword: String) -> Bool {
        let wanted = Self.words(keyword)
        guard !wanted.isEmpty, words.count >= wanted.count else { return false }
        return (0...(words.count - wanted.count)).contains { start in
            zip(words[start...], wanted).allSatisfy { close($0, $1) }
        }
    }

    /// Edits allowed for a keyword word of this many letters.
    public static func tolerance(_ length: Int) -> Int {
        length >= 8 ? 2 : length >= 5 ? 1 : 0
    }

    static func close(_ word: String, _ wanted: String) -> Bool {
        let allowed = tolerance(wanted.count)
        if allowed == 0 || abs(word.count - wanted.count) > allowed { return word == wanted }
        return distance(Array(word), Array(wanted), limit: allowed) <= allowed
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping early once
    /// every path is over `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            if current.min()! > limit { return limit + 1 }
            before = previous
            previous = current
        }
        return previous[b.count]
    }
}
