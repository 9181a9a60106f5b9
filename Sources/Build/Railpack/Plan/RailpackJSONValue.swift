/// A JSON document as Go's encoding/json writes it: object keys sorted by bytes, strings escaped
/// the Go way. The plan's byte-stable output and the snapshot comparison both go through it.
public indirect enum RailpackJSONValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case number(Int)
    case array([RailpackJSONValue])
    case object([String: RailpackJSONValue])

    /// `json.MarshalIndent(v, "", indent)` followed by nothing: Go sorts map keys by byte order and
    /// writes `{}`/`[]` for empty containers (encoding/json encode.go mapEncoder, indent.go).
    public func rendered(indent: String) -> String {
        var out = ""
        write(to: &out, indent: indent, depth: 0)
        return out
    }

    private func write(to out: inout String, indent: String, depth: Int) {
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += String(value)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (offset, item) in items.enumerated() {
                out += offset == 0 ? "\n" : ",\n"
                out += String(repeating: indent, count: depth + 1)
                item.write(to: &out, indent: indent, depth: depth + 1)
            }
            out += "\n" + String(repeating: indent, count: depth) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (offset, key) in keys.enumerated() {
                out += offset == 0 ? "\n" : ",\n"
                out += String(repeating: indent, count: depth + 1)
                Self.writeString(key, to: &out)
                out += ": "
                members[key]?.write(to: &out, indent: indent, depth: depth + 1)
            }
            out += "\n" + String(repeating: indent, count: depth) + "}"
        }
    }

    /// Go's string encoder with HTML escaping on (encoding/json encode.go appendString): `<`, `>`,
    /// `&`, U+2028 and U+2029 become `\u` escapes, other control characters `\u00xx` except the
    /// short forms `\b \f \n \r \t`.
    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        let hex = Array("0123456789abcdef")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                let value = Int(scalar.value)
                out += "\\u" + String([hex[(value >> 12) & 0xF], hex[(value >> 8) & 0xF], hex[(value >> 4) & 0xF], hex[value & 0xF]])
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + String([hex[Int(scalar.value >> 4)], hex[Int(scalar.value & 0xF)]])
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
