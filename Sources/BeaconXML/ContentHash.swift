import Crypto

/// The content hash results are stamped with: SHA-256 over each file's name (relative to the
/// course folder) and the SHA-256 of its bytes, in include order. Moving the folder keeps it;
/// changing any byte of any file changes it.
enum ContentHash {
    static func digest(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    static func of(_ files: [(name: String, digest: [UInt8])]) -> String {
        var hasher = SHA256()
        for file in files {
            hasher.update(data: Array(file.name.utf8) + [0])
            hasher.update(data: file.digest)
        }
        return hex(Array(hasher.finalize()))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}

func lastPathComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}
