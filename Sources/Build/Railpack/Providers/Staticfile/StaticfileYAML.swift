/// A YAML reader for the block-style documents a Staticfile is written in, precise about what
/// Railpack's gopkg.in/yaml.v2 (v2.4.0) decoding into `StaticfileConfig` depends on: the first
/// document's top level must be a mapping (or empty); indentation must be consistent; and a
/// plain value's text and YAML 1.1 type (null, bool, other) decide what a field receives.
/// Anchors, aliases, tags and complex keys are reported as unsupported rather than guessed.
enum StaticfileYAML {
    indirect enum Node: Equatable {
        /// `text` as written (quotes removed); `plain` when unquoted, so YAML 1.1 resolution applies.
        case scalar(String, plain: Bool)
        case mapping([(key: String, value: Node)])
        case sequence([Node])

        static func == (a: Node, b: Node) -> Bool {
            switch (a, b) {
            case let (.scalar(x, p), .scalar(y, q)): return x == y && p == q
            case let (.sequence(x), .sequence(y)): return x == y
            case let (.mapping(x), .mapping(y)): return x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
            default: return false
            }
        }
    }

    enum Failure: Error, Equatable {
        /// Not YAML: what yaml.v2 would reject.
        case syntax(String)
        /// Valid YAML railsim does not read.
        case unsupported(String)
    }

    /// The first document's root node; an empty document is an empty plain scalar (null).
    static func parse(_ text: String) throws(Failure) -> Node {
        var parser = Parser(lines: documentLines(text))
        let node = try parser.block(minimumIndent: 0)
        if let line = parser.nextContentLine() { throw .syntax("line \(line.number): did not find expected <document start>") }
        return node
    }

