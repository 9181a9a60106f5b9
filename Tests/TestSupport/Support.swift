import Foundation

/// Paths of the repository and its neighbours, found from this file's location so tests work
/// from any working directory.
public enum RepoLocations {
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static var fixtures: URL { packageRoot.appendingPathComponent("fixtures") }
    public static var scenarios: URL { packageRoot.appendingPathComponent("scenarios") }
    public static var scripts: URL { packageRoot.appendingPathComponent("scripts") }
    /// `../shared` beside the checkout (read-only material: conformance tables, research).
    public static var shared: URL { packageRoot.deletingLastPathComponent().appendingPathComponent("shared") }
}

/// Finds host interpreters for the oracle tests. pyenv's `python3.X` shims fail unless that
/// version is selected, so the versions directory is searched directly; `RAILSIM_PYTHON3_<minor>`
/// overrides.
public enum HostPython {
    public static func interpreter(minor: Int) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["RAILSIM_PYTHON3_\(minor)"], FileManager.default.isExecutableFile(atPath: override) { return override }
        let home = environment["PYENV_ROOT"] ?? (NSHomeDirectory() + "/.pyenv")
        let versions = home + "/versions"
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: versions) {
            for entry in entries.sorted().reversed() where entry.hasPrefix("3.\(minor).") {
                let candidate = "\(versions)/\(entry)/bin/python3.\(minor)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        for directory in ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(directory)/python3.\(minor)"
            if FileManager.default.isExecutableFile(atPath: candidate), isRealInterpreter(candidate) { return candidate }
        }
        return nil
    }

    /// Any Python 3 for helper scripts (the oracle runner needs only the standard library).
    public static func any() -> String? {
        for minor in [11, 12, 13, 10, 9, 8] { if let found = interpreter(minor: minor) { return found } }
        return nil
    }

    static func isRealInterpreter(_ path: String) -> Bool {
        (try? ProcessRunner.run(path, ["-c", "pass"]))?.status == 0
    }
}

/// Runs a program and captures its output (tests only).
public enum ProcessRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static func run(_ executable: String, _ arguments: [String], cwd: String? = nil, environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        if let environment { process.environment = environment }
        // Output goes to temporary files: no pipe can fill up and block the child.
        let directory = try temporaryDirectory("railsim-run")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("out"), errURL = directory.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let outData = (try? Data(contentsOf: outURL)) ?? Data(), errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    public static func temporaryDirectory(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
