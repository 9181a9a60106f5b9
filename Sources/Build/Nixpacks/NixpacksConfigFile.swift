import Railway
import Snapshot

/// nixpacks.toml / nixpacks.json, the plan layer a repository writes itself
/// (nixpacks:src/nixpacks/plan/generator.rs `read_file_plan`; mod.rs `from_toml`, `from_json`).
/// The document is decoded the way serde decodes `BuildPlan`: camelCase keys plus the documented
/// aliases, unknown keys ignored, a wrong type failing the whole file.
enum NixpacksConfigFile {
    /// The plan from the config file in effect (an empty plan without one) and, for the report,
    /// the file and the line of its start command.
    static func read(_ app: NixpacksApp, environment: NixpacksEnvironment,
                     explicitFile: String?) throws(NixpacksPlanError) -> (plan: NixpacksPlan, file: RepoPath?, startLine: Int?) {
        let chosen: String
        if let explicitFile {
            chosen = explicitFile                                           // generator.rs: the CLI's --config
        } else if let fromVariable = environment.configVariable("CONFIG_FILE") {
            guard app.includesFile(fromVariable) else {                    // generator.rs: NIXPACKS_CONFIG_FILE
                throw NixpacksPlanError(.nixpacks, "Config file \(fromVariable) does not exist")
            }
            chosen = fromVariable
        } else if app.includesFile("nixpacks.toml") {
            chosen = "nixpacks.toml"
        } else if app.includesFile("nixpacks.json") {
            chosen = "nixpacks.json"
        } else {
            return (NixpacksPlan(), nil, nil)
        }
        let path = app.path(chosen)
        let text: String
        do {
            text = try app.readFile(chosen)
        } catch {
            throw NixpacksPlanError(.nixpacks, "Failed to read Nixpacks config file `\(chosen)`: \(error.message)", file: path)
        }
        let format: ConfigFormat
        switch extensionOf(chosen) {
        case "toml": format = .toml
        case "json": format = .json
        default: throw NixpacksPlanError(.nixpacks, "Unknown file type: \(chosen)", file: path)
        }
        let failure = "Failed to parse Nixpacks config file `\(chosen)`"
        let document: ConfigValue
        do {
            document = try ConfigDocumentParser.parse(text, format: format, file: chosen)
        } catch {
            throw NixpacksPlanError(.configFile, "\(failure): \(error.message)", file: path, line: error.location.line)
        }
        do {
            let decoded = try decodePlan(document)
            return (decoded.plan, path, decoded.startLine)
        } catch {
            throw NixpacksPlanError(.configFile, "\(failure): \(error.message)", file: path, line: error.line)
        }
    }

    /// `Path::extension`: the text after the file name's last dot, none for `.toml` or `toml`.
    static func extensionOf(_ file: String) -> String? {
        let name = file.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return String(name[name.index(after: dot)...])
    }

    // MARK: serde decoding

    struct DecodeError: Error {
        var message: String
        var line: Int?
    }

    static func decodePlan(_ document: ConfigValue) throws(DecodeError) -> (plan: NixpacksPlan, startLine: Int?) {
        guard let members = document.members else { throw DecodeError(message: "invalid type: \(document.typeName), expected struct BuildPlan") }
        var plan = NixpacksPlan()
        var startLine: Int?
        let fields = try fieldMap(members, names: ["providers": "providers", "buildImage": "buildImage", "variables": "variables",
                                                    "staticAssets": "staticAssets", "phases": "phases", "start": "start"])
        plan.providers = try strings(fields["providers"])
        plan.buildImage = try string(fields["buildImage"])
        plan.variables = try stringMap(fields["variables"])
        plan.staticAssets = try stringMap(fields["staticAssets"])
        if let phasesMember = fields["phases"], phasesMember.value != .null {
            guard let phaseMembers = phasesMember.value.members else { throw typeError(phasesMember, expected: "a map") }
            var phases: [String: NixpacksPhase] = [:]
            for member in phaseMembers { phases[member.key] = try decodePhase(member) }
            plan.phases = phases
        }
        if let startMember = fields["start"], startMember.value != .null {
            guard let startMembers = startMember.value.members else { throw typeError(startMember, expected: "struct StartPhase") }
            let startFields = try fieldMap(startMembers, names: ["cmd": "cmd", "runImage": "runImage", "onlyIncludeFiles": "onlyIncludeFiles", "user": "user"])
            var start = NixpacksStartPhase()
            start.cmd = try string(startFields["cmd"])
            start.runImage = try string(startFields["runImage"])
            start.onlyIncludeFiles = try strings(startFields["onlyIncludeFiles"])
            start.user = try string(startFields["user"])
            if start.cmd != nil { startLine = startFields["cmd"]?.line }
            plan.start = start
        }
        // mod.rs `from_toml` / `from_json` call `resolve_phase_names`, which also creates the map.
        plan.resolvePhaseNames()
        return (plan, startLine)
    }

