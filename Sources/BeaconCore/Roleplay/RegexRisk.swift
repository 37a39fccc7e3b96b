/// Swift's regular expressions backtrack, and have no time limit: a repeated group that itself
/// repeats, like `(a+)+` or `(\w*\s?)*`, can take exponential time on a reply that almost
/// matches (20 characters took 49 seconds). Such patterns are refused rather than run.
///
/// Returns why the pattern is risky, or nil. It looks for a quantified group (`*`, `+`, `{n,}`)
/// whose contents are themselves quantified, ignoring escaped characters and character classes.
public func regexRisk(_ pattern: String) -> String? {
    let characters = Array(pattern)
    var groups: [Bool] = []  // per open group: does it contain a repetition?
    var index = 0
    func repeats(at position: Int) -> Bool {
        guard position < characters.count else { return false }
        switch characters[position] {
        case "*", "+": return true
        case "{":
            // {n} repeats a fixed number of times; {n,} and {n,m} with m > 1 may backtrack.
            var end = position + 1
            while end < characters.count, characters[end] != "}" { end += 1 }
            let inside = String(characters[(position + 1)..<min(end, characters.count)])
            let bounds = inside.split(separator: ",", omittingEmptySubsequences: false)
            if bounds.count == 2 { return bounds[1].isEmpty || (Int(bounds[1]) ?? 2) > 1 }
            return false
        default: return false
        }
    }
    while index < characters.count {
        let character = characters[index]
        switch character {
        case "\\":
            index += 2
            continue
        case "[":
            // Skip the class; a `]` right after `[` or `[^` is literal.
            index += 1
            if index < characters.count, characters[index] == "^" { index += 1 }
            if index < characters.count, characters[index] == "]" { index += 1 }
            while index < characters.count, characters[index] != "]" {
                if characters[index] == "\\" { index += 1 }
                index += 1
            }
        case "(":
            groups.append(false)
        case ")":
            guard let inner = groups.popLast() else { break }
            if inner, repeats(at: index + 1) {
                return "a repeated group contains a repetition (like (a+)+), which can take exponentially long on some replies"
            }
            if inner || repeats(at: index + 1), !groups.isEmpty { groups[groups.count - 1] = true }
        default:
            if repeats(at: index), !groups.isEmpty { groups[groups.count - 1] = true }
        }
        index += 1
    }
    return nil
}
