import Foundation
import Runtime

/// Finds CPython interpreters and runs `scripts/python-ast-dump.py`, the oracle the scanner
/// is compared with. Everything here is test-only plumbing.
enum PythonOracle {
    /// The package root, derived from this file's location (Tests/RuntimeTests/…).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var dumperScript: String { packageRoot.appendingPathComponent("scripts/python-ast-dump.py").path }
    static var fixtureDirectory: URL { packageRoot.appendingPathComponent("Tests/RuntimeTests/PythonSourceData") }

    struct Interpreter: Sendable {
        var path: String
        /// e.g. "3.11.7"
        var version: String
        var minor: Int
    }

    /// A working `python3.<minor>`: `$RAILSIM_PYTHON3_<minor>`, a pyenv build under
    /// ~/.pyenv/versions, or one on PATH.
    /// Shims that exist but cannot run (pyenv with another global version) are rejected by
    /// actually running the candidate.
    static func interpreter(minor: Int) -> Interpreter? {
        let cache = PythonOracleInterpreterCache.shared
        if let cached = cache.lookup(minor) { return cached.value }
        let found = search(minor: minor)
        cache.store(minor, found)
        return found
    }

    /// The newest interpreter from 3.13 down to 3.8.
    static func newestInterpreter() -> Interpreter? {
        for minor in stride(from: 13, through: 8, by: -1) {
            if let found = interpreter(minor: minor) { return found }
        }
        return nil
    }

    private static func search(minor: Int) -> Interpreter? {
        var candidates: [String] = []
        let fm = FileManager.default
        // Same override TestSupport's HostPython honours.
        if let explicit = ProcessInfo.processInfo.environment["RAILSIM_PYTHON3_\(minor)"] { candidates.append(explicit) }
        let home = ProcessInfo.processInfo.environment["PYENV_ROOT"] ?? (NSHomeDirectory() + "/.pyenv")
        if let versions = try? fm.contentsOfDirectory(atPath: home + "/versions") {
            for v in versions.sorted() where v.hasPrefix("3.\(minor).") {
                candidates.append("\(home)/versions/\(v)/bin/python3.\(minor)")
            }
        }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(dir)/python3.\(minor)")
        }
        candidates.append("/usr/bin/python3.\(minor)")
        for path in candidates where fm.isExecutableFile(atPath: path) {
            guard let out = run(path, ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"]), out.status == 0 else { continue }
            let version = String(decoding: out.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if version.hasPrefix("3.\(minor).") { return Interpreter(path: path, version: version, minor: minor) }
        }
        return nil
    }

    /// The interpreter's stdlib `.py` files, site-packages excluded, sorted.
    static func stdlibFiles(_ python: Interpreter) -> [String] {
        guard let out = run(python.path, ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]), out.status == 0 else { return [] }
        let root = String(decoding: out.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var files: [String] = []
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        while let rel = walker.nextObject() as? String {
            if rel.hasPrefix("site-packages") || rel.contains("/site-packages/") { continue }
            if rel.hasSuffix(".py") { files.append(root + "/" + rel) }
        }
        return files.sorted()
    }

    /// Every `.py` file under the interpreter's site-packages (sysconfig `purelib` and `platlib`), sorted.
    static func sitePackagesFiles(_ python: Interpreter) -> [String] {
        let code = "import sysconfig; p = sysconfig.get_paths(); print(p['purelib']); print(p['platlib'])"
        guard let out = run(python.path, ["-c", code]), out.status == 0 else { return [] }
        let roots = Set(String(decoding: out.stdout, as: UTF8.self).split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) })
        var files: Set<String> = []
        for root in roots where !root.isEmpty {
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            while let rel = walker.nextObject() as? String { if rel.hasSuffix(".py") { files.insert(root + "/" + rel) } }
        }
        return files.sorted()
    }

    /// Runs the dumper over `files`, split across one process per core so the whole stdlib
    /// takes a few seconds, and returns one decoded record per file, in input order.
    static func dump(_ python: Interpreter, files: [String]) throws -> [[String: Any]] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4, files.count))
        let chunk = (files.count + workers - 1) / max(workers, 1)
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("railsim-ast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        var processes: [(Process, URL)] = []
        for w in 0..<workers {
            let slice = files[min(w * chunk, files.count)..<min((w + 1) * chunk, files.count)]
            let list = tmp.appendingPathComponent("list\(w).txt")
            let output = tmp.appendingPathComponent("out\(w).jsonl")
            try slice.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: python.path)
            p.arguments = [dumperScript, "--files-from", list.path]
            p.standardOutput = try FileHandle(forWritingTo: output)
            p.standardError = FileHandle.nullDevice
            try p.run()
            processes.append((p, output))
        }
        var records: [[String: Any]] = []
        for (p, output) in processes {
            p.waitUntilExit()
            let data = try Data(contentsOf: output)
            for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
                if let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] { records.append(object) }
            }
        }
        return records
    }

    struct Output {
        var status: Int32
        var stdout: Data
    }

    static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil) -> Output? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        let input = Pipe()
        if stdin != nil { p.standardInput = input }
        do { try p.run() } catch { return nil }
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: data)
    }
}

/// Memoizes interpreter discovery across tests (discovery runs a process per candidate).
final class PythonOracleInterpreterCache: @unchecked Sendable {
    static let shared = PythonOracleInterpreterCache()
    private let lock = NSLock()
    private var entries: [Int: PythonOracle.Interpreter?] = [:]

    func lookup(_ minor: Int) -> (value: PythonOracle.Interpreter?, Void)? {
        lock.lock()
        defer { lock.unlock() }
        if let entry = entries[minor] { return (entry, ()) }
        return nil
    }

    func store(_ minor: Int, _ value: PythonOracle.Interpreter?) {
        lock.lock()
        entries[minor] = value
        lock.unlock()
    }
}
