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
        #expect(result.stderr.hasPrefix("railsim: --format railpack-json prints the builder's plan; use it with `railsim plan`"))
    }
}

/// The seed's health-service planned as Railway plans it (issue 5): Railpack with Root Directory
/// health-service → pip, `python main.py`, Python 3.13 (railpack:core/providers/python/python.go
/// DEFAULT_PYTHON_VERSION, GetStartCommand), byte-stable; and the Nixpacks plan for a legacy service.
@Suite struct SeedPlanCLITests {
    static var seed: String { RepoLocations.fixtures.appendingPathComponent("health-service-monorepo").path }

    @Test func seedRailpackPlan() throws {
        let first = try CLITests().run(["plan", Self.seed, "--root", "health-service", "--format", "railpack-json"])
        let second = try CLITests().run(["plan", Self.seed, "--root", "health-service", "--format", "railpack-json"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout, "the plan must be byte-stable")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect((plan["deploy"] as? [String: Any])?["startCommand"] as? String == "python main.py")
        let steps = (plan["steps"] as? [[String: Any]]) ?? []
        let install = steps.first { $0["name"] as? String == "install" }
        let commands = ((install?["commands"] as? [[String: Any]]) ?? []).compactMap { $0["cmd"] as? String }
        #expect(commands == ["python -m venv /app/.venv", "pip install -r requirements.txt"])
        let mise = steps.first { $0["name"] as? String == "packages:mise" }
        #expect(((mise?["assets"] as? [String: String])?["generated-mise-toml"] ?? "").contains("python = \"3.13\""))
    }

    @Test func misePinIsAnOption() throws {
        let result = try CLITests().run(["plan", Self.seed, "--root", "health-service", "--format", "railpack-json", "--mise-version", "2026.11.1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ghcr.io/railwayapp/railpack-runtime:mise-2026.11.1"))
        #expect(result.stdout.contains("ghcr.io/railwayapp/railpack-builder:mise-2026.11.1"))
        #expect(!result.stdout.contains("mise-2026.8.6"))
        for bad in ["latest", "2026", "2026..1", "2026.8.6 x", ""] {
            let refused = try CLITests().run(["plan", Self.seed, "--format", "railpack-json", "--mise-version", bad])
            #expect(refused.status == 2, "\(bad)")
            #expect(refused.stderr.hasPrefix("railsim: --mise-version '\(bad)' is not a mise release such as 2026.8.6"), "\(refused.stderr)")
        }
    }

    @Test func nixpacksPlan() throws {
        let result = try CLITests().run(["plan", Self.seed, "--root", "health-service", "--builder", "nixpacks", "--format", "nixpacks-json"])
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let phases = plan["phases"] as? [String: [String: Any]]
        // nixpacks:src/providers/python.rs install (PipReqs) and start (main.py).
        #expect(phases?["install"]?["cmds"] as? [String] == ["python -m venv --copies /opt/venv && . /opt/venv/bin/activate && pip install -r requirements.txt"])
        #expect((plan["start"] as? [String: Any])?["cmd"] as? String == "python main.py")
        let check = try CLITests().run(["check", Self.seed, "--format", "nixpacks-json"])
        #expect(check.status == 2)
    }
}
