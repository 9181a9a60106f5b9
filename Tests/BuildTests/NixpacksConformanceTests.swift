import Foundation
import Snapshot
import Testing
@testable import Build

/// railsim's Nixpacks planner against Nixpacks' own snapshot tests. Point
/// `RAILSIM_NIXPACKS_CHECKOUT` at a tree holding Nixpacks' `examples/` and `tests/snapshots/`
/// (`scripts/nixpacks-conformance.py` exports one from the bare mirror).
///
/// - Every `python*` example and `node-python` is planned and compared with
///   `generate_plan_tests__<name>.snap`, masked the way Nixpacks' test helper masks it
///   (test-helper/src/lib.rs: `.buildImage` → "[build_image]", `.phases.*.nixpkgsArchive` →
///   "[archive]"), phase names kept as insta serialises the plan: `plan`, `startCommand`, `install`.
/// - Examples whose snapshot names no provider (plans made only of nixpacks.toml/json and
///   `NIXPACKS_*` variables) are compared whole too: `config-only plans`.
/// - Every example with a snapshot: the provider railsim detects against the first name of the
///   snapshot's NIXPACKS_METADATA: `detection`.
///
/// An example's `test.env` is applied as the helper applies it: `ENVS` as variables, and
/// `CUSTOM_PKGS` / `CUSTOM_START_CMD` as a CLI plan.
@Suite struct NixpacksConformanceTests {
    /// Examples whose plan railsim knowingly does not reproduce, and why.
    static let knownGaps: [String: String] = [
        "node-python": "the Node provider is not emulated, so its setup/install/build phases and variables are missing",
    ]

    /// Examples Nixpacks' generated tests skip (test-helper/src/lib.rs IGNORE): their snapshots, where
    /// one exists, are not checked by Nixpacks itself. custom-plan-path has a test of its own.
    static let ignoredByNixpacks: Set<String> = [
        "rust-custom-version", "rust-rocket", "haskell-stack", "zig-gyro", "rust-ring", "rust-openssl",
        "rust-custom-toolchain", "rust-cargo-workspaces", "rust-cargo-workspaces-glob", "rust-multiple-bins", "ruby-no-version",
    ]

    /// tests/generate_plan_tests.rs test_custom_plan_path: planned with `--config custom-nixpacks.toml`.
    static let configFiles = ["custom-plan-path": "custom-nixpacks.toml"]

    struct Example {
        var name: String
        var expectedText: String
        var expected: [String: Any]
        var snapshot: RepoSnapshot
        var variables: [String: String]
        var options: NixpacksPlanOptions

        var metadataProvider: String? {
            ((expected["variables"] as? [String: Any])?["NIXPACKS_METADATA"] as? String)?.split(separator: ",").first.map(String.init)
        }
    }

    @Test func examplesMatchNixpacksSnapshots() throws {
        guard let checkout = ProcessInfo.processInfo.environment["RAILSIM_NIXPACKS_CHECKOUT"], !checkout.isEmpty else {
            print("NixpacksConformance: skipped (set RAILSIM_NIXPACKS_CHECKOUT to an exported Nixpacks checkout; scripts/nixpacks-conformance.py does)")
            return
        }
        let root = URL(fileURLWithPath: checkout)
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("examples").path).sorted()
        var report: [String] = []
        var examples: [Example] = []
        for name in names where !Self.ignoredByNixpacks.contains(name) {
            do {
                if let example = try Self.load(name, root: root) { examples.append(example) }
            } catch {
                report.append("\(name): cannot load: \(error)")
            }
        }
        let python = examples.filter { $0.name.hasPrefix("python") || $0.name == "node-python" }
        #expect(!python.isEmpty, "no python examples under \(checkout)/examples")
        let configOnly = examples.filter { $0.metadataProvider == nil }

        var exact = 0, byteExact = 0, start = 0, install = 0
        for example in python {
            guard let (rendered, actual) = Self.plan(example, report: &report) else { continue }
            let planMatches = Self.canonical(actual) == Self.canonical(example.expected)
            if planMatches { exact += 1 }
            if rendered == example.expectedText { byteExact += 1 }
            let startMatches = Self.startCommand(actual) == Self.startCommand(example.expected)
            if startMatches { start += 1 }
            let installMatches = Self.installCommands(actual) == Self.installCommands(example.expected)
            if installMatches { install += 1 }
            if !planMatches {
                let reason = Self.knownGaps[example.name].map { " (known: \($0))" } ?? ""
                report.append("\(example.name): plan differs\(reason)\n--- nixpacks\n\(example.expectedText)\n--- railsim\n\(rendered)")
                #expect(Self.knownGaps[example.name] != nil, "\(example.name): plan differs from Nixpacks' snapshot")
            }
            #expect(startMatches, "\(example.name): start \(Self.startCommand(actual) ?? "nil") vs \(Self.startCommand(example.expected) ?? "nil")")
            #expect(installMatches, "\(example.name): install \(Self.installCommands(actual)) vs \(Self.installCommands(example.expected))")
        }

