import Foundation
import Testing
import TestSupport

/// `railsim plan --format railpack-json`: Railpack's plan on stdout, byte-stable; errors on
/// stderr with exit status 1 (README "Usage").
@Suite struct RailpackPlanCLITests {
    func run(_ arguments: [String]) throws -> ProcessRunner.Result {
        let binary = try #require(CLITests.binary, "railsim binary not built next to the tests")
        return try ProcessRunner.run(binary, arguments + ["--as-of", "2026-11-29"], environment: ["NO_COLOR": "1"])
    }

    static func fixture(_ name: String) -> String { RepoLocations.fixtures.appendingPathComponent("railpack/\(name)").path }

    @Test func printsTheExpectedPlanByteForByte() throws {
        let result = try run(["plan", Self.fixture("django-postgres-pip/app"), "--format", "railpack-json"])
        #expect(result.status == 0)
        let expected = try String(contentsOfFile: Self.fixture("django-postgres-pip/expected-plan.json"), encoding: .utf8)
        #expect(result.stdout == expected)
        let again = try run(["plan", Self.fixture("django-postgres-pip/app"), "--format", "railpack-json"])
        #expect(again.stdout == result.stdout)
    }

    @Test func serviceSettingsReachThePlan() throws {
        // Railway's start command is `--start-cmd`; variables are the build environment and secrets.
        let result = try run(["plan", Self.fixture("django-postgres-pip/app"), "--format", "railpack-json", "--railpack-version", "dev",
                              "--start-command", "gunicorn shop.wsgi", "--var", "SECRET_KEY=x"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let deploy = try #require(object["deploy"] as? [String: Any])
        #expect(deploy["startCommand"] as? String == "gunicorn shop.wsgi")
        #expect((deploy["variables"] as? [String: String])?["RAILPACK_VERSION"] == "dev")
        #expect(object["secrets"] as? [String] == ["SECRET_KEY"])
        #expect(object["$schema"] as? String == "https://schema.railpack.com")
    }

    @Test func missingStartFailsCleanly() throws {
        let directory = try ProcessRunner.temporaryDirectory("railpack-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        // A package.json without a start script: Node plans it, and Railway's --error-missing-start fails it.
        try Data("{}".utf8).write(to: directory.appendingPathComponent("package.json"))
        let node = try run(["plan", directory.path, "--format", "railpack-json"])
        #expect(node.status == 1)
        #expect(node.stdout.isEmpty)
        #expect(node.stderr.contains("No start command detected"))

        try FileManager.default.removeItem(at: directory.appendingPathComponent("package.json"))
        try Data("requests\n".utf8).write(to: directory.appendingPathComponent("requirements.txt"))
        let python = try run(["plan", directory.path, "--format", "railpack-json"])
        #expect(python.status == 1)
        #expect(python.stderr.contains("No start command detected. Specify a start command: https://railpack.com/config/file#deploy"))
    }

    @Test func checkRefusesTheFormat() throws {
        let result = try run(["check", Self.fixture("django-postgres-pip/app"), "--format", "railpack-json"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("railsim: --format railpack-json prints Railpack's plan"))
    }
}
