import Crypto
import Foundation
import NIOSSH

/// The server's Ed25519 host key: made on first start in `BEACON_HOME/ssh/host_ed25519` (folder
/// 0700, file 0600, created with O_EXCL so two servers starting at once cannot both write it),
/// and its fingerprint in the form OpenSSH's client shows, so trainees can check it.
public struct HostKey: Sendable {
    public let privateKey: NIOSSHPrivateKey
    public let fingerprint: String

    /// Loads the key, creating it when there is none.
    public static func loadOrCreate(home: URL) throws -> HostKey {
        let folder = home.appendingPathComponent("ssh")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let file = folder.appendingPathComponent("host_ed25519")
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            let key = Curve25519.Signing.PrivateKey()
            let text = Array((key.rawRepresentation.base64EncodedString() + "\n").utf8)
            let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            guard written == text.count else { throw HostKeyError("could not write \(file.path)") }
            return HostKey(key)
        }
        guard errno == EEXIST else { throw HostKeyError("cannot create \(file.path): \(String(cString: strerror(errno)))") }
        let mode = (try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int) ?? 0o777
        guard mode & 0o077 == 0 else {
            throw HostKeyError("refusing to use \(file.path): others can read it (mode \(String(mode, radix: 8))); run chmod 600 on it")
        }
        let text = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Data(base64Encoded: text), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw HostKeyError("\(file.path) does not hold an Ed25519 host key")
        }
        return HostKey(key)
    }

    init(_ key: Curve25519.Signing.PrivateKey) {
        privateKey = NIOSSHPrivateKey(ed25519Key: key)
        fingerprint = Self.fingerprint(of: privateKey.publicKey)
    }

    /// `SHA256:` and the unpadded base64 of the SHA-256 of the key's wire form, as `ssh` prints it.
    public static func fingerprint(of key: NIOSSHPublicKey) -> String {
        let parts = String(openSSHPublicKey: key).split(separator: " ")
        guard parts.count >= 2, let blob = Data(base64Encoded: String(parts[1])) else { return "unknown" }
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// The key's one-line OpenSSH form without a comment (`ssh-ed25519 AAAA…`).
    public static func openSSH(_ key: NIOSSHPublicKey) -> String {
        String(openSSHPublicKey: key).split(separator: " ").prefix(2).joined(separator: " ")
    }
}

public struct HostKeyError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
