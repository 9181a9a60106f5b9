import Foundation
import Railway

/// Reads a parsed railpack.json into a `RailpackConfig` the way Go's encoding/json fills the
/// `Config` struct: keys match field tags case-insensitively, unknown keys (such as `$schema`) are
/// ignored, `null` clears, and a value of the wrong type is an error that fails the build
/// (railpack:core/core.go readConfigJSON; railpack:core/config/config.go; core/plan/layer.go and
/// command.go for the string shorthands).
enum RailpackConfigDecoder {
    struct DecodeError: Error, Sendable, Equatable {
        var message: String
        var line: Int?
    }

    static func decode(_ document: ConfigValue) throws(DecodeError) -> RailpackConfig {
        var config = RailpackConfig()
        guard case .table(let members) = document else {
            if case .null = document { return config }
            throw mismatch(document, into: "Config", field: "", type: "config.Config", line: nil)
        }
        for member in members {
            let path = "Config." + member.key
            switch fieldName(member.key, in: ["provider", "buildAptPackages", "steps", "deploy", "packages", "caches", "secrets", "exclude"]) {
            case "provider":
                if case .null = member.value { config.provider = nil; continue }
                config.provider = try string(member, path: path)
            case "buildAptPackages": config.buildAptPackages = try strings(member.value, path: path, line: member.line)
            case "steps":
                guard let steps = try table(member.value, path: path, type: "map[string]*config.StepConfig", line: member.line) else { continue }
                for step in steps {
                    config.steps[step.key] = try decodeStep(step.value, existing: config.steps[step.key], path: path + "." + step.key, line: step.line)
                }
            case "deploy":
                if case .null = member.value { continue }  // a nil pointer merges as "not given"
                config.deploy = try decodeDeploy(member.value, path: path, line: member.line)
            case "packages":
                guard let packages = try table(member.value, path: path, type: "map[string]string", line: member.line) else { continue }
                for package in packages { config.packages[package.key] = try string(package, path: path + "." + package.key) }
            case "caches":
                guard let caches = try table(member.value, path: path, type: "map[string]*plan.Cache", line: member.line) else { continue }
                for cache in caches {
                    guard let fields = try table(cache.value, path: path + "." + cache.key, type: "plan.Cache", line: cache.line) else { continue }
                    var decoded = config.caches[cache.key] ?? RailpackPlan.Cache(directory: "", type: "")
                    for field in fields {
                        switch fieldName(field.key, in: ["directory", "type"]) {
                        case "directory": decoded.directory = try stringOrEmpty(field, path: path + "." + cache.key + ".directory")
                        case "type": decoded.type = try stringOrEmpty(field, path: path + "." + cache.key + ".type")
                        default: continue
                        }
                    }
                    config.caches[cache.key] = decoded
                }
            case "secrets": config.secrets = try strings(member.value, path: path, line: member.line)
            case "exclude": config.exclude = try strings(member.value, path: path, line: member.line)
            default: continue
            }
        }
        return config
    }

    static func decodeStep(_ value: ConfigValue, existing: RailpackConfig.StepConfig?, path: String, line: Int?) throws(DecodeError) -> RailpackConfig.StepConfig {
        var step = existing ?? RailpackConfig.StepConfig()
        guard let members = try table(value, path: path, type: "config.StepConfig", line: line) else { return step }
        for member in members {
            let fieldPath = path + "." + member.key
            switch fieldName(member.key, in: ["name", "inputs", "commands", "secrets", "assets", "variables", "caches", "deployOutputs"]) {
            case "name": step.name = try stringOrEmpty(member, path: fieldPath)
            case "inputs":
                if case .null = member.value { step.inputs = nil; continue }
                guard case .array(let items) = member.value else { throw mismatch(member.value, into: fieldPath, type: "[]plan.Layer", line: member.line) }
                var layers: [RailpackPlan.Layer] = []
                for item in items { layers.append(try decodeLayer(item, path: fieldPath, line: member.line)) }
                step.inputs = layers
            case "commands":
                if case .null = member.value { continue }
                guard case .array(let items) = member.value else { throw mismatch(member.value, into: fieldPath, type: "[]json.RawMessage", line: member.line) }
                step.commands = items.map(decodeCommand)
            case "secrets": step.secrets = try strings(member.value, path: fieldPath, line: member.line)
            case "assets": step.assets = try stringMap(member, path: fieldPath)
            case "variables": step.variables = try stringMap(member, path: fieldPath)
            case "caches": step.caches = try strings(member.value, path: fieldPath, line: member.line)
            case "deployOutputs":
                if case .null = member.value { step.deployOutputs = nil; continue }
                guard case .array(let items) = member.value else { throw mismatch(member.value, into: fieldPath, type: "[]plan.Filter", line: member.line) }
                var filters: [RailpackConfig.Filter] = []
                for item in items {
                    var filter = RailpackConfig.Filter()
                    if let fields = try table(item, path: fieldPath, type: "plan.Filter", line: member.line) {
                        for field in fields {
                            switch fieldName(field.key, in: ["include", "exclude"]) {
                            case "include": filter.include = try strings(field.value, path: fieldPath + ".include", line: field.line)
                            case "exclude": filter.exclude = try strings(field.value, path: fieldPath + ".exclude", line: field.line)
                            default: continue
                            }
                        }
                    }
                    filters.append(filter)
                }
                step.deployOutputs = filters
            default: continue
            }
        }
        return step
    }

