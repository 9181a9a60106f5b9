import Snapshot

/// One JSON object of an exported environment config, with its dotted path
/// (`services.<id>.deploy`) and line, so every type error can name the exact key and line.
///
/// Reading is two steps: `check(_:)` verifies the type of every key the schema knows and reports
/// the others, then the typed getters hand out values. The getters treat `null` as absent, as
/// serde does for the `Option` fields (cli:src/controllers/config/environment.rs); `check` has
/// already rejected `null` where a `BTreeMap` field stands.
struct EnvironmentConfigObject {
    var members: [ConfigMember]
    /// Dotted path of this object from the top of the file; empty for the top-level object.
    var path: String
    /// Line of the key that opened this object (nil for the top level).
    var line: Int?
    var file: String

    func path(of key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func location(of key: String) -> SourceLocation {
        SourceLocation(file: file, line: members.first { $0.key == key }?.line ?? line)
    }

    /// The member under `key`, unless it is missing or `null`.
    func member(_ key: String) -> ConfigMember? {
        guard let member = members.first(where: { $0.key == key }) else { return nil }
        if case .null = member.value { return nil }
        return member
    }

    /// Checks the type of every key in `fields` and returns one note per key the schema does not
    /// know. Unknown keys are skipped, not rejected, because the CLI's serde structs skip them.
    func check(_ fields: EnvironmentConfigSchema.Fields) throws(ProjectSourceError) -> [ProjectNote] {
        var notes: [ProjectNote] = []
        for member in members {
            guard let type = fields[member.key] else {
                notes.append(.interpreted(location: SourceLocation(file: file, line: member.line ?? line),
                                          what: "unknown key \(path(of: member.key)) ignored (not part of `railway environment config --json`)"))
                continue
            }
            try checkType(member.value, type, path: path(of: member.key), line: member.line ?? line)
        }
        return notes
    }

    func string(_ key: String) throws(ProjectSourceError) -> String? {
        guard let member = member(key) else { return nil }
        guard case .string(let value) = member.value else { throw mismatch(key, .string, member) }
        return value
    }

    func integer(_ key: String) throws(ProjectSourceError) -> Int? {
        guard let member = member(key) else { return nil }
        guard case .integer(let value) = member.value else { throw mismatch(key, .integer, member) }
        return value
    }

    func boolean(_ key: String) throws(ProjectSourceError) -> Bool? {
        guard let member = member(key) else { return nil }
        guard case .bool(let value) = member.value else { throw mismatch(key, .boolean, member) }
        return value
    }

    func object(_ key: String) throws(ProjectSourceError) -> EnvironmentConfigObject? {
        guard let member = member(key) else { return nil }
        guard case .table(let members) = member.value else { throw mismatch(key, .object, member) }
        return EnvironmentConfigObject(members: members, path: path(of: key), line: member.line ?? line, file: file)
    }

    /// The members of a map whose values are structs, not `Option`s (`services`, `volumes`,
    /// `volumeMounts`, …): each must be an object, `null` included.
    func entries() throws(ProjectSourceError) -> [(key: String, object: EnvironmentConfigObject)] {
        var result: [(key: String, object: EnvironmentConfigObject)] = []
        for member in members {
            guard case .table(let fields) = member.value else { throw mismatch(member.key, .map, member) }
            result.append((member.key, EnvironmentConfigObject(members: fields, path: path(of: member.key),
                                                               line: member.line ?? line, file: file)))
        }
        return result
    }

    /// `Vec<String>` fields; with `orString`, `preDeployCommand`'s "string or [string]", where one
    /// string stands for a one-element list.
    func strings(_ key: String, orString: Bool = false) throws(ProjectSourceError) -> [String]? {
        guard let member = member(key) else { return nil }
        let keyPath = path(of: key)
        let keyLine = member.line ?? line
        if orString, case .string(let single) = member.value { return [single] }
        guard case .array(let elements) = member.value else {
            throw mismatch(key, orString ? .stringOrStringArray : .stringArray, member)
        }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let value) = element else {
                throw ProjectSourceError(location: SourceLocation(file: file, line: keyLine),
                                         message: "\(keyPath)[\(index)]: expected string, found \(Self.typeName(element))")
            }
            result.append(value)
        }
        return result
    }

    private func checkType(_ value: ConfigValue, _ type: EnvironmentConfigFieldType, path: String, line: Int?) throws(ProjectSourceError) {
        let location = SourceLocation(file: file, line: line)
        let accepted: Bool
        switch (type, value) {
        case (.map, .table):
            accepted = true
        case (.map, _):
            accepted = false
        case (_, .null), (.anyJSON, _), (.string, .string), (.integer, .integer), (.boolean, .bool), (.object, .table):
            accepted = true
        case (.stringOrStringArray, .string):
            accepted = true
        case (.stringArray, .array(let elements)), (.stringOrStringArray, .array(let elements)):
            // Elements must be strings: `Vec<String>` rejects anything else, null included.
            for (index, element) in elements.enumerated() {
                guard case .string = element else {
                    throw ProjectSourceError(location: location,
                                             message: "\(path)[\(index)]: expected string, found \(Self.typeName(element))")
                }
            }
            accepted = true
        default:
            accepted = false
        }
        if !accepted {
            throw ProjectSourceError(location: location,
                                     message: "\(path): expected \(type.expectation), found \(Self.typeName(value))")
        }
    }

    private func mismatch(_ key: String, _ type: EnvironmentConfigFieldType, _ member: ConfigMember) -> ProjectSourceError {
        ProjectSourceError(location: SourceLocation(file: file, line: member.line ?? line),
                           message: "\(path(of: key)): expected \(type.expectation), found \(Self.typeName(member.value))")
    }

    /// JSON's own type names (RFC 8259 §3), not TOML's: the export is JSON.
    static func typeName(_ value: ConfigValue) -> String {
        switch value {
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "number"
        case .bool: return "boolean"
        case .array: return "array"
        case .table: return "object"
        case .null: return "null"
        case .other(let kind): return kind
        }
    }
}
