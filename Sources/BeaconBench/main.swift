import Foundation

// Benchmarks that need Beacon's code in-process; Scripts/bench runs them in release builds and
// compares them with a reference measured in the same run.
//
//   BeaconBench verify N [DIR]   — verification rate of N distinct signed credentials, with the
//                                  proof set, rdfc alone and jcs alone; DIR gets a sample for pyld.
//   BeaconBench record T N       — T trainees at once, each recording N answers through the
//                                  learning store, committed one by one.
//   BeaconBench record-raw T N   — the reference: T threads, each inserting N rows with a raw GRDB
//                                  write per row, same database settings.
//   BeaconBench record-pg URL T N I   — the same on PostgreSQL, the trainees spread over I
//                                  instances (stores with their own connections).
//   BeaconBench record-pg-raw URL T N — the reference: one postgres-nio connection per trainee,
//                                  one INSERT (its own commit) per row.

let arguments = Array(CommandLine.arguments.dropFirst())
func usage() -> Never {
    FileHandle.standardError.write(Data("usage: BeaconBench verify N | record TRAINEES ANSWERS | record-raw TRAINEES ANSWERS | record-pg URL TRAINEES ANSWERS INSTANCES | record-pg-raw URL TRAINEES ANSWERS\n".utf8))
    exit(2)
}
switch arguments.first {
case "verify":
    guard let count = Int(arguments.dropFirst().first ?? "10000"), count > 0 else { usage() }
    try verifyBench(count: count, sampleFolder: arguments.count > 2 ? arguments[2] : nil)
case "record", "record-raw":
    guard arguments.count == 3, let trainees = Int(arguments[1]), let answers = Int(arguments[2]), trainees > 0, answers > 0 else { usage() }
    try recordBench(raw: arguments[0] == "record-raw", trainees: trainees, answers: answers)
case "record-pg", "record-pg-raw":
    let raw = arguments[0] == "record-pg-raw"
    guard arguments.count == (raw ? 4 : 5), let trainees = Int(arguments[2]), let answers = Int(arguments[3]), trainees > 0, answers > 0,
        let instances = raw ? 1 : Int(arguments[4]), instances > 0
    else { usage() }
    try recordBenchPostgres(raw: raw, url: arguments[1], trainees: trainees, answers: answers, instances: instances)
default:
    usage()
}
