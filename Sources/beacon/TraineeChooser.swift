import BeaconStore
import BeaconTerminal
import Foundation

/// Picks the trainee profile for `learn`: the one named, the only one, or asks.
struct TraineeChooser {
    let store: LearningStore
    let terminal: any Terminal

    func choose(_ requested: String?) throws -> Trainee? {
        if let requested {
            if let existing = try store.trainee(id: requested) { return existing }
            if let byName = try store.trainees().first(where: { $0.name.caseInsensitiveCompare(requested) == .orderedSame }) { return byName }
            return try store.addTrainee(name: requested)
        }
        let trainees = try store.trainees()
        if trainees.count == 1 { return trainees[0] }
        if trainees.isEmpty {
            terminal.write("Welcome to Beacon.\nWhat name should Beacon use for you? A first name or a nickname is enough.\n")
            guard let name = readAnswer(), !name.isEmpty else { return nil }
            return try store.addTrainee(name: name)
        }
        terminal.write("Who is learning today?\n")
        for (index, trainee) in trainees.enumerated() { terminal.write("  \(index + 1). \(trainee.name)\n") }
        terminal.write("  \(trainees.count + 1). Someone new\n")
        while true {
            guard let answer = readAnswer() else { return nil }
            if let number = Int(answer), (1...trainees.count).contains(number) { return trainees[number - 1] }
            if Int(answer) == trainees.count + 1 {
                terminal.write("What name should Beacon use for you?\n")
                guard let name = readAnswer(), !name.isEmpty else { return nil }
                return try store.addTrainee(name: name)
            }
            terminal.write("Type a number from 1 to \(trainees.count + 1).\n")
        }
    }

    /// A typed line in either mode (the interactive mode echoes keys itself).
    private func readAnswer() -> String? {
        terminal.write("> ")
        guard terminal.isInteractive else { return terminal.readLine()?.trimmingCharacters(in: .whitespaces) }
        var text = ""
        while true {
            switch terminal.readKey() {
            case .enter:
                terminal.write("\n")
                return text.trimmingCharacters(in: .whitespaces)
            case .character(let character):
                text.append(character)
                terminal.write(String(character))
            case .backspace:
                if !text.isEmpty {
                    text.removeLast()
                    terminal.write("\u{8} \u{8}")
                }
            case .interrupt, .endOfInput:
                return nil
            default:
                continue
            }
        }
    }
}