    static func decodeDeploy(_ value: ConfigValue, path: String, line: Int?) throws(DecodeError) -> RailpackConfig.DeployConfig {
        var deploy = RailpackConfig.DeployConfig()
        guard let members = try table(value, path: path, type: "config.DeployConfig", line: line) else { return deploy }
        for member in members {
            let fieldPath = path + "." + member.key
            switch fieldName(member.key, in: ["aptPackages", "base", "inputs", "startCommand", "variables", "paths"]) {
            case "aptPackages": deploy.aptPackages = try strings(member.value, path: fieldPath, line: member.line)
            case "base":
                if case .null = member.value { deploy.base = nil; continue }
                deploy.base = try decodeLayer(member.value, path: fieldPath, line: member.line)
            case "inputs":
                if case .null = member.value { deploy.inputs = nil; continue }
                guard case .array(let items) = member.value else { throw mismatch(member.value, into: fieldPath, type: "[]plan.Layer", line: member.line) }
                var layers: [RailpackPlan.Layer] = []
                for item in items { layers.append(try decodeLayer(item, path: fieldPath, line: member.line)) }
                deploy.inputs = layers
            case "startCommand": deploy.startCommand = try stringOrEmpty(member, path: fieldPath)
            case "variables": deploy.variables = try stringMap(member, path: fieldPath)
            case "paths": deploy.paths = try strings(member.value, path: fieldPath, line: member.line)
            default: continue
            }
        }
        return deploy
    }

    /// An object layer, or one of the shorthands `"."`, `"..."`, `"$step"` (railpack:core/plan/layer.go UnmarshalJSON).
    static func decodeLayer(_ value: ConfigValue, path: String, line: Int?) throws(DecodeError) -> RailpackPlan.Layer {
        if case .table(let members) = value, let layer = objectLayer(members) { return layer }
        // The shorthand is read from the raw JSON text with its quotes trimmed.
        let text = rawJSON(value).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        switch text {
        case ".": return .local
        case "...": return RailpackPlan.Layer(spread: true)
        default:
            if text.hasPrefix("$") { return .step(String(text.dropFirst())) }
            throw DecodeError(message: "invalid input format: \(text)", line: line)
        }
    }

    private static func objectLayer(_ members: [ConfigMember]) -> RailpackPlan.Layer? {
        var layer = RailpackPlan.Layer()
        for member in members {
            switch (fieldName(member.key, in: ["image", "step", "local", "spread", "include", "exclude"]), member.value) {
            case ("image", .string(let text)): layer.image = text
            case ("step", .string(let text)): layer.step = text
            case ("local", .bool(let flag)): layer.local = flag
            case ("spread", .bool(let flag)): layer.spread = flag
            case ("include", .array(let items)), ("exclude", .array(let items)):
                var values: [String] = []
                for item in items {
                    guard case .string(let text) = item else { return nil }
                    values.append(text)
                }
                if fieldName(member.key, in: ["include"]) == "include" { layer.include = values } else { layer.exclude = values }
            case (_, .null): continue
            case (nil, _): continue
            default: return nil  // a type mismatch fails the object form; the shorthand is tried next
            }
        }
        return layer
    }

    /// An object command told apart by its keys, else the string form (railpack:core/plan/command.go
    /// UnmarshalCommand). The string form sees the raw JSON text, quotes included, so a `RUN:`-style
    /// prefix never matches and the text becomes `sh -c '<text>'` (UnmarshalStringCommand).
    static func decodeCommand(_ value: ConfigValue) -> RailpackPlan.Command {
        if case .table(let members) = value, let command = objectCommand(members) { return command }
        let raw = rawJSON(value)
        let quotes = CharacterSet(charactersIn: "\"")
        guard let colon = raw.firstIndex(of: ":") else {
            let text = raw.trimmingCharacters(in: quotes)
            return .shell(text, customName: text)
        }
        let prefix = raw[..<colon]
        let payload = String(raw[raw.index(after: colon)...])
        let prefixParts = prefix.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let kind = String(prefixParts[0])
        var customName = prefixParts.count > 1 ? String(prefixParts[1]) : ""
        switch kind {
        case "RUN": return .shell(payload, customName: customName)
        case "PATH": return .path(payload)
        case "COPY":
            let words = payload.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            if words.count == 2 { return .copy(String(words[0]), String(words[1])) }
        case "FILE":
            let words = payload.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            if words.count == 2 { return .file(path: String(words[0]), name: String(words[1]), mode: 0, customName: customName) }
        default: break
        }
        let text = raw.trimmingCharacters(in: quotes)
        if customName.isEmpty { customName = text }
        return .shell(text, customName: customName)
    }

