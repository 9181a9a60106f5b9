import Foundation
import Testing
import TestSupport

/// End-to-end: runs the built `railsim` binary and checks the documented contract (README:
/// exit statuses 0/1/2, the JSON schema, one-line errors for bad input).
@Suite struct CLITests {
    /// The binary sits next to the test bundle in the build directory.
    static var binary: String? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("railsim").path,
            Bundle.main.bundleURL.appendingPathComponent("railsim").path,
            RepoLocations.packageRoot.appendingPathComponent(".build/debug/railsim").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var fixture: String { RepoLocations.fixtures.appendingPathComponent("health-service-monorepo").path }

    func run(_ arguments: [String], environment: [String: String] = ["NO_COLOR": "1"]) throws -> ProcessRunner.Result {
        let binary = try #require(Self.binary, "railsim binary not built next to the tests")
        // Pin the day (before Railway's 2026-12-01 config-as-code cutoff) unless the test chooses one.
        let pinned = ["check", "plan"].contains(arguments.first ?? "") && !arguments.contains("--as-of") ? arguments + ["--as-of", "2026-11-29"] : arguments
        return try ProcessRunner.run(binary, pinned, environment: environment)
    }

    @Test("check --format json prints the seed traceback and exits 1")
    func seedJSON() throws {
        let result = try run(["check", Self.fixture, "--root", "health-service", "--format", "json"])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["schemaVersion"] as? Int == 1)
        let service = try #require((object?["services"] as? [[String: Any]])?.first)
        let failure = try #require(service["failure"] as? [String: Any])
        #expect(failure["traceback"] as? String == """
            Traceback (most recent call last):
              File "/app/main.py", line 32, in <module>
                from src.config import Config
            ModuleNotFoundError: No module named 'src'

            """)
        #expect(failure["exitCode"] as? Int == 1)
        #expect(failure["exception"] as? String == "ModuleNotFoundError")
        #expect(service["outcome"] as? String == "crashed")
        #expect(service["builder"] as? String == "railpack")
        #expect(service["startCommand"] as? String == "python main.py")
        #expect((service["python"] as? [String: Any])?["version"] as? String == "3.13")
        #expect((service["sysPath"] as? [String])?.first == "/app")
        // Every documented key is present, null where it has no value.
        for key in ["name", "rootDirectory", "configFile", "builder", "dockerfile", "startCommand", "python", "sysPath", "outcome", "failure", "findings"] {
            #expect(service.keys.contains(key), "missing key \(key)")
        }
        #expect(service["dockerfile"] is NSNull)
        let findings = try #require(service["findings"] as? [[String: Any]])
        let first = try #require(findings.first)
        #expect(first["rule"] as? String == "RS401")
        #expect(first["file"] as? String == "health-service/main.py")
        #expect(first["line"] as? Int == 32)
    }

    @Test("text output shows the crash and the fix")
    func seedText() throws {
        let result = try run(["check", Self.fixture, "--root", "health-service"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("ModuleNotFoundError: No module named 'src'"))
        #expect(result.stdout.contains("fix: Build from the repository root"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a TTY")
    }

    @Test("a healthy prediction exits 0; plan shows the build half")
    func healthyAndPlan() throws {
        let check = try run(["check", Self.fixture, "--service", "api"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("api  ✓ healthy"))
        let plan = try run(["plan", Self.fixture, "--root", "health-service", "--format", "json"])
        #expect(plan.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any]
        let service = try #require((object?["services"] as? [[String: Any]])?.first)
        #expect(service["outcome"] == nil, "plan has no runtime prediction")
        #expect(service["startCommand"] as? String == "python main.py")
    }

    @Test("bad input: one line naming the problem, exit 2", arguments: [
        (["check", "/nonexistent/railsim-repo"], "/nonexistent/railsim-repo: no such file or directory"),
        (["check", Self.fixture, "--var", "NOEQUALS"], "--var 'NOEQUALS' must have the form KEY=VALUE"),
        (["check", Self.fixture, "--root", "../outside"], "root directory '../outside' points outside the repository"),
        (["check", Self.fixture, "--builder", "heroku"], "heroku"),
        (["check", Self.fixture, "--format", "yaml"], "yaml"),
        (["check", Self.fixture, "--bogus"], "--bogus"),
    ])
    func badInput(_ arguments: [String], _ expected: String) throws {
        let result = try run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        let firstLine = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix("railsim: "), "\(result.stderr)")
        #expect(firstLine.contains(expected), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrac"))
    }

    @Test("repository problems are predictions, not usage errors")
    func brokenRepositoryFiles() throws {
        let root = try ProcessRunner.temporaryDirectory("railsim-cli")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("[build\nbuilder = \"RAILPACK\"\n".utf8).write(to: root.appendingPathComponent("railway.toml"))
        try Data("import os\nx = 'unterminated\n".utf8).write(to: root.appendingPathComponent("main.py"))
        let broken = try run(["check", root.path, "--format", "json"])
        #expect(broken.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(broken.stdout.utf8)) as? [String: Any]
        let service = try #require((object?["services"] as? [[String: Any]])?.first)
        #expect(service["outcome"] as? String == "build-failed")
        let failure = try #require(service["failure"] as? [String: Any])
        #expect(failure["file"] as? String == "railway.toml")
        #expect(failure["line"] as? Int == 1)

        // With the config fixed, the Python file that does not tokenize crashes at start-up.
        try Data("[build]\nbuilder = \"RAILPACK\"\n".utf8).write(to: root.appendingPathComponent("railway.toml"))
        let crash = try run(["check", root.path, "--format", "json"])
        #expect(crash.status == 1)
        let crashed = try #require(((try JSONSerialization.jsonObject(with: Data(crash.stdout.utf8)) as? [String: Any])?["services"] as? [[String: Any]])?.first)
        #expect(crashed["outcome"] as? String == "crashed")
        #expect((crashed["failure"] as? [String: Any])?["exception"] as? String == "SyntaxError")
    }

    @Test("--help documents the commands and exit statuses")
    func help() throws {
        let result = try run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("check"))
        #expect(result.stdout.contains("Exit status"))
        let check = try run(["check", "--help"])
        #expect(check.stdout.contains("--root"))
        #expect(check.stdout.contains("--config-file"))
    }
}
