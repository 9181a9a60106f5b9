/// Just enough YAML for the three small files the Node provider reads with `ReadYAML` into a
/// struct (.yarnrc.yml, pnpm-workspace.yaml, the Staticfile): the top-level keys with their
/// scalars, flat lists or "something else" (railpack:core/app/app.go ReadYAML, gopkg.in/yaml.v2).
/// Anything railsim cannot read is treated as Railpack treats an unreadable file: the defaults.
enum NodeYAML {
    enum Value: Sendable, Equatable {
        /// A scalar's text; nil for YAML null (`~`, `null`, nothing).
        case scalar(String?)
        /// A list of scalars (nil items are nulls); nil when an item is not a scalar.
        case sequence([String?]?)
        /// A mapping or anything railsim does not model.
        case other
    }

    /// The top-level mapping, or nil when the document is not one (a list, a scalar, a syntax railsim does not read).
    static func topLevel(_ text: String) -> [String: Value]? {
        var result: [String: Value] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "---" || trimmed == "..." { continue }
            guard !line.hasPrefix(" "), !line.hasPrefix("\t"), let (key, rest) = splitKey(line) else { return nil }
            // The indented block that belongs to this key.
            var block: [String] = []
            while index < lines.count {
                let next = lines[index]
                let content = next.trimmingCharacters(in: .whitespaces)
                if !content.isEmpty, !content.hasPrefix("#"), !next.hasPrefix(" "), !next.hasPrefix("\t"), !next.hasPrefix("- ") && next != "-" { break }
                if !content.isEmpty, !content.hasPrefix("#") { block.append(content) }
                index += 1
            }
            result[key] = value(inline: rest, block: block)
        }
        return result
    }

    /// Every top-level scalar as text (yaml.v2 gives a string field any scalar's text); nil when
    /// the document is not a mapping or a wanted key holds something else.
    static func topLevelScalars(_ text: String) -> [String: String]? {
        guard let document = topLevel(text) else { return nil }
        var scalars: [String: String] = [:]
        for (key, value) in document {
            if case .scalar(let text) = value { scalars[key] = text ?? "" }
        }
        // A string field that receives a list or mapping fails the whole decode.
        for key in ["globalFolder", "nodeLinker", "root"] {
            if let value = document[key], case .scalar = value {} else if document[key] != nil { return nil }
        }
        return scalars
    }

    /// YAML 1.1 booleans, as yaml.v2 resolves them; nil for anything else.
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return true
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    /// `key: rest` at the start of a line; the key may be quoted.
    private static func splitKey(_ line: String) -> (String, String)? {
        let chars = Array(line)
        var index = 0
        var key = ""
        if let quote = chars.first, quote == "\"" || quote == "'" {
            index = 1
            while index < chars.count, chars[index] != quote { key.append(chars[index]); index += 1 }
            guard index < chars.count else { return nil }
            index += 1
            guard index < chars.count, chars[index] == ":" else { return nil }
        } else {
            while index < chars.count {
                if chars[index] == ":", index + 1 == chars.count || chars[index + 1] == " " || chars[index + 1] == "\t" { break }
                key.append(chars[index])
                index += 1
            }
            guard index < chars.count, !key.isEmpty, !key.hasPrefix("- "), key != "-" else { return nil }
            key = key.trimmingCharacters(in: .whitespaces)
        }
        return (key, String(chars[(index + 1)...]).trimmingCharacters(in: .whitespaces))
    }

    private static func value(inline rest: String, block: [String]) -> Value {
        let inline = stripComment(rest)
        if inline.isEmpty {
            if block.isEmpty { return .scalar(nil) }
            guard block.allSatisfy({ $0.hasPrefix("- ") || $0 == "-" }) else { return .other }
            var items: [String?] = []
            for item in block {
                let text = stripComment(String(item.dropFirst()).trimmingCharacters(in: .whitespaces))
                guard case .scalar(let scalar) = scalar(text) else { return .sequence(nil) }
                items.append(scalar)
            }
            return .sequence(items)
        }
        guard block.isEmpty else { return .other }
        if inline.hasPrefix("[") { return flowSequence(inline) }
        return scalar(inline)
    }

    /// A one-line `[a, 'b', "c"]`.
    private static func flowSequence(_ text: String) -> Value {
        guard text.hasSuffix("]") else { return .other }
        let body = text.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
        if body.isEmpty { return .sequence([]) }
        var items: [String?] = []
        for part in body.split(separator: ",", omittingEmptySubsequences: false) {
            let item = part.trimmingCharacters(in: .whitespaces)
            if item.isEmpty { continue }  // a trailing comma
            guard case .scalar(let scalar) = scalar(item) else { return .sequence(nil) }
            items.append(scalar)
        }
        return .sequence(items)
    }

    /// A plain or quoted scalar; collections, block scalars, anchors and tags are `.other`.
    private static func scalar(_ text: String) -> Value {
        if text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL" { return .scalar(nil) }
        if let first = text.first, "[{|>&*!".contains(first) { return .other }
        if text.hasPrefix("'") {
            guard text.count >= 2, text.hasSuffix("'") else { return .other }
            return .scalar(String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'"))
        }
        if text.hasPrefix("\"") {
            guard text.count >= 2, text.hasSuffix("\"") else { return .other }
            return .scalar(String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\"))
        }
        if text.contains(": ") || text.hasSuffix(":") { return .other }
        return .scalar(text)
    }

    /// A ` #` outside quotes starts a comment.
    private static func stripComment(_ text: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var out = ""
        for c in text {
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "'" || c == "\"" {
                if out.trimmingCharacters(in: .whitespaces).isEmpty || previous == " " || previous == "[" || previous == "," { quote = c }
            } else if c == "#", previous == " " || previous == "\t" {
                break
            }
            out.append(c)
            previous = c
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
