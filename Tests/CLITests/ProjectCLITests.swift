import Foundation
import Testing
import TestSupport

/// Issue 4 at the command line: services from `.railway/railway.ts` and an exported environment
/// config, the config-as-code cutoff, `--assume`, `--explore` and `--changed`.
@Suite struct ProjectCLITests {
    static var platform: String { RepoLocations.fixtures.appendingPathComponent("platform-monorepo").path }
    static var environmentConfig: String { platform + "/railway-environment.json" }
    static let legacy = "3b8f1c2e-7d4a-4e59-9a61-0f2c8d7e5b14"
    static let reports = "a41d9e07-52c3-4f8b-b6e2-98c0d1f7a3e5"

    func run(_ arguments: [String]) throws -> ProcessRunner.Result {
        try CLITests().run(arguments)
    }

    func services(_ result: ProcessRunner.Result) throws -> [String: [String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\(result.stderr)")
        let list = try #require(object["services"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as? String ?? "?", $0) })
    }

    func assumptions(_ service: [String: Any]?) -> [String] {
        ((service?["assumptions"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
    }

    /// Each of the four services: builder, config file, start command and assumptions, either side of the cutoff.
    @Test("four services from railway.ts and an environment config", arguments: [
        ("2026-11-29", "nixpacks", "legacy/railway.toml", "python legacy_app.py", "healthy"),
        ("2026-12-02", "railpack", nil, nil, "build-failed"),
    ])
    func fourServices(_ day: String, _ legacyBuilder: String, _ legacyConfig: String?, _ legacyStart: String?, _ legacyOutcome: String) throws {
        let result = try run(["check", Self.platform, "--railway-config", Self.environmentConfig, "--as-of", day, "--format", "json"])
        let all = try services(result)
        #expect(Array(all.keys).sorted() == ["api", "worker", Self.legacy, Self.reports].sorted())

        let api = all["api"]
        #expect(api?["origin"] as? String == ".railway/railway.ts:6")
        #expect(api?["rootDirectory"] as? String == "/api")
        #expect(api?["builder"] as? String == "railpack")
        #expect(api?["configFile"] is NSNull)
        #expect(api?["startCommand"] as? String == "uvicorn main:app --host 0.0.0.0 --port $PORT")
        #expect(api?["outcome"] as? String == "healthy")
        #expect(assumptions(api) == ["railpack-python-patch", "railway-port"])

        let worker = all["worker"]
        #expect(worker?["builder"] as? String == "dockerfile")
        #expect(worker?["dockerfile"] as? String == "docker/worker.Dockerfile")
        #expect(worker?["startCommand"] as? String == "python -m worker.run")
        #expect(assumptions(worker) == ["dockerfile-path-base", "railway-port"])

        let legacy = all[Self.legacy]
        #expect(legacy?["builder"] as? String == legacyBuilder)
        #expect(legacy?["configFile"] as? String == legacyConfig)
        #expect(legacy?["startCommand"] as? String == legacyStart)
        #expect(legacy?["outcome"] as? String == legacyOutcome)
        let rules = ((legacy?["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains(legacyConfig == nil ? "RS108" : "RS104"), "\(rules)")

        let reports = all[Self.reports]
        #expect(reports?["rootDirectory"] as? String == "/reports")
        #expect(reports?["startCommand"] as? String == "python report.py")
        #expect(reports?["outcome"] as? String == "healthy")
        #expect((reports?["settings"] as? [String: Any]).flatMap { ($0["startCommand"] as? [String: Any])?["source"] as? String }
                == "\(Self.environmentConfig) services.\(Self.reports)")
        #expect(result.status == (legacyOutcome == "healthy" ? 0 : 1))
    }

    @Test("--service picks one declared service; an unknown name is an input error")
    func selection() throws {
        let one = try run(["check", Self.platform, "--service", "worker", "--format", "json"])
        #expect(try services(one).keys.sorted() == ["worker"])
        let unknown = try run(["check", Self.platform, "--service", "web"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("railsim: --service: no service named 'web' is declared (declared: api, worker)"), "\(unknown.stderr)")
    }

    @Test("--changed simulates only the services a change redeploys")
    func changed() throws {
        let result = try run(["check", Self.platform, "--railway-config", Self.environmentConfig, "--changed", "api/main.py", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let skipped = ((object["project"] as? [String: Any])?["skipped"] as? [[String: Any]]) ?? []
        // reports watches /reports/** only; the others have no watch paths and redeploy on any change.
        #expect(skipped.compactMap { $0["name"] as? String } == [Self.reports])
        #expect((skipped.first?["reason"] as? String)?.hasPrefix("no changed file matches its watch paths `/reports/**`") == true, "\(skipped)")
        #expect(try services(result).keys.sorted() == ["api", "worker", Self.legacy].sorted())
        let outside = try run(["check", Self.platform, "--changed", "../etc/passwd"])
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("--changed '../etc/passwd' points outside the repository"))
    }

    @Test("bad --as-of and --assume are one-line input errors", arguments: [
        (["--as-of", "2026-02-30"], "railsim: --as-of '2026-02-30' is not a date of the form YYYY-MM-DD"),
        (["--assume", "railway-port=99999"], "railsim: --assume: '99999' is not a value of railway-port (expected a port number 1-65535)"),
        (["--railway-config", "/nonexistent/env.json"], "railsim: --railway-config: cannot read '/nonexistent/env.json'"),
    ])
    func badInput(_ extra: [String], _ message: String) throws {
        let result = try run(["check", Self.platform] + extra)
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == message, "\(result.stderr)")
    }

    @Test("--explore says which alternative of an undocumented rule changes the outcome")
    func explore() throws {
        // The seed's report-fix: dockerfilePath "../Dockerfile.health" in health-service/railway.toml.
        // From the root directory it names the repo-root Dockerfile.health (the default finds it
        // there too); from the repo root it escapes the repository, so the build fails. With the
        // repo-root railway.toml winning instead, Railpack builds and the seed's import fails.
        let repo = try ProcessRunner.temporaryDirectory("railsim-explore")
        defer { try? FileManager.default.removeItem(at: repo) }
        let fixture = RepoLocations.fixtures.appendingPathComponent("health-service-monorepo")
        for item in try FileManager.default.contentsOfDirectory(atPath: fixture.path) {
            try FileManager.default.copyItem(at: fixture.appendingPathComponent(item), to: repo.appendingPathComponent(item))
        }
        let overlay = RepoLocations.fixtures.appendingPathComponent("overlays/report-fix/health-service/railway.toml")
        try FileManager.default.copyItem(at: overlay, to: repo.appendingPathComponent("health-service/railway.toml"))
        let result = try run(["check", repo.path, "--root", "health-service", "--explore", "--format", "json"])
        let service = try #require(try services(result).values.first)
        let explorations = try #require(service["explorations"] as? [[String: Any]])
        let byChoice = Dictionary(uniqueKeysWithValues: explorations.map { ("\($0["assumption"] ?? "")=\($0["value"] ?? "")", $0) })
        #expect(byChoice["dockerfile-path-base=root-directory"]?["changesResult"] as? Bool == false)
        #expect(byChoice["dockerfile-path-base=repo-root"]?["outcome"] as? String == "build-failed")
        #expect(byChoice["dockerfile-path-base=repo-root"]?["failure"] as? String == "Dockerfile `../Dockerfile.health` does not exist")
        #expect(byChoice["config-file-precedence=repo-root"]?["failure"] as? String == "ModuleNotFoundError: No module named 'src'")
        #expect(byChoice["config-file-precedence=repo-root"]?["changesResult"] as? Bool == true)
        let text = try run(["check", repo.path, "--root", "health-service", "--explore"])
        #expect(text.stdout.contains("Exploring the assumptions (--explore):"))
        #expect(text.stdout.contains("- dockerfile-path-base = repo-root: changes the result: build-failed — Dockerfile `../Dockerfile.health` does not exist"), "\(text.stdout)")
    }
}

/// Paths in project sources that escape the repository are input errors naming where they were declared.
@Suite struct ProjectPathEscapeTests {
    @Test("a declared Root Directory outside the repository", arguments: [
        (".railway/railway.ts", """
        import { defineRailway, github, project, service } from "railway/iac";
        export default defineRailway(() => {
          const web = service("web", { source: github("acme/app", { rootDirectory: "../elsewhere" }) });
          return project("app", { resources: [web] });
        });
        """, "railsim: .railway/railway.ts:3: root directory '../elsewhere' points outside the repository"),
    ])
    func declaredRootEscapes(_ path: String, _ text: String, _ message: String) throws {
        let repo = try ProcessRunner.temporaryDirectory("railsim-escape")
        defer { try? FileManager.default.removeItem(at: repo) }
        let url = repo.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        let result = try CLITests().run(["check", repo.path])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == message, "\(result.stderr)")
    }

    @Test("an environment config whose rootDirectory escapes the repository")
    func exportedRootEscapes() throws {
        let repo = try ProcessRunner.temporaryDirectory("railsim-escape")
        defer { try? FileManager.default.removeItem(at: repo) }
        let config = repo.appendingPathComponent("env.json")
        try Data(#"{"services": {"abc": {"source": {"rootDirectory": "../shared"}}}}"#.utf8).write(to: config)
        let result = try CLITests().run(["check", repo.path, "--railway-config", config.path])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").first.map(String.init)
                == "railsim: \(config.path):1: services.abc.source.rootDirectory: '../shared' points outside the repository", "\(result.stderr)")
    }
}
