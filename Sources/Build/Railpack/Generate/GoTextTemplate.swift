/// The part of Go's text/template that Railpack's generated files use: `{{.Field}}`,
/// `{{if .Field}}…{{else if .Field}}…{{else}}…{{end}}`, `{{/* comments */}}` and the `{{-`/`-}}`
/// whitespace trims, over a flat map of data (railpack:core/generate/template.go TemplateFiles
/// renders with text/template; https://pkg.go.dev/text/template). A user template that uses any
/// other action fails with a message saying railsim does not emulate it, rather than being guessed.
enum GoTextTemplate {
    enum Value: Sendable, Equatable {
        case string(String)
        case bool(Bool)

        /// fmt's `%v` of the value.
        var printed: String {
            switch self {
            case .string(let text): return text
            case .bool(let flag): return flag ? "true" : "false"
            }
        }

        /// text/template's truth: false and "" are empty.
        var isTrue: Bool {
            switch self {
            case .string(let text): return !text.isEmpty
            case .bool(let flag): return flag
            }
        }
    }

    struct Failure: Error, Sendable, Equatable {
        var message: String
    }

    private enum Token: Equatable {
        case text(String)
        case field(String, line: Int)
        case ifField(String, line: Int)
        case elseIfField(String, line: Int)
        case elseAction(line: Int)
        case end(line: Int)
    }

    private indirect enum Node {
        case text(String)
        case field(String)
        case conditional([(field: String, body: [Node])], otherwise: [Node])
    }

    static func render(_ text: String, name: String, data: [String: Value]) throws(Failure) -> String {
        let tokens = try lex(text, name: name)
        var index = 0
        let nodes = try parse(tokens, &index, name: name, topLevel: true)
        var out = ""
        write(nodes, data: data, to: &out)
        return out
    }

    private static func write(_ nodes: [Node], data: [String: Value], to out: inout String) {
        for node in nodes {
            switch node {
            case .text(let text): out += text
            case .field(let name): out += data[name]?.printed ?? "<no value>"  // a missing map key prints this
            case .conditional(let branches, let otherwise):
                if let branch = branches.first(where: { data[$0.field]?.isTrue ?? false }) {
                    write(branch.body, data: data, to: &out)
                } else {
                    write(otherwise, data: data, to: &out)
                }
            }
        }
    }

    private static func parse(_ tokens: [Token], _ index: inout Int, name: String, topLevel: Bool) throws(Failure) -> [Node] {
        var nodes: [Node] = []
        while index < tokens.count {
            let token = tokens[index]
            switch token {
            case .text(let text): nodes.append(.text(text)); index += 1
            case .field(let field, _): nodes.append(.field(field)); index += 1
            case .ifField(let field, _):
                index += 1
                var branches = [(field: field, body: try parse(tokens, &index, name: name, topLevel: false))]
                var otherwise: [Node] = []
                // A nested parse returns only at an else, an else-if or an end; EOF throws.
                while true {
                    let closing = tokens[index]
                    index += 1
                    if case .elseIfField(let next, _) = closing {
                        branches.append((next, try parse(tokens, &index, name: name, topLevel: false)))
                        continue
                    }
                    if case .elseAction = closing {
                        otherwise = try parse(tokens, &index, name: name, topLevel: false)
                        guard case .end = tokens[index] else { throw Failure(message: "template: \(name):\(line(of: tokens[index])): expected end; found {{else}}") }
                        index += 1
                    }
                    break
                }
                nodes.append(.conditional(branches, otherwise: otherwise))
            case .elseIfField(_, let line), .elseAction(let line), .end(let line):
                if topLevel {
                    let word = { if case .end = token { return "{{end}}" } else { return "{{else}}" } }()
                    throw Failure(message: "template: \(name):\(line): unexpected \(word)")
                }
                return nodes
            }
        }
        if !topLevel { throw Failure(message: "template: \(name):\(lastLine(tokens)): unexpected EOF") }
        return nodes
    }

    private static func line(of token: Token) -> Int {
        switch token {
        case .field(_, let line), .ifField(_, let line), .elseIfField(_, let line), .elseAction(let line), .end(let line): return line
        case .text: return 0
        }
    }

    private static func lastLine(_ tokens: [Token]) -> Int {
        for token in tokens.reversed() {
            switch token {
            case .field(_, let line), .ifField(_, let line), .elseIfField(_, let line), .elseAction(let line), .end(let line): return line
            case .text: continue
            }
        }
        return 1
    }

    /// Splits text and actions, applying the trim markers (a `{{- ` trims the whitespace before,
    /// a ` -}}` the whitespace after).
    private static func lex(_ text: String, name: String) throws(Failure) -> [Token] {
        let chars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var pending = ""
        var trimNext = false
        var index = 0
        var line = 1
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\r" || c == "\n" }
        while index < chars.count {
            guard chars[index] == "{", index + 1 < chars.count, chars[index + 1] == "{" else {
                if !(trimNext && isSpace(chars[index])) {
                    trimNext = false
                    pending.unicodeScalars.append(chars[index])
                }
                if chars[index] == "\n" { line += 1 }
                index += 1
                continue
            }
            trimNext = false
            let actionLine = line
            var start = index + 2
            if start + 1 < chars.count, chars[start] == "-", isSpace(chars[start + 1]) {
                while let last = pending.unicodeScalars.last, isSpace(last) { pending.unicodeScalars.removeLast() }
                start += 1
            }
            // Find the closing `}}`.
            var end = start
            while end + 1 < chars.count, !(chars[end] == "}" && chars[end + 1] == "}") { end += 1 }
            guard end + 1 < chars.count else { throw Failure(message: "template: \(name):\(actionLine): unclosed action") }
            var body = String(String.UnicodeScalarView(chars[start..<end]))
            line += body.unicodeScalars.filter { $0 == "\n" }.count
            if body.count >= 2, body.hasSuffix("-"), let before = body.unicodeScalars.dropLast().last, isSpace(before) {
                body.removeLast()
                trimNext = true
            }
            if !pending.isEmpty { tokens.append(.text(pending)); pending = "" }
            let action = body.trimmingCharacters(in: .whitespacesAndNewlines)
            index = end + 2
            if action.hasPrefix("/*") && action.hasSuffix("*/") { continue }
            tokens.append(try token(action, line: actionLine, name: name))
        }
        if !pending.isEmpty { tokens.append(.text(pending)) }
        return tokens
    }

    private static func token(_ action: String, line: Int, name: String) throws(Failure) -> Token {
        let words = action.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
        func field(_ word: String) -> String? {
            guard word.hasPrefix("."), word.count > 1 else { return nil }
            let name = word.dropFirst()
            return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? String(name) : nil
        }
        if words.count == 1, let name = field(words[0]) { return .field(name, line: line) }
        if words.count == 2, words[0] == "if", let name = field(words[1]) { return .ifField(name, line: line) }
        if words.count == 3, words[0] == "else", words[1] == "if", let name = field(words[2]) { return .elseIfField(name, line: line) }
        if words == ["else"] { return .elseAction(line: line) }
        if words == ["end"] { return .end(line: line) }
        throw Failure(message: "railsim does not emulate the Go template action `{{\(action)}}` (\(name.isEmpty ? "template" : name):\(line))")
    }
}
