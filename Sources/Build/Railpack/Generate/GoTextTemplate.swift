/// The part of Go's text/template that Railpack's templated files use (railpack:core/generate/template.go
/// TemplateFiles renders the Caddyfile and other files with a `map[string]any`): text, `{{.Key}}`,
/// `{{if .Key}}…{{else if .Key}}…{{else}}…{{end}}`, comments and the `{{-`/`-}}` trim markers.
/// A missing key prints `<no value>` and is false, as text/template does with a map. Any other
/// action (range, with, pipes, functions, variables) is reported as not emulated, not guessed.
enum GoTextTemplate {
    enum Value: Sendable, Equatable {
        case string(String)
        case bool(Bool)
    }

    enum Failure: Error, Equatable {
        /// text/template's own parse error, as `template: NAME:LINE: message`.
        case parse(String)
        /// A construct railsim does not render.
        case unsupported(String)
    }

    private indirect enum Node {
        case text(String)
        case field(String)
        case conditional(branches: [(field: String, body: [Node])], otherwise: [Node])
    }

    private enum Action {
        case text(String)
        case field(String, line: Int)
        case ifField(String, line: Int)
        case elseIf(String, line: Int)
        case otherwise(line: Int)
        case end(line: Int)
    }

    static func render(_ source: String, name: String, data: [String: Value]) throws(Failure) -> String {
        let actions = try lex(source, name: name)
        var index = 0
        let nodes = try parse(actions, &index, name: name, closing: false)
        var out = ""
        write(nodes, data: data, into: &out)
        return out
    }

    // MARK: Lexing

    private static func lex(_ source: String, name: String) throws(Failure) -> [Action] {
        var actions: [Action] = []
        var rest = Substring(source)
        var line = 1
        var trimNextText = false
        func isSpace(_ c: Character) -> Bool { c.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" } }
        while !rest.isEmpty {
            guard let open = rest.range(of: "{{") else {
                actions.append(.text(trimNextText ? String(rest.drop(while: isSpace)) : String(rest)))
                break
            }
            var text = rest[..<open.lowerBound]
            if trimNextText { text = text.drop(while: isSpace) }
            var inside = rest[open.upperBound...]
            // `{{- ` trims the white space before the action.
            if inside.hasPrefix("-"), let after = inside.dropFirst().first, isSpace(after) {
                while let last = text.last, isSpace(last) { text = text.dropLast() }
                inside = inside.dropFirst(2)
            }
            actions.append(.text(String(text)))
            line += rest[..<open.lowerBound].filter { $0 == "\n" }.count
            let actionLine = line
            trimNextText = false
            if inside.hasPrefix("/*") {
                // A comment runs to `*/`, which must be followed by `}}` or ` -}}`.
                guard let end = inside.range(of: "*/") else { throw .parse("template: \(name):\(actionLine): unclosed comment") }
                var after = inside[end.upperBound...]
                if after.hasPrefix(" -}}") {
                    trimNextText = true
                    after = after.dropFirst(4)
                } else if after.hasPrefix("}}") {
                    after = after.dropFirst(2)
                } else {
                    throw .parse("template: \(name):\(actionLine): comment ends before closing delimiter")
                }
                line += inside[..<after.startIndex].filter { $0 == "\n" }.count
                rest = after
                continue
            }
            guard let close = inside.range(of: "}}") else { throw .parse("template: \(name):\(actionLine): unclosed action") }
            var body = inside[..<close.lowerBound]
            // ` -}}` trims the white space after the action.
            if body.hasSuffix("-"), body.dropLast().last.map(isSpace) ?? false {
                body = body.dropLast()
                trimNextText = true
            }
            line += inside[..<close.upperBound].filter { $0 == "\n" }.count
            rest = inside[close.upperBound...]
            actions.append(try action(body.trimmingCharacters(in: .whitespacesAndNewlines), line: actionLine, name: name))
        }
        return actions
    }

    private static func action(_ body: String, line: Int, name: String) throws(Failure) -> Action {
        let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
        if words.isEmpty { throw .parse("template: \(name):\(line): missing value for command") }
        switch words[0] {
        case "if" where words.count == 2: return .ifField(try field(words[1], line: line), line: line)
        case "else" where words.count == 1: return .otherwise(line: line)
        case "else" where words.count == 3 && words[1] == "if": return .elseIf(try field(words[2], line: line), line: line)
        case "end" where words.count == 1: return .end(line: line)
        default:
            if words.count == 1, words[0].hasPrefix(".") { return .field(try field(words[0], line: line), line: line) }
            throw .unsupported("the template action {{\(body)}} (line \(line))")
        }
    }

    /// `.Key`: one key of the data map.
    private static func field(_ word: String, line: Int) throws(Failure) -> String {
        let key = word.dropFirst()
        guard word.hasPrefix("."), !key.isEmpty, !key.contains("."), key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw .unsupported("the template argument \(word) (line \(line))")
        }
        return String(key)
    }

    // MARK: Parsing

    private static func parse(_ actions: [Action], _ index: inout Int, name: String, closing: Bool) throws(Failure) -> [Node] {
        var nodes: [Node] = []
        while index < actions.count {
            let action = actions[index]
            switch action {
            case .text(let text): nodes.append(.text(text)); index += 1
            case .field(let key, _): nodes.append(.field(key)); index += 1
            case .ifField(let key, _):
                index += 1
                var branches = [(field: key, body: try parse(actions, &index, name: name, closing: true))]
                var otherwise: [Node] = []
                loop: while index < actions.count {
                    switch actions[index] {
                    case .elseIf(let next, _):
                        index += 1
                        branches.append((next, try parse(actions, &index, name: name, closing: true)))
                    case .otherwise:
                        index += 1
                        otherwise = try parse(actions, &index, name: name, closing: true)
                        guard index < actions.count, case .end = actions[index] else { throw .parse("template: \(name): unexpected EOF") }
                        index += 1
                        break loop
                    case .end:
                        index += 1
                        break loop
                    default:
                        throw .parse("template: \(name): unexpected EOF")
                    }
                }
                nodes.append(.conditional(branches: branches, otherwise: otherwise))
            case .elseIf(_, let line), .otherwise(let line):
                if closing { return nodes }
                throw .parse("template: \(name):\(line): unexpected {{else}}")
            case .end(let line):
                if closing { return nodes }
                throw .parse("template: \(name):\(line): unexpected {{end}}")
            }
        }
        if closing { throw .parse("template: \(name): unexpected EOF") }
        return nodes
    }

    // MARK: Execution

    private static func write(_ nodes: [Node], data: [String: Value], into out: inout String) {
        for node in nodes {
            switch node {
            case .text(let text): out += text
            case .field(let key):
                switch data[key] {
                case .string(let text)?: out += text
                case .bool(let flag)?: out += flag ? "true" : "false"
                case nil: out += "<no value>"
                }
            case .conditional(let branches, let otherwise):
                let taken = branches.first { branch in
                    switch data[branch.field] {
                    case .string(let text)?: return !text.isEmpty
                    case .bool(let flag)?: return flag
                    case nil: return false
                    }
                }
                write(taken?.body ?? otherwise, data: data, into: &out)
            }
        }
    }
}