    private static func decodePhase(_ member: ConfigMember) throws(DecodeError) -> NixpacksPhase {
        guard let members = member.value.members else { throw typeError(member, expected: "struct Phase") }
        // phase.rs: serde names and aliases.
        let fields = try fieldMap(members, names: [
            "name": "name", "dependsOn": "dependsOn", "nixPkgs": "nixPkgs", "nixPackages": "nixPkgs",
            "nixLibs": "nixLibs", "nixLibraries": "nixLibs", "nixOverlays": "nixOverlays", "nixpkgsArchive": "nixpkgsArchive",
            "aptPkgs": "aptPkgs", "aptPackages": "aptPkgs", "cmds": "cmds", "commands": "cmds",
            "onlyIncludeFiles": "onlyIncludeFiles", "cacheDirectories": "cacheDirectories", "paths": "paths", "envPaths": "paths",
        ])
        var phase = NixpacksPhase(name: member.key)
        phase.dependsOn = try strings(fields["dependsOn"])
        phase.nixPkgs = try strings(fields["nixPkgs"])
        phase.nixLibs = try strings(fields["nixLibs"])
        phase.nixOverlays = try strings(fields["nixOverlays"])
        phase.nixpkgsArchive = try string(fields["nixpkgsArchive"])
        phase.aptPkgs = try strings(fields["aptPkgs"])
        phase.cmds = try strings(fields["cmds"])
        phase.onlyIncludeFiles = try strings(fields["onlyIncludeFiles"])
        phase.cacheDirectories = try strings(fields["cacheDirectories"])
        phase.paths = try strings(fields["paths"])
        _ = try string(fields["name"])  // type-checked, then replaced by the key
        return phase
    }

    /// The known members by field name; serde rejects a field given twice (a name and its alias).
    private static func fieldMap(_ members: [ConfigMember], names: [String: String]) throws(DecodeError) -> [String: ConfigMember] {
        var fields: [String: ConfigMember] = [:]
        for member in members {
            guard let field = names[member.key] else { continue }
            if fields[field] != nil { throw DecodeError(message: "duplicate field `\(field)`", line: member.line) }
            fields[field] = member
        }
        return fields
    }

    private static func typeError(_ member: ConfigMember, expected: String) -> DecodeError {
        DecodeError(message: "invalid type: \(member.value.typeName), expected \(expected) for key `\(member.key)`", line: member.line)
    }

    /// `Option<String>`: null is None (JSON), anything but a string is an error.
    private static func string(_ member: ConfigMember?) throws(DecodeError) -> String? {
        guard let member else { return nil }
        switch member.value {
        case .null: return nil
        case .string(let text): return text
        default: throw typeError(member, expected: "a string")
        }
    }

    private static func strings(_ member: ConfigMember?) throws(DecodeError) -> [String]? {
        guard let member else { return nil }
        switch member.value {
        case .null: return nil
        case .array(let items):
            var out: [String] = []
            for item in items {
                guard case .string(let text) = item else {
                    throw DecodeError(message: "invalid type: \(item.typeName), expected a string in `\(member.key)`", line: member.line)
                }
                out.append(text)
            }
            return out
        default: throw typeError(member, expected: "a sequence")
        }
    }

    private static func stringMap(_ member: ConfigMember?) throws(DecodeError) -> [String: String]? {
        guard let member else { return nil }
        switch member.value {
        case .null: return nil
        case .table(let members):
            var out: [String: String] = [:]
            for entry in members {
                guard case .string(let text) = entry.value else {
                    throw DecodeError(message: "invalid type: \(entry.value.typeName), expected a string for key `\(member.key).\(entry.key)`",
                                      line: entry.line ?? member.line)
                }
                out[entry.key] = text
            }
            return out
        default: throw typeError(member, expected: "a map")
        }
    }
}
