import Foundation
import Snapshot
import Testing
@testable import Build

/// railsim's Nixpacks planner against Nixpacks' own snapshot tests. Point
/// `RAILSIM_NIXPACKS_CHECKOUT` at a tree holding Nixpacks' `examples/` and `tests/snapshots/`
/// (`scripts/nixpacks-conformance.py` exports one from the bare mirror). Every `python*` example
/// and `node-python` is planned and compared with `generate_plan_tests__<name>.snap`, masked the
/// way Nixpacks' test helper masks it (test-helper/src/lib.rs: `.buildImage` → "[build_image]",
/// `.phases.*.nixpkgsArchive` → "[archive]"), phase names kept as insta serialises the plan.
@Suite struct NixpacksConformanceTests {
    /// Examples whose plan railsim knowingly does not reproduce, and why.
    static let knownGaps: [String: String] = [
        "node-python": "the Node provider is not emulated, so its setup/install/build phases and variables are missing",
    ]

    @Test func pythonExamplesMatchNixpacksSnapshots() throws {
        guard let checkout = ProcessInfo.processInfo.environment["RAILSIM_NIXPACKS_CHECKOUT"], !checkout.isEmpty else {
            print("NixpacksConformance: skipped (set RAILSIM_NIXPACKS_CHECKOUT to an exported Nixpacks checkout; scripts/nixpacks-conformance.py does)")
            return
        }
        let root = URL(fileURLWithPath: checkout)
        let examples = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("examples").path)
            .filter { $0.hasPrefix("python") || $0 == "node-python" }
            .sorted()
        #expect(!examples.isEmpty, "no python examples under \(checkout)/examples")
        var exact = 0, byteExact = 0, start = 0, install = 0
        var report: [String] = []
        for example in examples {
            let snapshotFile = root.appendingPathComponent("tests/snapshots/generate_plan_tests__\(example.replacingOccurrences(of: "-", with: "_")).snap")
            guard let snapshotText = try? String(contentsOf: snapshotFile, encoding: .utf8), let expectedText = Self.body(ofSnapshot: snapshotText),
                  let expected = Self.parse(expectedText) else {
                report.append("\(example): no readable snapshot")
                continue
            }
            let directory = root.appendingPathComponent("examples/\(example)").path
            if FileManager.default.fileExists(atPath: directory + "/test.env") {
                report.append("\(example): has a test.env (custom CLI plan), not reproduced")
                continue
            }
            let snapshot = try DirectorySnapshot.load(directory)
            let rendered: String
            do {
                rendered = Self.masked(try NixpacksPlanner.plan(snapshot: snapshot, variables: [:])).json(phaseNames: true)
            } catch {
                report.append("\(example): planner error: \(error)")
                continue
            }
            guard let actual = Self.parse(rendered) else {
                report.append("\(example): railsim's JSON does not parse")
                continue
            }
            let planMatches = Self.canonical(actual) == Self.canonical(expected)
            if planMatches { exact += 1 }
            if rendered == expectedText.trimmingCharacters(in: .whitespacesAndNewlines) { byteExact += 1 }
            let startMatches = Self.startCommand(actual) == Self.startCommand(expected)
            if startMatches { start += 1 }
            let installMatches = Self.installCommands(actual) == Self.installCommands(expected)
            if installMatches { install += 1 }
            if !planMatches {
                let reason = Self.knownGaps[example].map { " (known: \($0))" } ?? ""
                report.append("\(example): plan differs\(reason)\n--- nixpacks\n\(expectedText)\n--- railsim\n\(rendered)")
                #expect(Self.knownGaps[example] != nil, "\(example): plan differs from Nixpacks' snapshot")
            }
            #expect(startMatches, "\(example): start \(Self.startCommand(actual) ?? "nil") vs \(Self.startCommand(expected) ?? "nil")")
            #expect(installMatches, "\(example): install \(Self.installCommands(actual)) vs \(Self.installCommands(expected))")
        }
        let n = examples.count
        print("NixpacksConformance: \(n) examples (python* and node-python) from \(checkout)")
        for line in report { print("NixpacksConformance: \(line)") }
        print("plan: \(exact)/\(n) exact")
        print("plan (byte for byte): \(byteExact)/\(n)")
        print("startCommand: \(start)/\(n)")
        print("install: \(install)/\(n)")
    }

    /// The JSON after insta's header (`---`, metadata lines, `---`).
    static func body(ofSnapshot text: String) -> String? {
        let lines = text.components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return nil }
        return lines[(end + 1)...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// test-helper/src/lib.rs `assert_plan_snapshot!` redactions.
    static func masked(_ plan: NixpacksPlan) -> NixpacksPlan {
        var copy = plan
        if copy.buildImage != nil { copy.buildImage = "[build_image]" }
        for key in (copy.phases ?? [:]).keys where copy.phases?[key]?.nixpkgsArchive != nil {
            copy.phases?[key]?.nixpkgsArchive = "[archive]"
        }
        return copy
    }

    static func parse(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    static func canonical(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    static func startCommand(_ plan: [String: Any]) -> String? {
        (plan["start"] as? [String: Any])?["cmd"] as? String
    }

    /// The commands of every install phase (`install`, `<provider>:install`), by phase name.
    static func installCommands(_ plan: [String: Any]) -> [String] {
        let phases = plan["phases"] as? [String: Any] ?? [:]
        return phases.keys.sorted().filter { $0 == "install" || $0.hasSuffix(":install") }.flatMap { name in
            ((phases[name] as? [String: Any])?["cmds"] as? [String]) ?? []
        }
    }
}
