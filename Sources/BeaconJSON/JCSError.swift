/// Raised when a value has no RFC 8785 form (a non-finite number).
public struct JCSError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
