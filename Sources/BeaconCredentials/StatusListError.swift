/// Errors from reading, writing, encoding or decoding a ``BitstringStatusList``.
///
/// Match on ``kind``; ``description`` is for humans and may carry extra detail
/// (for example zlib's own message), so it is not meant for comparisons.
public struct StatusListError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The index is negative or not below the list's bit count.
        case indexOutOfRange(Int, count: Int)
        /// The encoded value is not valid base64 / base64url.
        case notBase64
        /// The decoded bytes are not a well-formed gzip stream (wrong magic, corrupt, truncated, trailing junk).
        case notGzip
        /// Decompression would exceed the caller's output cap (e.g. a gzip bomb).
        case tooLarge
        /// The list has fewer bits than ``BitstringStatusList/minimumLength``; carries the actual bit count.
        case tooShort(Int)
        /// zlib failed for a reason unrelated to the input data (e.g. out of memory).
        case compressionFailed
    }

    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, detail: String? = nil) {
        self.kind = kind
        let summary = Self.summary(of: kind)
        self.description = detail.map { "\(summary): \($0)" } ?? summary
    }

    private static func summary(of kind: Kind) -> String {
        switch kind {
        case let .indexOutOfRange(index, count):
            "status list index \(index) is out of range 0..<\(count)"
        case .notBase64:
            "encoded status list is not valid base64url"
        case .notGzip:
            "status list data is not a valid gzip stream"
        case .tooLarge:
            "decompressed status list exceeds the size limit"
        case let .tooShort(count):
            "status list has \(count) bits, fewer than the required \(BitstringStatusList.minimumLength)"
        case .compressionFailed:
            "zlib failed while processing the status list"
        }
    }
}
