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
    /// The `[service]` fields that were given, as flags over a declared service.
    var overrides: ServiceOverrides
    var options: SimulationOptions
    /// `railwayConfig`: an exported environment config under fixtures/.
    var railwayConfig: String?
    /// `rules`: the railway-platform.md rule numbers this scenario exercises.
    var rules: [Int]
    /// `[files]`: repository files written inline, laid over the fixture (or an empty repository).
    var files: [String: String]
    /// `changed`: the files a push changes (`--changed`).
    var changed: [String]?
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
        var settings = ServiceSettings(name: string(service["name"]) ?? "service", rootDirectory: string(service["root"]) ?? "/",
                                       configFile: string(service["configFile"]), variables: variables,
                                       builder: string(service["builder"]).flatMap { BuilderKind(rawValue: $0) },
                                       startCommand: string(service["startCommand"]), environment: string(service["environment"]) ?? "production")
        settings.pullRequestBase = string(service["prBase"])
        let overrides = ServiceOverrides(rootDirectory: string(service["root"]), configFile: string(service["configFile"]),
                                         builder: string(service["builder"]).flatMap { BuilderKind(rawValue: $0) },
                                         startCommand: string(service["startCommand"]), variables: variables,
                                         environment: string(service["environment"]), pullRequestBase: string(service["prBase"]))
        var files: [String: String] = [:]
        for member in top["files"]?.members ?? [] {
            if case .string(let text) = member.value { files[member.key] = text }
        }
        var changed: [String]? = nil
        if case .array(let items)? = top["changed"] { changed = items.compactMap(string) }
        var overlays: [String] = []
        if case .array(let items)? = top["overlays"] { overlays = items.compactMap(string) }
        // Scenarios are evaluated on a fixed day (default: SimulationOptions.testDay) so they do not change with the calendar.
        var options = SimulationOptions.testDay
        if let day = string(top["asOf"]) {
            guard let parsed = CalendarDay(day) else { throw ScenarioError("\(file): asOf '\(day)' is not YYYY-MM-DD") }
            options.asOf = parsed
        }
        for member in top["assume"]?.members ?? [] {
            if case .string(let value) = member.value { options.assumptionChoices[member.key] = value }
        }
        var rules: [Int] = []
        if case .array(let items)? = top["rules"] { rules = items.compactMap { if case .integer(let n) = $0 { return n }; return nil } }
        let expect = Dictionary(uniqueKeysWithValues: (top["expect"]?.members ?? []).map { ($0.key, $0.value) })
        return Scenario(file: file, description: string(top["description"]) ?? file, fixture: string(top["fixture"]) ?? "",
                        overlays: overlays, settings: settings, overrides: overrides, options: options,
                        railwayConfig: string(top["railwayConfig"]), rules: rules, files: files, changed: changed, expect: expect)
    }

    /// Runs the scenario the way `railsim check` does: the whole project report.
    func report() throws -> ProjectReport {
        let snapshot = try snapshot()
        var exported: ProjectLoader.EnvironmentConfigFile? = nil
        if let railwayConfig {
            let url = RepoLocations.fixtures.appendingPathComponent(railwayConfig)
            exported = ProjectLoader.EnvironmentConfigFile(bytes: [UInt8](try Data(contentsOf: url)), file: railwayConfig)
        }
        let request = ProjectPipeline.Request(environmentConfig: exported, service: settings.name, overrides: overrides,
                                              fallback: settings, options: options, changedFiles: changed.map { $0.compactMap { RepoPath($0) } })
        return try ProjectPipeline.assess(snapshot, request: request)
    }

    /// The assessment of the scenario's service.
    func assess() throws -> ServiceAssessment {
        guard let assessment = try report().services.first else { throw ScenarioError("\(file): service \(settings.name) was not simulated") }
        return assessment
    }

    /// The fixture directory with the scenario's overlays laid on top.
    func snapshot() throws -> RepoSnapshot {
        var files: [String: String] = [:]
        guard !fixture.isEmpty else { return RepoSnapshot.inMemory(self.files, name: String(file.dropLast(".toml".count))) }
        let base = try DirectorySnapshot.load(RepoLocations.fixtures.appendingPathComponent(fixture).path)
        for overlay in overlays {
            let directory = RepoLocations.fixtures.appendingPathComponent("overlays").appendingPathComponent(overlay)
            let snapshot = try DirectorySnapshot.load(directory.path)
            for path in snapshot.descendants(of: .root) where snapshot.isFile(path) {
                files[path.description] = try snapshot.readText(path)
            }
        }
        files.merge(self.files) { $1 }
        return files.isEmpty ? base : try base.overlaid(with: files)
    }

    struct ScenarioError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func names() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: RepoLocations.scenarios.path)) ?? []
        return names.filter { $0.hasSuffix(".toml") }.sorted()
    }
}
