import Foundation

/// Without libFuzzer (an ordinary build), a fuzz target replays inputs instead: every file named
/// on the command line, or every file in a named folder. `Scripts/test` runs each target over its
/// saved corpus and crash inputs this way, so a fixed crash stays fixed.
public enum FuzzReplay {
    /// The fuzz target's entry point: libFuzzer's driver in a fuzzing build (SwiftPM names an
    /// executable's entry point itself, so libFuzzer's own `main` is never the one called),
    /// replaying files otherwise.
    public static func main(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) {
        #if BEACON_FUZZ
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, body))
        #else
        run(body)
        #endif
    }

    public static func run(_ body: (UnsafePointer<UInt8>?, Int) -> CInt) {
        let arguments = CommandLine.arguments.dropFirst()
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: \(CommandLine.arguments[0]) FILE|DIR...\n".utf8))
            exit(2)
        }
        var count = 0
        for argument in arguments {
            for file in files(argument) {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                let bytes = [UInt8](data)
                _ = bytes.withUnsafeBufferPointer { body($0.baseAddress, $0.count) }
                count += 1
            }
        }
        print("replayed \(count) input\(count == 1 ? "" : "s") without a crash")
    }

    private static func files(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { (path as NSString).appendingPathComponent($0) }
    }
}

#if BEACON_FUZZ
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
