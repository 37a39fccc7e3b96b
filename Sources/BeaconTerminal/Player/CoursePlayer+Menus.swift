import BeaconCore
import BeaconStore
import Foundation

extension CoursePlayer {
    /// The course menu: progress as words, "continue where you left off", the modules.
    func courseMenu() throws {
        let progress = try progress()
        let resume = progress.resume.flatMap { id in progress.modules.lazy.flatMap(\.items).first { $0.id == id } }
        var body: [Para] = []
        let menus = words.menus
        let done = menus.modulesDone(progress.modules.filter(\.isDone).count, progress.modules.count)
        body += wrap(options.recordsProgress ? menus.traineeLine(trainee.name, progress.activeMinutes, done) : menus.previewLine(done))
        body.append("")
        if let resume {
            body += wrap(menus.continueWhere(label(resume)))
        } else {
            body += wrap(theme.good(menus.allDone) + " " + menus.reviewAny)
        }
        body.append("")
        for module in progress.modules {
            var line = menus.moduleLine(module.number, module.title, module.done, module.total)
            if module.isDone { line += " · " + menus.doneSuffix }
            if !module.waitingFor.isEmpty, !options.ignorePrerequisites {
                // Numbers, not titles: the final module waits for all the others, which would
                // take a dozen lines at 40 columns. Opening it names them in full.
                let numbers = module.waitingFor.compactMap { id in course.modules.firstIndex { $0.id == id }.map { $0 + 1 } }
                line += " · " + menus.opensAfter(numbers.count, numberRanges(numbers, and: words.chrome.and))
            }
            body += wrap(line, first: "  ", rest: "     ")
        }
        let count = progress.modules.count
        let screen = Screen(
            heading: course.title,
            body: body,
            keys: menus.courseKeys(numberKeys(count))
        )
        let choice = try ask({ _ in screen }, kind: .command(entries: count), quitGoesTo: .exit(.quit), quit: words.chrome.quitLeave) { line -> Result<Int?, Problem> in
            if line.isEmpty || line == "n" { return .success(nil) }
            guard let number = Int(line), (1...count).contains(number) else {
                return .failure(Problem(menus.moduleNumberProblem(count)))
            }
            return .success(number)
        }
        if let number = choice {
            let module = course.modules[number - 1]
            let waiting = progress.modules[number - 1].waitingFor
            guard waiting.isEmpty || options.ignorePrerequisites else {
                try pause(Screen(
                    heading: menus.notOpenHeading,
                    body: wrap(menus.notOpen(module.title, waiting.compactMap { course.module($0)?.title }.joined(separator: ", "))),
                    keys: words.chrome.enterBack
                ))
                return
            }
            try moduleMenu(module)
        } else if let resume = progress.resume, let item = course.modules.lazy.flatMap(\.items).first(where: { $0.id == resume }) {
            try play(item)
        }
    }

    /// One module: its items with their status; Enter continues with the first not done.
    func moduleMenu(_ module: Module) throws {
        while true {
            let progress = try progress()
            guard let state = progress.modules.first(where: { $0.id == module.id }) else { return }
            var body: [Para] = []
            if !module.summary.isEmpty { body += wrap(theme.inline(module.summary)) + [""] }
            for (number, item) in state.items.enumerated() {
                body += wrap(label(item), first: "  \(number + 1). ", rest: "     ")
            }
            let count = state.items.count
            let menus = words.menus
            let screen = Screen(
                heading: menus.moduleHeading(state.number, progress.modules.count, module.title, state.done, state.total),
                body: body,
                keys: menus.moduleKeys(numberKeys(count))
            )
            let choice = try ask({ _ in screen }, kind: .command(entries: count), quitGoesTo: .toMenu, quit: menus.quitToModules) { line -> Result<Int, Problem> in
                if line.isEmpty || line == "n" {
                    let next = state.items.firstIndex { $0.status != .done && $0.status != .attemptsUsed } ?? 0
                    return .success(next + 1)
                }
                guard let number = Int(line), (1...count).contains(number) else {
                    return .failure(Problem(menus.itemNumberProblem(count)))
                }
                return .success(number)
            }
            do {
                try play(module.items[choice - 1])
            } catch Leave.toMenu {
                continue  // q inside an item comes back to this module
            }
        }
    }

    /// "Quiz: Listening check — in progress, best 60%, 1 attempt" in words, never colour alone.
    func label(_ item: CourseProgress.Item) -> String {
        let menus = words.menus
        var status = words.status(item.status)
        if let best = item.bestScore { status += ", " + menus.best(percent(best)) }
        if let attempts = item.attempts, attempts > 0 { status += ", " + menus.attempts(attempts) }
        let text = menus.item(words.kind(item), item.title, status)
        return item.status == .done ? theme.good(text) : text
    }
}

func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

/// "1-4" for the number keys of four entries; "1" when there is only one.
func numberKeys(_ count: Int) -> String { count == 1 ? "1" : "1-\(count)" }

/// "1-4, 6 and 9" for [1, 2, 3, 4, 6, 9].
func numberRanges(_ numbers: [Int], and: String = "and") -> String {
    var runs: [String] = []
    var start: Int?, previous: Int?
    for number in numbers.sorted() + [Int.max] {
        if let last = previous, number == last + 1 {
            previous = number
            continue
        }
        if let first = start, let last = previous { runs.append(first == last ? "\(first)" : "\(first)-\(last)") }
        start = number
        previous = number
    }
    guard runs.count > 1 else { return runs.first ?? "" }
    return runs.dropLast().joined(separator: ", ") + " \(and) " + runs.last!
}