    private static func objectCommand(_ members: [ConfigMember]) -> RailpackPlan.Command? {
        func value(_ key: String) -> ConfigValue? { members.first { fieldName($0.key, in: [key]) == key }?.value }
        func text(_ key: String) -> String?? {
            switch value(key) {
            case nil, .null?: return .some(nil)
            case .string(let text)?: return .some(text)
            default: return nil  // wrong type: the object form fails
            }
        }
        let keys = Set(members.map(\.key))
        if keys.contains("cmd") {
            guard let cmd = text("cmd"), let name = text("customName") else { return nil }
            return .exec(cmd: cmd ?? "", customName: name ?? "")
        }
        if keys.contains("path") {
            guard let path = text("path") else { return nil }
            if keys.contains("name") {
                guard let name = text("name"), let customName = text("customName") else { return nil }
                var mode: UInt32 = 0
                switch value("mode") {
                case nil, .null?: break
                case .integer(let number)? where number >= 0 && number <= Int(UInt32.max): mode = UInt32(number)
                default: return nil
                }
                return .file(path: path ?? "", name: name ?? "", mode: mode, customName: customName ?? "")
            }
            return .path(path ?? "")
        }
        if keys.contains("src") {
            guard let src = text("src"), let dest = text("dest"), let image = text("image") else { return nil }
            return .copy(src: src ?? "", dest: dest ?? "", image: image ?? "")
        }
        return nil
    }

    // MARK: Go encoding/json helpers

    /// The struct field a JSON key fills: an exact tag match, else a case-insensitive one.
    static func fieldName(_ key: String, in fields: [String]) -> String? {
        if fields.contains(key) { return key }
        return fields.first { $0.lowercased() == key.lowercased() }
    }

    private static func table(_ value: ConfigValue, path: String, type: String, line: Int?) throws(DecodeError) -> [ConfigMember]? {
        switch value {
        case .table(let members): return members
        case .null: return nil
        default: throw mismatch(value, into: path, type: type, line: line)
        }
    }

    private static func string(_ member: ConfigMember, path: String) throws(DecodeError) -> String {
        guard case .string(let text) = member.value else { throw mismatch(member.value, into: path, type: "string", line: member.line) }
        return text
    }

    private static func stringOrEmpty(_ member: ConfigMember, path: String) throws(DecodeError) -> String {
        if case .null = member.value { return "" }
        return try string(member, path: path)
    }

    private static func strings(_ value: ConfigValue, path: String, line: Int?) throws(DecodeError) -> [String]? {
        switch value {
        case .null: return nil
        case .array(let items):
            var result: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw mismatch(item, into: path, type: "string", line: line) }
                result.append(text)
            }
            return result
        default: throw mismatch(value, into: path, type: "[]string", line: line)
        }
    }

    private static func stringMap(_ member: ConfigMember, path: String) throws(DecodeError) -> [String: String] {
        guard let members = try table(member.value, path: path, type: "map[string]string", line: member.line) else { return [:] }
        var result: [String: String] = [:]
        for entry in members { result[entry.key] = try string(entry, path: path + "." + entry.key) }
        return result
    }

    /// Go's wording: "json: cannot unmarshal number into Go struct field Config.provider of type string".
    private static func mismatch(_ value: ConfigValue, into path: String, field: String = "", type: String, line: Int?) -> DecodeError {
        let kind: String
        switch value {
        case .string: kind = "string"
        case .integer, .float: kind = "number"
        case .bool: kind = "bool"
        case .array: kind = "array"
        case .table: kind = "object"
        case .null, .other: kind = "value"
        }
        return DecodeError(message: "json: cannot unmarshal \(kind) into Go struct field \(path) of type \(type)", line: line)
    }

    /// The JSON text of a value as it would appear in a compact document; railsim has the parsed
    /// value, not the original bytes, so escapes are re-made minimally.
    static func rawJSON(_ value: ConfigValue) -> String {
        switch value {
        case .string(let text):
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
                }
            }
            return out + "\""
        case .integer(let number): return String(number)
        case .float(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .other: return "null"
        case .array(let items): return "[" + items.map(rawJSON).joined(separator: ",") + "]"
        case .table(let members): return "{" + members.map { rawJSON(.string($0.key)) + ":" + rawJSON($0.value) }.joined(separator: ",") + "}"
        }
    }
}
