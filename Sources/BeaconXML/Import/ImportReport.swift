import Foundation
import BeaconCore

/// What an import made of its input: nothing is dropped without a line here.
public struct ImportReport: Sendable, Encodable {
    /// Where something came from: `path:line`.
    public struct Source: Sendable, Encodable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var description: String { "\(path):\(line)" }
    }

    /// A question that was not converted, and why.
    public struct Skipped: Sendable, Encodable {
        public var source: Source
        public var name: String
        public var type: String
        public var reason: String
    }

    /// Something converted with a change the trainer should know about.
    public struct Note: Sendable, Encodable {
        public var source: Source
        public var id: String
        public var message: String
    }

    public var questions = 0
    public var lessons = 0
    public var skipped: [Skipped] = []
    public var notes: [Note] = []
    /// Embedded or referenced files (images, audio) that were not brought over.
    public var files: [Note] = []

    public init() {}
}

/// A converted module and the report of what happened on the way.
/// One file to import, as read from disk (by `beacon import`) or from a test fixture.
public struct ImportInput: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

public struct ImportResult: Sendable {
    public var module: Module
    public var report: ImportReport
}

/// Options both importers share.
public struct ImportOptions: Sendable {
    public var moduleID: String
    public var title: String
    public var passMark: Double

    public init(moduleID: String, title: String, passMark: Double = 0.8) {
        self.moduleID = moduleID
        self.title = title
        self.passMark = passMark
    }
}

/// Turns foreign names into curriculum ids, unique within one import.
public struct IdAllocator {
    private var used: Set<String> = []

    init(reserved: [String] = []) { used = Set(reserved) }

    /// Whether `text` is already a valid curriculum id.
    public static func slugIsValid(_ text: String) -> Bool {
        text.count <= 64 && slug(text, fallback: "") == text
    }

    public static func slug(_ text: String, fallback: String = "item") -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let isWordChar = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if isWordChar {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
                if result.count >= 56 { break }
            } else {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? fallback : result
    }

    /// A fresh id based on `text`; `-2`, `-3`… are added on a clash.
    mutating func make(_ text: String, fallback: String = "item") -> String {
        let base = Self.slug(text, fallback: fallback)
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
