import Foundation
import Snapshot
import Testing
import TestSupport
@testable import Build

/// Stale-lock detection against the real uv: a lock made by `uv lock`, then pyproject.toml edits,
/// each judged by `uv lock --check --offline` (the check `uv sync --locked` makes first). Needs PyPI
/// to install uv and make the first lock; skips with a message otherwise.
@Suite("uv.lock staleness agrees with uv")
struct UvLockOracleTests {
    static let uvVersion = "0.13.9"
    static let base = #"["six>=1.15", "idna"]"#
    static let variants: [(String, String)] = [
        ("unchanged", base), ("reordered", #"["idna", "six>=1.15"]"#), ("spacing and case", #"["six >= 1.15", "IDNA"]"#),
        ("dependency removed", #"["six>=1.15"]"#), ("dependency added", #"["six>=1.15", "idna", "packaging"]"#),
        ("constraint tightened", #"["six>=1.17", "idna"]"#), ("constraint still admits the lock", #"["six>=1.16", "idna"]"#),
        ("constraint dropped", #"["six", "idna"]"#), ("constraint added", #"["six>=1.15", "idna>=2"]"#),
        ("underscore name", #"["Six>=1.15", "idna"]"#),
    ]

    static func uv() -> String? {
        guard let python = HostPython.interpreter(minor: 11) ?? HostPython.interpreter(minor: 12) else { return nil }
        let venv = NSHomeDirectory() + "/.cache/railsim/uv-oracle-\(uvVersion)"
        let uv = venv + "/bin/uv"
        if FileManager.default.isExecutableFile(atPath: uv) { return uv }
        guard (try? ProcessRunner.run(python, ["-m", "venv", venv]))?.status == 0,
              (try? ProcessRunner.run(venv + "/bin/pip", ["install", "-q", "--disable-pip-version-check", "uv==\(uvVersion)"]))?.status == 0 else { return nil }
        return FileManager.default.isExecutableFile(atPath: uv) ? uv : nil
    }

    func pyproject(_ dependencies: String) -> String {
        "[project]\nname = \"app\"\nversion = \"0.1.0\"\nrequires-python = \">=3.11\"\ndependencies = \(dependencies)\n"
    }

    @Test func agreesWithUv() throws {
        guard let uv = Self.uv() else {
            print("uv oracle: uv \(Self.uvVersion) could not be installed (needs PyPI); skipped")
            return
        }
        let root = try ProcessRunner.temporaryDirectory("railsim-uvlock")
        defer { try? FileManager.default.removeItem(at: root) }
        let pyprojectURL = root.appendingPathComponent("pyproject.toml")
        try Data(pyproject(Self.base).utf8).write(to: pyprojectURL)
        guard (try? ProcessRunner.run(uv, ["lock", "-q", "--directory", root.path]))?.status == 0 else {
            print("uv oracle: `uv lock` failed (needs PyPI); skipped")
            return
        }
        let lock = try String(contentsOf: root.appendingPathComponent("uv.lock"), encoding: .utf8)
        var agree = 0
        for (name, dependencies) in Self.variants {
            try Data(pyproject(dependencies).utf8).write(to: pyprojectURL)
            let real = try ProcessRunner.run(uv, ["lock", "--check", "--offline", "--directory", root.path])
            let snapshot = RepoSnapshot.inMemory(["pyproject.toml": pyproject(dependencies), "uv.lock": lock])
            let drift = try #require(UvLockCheck.drift(pyproject: RepoPath("pyproject.toml")!, lock: RepoPath("uv.lock")!, in: snapshot), "\(name)")
            #expect(drift.isStale == (real.status != 0), "\(name): railsim \(drift), uv exit \(real.status): \(real.stderr)")
            if drift.isStale == (real.status != 0) { agree += 1 }
        }
        print("uv oracle: \(agree)/\(Self.variants.count) pyproject edits judged as uv \(Self.uvVersion) does")
    }
}
