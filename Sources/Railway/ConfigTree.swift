import Snapshot

/// A parsed config document (railway.toml or railway.json) as a format-neutral tree whose
/// members remember their 1-based line, so every effective value can say where it came from.
public indirect enum ConfigValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([ConfigValue])
    case table([ConfigMember])
    case null
    /// TOML dates and times: legal TOML, but no Railway key takes one.
    case other(String)

    /// The name used in "expected a string, found an integer" messages.
    public var typeName: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a number"
        case .bool: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        case .null: return "null"
        case .other(let kind): return "a \(kind)"
        }
    }

    public var members: [ConfigMember]? {
        if case .table(let members) = self { return members }
        return nil
    }
}

public struct ConfigMember: Sendable, Equatable {
    public var key: String
    public var value: ConfigValue
    public var line: Int?

    public init(key: String, value: ConfigValue, line: Int?) {
        self.key = key
        self.value = value
        self.line = line
    }
}

public enum ConfigFormat: String, Sendable, Codable {
    case toml, json
}

/// A config file that could not be parsed: the file, the line, and the parser's reason.
public struct ConfigSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public var description: String { "\(location): \(message)" }
}
