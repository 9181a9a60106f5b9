import Foundation
import Snapshot

/// Reads what `railway environment config --json` prints and turns it into a `ProjectDefinition`.
///
/// The export is the CLI's `EnvironmentConfig` struct, serialised with serde: services keyed by
/// service ID, each with `source`, `build`, `deploy`, `variables` and `configFile`
/// (cli:src/controllers/config/environment.rs, printed by cli:src/commands/environment/config.rs).
/// It is what the dashboard holds for one environment, so it stands in for `--root`, `--builder`,
/// `--var`, … for every service at once.
///
/// The export carries no service names: the command looks names up from the project and falls
/// back to the ID when it cannot (cli:src/commands/environment/config.rs). railsim does the same:
/// a service is named from `serviceNames` when the caller knows it, else by its ID, with a note.
public enum EnvironmentConfigReader {
    public static func read(_ data: Data, file: String, environment: String,
                            serviceNames: [String: String] = [:]) throws(ProjectSourceError) -> ProjectDefinition {
        try read([UInt8](data), file: file, environment: environment, serviceNames: serviceNames)
    }

    public static func read(_ bytes: [UInt8], file: String, environment: String,
                            serviceNames: [String: String] = [:]) throws(ProjectSourceError) -> ProjectDefinition {
        let text = try EnvironmentConfigText.decode(bytes, file: file)
        let document: ConfigValue
        do {
            document = try ConfigDocumentParser.parseJSON(text, file: file)
        } catch {
            throw ProjectSourceError(location: error.location, message: error.message)
        }
        guard case .table(let members) = document else {
            throw ProjectSourceError(location: SourceLocation(file: file, line: EnvironmentConfigText.firstValueLine(text)),
                                     message: "expected a JSON object at the top level, as `railway environment config --json` prints, found \(EnvironmentConfigObject.typeName(document))")
        }
        let top = EnvironmentConfigObject(members: members, path: "", line: nil, file: file)
        var notes = try top.check(EnvironmentConfigSchema.root)

        // serde would read a missing `services` as empty, but an export without services gives
        // railsim nothing to simulate, so it is an input error.
        guard let services = try top.object("services") else {
            throw ProjectSourceError(location: SourceLocation(file: file),
                                     message: "no \"services\" object; expected the output of `railway environment config --json`")
        }
        guard !services.members.isEmpty else {
            throw ProjectSourceError(location: top.location(of: "services"), message: "services: the export declares no services")
        }

        var definitions: [ServiceDefinition] = []
        var namedByID: [String] = []
        // Each value is a `ServiceInstance`, not an `Option`: null is a type error too.
        for (id, service) in try services.entries() {
            // `railway environment config` leaves deleted services out of its listing
            // (cli:src/commands/environment/config.rs, `is_deleted != Some(true)`).
            if try service.boolean("isDeleted") == true {
                notes.append(.interpreted(location: services.location(of: id),
                                          what: "\(service.path) is marked isDeleted; railsim skips it, as `railway environment config` does"))
                continue
            }
            let name = serviceNames[id] ?? id
            if serviceNames[id] == nil { namedByID.append(id) }
            definitions.append(try EnvironmentConfigService.definition(service, id: id, name: name, environment: environment))
        }

        if !namedByID.isEmpty {
            notes.append(.interpreted(location: top.location(of: "services"),
                                      what: "the export names no services, so railsim names \(namedByID.joined(separator: ", ")) by ID, as `railway environment config` does for a service it cannot name; `${{Name.VAR}}` references use service names and will not match these IDs"))
        }
        notes += try projectLevelNotes(top)
        // Shared variables reach a service only through `${{shared.NAME}}` (docs:content/docs/variables.md);
        // the variables stage resolves those references against these.
        var shared: [ServiceVariable] = []
        if let object = try top.object("sharedVariables") {
            let parsed = try EnvironmentConfigVariables(object)
            shared = parsed.variables
            notes += parsed.notes
        }
        return ProjectDefinition(services: definitions, notes: notes, sharedVariables: shared)
    }

    /// Declarations outside `services` that shape the environment but not a single deploy.
    private static func projectLevelNotes(_ top: EnvironmentConfigObject) throws(ProjectSourceError) -> [ProjectNote] {
        var notes: [ProjectNote] = []
        // `volumes` and `buckets`: maps keyed by ID (cli:src/controllers/config/environment.rs
        // `VolumeInstance`, `BucketInstance`).
        for (key, kind) in [("volumes", "volume"), ("buckets", "bucket")] {
            guard let map = try top.object(key) else { continue }
            for (id, _) in try map.entries() {
                notes.append(.declaredNotSimulated(location: map.location(of: id), what: "\(kind) \(id)"))
            }
        }
        return notes
    }
}