    /// The lines of the first document: a leading `---` (and directives before it) skipped, up
    /// to the next `---` or `...` marker.
    private static func documentLines(_ text: String) -> [Line] {
        var lines: [Line] = []
        var sawContent = false, sawMarker = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var content = String(raw)
            if content.hasSuffix("\r") { content.removeLast() }
            let line = Line(number: index + 1, raw: content)
            let marker = content.hasPrefix("---") && (content.count == 3 || content.dropFirst(3).first == " " || content.dropFirst(3).first == "\t")
            if marker {
                guard !sawContent && !sawMarker else { break }
                sawMarker = true
                let rest = String(content.dropFirst(3))
                if !rest.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(Line(number: index + 1, raw: "   " + rest)); sawContent = true }
                continue
            }
            if content == "..." || content.hasPrefix("... ") { break }
            if !sawContent && !sawMarker && content.hasPrefix("%") { continue }
            if !line.isBlankOrComment { sawContent = true }
            lines.append(line)
        }
        return lines
    }

    struct Line {
        var number: Int
        var raw: String
        var indent: Int { raw.prefix { $0 == " " }.count }
        var body: Substring { raw.dropFirst(indent) }
        var isBlankOrComment: Bool {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("#")
        }
    }

    fileprivate struct Parser {
        var lines: [Line]
        var index = 0

        /// Skips blank and comment lines; a tab in indentation is an error.
        mutating func nextContentLine() -> Line? {
            while index < lines.count, lines[index].isBlankOrComment { index += 1 }
            return index < lines.count ? lines[index] : nil
        }

        mutating func block(minimumIndent: Int) throws(Failure) -> Node {
            guard let line = nextContentLine(), line.indent >= minimumIndent else { return .scalar("", plain: true) }
            if line.body.first == "\t" { throw .syntax("line \(line.number): found character that cannot start any token") }
            if isSequenceEntry(line.body) { return try sequence(indent: line.indent) }
            if StaticfileYAML.keySplit(line.body) != nil { return try mapping(indent: line.indent) }
            index += 1
            return try value(String(line.body), line: line, indent: line.indent - 1, minimumIndent: minimumIndent)
        }

        func isSequenceEntry(_ body: Substring) -> Bool { body == "-" || body.hasPrefix("- ") || body.hasPrefix("-\t") }

        mutating func mapping(indent: Int) throws(Failure) -> Node {
            var members: [(key: String, value: Node)] = []
            while let line = nextContentLine(), line.indent >= indent {
                guard line.indent == indent else { throw .syntax("line \(line.number): mapping values are not allowed in this context") }
                guard let (rawKey, rest) = StaticfileYAML.keySplit(line.body) else {
                    throw .syntax("line \(line.number): could not find expected ':'")
                }
                let key = try StaticfileYAML.keyText(rawKey, line: line)
                index += 1
                let inline = StaticfileYAML.stripComment(rest).trimmingCharacters(in: .whitespaces)
                if inline.isEmpty {
                    // A nested block, or a sequence at the key's own indentation.
                    if let next = nextContentLine(), next.indent == indent, isSequenceEntry(next.body) {
                        members.append((key, try sequence(indent: indent)))
                    } else {
                        members.append((key, try block(minimumIndent: indent + 1)))
                    }
                } else {
                    members.append((key, try value(inline, line: line, indent: indent, minimumIndent: indent + 1)))
                }
            }
            return .mapping(members)
        }

        mutating func sequence(indent: Int) throws(Failure) -> Node {
            var items: [Node] = []
            while let line = nextContentLine(), line.indent >= indent {
                guard line.indent == indent, isSequenceEntry(line.body) else {
                    throw .syntax("line \(line.number): did not find expected '-' indicator")
                }
                let after = line.body.dropFirst()
                let spaces = after.prefix { $0 == " " }.count
                let content = after.dropFirst(spaces)
                if StaticfileYAML.stripComment(content).trimmingCharacters(in: .whitespaces).isEmpty {
                    index += 1
                    items.append(try block(minimumIndent: indent + 1))
                } else {
                    // The entry's content continues as if it started on its own line at its column.
                    lines[index] = Line(number: line.number, raw: String(repeating: " ", count: indent + 1 + spaces) + content)
                    items.append(try block(minimumIndent: indent + 1))
                }
            }
            return .sequence(items)
        }

        /// A value that starts on a line: quoted, flow, block scalar, or plain with its
        /// more-indented continuation lines folded in.
        mutating func value(_ text: String, line: Line, indent: Int, minimumIndent: Int) throws(Failure) -> Node {
            guard let first = text.first else { return .scalar("", plain: true) }
            switch first {
            case "&", "*", "!": throw .unsupported("anchors, aliases and tags (line \(line.number))")
            case "?": throw .unsupported("complex keys (line \(line.number))")
            case "|", ">": return .scalar(blockScalar(header: text, folded: first == ">", indent: indent), plain: false)
            case "[", "{": return try flow(text, line: line)
            case "\"", "'":
                var source = text
                while StaticfileYAML.closingQuote(source) == nil, let next = nextContentLine(), next.indent > indent {
                    source += " " + next.body.trimmingCharacters(in: .whitespaces)
                    index += 1
                }
                guard let end = StaticfileYAML.closingQuote(source) else { throw .syntax("line \(line.number): found unexpected end of stream") }
                let trailing = StaticfileYAML.stripComment(source[source.index(after: end)...]).trimmingCharacters(in: .whitespaces)
                if !trailing.isEmpty { throw .syntax("line \(line.number): did not find expected key") }
                return .scalar(try StaticfileYAML.unquote(String(source[...end]), line: line), plain: false)
            default:
                var words = [StaticfileYAML.stripComment(Substring(text)).trimmingCharacters(in: .whitespaces)]
                if words[0].contains(": ") || words[0].hasSuffix(":") {
                    throw .syntax("line \(line.number): mapping values are not allowed in this context")
                }
                while let next = nextContentLine(), next.indent > indent, next.indent >= minimumIndent {
                    let continued = StaticfileYAML.stripComment(next.body).trimmingCharacters(in: .whitespaces)
                    if StaticfileYAML.keySplit(next.body) != nil { throw .syntax("line \(next.number): mapping values are not allowed in this context") }
                    words.append(continued)
                    index += 1
                }
                return .scalar(words.joined(separator: " "), plain: true)
            }
        }

        /// `|` keeps newlines, `>` folds them; `-` strips and `+` keeps the final newlines.
        mutating func blockScalar(header: String, folded: Bool, indent: Int) -> String {
            var body: [String] = []
            var contentIndent: Int? = nil
            while index < lines.count {
                let line = lines[index]
                let blank = line.raw.trimmingCharacters(in: .whitespaces).isEmpty
                if !blank {
                    if line.indent <= indent { break }
                    if contentIndent == nil { contentIndent = line.indent }
                    if line.indent < contentIndent ?? 0 { break }
                }
                body.append(blank ? "" : String(line.raw.dropFirst(contentIndent ?? 0)))
                index += 1
            }
            while body.last == "" { body.removeLast() }
            var text = folded ? body.reduce("") { $0.isEmpty ? $1 : ($1.isEmpty || $0.hasSuffix("\n") ? $0 + "\n" + $1 : $0 + " " + $1) } : body.joined(separator: "\n")
            if header.contains("-") { return text }
            if !text.isEmpty { text += "\n" }
            return text
        }

        /// A flow collection, possibly over several lines; only its shape matters here.
        mutating func flow(_ text: String, line: Line) throws(Failure) -> Node {
            var source = text
            while !StaticfileYAML.flowIsClosed(source) {
                guard let next = nextContentLine() else { throw .syntax("line \(line.number): did not find expected ',' or ']'") }
                source += " " + next.body
                index += 1
            }
            return text.first == "[" ? .sequence([]) : .mapping([])
        }
    }

    /// Whether every `[`/`{` opened outside quotes is closed.
    static func flowIsClosed(_ source: String) -> Bool {
        var depth = 0
        var quote: Character? = nil
        for c in source {
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            if c == "\"" || c == "'" { quote = c } else if c == "[" || c == "{" { depth += 1 } else if c == "]" || c == "}" { depth -= 1 }
        }
        return depth <= 0
    }

    /// `key` and the rest after `: ` (or a final `:`), outside quotes; nil when the line is not a key.
    static func keySplit(_ body: Substring) -> (Substring, Substring)? {
        var index = body.startIndex
        if let first = body.first, first == "\"" || first == "'" {
            guard let end = closingQuote(String(body)) else { return nil }
            index = body.index(body.startIndex, offsetBy: String(body).distance(from: String(body).startIndex, to: end) + 1)
            let rest = body[index...].drop { $0 == " " }
            guard rest.first == ":" else { return nil }
            let after = rest.dropFirst()
            guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
            return (body[..<index], after)
        }
        if body.hasPrefix("#") || body.hasPrefix("- ") || body == "-" { return nil }
        while index < body.endIndex {
            let c = body[index]
            if c == "#", index > body.startIndex, body[body.index(before: index)] == " " {
                return nil
            } else if c == ":" {
                let next = body.index(after: index)
                if next == body.endIndex || body[next] == " " || body[next] == "\t" { return (body[..<index], body[next...]) }
            }
            index = body.index(after: index)
        }
        return nil
    }

    static func keyText(_ raw: Substring, line: Line) throws(Failure) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if let first = trimmed.first, first == "\"" || first == "'" { return try unquote(trimmed, line: line) }
        if let first = trimmed.first, "&*!?[{".contains(first) { throw .unsupported("keys that are not plain or quoted scalars (line \(line.number))") }
        return trimmed
    }

    /// A comment starts at `#` at the line's start or after whitespace, outside quotes.
    static func stripComment(_ text: Substring) -> String {
        var quote: Character? = nil
        var previous: Character = " "
        var out = ""
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "#" && (previous == " " || previous == "\t") {
                break
            } else if (c == "\"" || c == "'") && (previous == " " || previous == "\t") && out.trimmingCharacters(in: .whitespaces).isEmpty {
                quote = c
            }
            out.append(c)
            previous = c
        }
        return out
    }

    /// The index of the quote closing the scalar that starts `text`; `''` is an escaped quote in
    /// single quotes, `\"` in double quotes.
    static func closingQuote(_ text: String) -> String.Index? {
        guard let quote = text.first else { return nil }
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let c = text[index]
            if quote == "\"" && c == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if c == quote {
                let next = text.index(after: index)
                if quote == "'" && next < text.endIndex && text[next] == "'" { index = text.index(after: next); continue }
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// The value of a quoted scalar, escapes applied.
    static func unquote(_ text: String, line: Line) throws(Failure) -> String {
        guard let quote = text.first, text.count >= 2 else { throw .syntax("line \(line.number): found unexpected end of stream") }
        let inner = text.dropFirst().dropLast()
        if quote == "'" { return inner.replacingOccurrences(of: "''", with: "'") }
        var out = ""
        var escaped = false
        let escapes: [Character: String] = ["n": "\n", "t": "\t", "\\": "\\", "\"": "\"", "/": "/", "0": "\0", "r": "\r", " ": " ", "e": "\u{1B}", "a": "\u{07}", "b": "\u{08}", "v": "\u{0B}", "f": "\u{0C}"]
        for c in inner {
            if escaped {
                guard let replacement = escapes[c] else { throw .unsupported("the escape \\\(c) in a double-quoted value (line \(line.number))") }
                out += replacement
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
