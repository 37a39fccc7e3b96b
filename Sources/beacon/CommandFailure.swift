/// A command used correctly that could not do what was asked: a file that cannot be written,
/// a credential already revoked, an input that is not what it claims. Exit 1 with the reason
/// and no usage text (ArgumentParser prints `Error: reason` for any error it does not know);
/// `ValidationError` stays for misuse (exit 2, with usage).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
