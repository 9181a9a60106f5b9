import Foundation
import Snapshot
import Testing
import TestSupport
@testable import Build

/// railsim's planner on small apps of its own (fixtures/railpack/), whose expected plans were
/// worked out from Railpack's source (b5e8058); see fixtures/railpack/README.md. The output must
/// be byte for byte what `railpack plan` prints, so this also pins the JSON format.
@Suite struct RailpackPlanFixtureTests {
    static let fixtures = ["django-postgres-pip", "poetry-procfile-config", "uv-workspace-env"]

    @Test(arguments: fixtures)
    func planMatchesTheExpectedPlan(_ name: String) throws {
        let folder = RepoLocations.fixtures.appendingPathComponent("railpack/\(name)")
        let snapshot = try DirectorySnapshot.load(folder.appendingPathComponent("app").path)
        var environment: [String: String] = [:]
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent("env.json").path) {
            environment = try JSONDecoder().decode([String: String].self, from: data)
        }
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: snapshot, environment: RailpackEnvironment(environment)))
        let plan = try #require(result.plan, "\(result.failure?.message ?? "no plan")")
        let expected = try String(contentsOf: folder.appendingPathComponent("expected-plan.json"), encoding: .utf8)
        #expect(plan.railpackPlanOutput() == expected)
        #expect(result.provider == "python")
    }

    @Test func provenanceOfTheStartCommand() throws {
        let folder = RepoLocations.fixtures.appendingPathComponent("railpack")
        func origin(_ name: String, _ environment: [String: String] = [:]) throws -> String? {
            let snapshot = try DirectorySnapshot.load(folder.appendingPathComponent("\(name)/app").path)
            return RailpackPlanner.generate(RailpackPlanRequest(snapshot: snapshot, environment: RailpackEnvironment(environment))).startCommandOrigin
        }
        #expect(try origin("django-postgres-pip") == "Railpack's Python provider")
        #expect(try origin("poetry-procfile-config") == "Procfile:1 (web)")
        #expect(try origin("uv-workspace-env", ["RAILPACK_START_CMD": "python -m api"]) == "service variable RAILPACK_START_CMD")
    }

    @Test func logsFollowRailpacksOrder() throws {
        let snapshot = try DirectorySnapshot.load(RepoLocations.fixtures.appendingPathComponent("railpack/django-postgres-pip/app").path)
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: snapshot))
        // core.go: config, then .dockerignore (NewGenerateContext), detection, the provider
        // (python.go Plan: build apt packages, the install, Django's app), runtime apt packages.
        #expect(result.logs.map(\.message) == [
            "Found .dockerignore file, applying filters",
            "Detected Python",
            "Using pip",
            "Using Django app: shop.wsgi",
        ])
        #expect(result.metadata == ["providers": "python", "dockerIgnore": "true", "pythonPackageManager": "pip", "pythonRuntime": "django"])
        #expect(result.resolvedPackages["python"]?.requestedVersion == "3.12.4")
        #expect(result.resolvedPackages["python"]?.source == "runtime.txt")
    }
}
