import Foundation
import Snapshot
import Testing
import TestSupport
@testable import Build

/// Plans a fixture under fixtures/railpack/<name>/: the app is its `app/` directory, and
/// `expected.json` holds what the plan must contain, written from Railpack's source rather than
/// its snapshots. `expected.json` has the provider's name and a plan fragment: objects match when
/// every expected key matches, arrays element by element, and `steps` by name, in order.
enum RailpackFragmentPlans {
    struct Planned {
        var result: RailpackPlanResult
        /// The plan as `railpack plan` prints it, parsed back (nil when planning failed).
        var json: Any?
    }

    static func plan(_ name: String, variables: [String: String] = [:]) throws -> Planned {
        let directory = RepoLocations.fixtures.appendingPathComponent("railpack").appendingPathComponent(name).appendingPathComponent("app")
        let snapshot = try DirectorySnapshot.load(directory.path)
        return plan(snapshot, variables: variables)
    }

    static func plan(files: [String: String], variables: [String: String] = [:]) -> Planned {
        plan(RepoSnapshot.inMemory(files), variables: variables)
    }

    private static func plan(_ snapshot: RepoSnapshot, variables: [String: String]) -> Planned {
        let request = RailpackPlanRequest(snapshot: snapshot, environment: RailpackEnvironment(variables), railpackVersion: "dev")
        let result = RailpackPlanner.generate(request)
        let json = result.plan.flatMap { try? JSONSerialization.jsonObject(with: Data($0.railpackPlanOutput().utf8)) }
        return Planned(result: result, json: json)
    }

    /// The fixture's expected.json: `provider` and `plan`.
    static func expected(_ name: String) throws -> (provider: String, plan: Any) {
        let url = RepoLocations.fixtures.appendingPathComponent("railpack").appendingPathComponent(name).appendingPathComponent("expected.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return (try #require(object["provider"] as? String), try #require(object["plan"]))
    }

    /// Plans fixture `name` and checks it against its expected.json: no failure, the expected provider,
    /// and every key of the expected plan fragment. Returns the plan for further checks.
    @discardableResult
    static func planMatchingFixture(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Planned {
        let planned = try plan(name)
        let expected = try expected(name)
        #expect(planned.result.failure == nil, sourceLocation: sourceLocation)
        #expect(planned.result.provider == expected.provider, sourceLocation: sourceLocation)
        #expect(mismatches(expected: expected.plan, actual: planned.json) == [], sourceLocation: sourceLocation)
        return planned
    }

    /// Where `actual` departs from the `expected` fragment, as readable paths; empty when it matches.
    static func mismatches(expected: Any, actual: Any?, path: String = "plan") -> [String] {
        guard let actual else { return ["\(path): missing"] }
        if let expectedObject = expected as? [String: Any] {
            guard let actualObject = actual as? [String: Any] else { return ["\(path): not an object"] }
            return expectedObject.keys.sorted().flatMap { key -> [String] in
                if key == "steps", let expectedSteps = expectedObject[key] as? [[String: Any]] {
                    return stepMismatches(expectedSteps, actualObject[key] as? [[String: Any]] ?? [], path: path + ".steps")
                }
                return mismatches(expected: expectedObject[key] as Any, actual: actualObject[key], path: path + "." + key)
            }
        }
        if let expectedArray = expected as? [Any] {
            guard let actualArray = actual as? [Any] else { return ["\(path): not an array"] }
            guard expectedArray.count == actualArray.count else { return ["\(path): \(actualArray.count) items, expected \(expectedArray.count): \(actualArray)"] }
            return zip(expectedArray, actualArray).enumerated().flatMap { mismatches(expected: $0.element.0, actual: $0.element.1, path: "\(path)[\($0.offset)]") }
        }
        return (expected as? NSObject) == (actual as? NSObject) ? [] : ["\(path): \(actual), expected \(expected)"]
    }

    /// Expected steps must exist under their names and appear in the same relative order.
    private static func stepMismatches(_ expected: [[String: Any]], _ actual: [[String: Any]], path: String) -> [String] {
        var problems: [String] = []
        var lastIndex = -1
        for step in expected {
            let name = step["name"] as? String ?? ""
            guard let index = actual.firstIndex(where: { $0["name"] as? String == name }) else {
                problems.append("\(path): no step \(name); have \(actual.compactMap { $0["name"] as? String })")
                continue
            }
            if index < lastIndex { problems.append("\(path): step \(name) out of order") }
            lastIndex = index
            problems += mismatches(expected: step, actual: actual[index], path: "\(path)[\(name)]")
        }
        return problems
    }

    /// The names of the plan's steps, in order.
    static func stepNames(_ planned: Planned) -> [String] {
        ((planned.json as? [String: Any])?["steps"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    /// One step as JSON.
    static func step(_ planned: Planned, _ name: String) -> [String: Any]? {
        ((planned.json as? [String: Any])?["steps"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    /// The exec command lines of a step.
    static func commands(_ planned: Planned, _ name: String) -> [String] {
        (step(planned, name)?["commands"] as? [[String: Any]] ?? []).compactMap { $0["cmd"] as? String }
    }
}
