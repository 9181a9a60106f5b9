import Railway

/// A value of the wrong JSON type for its field, worded like Go's `json.UnmarshalTypeError`. Go
/// keeps decoding after one and then reports the first, so the whole manifest fails to read.
struct NodeJSONTypeError: Error, Sendable, Equatable {
    var message: String
}

/// Go's `encoding/json` decoding a manifest into the provider's struct: keys match fields exactly
/// or else case-insensitively, `null` leaves a string alone and empties a map, and any other value
/// of the wrong type is an error (railpack:core/providers/node/package_json.go PackageJson,
/// UnmarshalJSON). Unknown keys are ignored.
enum NodePackageJsonDecoder {
    private enum Field: String, CaseIterable {
        case name, version, scripts, packageManager, dependencies, devDependencies, engines, main, workspaces
    }

    static func decode(_ document: ConfigValue) throws(NodeJSONTypeError) -> NodePackageJson {
        var package = NodePackageJson()
        switch document {
        case .null: return package  // `null` decodes into nothing and is no error
        case .table(let members):
            var firstError: NodeJSONTypeError?
            func note(_ error: NodeJSONTypeError?) { if firstError == nil { firstError = error } }
            var workspaces: ConfigValue?
            for member in members {
                guard let field = field(for: member.key) else { continue }
                let path = "." + field.rawValue
                switch field {
                case .name: note(assign(member.value, to: &package.name, path: path))
                case .version: note(assign(member.value, to: &package.version, path: path))
                case .main: note(assign(member.value, to: &package.main, path: path))
                case .packageManager:
                    if case .null = member.value { package.packageManager = nil; continue }
                    var text = ""
                    if let error = assign(member.value, to: &text, path: path, type: "*string") { note(error) } else { package.packageManager = text }
                case .scripts: note(assign(member.value, to: &package.scripts, path: path))
                case .dependencies: note(assign(member.value, to: &package.dependencies, path: path))
                case .devDependencies: note(assign(member.value, to: &package.devDependencies, path: path))
                case .engines: note(assign(member.value, to: &package.engines, path: path))
                case .workspaces: workspaces = member.value  // an `any` field: the last one wins
                }
            }
            if let firstError { throw firstError }
            if let workspaces { package.workspaces = workspaceList(workspaces) ?? package.workspaces }
            return package
        default:
            throw NodeJSONTypeError(message: "json: cannot unmarshal \(kind(document)) into Go value of type node.PackageJson")
        }
    }

    /// An exact match first, then a case-insensitive one, as Go's decoder looks fields up.
    private static func field(for key: String) -> Field? {
        if let exact = Field(rawValue: key) { return exact }
        return Field.allCases.first { $0.rawValue.lowercased() == key.lowercased() }
    }

    private static func assign(_ value: ConfigValue, to target: inout String, path: String, type: String = "string") -> NodeJSONTypeError? {
        switch value {
        case .string(let text): target = text
        case .null: break
        default: return mismatch(value, path: path, type: type)
        }
        return nil
    }

    /// An object merges into the map (Go reuses a non-nil map); `null` empties it; a `null`
    /// member stores "".
    private static func assign(_ value: ConfigValue, to target: inout [String: String], path: String) -> NodeJSONTypeError? {
        switch value {
        case .null:
            target = [:]
            return nil
        case .table(let members):
            var firstError: NodeJSONTypeError?
            for member in members {
                var text = ""
                if let error = assign(member.value, to: &text, path: path + "." + member.key), firstError == nil { firstError = error }
                target[member.key] = text
            }
            return firstError
        default:
            return mismatch(value, path: path, type: "map[string]string")
        }
    }

    /// A list keeps its strings and turns anything else into ""; an object contributes its
    /// `packages` list when that decodes cleanly; anything else keeps the default
    /// (package_json.go UnmarshalJSON).
    private static func workspaceList(_ value: ConfigValue) -> [String]? {
        switch value {
        case .array(let items):
            return items.map { if case .string(let text) = $0 { return text } else { return "" } }
        case .table(let members):
            var packages: [String] = []
            for member in members where member.key.lowercased() == "packages" {
                switch member.value {
                case .null: packages = []
                case .array(let items):
                    var list: [String] = []
                    for item in items {
                        switch item {
                        case .string(let text): list.append(text)
                        case .null: list.append("")
                        default: return nil
                        }
                    }
                    packages = list
                default: return nil
                }
            }
            return packages
        default:
            return nil
        }
    }

    private static func mismatch(_ value: ConfigValue, path: String, type: String) -> NodeJSONTypeError {
        NodeJSONTypeError(message: "json: cannot unmarshal \(kind(value)) into Go struct field \(path) of type \(type)")
    }

    /// Go's name for the JSON value (`number 18`, `bool`, `array`, `object`).
    private static func kind(_ value: ConfigValue) -> String {
        switch value {
        case .string: return "string"
        case .integer(let number): return "number \(number)"
        case .float(let number): return "number \(number)"
        case .bool: return "bool"
        case .array: return "array"
        case .table: return "object"
        case .null: return "null"
        case .other(let name): return name
        }
    }
}
