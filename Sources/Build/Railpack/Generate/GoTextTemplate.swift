import Foundation

/// The part of Go's `text/template` that Railpack's templated files use: literal text, `{{.Key}}`,
/// `{{if …}}`/`{{else if …}}`/`{{else}}`/`{{end}}` with a key or `not` a key as the condition,
/// comments, and the `{{-`/`-}}` whitespace trims (railpack:core/generate/template.go
/// TemplateFiles parses every default and user file this way; syntax per https://pkg.go.dev/text/template).
///
/// A user's file may use more of the language (`range`, pipelines, functions). railsim refuses
/// those with a message naming the action rather than render something Railpack would not.
struct GoTextTemplate: Sendable, Equatable {
    /// A value in the template's data map, which Railpack builds from strings and booleans.
    enum Value: Sendable, Equatable {
        case string(String)
        case bool(Bool)

        /// Go's truth for `if`: a non-empty string, `true` (text/template "if" and IsTrue).
        var isTrue: Bool {
            switch self {
            case .string(let text): return !text.isEmpty
            case .bool(let flag): return flag
            }
        }

        /// How `{{.Key}}` prints it (fmt's %v for strings and booleans).
        var printed: String {
            switch self {
            case .string(let text): return text
            case .bool(let flag): return flag ? "true" : "false"
            }
        }
    }

    /// `.Key`, optionally under `not`.
    struct Condition: Sendable, Equatable {
        var key: String
        var negated: Bool

        func holds(in data: [String: Value]) -> Bool { (data[key]?.isTrue ?? false) != negated }
    }

    indirect enum Node: Sendable, Equatable {
        case text(String)
        case field(String)
        /// Branches in order; the first whose condition holds renders, else `otherwise`.
        case conditional(branches: [Branch], otherwise: [Node])
    }

    struct Branch: Sendable, Equatable {
        var condition: Condition
        var body: [Node]
    }

    /// Why a template cannot be used; `message` reads like Go's `template: NAME:LINE: …`.
    struct Failure: Error, Sendable, Equatable {
        var message: String
    }

    let nodes: [Node]

    /// Parses `source`; `name` is the template name Go puts in messages (the file name, or "" for
    /// a built-in default).
    init(parsing source: String, name: String) throws(Failure) {
        let actions = try Self.lex(source, name: name)
        var parser = Parser(tokens: actions, name: name)
        nodes = try parser.parseAll()
    }

    /// Go prints a key missing from a map as `<no value>` (text/template's default missingkey).
    /// Parses and renders in one go (template.Must(template.New(name).Parse(source)).Execute).
    static func render(_ source: String, name: String, data: [String: Value]) throws(Failure) -> String {
        try GoTextTemplate(parsing: source, name: name).render(data)
    }

    func render(_ data: [String: Value]) -> String {
        var out = ""
        Self.render(nodes, data, into: &out)
        return out
    }

    private static func render(_ nodes: [Node], _ data: [String: Value], into out: inout String) {
        for node in nodes {
            switch node {
            case .text(let text): out += text
            case .field(let key): out += data[key]?.printed ?? "<no value>"
            case .conditional(let branches, let otherwise):
                let chosen = branches.first { $0.condition.holds(in: data) }?.body ?? otherwise
                render(chosen, data, into: &out)
            }
        }
    }
}

// MARK: Lexing

extension GoTextTemplate {
    enum Token: Sendable, Equatable {
        case text(String)
        /// The trimmed inside of `{{ … }}` and the line it starts on.
        case action(String, line: Int)
    }

