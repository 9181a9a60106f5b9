import Foundation

/// Finds and runs real CPython interpreters for the oracle tests. A `python3.X` shim that cannot
/// run that version (pyenv prints "command not found" for versions that are not global) is skipped,
/// so each candidate is checked by asking it for its version.
enum StdlibPythonOracle {
    /// `RAILSIM_PYTHON3_<minor>` if set, then `python3.<minor>` on PATH, then pyenv's versions directory.
    static func interpreter(minor: Int) -> String? {
        let env = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let explicit = env["RAILSIM_PYTHON3_\(minor)"] { candidates.append(explicit) }
        for dir in (env["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(dir)/python3.\(minor)")
        }
        let pyenvRoot = env["PYENV_ROOT"] ?? ((env["HOME"] ?? "/root") + "/.pyenv")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: pyenvRoot + "/versions")) ?? []
        for version in versions.sorted().reversed() where version.hasPrefix("3.\(minor).") {
            candidates.append("\(pyenvRoot)/versions/\(version)/bin/python3.\(minor)")
        }
        for exe in candidates where FileManager.default.isExecutableFile(atPath: exe) {
            let probe = run(exe, ["-c", "import sys; print(sys.version_info[1])"])
            if probe?.status == 0, probe?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == String(minor) {
                return exe
            }
        }
        return nil
    }

    /// Runs `exe args` in an empty temporary directory; stderr is discarded.
    static func run(_ exe: String, _ args: [String]) -> (status: Int32, stdout: String)? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("railsim-oracle-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)) != nil else {
            return nil
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = args
        process.currentDirectoryURL = dir
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
