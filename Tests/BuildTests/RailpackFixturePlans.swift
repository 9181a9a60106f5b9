import Foundation
import Railway
import Snapshot
import TestSupport
import Testing
@testable import Build

/// Plans a fixture under fixtures/railpack/<name>/ (the app in `app/`) the way Railpack's snapshot
/// tests plan an example (no variables unless given, version "dev"), and checks it against the
/// plan fragment in `expected.json` beside it. The fragment lists what the Railpack source says
/// the plan holds: `deploy` keys, `caches`, steps by name (each listed key compared whole), the
/// step order, and the `env` and `root` to plan with.
enum RailpackFixturePlans {
    struct Planned {
        var result: RailpackPlanResult
        var json: RailpackJSONValue
    }

    static func directory(_ name: String) -> URL { RepoLocations.fixtures.appendingPathComponent("railpack").appendingPathComponent(name) }

    static func expected(_ name: String) throws -> [String: RailpackJSONValue] {
        let text = try String(contentsOf: directory(name).appendingPathComponent("expected.json"), encoding: .utf8)
        guard case .object(let members) = convert(try ConfigDocumentParser.parse(text, format: .json, file: "expected.json")) else { return [:] }
        return members
    }

    static func plan(_ name: String, environment: [String: String] = [:], root: String = "", errorMissingStart: Bool = false) throws -> Planned {
        let snapshot = try DirectorySnapshot.load(directory(name).appendingPathComponent("app").path)
        let rootPath = root.isEmpty ? RepoPath.root : (RepoPath(root) ?? .root)
        let request = RailpackPlanRequest(snapshot: snapshot, root: rootPath, environment: RailpackEnvironment(environment),
                                          railpackVersion: "dev", errorMissingStartCommand: errorMissingStart)
        let result = RailpackPlanner.generate(request)
        return Planned(result: result, json: result.plan?.jsonValue ?? .object([:]))
    }

    /// Plans the fixture with the fragment's `env` and `root` and records every difference.
    @discardableResult
    static func check(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Planned {
        let fragment = try expected(name)
        var environment: [String: String] = [:]
        if case .object(let env)? = fragment["env"] {
            for (key, value) in env { if case .string(let text) = value { environment[key] = text } }
        }
        var root = ""
        if case .string(let text)? = fragment["root"] { root = text }
        let planned = try plan(name, environment: environment, root: root)
        #expect(planned.result.failure == nil, "\(name): \(planned.result.failure?.message ?? "")", sourceLocation: sourceLocation)
        guard case .object(let plan) = planned.json else { return planned }
        if let deploy = fragment["deploy"] { expectSubset(deploy, plan["deploy"], path: "deploy", sourceLocation: sourceLocation) }
        if let caches = fragment["caches"] { #expect(plan["caches"] == caches, "caches", sourceLocation: sourceLocation) }
        let steps: [RailpackJSONValue]
        if case .array(let items)? = plan["steps"] { steps = items } else { steps = [] }
        let names = steps.compactMap { step -> String? in
            if case .object(let members) = step, case .string(let name)? = members["name"] { return name }
            return nil
        }
        if case .array(let order)? = fragment["stepOrder"] { #expect(order == names.map { .string($0) }, "step order", sourceLocation: sourceLocation) }
        if case .object(let expectedSteps)? = fragment["steps"] {
            for (stepName, expectedStep) in expectedSteps {
                let actual = steps.first { step in
                    if case .object(let members) = step, members["name"] == .string(stepName) { return true }
                    return false
                }
                #expect(actual != nil, "step \(stepName) missing", sourceLocation: sourceLocation)
                expectSubset(expectedStep, actual, path: "steps.\(stepName)", sourceLocation: sourceLocation)
            }
        }
        return planned
    }

    /// Every key of an expected object equals the actual one; anything else must be equal.
    static func expectSubset(_ expected: RailpackJSONValue, _ actual: RailpackJSONValue?, path: String, sourceLocation: Testing.SourceLocation) {
        guard case .object(let expectedMembers) = expected else {
            #expect(actual == expected, "\(path)", sourceLocation: sourceLocation)
            return
        }
        guard case .object(let actualMembers)? = actual else {
            Issue.record("\(path): expected an object, found \(String(describing: actual))", sourceLocation: sourceLocation)
            return
        }
        for (key, value) in expectedMembers {
            if value == .string("<absent>") {
                #expect(actualMembers[key] == nil, "\(path).\(key) should be absent", sourceLocation: sourceLocation)
            } else {
                #expect(actualMembers[key] == value, "\(path).\(key)", sourceLocation: sourceLocation)
            }
        }
    }

    static func convert(_ value: ConfigValue) -> RailpackJSONValue {
        switch value {
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .integer(let number): return .number(number)
        case .float(let number): return .number(Int(number))
        case .array(let items): return .array(items.map(convert))
        case .table(let members): return .object(Dictionary(members.map { ($0.key, convert($0.value)) }, uniquingKeysWith: { $1 }))
        case .null, .other: return .string("")
        }
    }
}