        var configExact = 0
        for example in configOnly {
            guard let (rendered, actual) = Self.plan(example, report: &report) else { continue }
            if Self.canonical(actual) == Self.canonical(example.expected) {
                configExact += 1
            } else {
                report.append("\(example.name): config-only plan differs\n--- nixpacks\n\(example.expectedText)\n--- railsim\n\(rendered)")
                Issue.record("\(example.name): config-only plan differs from Nixpacks' snapshot")
            }
        }

        var detected = 0
        for example in examples {
            let plan = try? NixpacksPlanner.plan(snapshot: example.snapshot, variables: example.variables, options: example.options)
            if plan?.context.providers.first == example.metadataProvider {
                detected += 1
            } else {
                report.append("\(example.name): detected \(plan?.context.providers.first ?? "nothing") instead of \(example.metadataProvider ?? "nothing")")
                Issue.record("\(example.name): provider detection differs from Nixpacks")
            }
        }

        print("NixpacksConformance: \(python.count) python examples (python* and node-python), \(examples.count) examples with snapshots, from \(checkout)")
        for line in report { print("NixpacksConformance: \(line)") }
        print("plan: \(exact)/\(python.count) exact")
        print("plan (byte for byte): \(byteExact)/\(python.count)")
        print("startCommand: \(start)/\(python.count)")
        print("install: \(install)/\(python.count)")
        print("config-only plans: \(configExact)/\(configOnly.count) exact")
        print("detection: \(detected)/\(examples.count)")
    }

    /// An example with its snapshot and test.env, or nil when Nixpacks keeps no snapshot for it.
    static func load(_ name: String, root: URL) throws -> Example? {
        let snapshotFile = root.appendingPathComponent("tests/snapshots/generate_plan_tests__\(name.replacingOccurrences(of: "-", with: "_")).snap")
        guard let snapshotText = try? String(contentsOf: snapshotFile, encoding: .utf8),
              let expectedText = body(ofSnapshot: snapshotText), let expected = parse(expectedText) else { return nil }
        let directory = root.appendingPathComponent("examples/\(name)")
        var variables: [String: String] = [:]
        var options = NixpacksPlanOptions(configFile: configFiles[name])
        if let testEnv = try? String(contentsOf: directory.appendingPathComponent("test.env"), encoding: .utf8) {
            let values = dotenv(testEnv)
            for pair in (values["ENVS"] ?? "").components(separatedBy: ", ") where !pair.isEmpty {
                // environment.rs from_envs: NAME=VALUE, split at the first `=`.
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                variables[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
            }
            // test-helper/src/lib.rs simple_gen_plan: a setup phase with CUSTOM_PKGS and a start.
            var setup: [String: Any] = [:]
            if let packages = values["CUSTOM_PKGS"] { setup["nixPkgs"] = packages.components(separatedBy: ",") }
            var startPhase: [String: Any] = [:]
            if let command = values["CUSTOM_START_CMD"] { startPhase["cmd"] = command }
            let plan: [String: Any] = ["phases": ["setup": setup], "start": startPhase]
            let data = try JSONSerialization.data(withJSONObject: plan, options: [.sortedKeys])
            options.jsonPlan = String(decoding: data, as: UTF8.self)
        }
        return Example(name: name, expectedText: expectedText, expected: expected,
                       snapshot: try DirectorySnapshot.load(directory.path), variables: variables, options: options)
    }

    /// The masked plan as railsim renders it and as parsed JSON.
    static func plan(_ example: Example, report: inout [String]) -> (String, [String: Any])? {
        do {
            let plan = try NixpacksPlanner.plan(snapshot: example.snapshot, variables: example.variables, options: example.options)
            let rendered = masked(plan).json(phaseNames: true)
            guard let actual = parse(rendered) else {
                report.append("\(example.name): railsim's JSON does not parse")
                return nil
            }
            return (rendered, actual)
        } catch {
            report.append("\(example.name): planner error: \(error)")
            Issue.record("\(example.name): \(error)")
            return nil
        }
    }

    /// The few dotenv forms test.env files use: `NAME=value`, `NAME="value"`, `NAME='value'`, `#` comments.
    static func dotenv(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            var value = String(trimmed[trimmed.index(after: equals)...])
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[String(trimmed[..<equals])] = value
        }
        return values
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
