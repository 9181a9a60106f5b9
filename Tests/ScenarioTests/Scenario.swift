import Findings
import Foundation
import Railway
import Snapshot
import TestSupport
import Testing

/// One scenario file (scenarios/*.toml): a fixture, optional overlays, the service settings, and
/// what must come out. The format is documented in scenarios/README.md.
struct Scenario: CustomTestStringConvertible, Sendable {
    var file: String
    var description: String
    var fixture: String
    var overlays: [String]
    var settings: ServiceSettings
    var expect: [String: ConfigValue]

    var testDescription: String { file }

    static func load(_ file: String) throws -> Scenario {
        let url = RepoLocations.scenarios.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let document = try ConfigDocumentParser.parse(text, format: .toml, file: "scenarios/\(file)")
        let top = Dictionary(uniqueKeysWithValues: (document.members ?? []).map { ($0.key, $0.value) })
        let service = Dictionary(uniqueKeysWithValues: (top["service"]?.members ?? []).map { ($0.key, $0.value) })
        func string(_ value: ConfigValue?) -> String? { if case .string(let s)? = value { return s }; return nil }
        var variables: [ServiceVariable] = []
        for member in service["variables"]?.members ?? [] {
            if case .string(let value) = member.value { variables.append(ServiceVariable(name: member.key, value: value)) }
        }
        let settings = ServiceSettings(name: string(service["name"]) ?? "service", rootDirectory: string(service["root"]) ?? "/",
                                       configFile: string(service["configFile"]), variables: variables,
                                       builder: string(service["builder"]).flatMap { BuilderKind(rawValue: $0) },
                                       startCommand: string(service["startCommand"]))
        var overlays: [String] = []
        if case .array(let items)? = top["overlays"] { overlays = items.compactMap(string) }
        let expect = Dictionary(uniqueKeysWithValues: (top["expect"]?.members ?? []).map { ($0.key, $0.value) })
        return Scenario(file: file, description: string(top["description"]) ?? file, fixture: string(top["fixture"]) ?? "",
                        overlays: overlays, settings: settings, expect: expect)
    }

    /// The fixture directory with the scenario's overlays laid on top.
    func snapshot() throws -> RepoSnapshot {
        let base = try DirectorySnapshot.load(RepoLocations.fixtures.appendingPathComponent(fixture).path)
        var files: [String: String] = [:]
        for overlay in overlays {
            let directory = RepoLocations.fixtures.appendingPathComponent("overlays").appendingPathComponent(overlay)
            let snapshot = try DirectorySnapshot.load(directory.path)
            for path in snapshot.descendants(of: .root) where snapshot.isFile(path) {
                files[path.description] = try snapshot.readText(path)
            }
        }
        return files.isEmpty ? base : try base.overlaid(with: files)
    }

    static func names() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: RepoLocations.scenarios.path)) ?? []
        return names.filter { $0.hasSuffix(".toml") }.sorted()
    }
}
