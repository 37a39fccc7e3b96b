import Synchronization

/// A number that names one state of an active context, so processed contexts can be cached
/// by the context they started from without comparing whole term tables.
struct ContextIdentity: Hashable, Sendable {
    let value: UInt64
    private static let counter = Atomic<UInt64>(0)
    static let empty = ContextIdentity(value: 0)

    static func next() -> ContextIdentity {
        ContextIdentity(value: counter.add(1, ordering: .relaxed).newValue)
    }
}

extension ActiveContext {
    /// Called after every change, so a cached result is never used for a changed context.
    mutating func renew() {
        identity = .next()
    }
}
