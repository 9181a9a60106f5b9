/// Settings for the generated mise config, by dotted key (railpack:core/generate/mise_step_builder.go AddMiseSetting).
struct MiseSettings: Sendable, Equatable {
    indirect enum Value: Sendable, Equatable {
        case bool(Bool)
        case string(String)
        case strings([String])
        case table([String: Value])
    }

    var values: [String: Value] = [:]

    /// A dotted key becomes a nested table at its first dot, so `python.compile` is written as
    /// `[settings.python] compile = …` and sibling keys merge (AddMiseSetting).
    mutating func set(_ key: String, _ value: Value) {
        guard let dot = key.firstIndex(of: ".") else { values[key] = value; return }
        let head = String(key[..<dot]), tail = String(key[key.index(after: dot)...])
        var nested: [String: Value] = [:]
        if case .table(let existing)? = values[head] { nested = existing }
        nested[tail] = value
        values[head] = .table(nested)
    }
}

/// The `generated-mise-toml` asset: `[tools]` then `[settings]`, written as BurntSushi/toml's
/// encoder writes them: keys sorted, plain values before sub-tables, two spaces of indent per
/// level (railpack:core/mise/mise.go GenerateMiseToml; core/generate/__snapshots__/context_test.snap).
enum MiseToml {
    static func render(tools: [String: String], settings: MiseSettings) -> String {
        var out = ""
        if !tools.isEmpty {
            out += "[tools]\n"
            for name in sortedKeys(tools) { out += "  " + key(name) + " = " + quoted(tools[name] ?? "") + "\n" }
        }
        if !settings.values.isEmpty {
            if !out.isEmpty { out += "\n" }
            out += "[settings]\n"
            writeTable(settings.values, path: ["settings"], depth: 1, to: &out)
        }
        return out
    }

    private static func writeTable(_ table: [String: MiseSettings.Value], path: [String], depth: Int, to out: inout String) {
        let indent = String(repeating: "  ", count: depth)
        for name in sortedKeys(table) {
            guard let value = table[name] else { continue }
            switch value {
            case .table: continue
            case .bool(let flag): out += indent + key(name) + " = " + (flag ? "true" : "false") + "\n"
            case .string(let text): out += indent + key(name) + " = " + quoted(text) + "\n"
            case .strings(let items): out += indent + key(name) + " = [" + items.map(quoted).joined(separator: ", ") + "]\n"
            }
        }
        for name in sortedKeys(table) {
            guard case .table(let nested)? = table[name] else { continue }
            let nestedPath = path + [name]
            out += String(repeating: "  ", count: depth - 1 + 1) + "[" + nestedPath.map(key).joined(separator: ".") + "]\n"
            writeTable(nested, path: nestedPath, depth: depth + 1, to: &out)
        }
    }

    private static func sortedKeys<V>(_ table: [String: V]) -> [String] {
        table.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Bare keys are letters, digits, `_` and `-`; anything else (`pipx:pdm`) is quoted.
    private static func key(_ name: String) -> String {
        let bare = !name.isEmpty && name.unicodeScalars.allSatisfy { ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
        return bare ? name : quoted(name)
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