    /// Splits text from actions and applies the trim markers: `{{- ` trims the whitespace before
    /// the action and ` -}}` the whitespace after it (text/template "Text and spaces").
    static func lex(_ source: String, name: String) throws(Failure) -> [Token] {
        let chars = Array(source)
        var tokens: [Token] = []
        var text = ""
        var index = 0
        var line = 1
        var trimNextText = false
        func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\r" || c == "\n" }
        func flushText() {
            if !text.isEmpty { tokens.append(.text(text)) }
            text = ""
        }
        while index < chars.count {
            guard chars[index] == "{", index + 1 < chars.count, chars[index + 1] == "{" else {
                if trimNextText, isSpace(chars[index]) {
                    if chars[index] == "\n" { line += 1 }
                    index += 1
                    continue
                }
                trimNextText = false
                if chars[index] == "\n" { line += 1 }
                text.append(chars[index])
                index += 1
                continue
            }
            trimNextText = false
            let startLine = line
            var cursor = index + 2
            if cursor + 1 < chars.count, chars[cursor] == "-", isSpace(chars[cursor + 1]) {
                while let last = text.last, isSpace(last) { text.removeLast() }
                cursor += 2
            }
            flushText()
            // The action runs to the first `}}`; a comment to its `*/` first.
            var body = ""
            var closed = false
            let isComment = chars[cursor...].drop(while: isSpace).starts(with: "/*")
            var inComment = false
            while cursor < chars.count {
                if isComment, !inComment, chars[cursor] == "/", cursor + 1 < chars.count, chars[cursor + 1] == "*" { inComment = true }
                if inComment, chars[cursor] == "*", cursor + 1 < chars.count, chars[cursor + 1] == "/" {
                    inComment = false
                    body += "*/"
                    cursor += 2
                    continue
                }
                if !inComment, chars[cursor] == "}", cursor + 1 < chars.count, chars[cursor + 1] == "}" {
                    closed = true
                    break
                }
                if chars[cursor] == "\n" { line += 1 }
                body.append(chars[cursor])
                cursor += 1
            }
            guard closed else {
                throw Failure(message: "template: \(name):\(startLine): \(isComment ? "unclosed comment" : "unclosed action")")
            }
            if body.count >= 2, body.hasSuffix("-"), let before = body.dropLast().last, isSpace(before) {
                body.removeLast()
                trimNextText = true
            }
            let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
            if !(trimmed.hasPrefix("/*") && trimmed.hasSuffix("*/")) {
                tokens.append(.action(trimmed, line: startLine))
            }
            index = cursor + 2
        }
        flushText()
        return tokens
    }
}

// MARK: Parsing

extension GoTextTemplate {
    struct Parser {
        var tokens: [Token]
        let name: String
        var position = 0

        init(tokens: [Token], name: String) {
            self.tokens = tokens
            self.name = name
        }

        mutating func parseAll() throws(Failure) -> [Node] {
            let (nodes, terminator) = try parseList()
            if let terminator {
                throw Failure(message: "template: \(name):\(terminator.line): unexpected {{\(terminator.word)}}")
            }
            return nodes
        }

        /// Nodes up to an `else`/`end` (returned, not consumed) or the end of input.
        private mutating func parseList() throws(Failure) -> ([Node], (word: String, line: Int)?) {
            var nodes: [Node] = []
            while position < tokens.count {
                switch tokens[position] {
                case .text(let text):
                    nodes.append(.text(text))
                    position += 1
                case .action(let action, let line):
                    let words = action.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
                    guard let first = words.first else {
                        throw Failure(message: "template: \(name):\(line): missing value for command")
                    }
                    if first == "end" || first == "else" { return (nodes, (first, line)) }
                    position += 1
                    if first == "if" {
                        nodes.append(try parseIf(Array(words.dropFirst()), line: line))
                    } else if words.count == 1, let key = Self.fieldKey(first) {
                        nodes.append(.field(key))
                    } else {
                        throw Failure(message: "template: \(name):\(line): railsim does not emulate the template action {{\(action)}}")
                    }
                }
            }
            return (nodes, nil)
        }

        private mutating func parseIf(_ words: [String], line: Int) throws(Failure) -> Node {
            var branches = [Branch(condition: try condition(words, line: line), body: [])]
            var otherwise: [Node] = []
            var inElse = false
            while true {
                let (body, terminator) = try parseList()
                if inElse { otherwise = body } else { branches[branches.count - 1].body = body }
                guard let terminator else { throw Failure(message: "template: \(name):\(line): unexpected EOF") }
                guard case .action(let action, _) = tokens[position] else { break }
                position += 1
                if terminator.word == "end" { break }
                if inElse { throw Failure(message: "template: \(name):\(terminator.line): expected end; found {{else}}") }
                let words = action.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
                if words.count > 1, words[1] == "if" {
                    branches.append(Branch(condition: try condition(Array(words.dropFirst(2)), line: terminator.line), body: []))
                } else if words.count == 1 {
                    inElse = true
                } else {
                    throw Failure(message: "template: \(name):\(terminator.line): railsim does not emulate the template action {{\(action)}}")
                }
            }
            return .conditional(branches: branches, otherwise: otherwise)
        }

        private func condition(_ words: [String], line: Int) throws(Failure) -> Condition {
            if words.count == 1, let key = Self.fieldKey(words[0]) { return Condition(key: key, negated: false) }
            if words.count == 2, words[0] == "not", let key = Self.fieldKey(words[1]) { return Condition(key: key, negated: true) }
            if words.isEmpty { throw Failure(message: "template: \(name):\(line): missing value for if") }
            throw Failure(message: "template: \(name):\(line): railsim does not emulate the template condition `\(words.joined(separator: " "))`")
        }

        /// `.Key` with an identifier key (letters, digits, underscores; not starting with a digit).
        static func fieldKey(_ word: String) -> String? {
            guard word.hasPrefix("."), word.count > 1 else { return nil }
            let key = word.dropFirst()
            guard let first = key.first, !first.isNumber,
                  key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { return nil }
            return String(key)
        }
    }
}
