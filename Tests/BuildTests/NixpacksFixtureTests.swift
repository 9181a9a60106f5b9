import Foundation
import Snapshot
import Testing
import TestSupport
@testable import Build

/// The hand-written plans under fixtures/nixpacks (see its README): railsim's `nixpacks plan`
/// output must match byte for byte, or fail with Nixpacks' message.
@Suite struct NixpacksFixtureTests {
    static let root = RepoLocations.fixtures.appendingPathComponent("nixpacks")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/app").path) }
            .sorted()
    }

    @Test func fixturesExist() {
        #expect(Self.names.count >= 14)
    }

    @Test(arguments: NixpacksFixtureTests.names)
    func fixturePlan(name: String) throws {
        let directory = Self.root.appendingPathComponent(name)
        let snapshot = try DirectorySnapshot.load(directory.appendingPathComponent("app").path)
        var variables: [String: String] = [:]
        if let text = try? String(contentsOf: directory.appendingPathComponent("variables.env"), encoding: .utf8) {
            for line in text.split(separator: "\n") {
                guard let equals = line.firstIndex(of: "=") else { continue }
                variables[String(line[..<equals])] = String(line[line.index(after: equals)...])
            }
        }
        let expectedPlan = try? String(contentsOf: directory.appendingPathComponent("plan.json"), encoding: .utf8)
        let expectedError = try? String(contentsOf: directory.appendingPathComponent("error.txt"), encoding: .utf8)
        do {
            let plan = try NixpacksPlanner.plan(snapshot: snapshot, variables: variables)
            #expect(expectedError == nil, "\(name): expected Nixpacks to fail with \(expectedError ?? "")")
            #expect(plan.json() + "\n" == expectedPlan, "\(name):\n\(plan.json())")
        } catch {
            let prefix = (expectedError ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(expectedError != nil && error.message.hasPrefix(prefix), "\(name): \(error)")
        }
    }
}
