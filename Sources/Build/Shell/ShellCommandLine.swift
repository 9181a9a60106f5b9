/// A parsed POSIX shell command line: simple commands joined by `&&`, `||`, `;` and `|`.
///
/// railsim never runs a shell; it reads start commands and RUN lines to know which program runs
/// with which arguments, environment and working directory. Rules follow POSIX "Shell Command
/// Language" (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html):
/// §2.2 quoting, §2.3 token recognition, §2.6.2 parameter expansion, §2.9.1 simple commands.
public struct ShellCommandLine: Sendable, Equatable {
    public enum Connector: String, Sendable, Equatable { case and = "&&", or = "||", sequence = ";", pipe = "|" }

    public struct SimpleCommand: Sendable, Equatable {
        /// Leading `NAME=value` assignments (they apply to this command's environment only).
        public var assignments: [(name: String, value: String)]
        public var words: [String]
        /// Parameters that were expanded while unset (`$PORT` with no PORT), in order.
        public var unsetReferences: [String]

        public static func == (lhs: SimpleCommand, rhs: SimpleCommand) -> Bool {
            lhs.words == rhs.words && lhs.unsetReferences == rhs.unsetReferences
                && lhs.assignments.map(\.name) == rhs.assignments.map(\.name) && lhs.assignments.map(\.value) == rhs.assignments.map(\.value)
        }
    }

    /// Commands with the connector that follows each (nil after the last).
    public var commands: [(command: SimpleCommand, next: Connector?)]

    public static func == (lhs: ShellCommandLine, rhs: ShellCommandLine) -> Bool {
        lhs.commands.map(\.command) == rhs.commands.map(\.command) && lhs.commands.map(\.next) == rhs.commands.map(\.next)
    }
}

public struct ShellSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

public enum ShellParser {
    /// Parses `text`. With `environment`, `$NAME`, `${NAME}`, `${NAME:-default}` and friends are
    /// expanded as the shell would at run time; without it (exec form) words are split and
    /// unquoted but `$` stays literal, which is what happens when no shell is involved.
    public static func parse(_ text: String, environment: [String: String]?) throws(ShellSyntaxError) -> ShellCommandLine {
        var lexer = Lexer(bytes: Array(text.utf8), environment: environment)
        return try lexer.parse()
    }

    /// Splits words without a shell (no expansion, no operators): how railsim assumes Railway
    /// turns a Dockerfile-build custom start command into argv.
    public static func splitWords(_ text: String) throws(ShellSyntaxError) -> [String] {
        var lexer = Lexer(bytes: Array(text.utf8), environment: nil, operatorsAreWords: true)
        return try lexer.parse().commands.flatMap { $0.command.words }
    }

    struct Lexer {
        let bytes: [UInt8]
        /// Mutable: `${NAME:=word}` assigns for the rest of the line (§2.6.2).
        var environment: [String: String]?
        var operatorsAreWords = false
        var index = 0
        /// Nesting of `${…}` words; bounded so input cannot drive the call depth.
        let depth: Int
        static let maximumDepth = 16

        init(bytes: [UInt8], environment: [String: String]?, operatorsAreWords: Bool = false, depth: Int = 0) {
            self.bytes = bytes
            self.environment = environment
            self.operatorsAreWords = operatorsAreWords
            self.depth = depth
        }

        /// A piece of an expanded word: `split` is true where field splitting applies (unquoted
        /// expansion results, §2.6.5).
        struct Segment { var bytes: [UInt8]; var split: Bool }

        mutating func parse() throws(ShellSyntaxError) -> ShellCommandLine {
            var commands: [(ShellCommandLine.SimpleCommand, ShellCommandLine.Connector?)] = []
            var current = ShellCommandLine.SimpleCommand(assignments: [], words: [], unsetReferences: [])
            func finish(_ connector: ShellCommandLine.Connector?) {
                if !current.words.isEmpty || !current.assignments.isEmpty { commands.append((current, connector)) }
                current = ShellCommandLine.SimpleCommand(assignments: [], words: [], unsetReferences: [])
            }
            while true {
                skipBlanks()
                guard index < bytes.count else { break }
                let c = bytes[index]
                if c == UInt8(ascii: "#"), !operatorsAreWords {  // §2.3 rule 9: comment to end of line
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                    continue
                }
                if !operatorsAreWords, let connector = readOperator() {
                    finish(connector)
                    continue
                }
                if !operatorsAreWords, c == UInt8(ascii: ">") || c == UInt8(ascii: "<") || (isDigit(c) && redirectionFollows()) {
                    try skipRedirection(&current)
                    continue
                }
                let (fields, wasAssignment, unset) = try readWord(assignmentAllowed: current.words.isEmpty && !operatorsAreWords)
                current.unsetReferences += unset
                if let wasAssignment { current.assignments.append(wasAssignment) } else { current.words += fields }
            }
            finish(nil)
            // A trailing connector means the command line is incomplete.
            if let last = commands.last, let connector = last.1, connector != .sequence {
                throw ShellSyntaxError(message: "syntax error: unexpected end of command after '\(connector.rawValue)'")
            }
            return ShellCommandLine(commands: commands.map { (command: $0.0, next: $0.1) })
        }

        private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

        private func redirectionFollows() -> Bool {
            var look = index
            while look < bytes.count, isDigit(bytes[look]) { look += 1 }
            return look < bytes.count && (bytes[look] == UInt8(ascii: ">") || bytes[look] == UInt8(ascii: "<"))
        }

        private mutating func skipBlanks() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || (bytes[index] == 0x5C && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
                index += bytes[index] == 0x5C ? 2 : 1
            }
        }

        private mutating func readOperator() -> ShellCommandLine.Connector? {
            let c = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            if c == UInt8(ascii: "&"), next == UInt8(ascii: "&") { index += 2; return .and }
            if c == UInt8(ascii: "|"), next == UInt8(ascii: "|") { index += 2; return .or }
            if c == UInt8(ascii: "|") { index += 1; return .pipe }
            if c == UInt8(ascii: ";") || c == 0x0A { index += 1; return .sequence }
            if c == UInt8(ascii: "&") { index += 1; return .sequence }  // background: railsim treats as a separator
            return nil
        }

        /// Redirections (`2>&1`, `> file`) do not change argv: skip the operator and its target.
        private mutating func skipRedirection(_ current: inout ShellCommandLine.SimpleCommand) throws(ShellSyntaxError) {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            while index < bytes.count, bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "<") || bytes[index] == UInt8(ascii: "&") { index += 1 }
            skipBlanks()
            if index < bytes.count, !isMetacharacter(bytes[index]) {
                let (_, _, unset) = try readWord(assignmentAllowed: false)
                current.unsetReferences += unset
            }
        }

        private func isMetacharacter(_ c: UInt8) -> Bool {
            if operatorsAreWords { return c == 0x20 || c == 0x09 || c == 0x0A }
            return [0x20, 0x09, 0x0A, UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: ";"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                    UInt8(ascii: "("), UInt8(ascii: ")")].contains(c)
        }

        /// Reads one word, removing quotes and expanding parameters; unquoted expansion results are
        /// split into fields on blanks and an unquoted empty expansion leaves no field (§2.6.5,
        /// §2.6.7). Returns an assignment instead when the word is `NAME=value` in assignment
        /// position (§2.9.1; assignments are not field-split).
        private mutating func readWord(assignmentAllowed: Bool) throws(ShellSyntaxError) -> ([String], (name: String, value: String)?, [String]) {
            var fields: [[UInt8]] = []
            var output: [UInt8] = []
            var hasContent = false
            var unset: [String] = []
            var assignmentName: String? = nil
            var sawQuote = false
            func append(_ segments: [Segment]) {
                for segment in segments {
                    guard segment.split, assignmentName == nil else {
                        output += segment.bytes
                        hasContent = true
                        continue
                    }
                    for byte in segment.bytes {
                        if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                            if hasContent { fields.append(output); output = []; hasContent = false }
                        } else {
                            output.append(byte)
                            hasContent = true
                        }
                    }
                }
            }
            while index < bytes.count {
                let c = bytes[index]
                if isMetacharacter(c) { break }
                switch c {
                case UInt8(ascii: "\\"):
                    index += 1
                    if index < bytes.count {
                        if bytes[index] != 0x0A { output.append(bytes[index]); hasContent = true }
                        index += 1
                    }
                case UInt8(ascii: "'"):
                    sawQuote = true
                    hasContent = true
                    index += 1
                    guard let end = bytes[index...].firstIndex(of: UInt8(ascii: "'")) else {
                        throw ShellSyntaxError(message: "unexpected EOF while looking for matching `''")
                    }
                    output += bytes[index..<end]
                    index = end + 1
                case UInt8(ascii: "\""):
                    sawQuote = true
                    hasContent = true
                    index += 1
                    append(try readDoubleQuoted(&unset))
                case UInt8(ascii: "$") where environment != nil:
                    append(try expandParameter(&unset, quoted: false))
                case UInt8(ascii: "="):
                    output.append(c)
                    hasContent = true
                    index += 1
                    if assignmentAllowed, assignmentName == nil, fields.isEmpty, !sawQuote, isName(Array(output.dropLast())) {
                        assignmentName = String(decoding: output.dropLast(), as: UTF8.self)
                        output = []
                    }
                default:
                    output.append(c)
                    hasContent = true
                    index += 1
                }
            }
            if let assignmentName { return ([], (assignmentName, String(decoding: output, as: UTF8.self)), unset) }
            if hasContent { fields.append(output) }
            return (fields.map { String(decoding: $0, as: UTF8.self) }, nil, unset)
        }

        /// The inside of `"…"` (the opening quote already consumed): `\` escapes only `$ ` " \`
        /// and newline, `$` expands, nothing is split (§2.2.3).
        private mutating func readDoubleQuoted(_ unset: inout [String]) throws(ShellSyntaxError) -> [Segment] {
            var segments: [Segment] = []
            var literal: [UInt8] = []
            while index < bytes.count {
                let d = bytes[index]
                if d == UInt8(ascii: "\"") {
                    index += 1
                    segments.append(Segment(bytes: literal, split: false))
                    return segments
                }
                if d == UInt8(ascii: "\\"), index + 1 < bytes.count, [UInt8(ascii: "$"), UInt8(ascii: "`"), UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A].contains(bytes[index + 1]) {
                    if bytes[index + 1] != 0x0A { literal.append(bytes[index + 1]) }
                    index += 2
                    continue
                }
                if d == UInt8(ascii: "$"), environment != nil {
                    segments.append(Segment(bytes: literal, split: false))
                    literal = []
                    segments += try expandParameter(&unset, quoted: true).map { Segment(bytes: $0.bytes, split: false) }
                    continue
                }
                literal.append(d)
                index += 1
            }
            throw ShellSyntaxError(message: "unexpected EOF while looking for matching `\"'")
        }

        /// The word of `${NAME:-word}` and friends: quotes removed, parameters expanded; in an
        /// unquoted expansion its unquoted parts are split like any expansion result (§2.6.2).
        private mutating func wordSegments(quoted: Bool, _ unset: inout [String]) throws(ShellSyntaxError) -> [Segment] {
            var segments: [Segment] = []
            while index < bytes.count {
                let c = bytes[index]
                switch c {
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.count else { segments.append(Segment(bytes: [c], split: !quoted)); continue }
                    if quoted, ![UInt8(ascii: "$"), UInt8(ascii: "`"), UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "}")].contains(bytes[index]) {
                        segments.append(Segment(bytes: [c], split: false))
                    }
                    segments.append(Segment(bytes: [bytes[index]], split: false))
                    index += 1
                case UInt8(ascii: "'") where !quoted:
                    index += 1
                    let end = bytes[index...].firstIndex(of: UInt8(ascii: "'")) ?? bytes.count
                    segments.append(Segment(bytes: Array(bytes[index..<end]), split: false))
                    index = min(end + 1, bytes.count)
                case UInt8(ascii: "\""):
                    index += 1
                    segments += try readDoubleQuoted(&unset)
                case UInt8(ascii: "$"):
                    segments += try expandParameter(&unset, quoted: quoted)
                default:
                    segments.append(Segment(bytes: [c], split: !quoted))
                    index += 1
                }
            }
            return segments
        }

        /// Where the `}` closing a `${` at `start` is, skipping quotes and nested `${…}` (§2.6.2).
        private func closingBrace(from start: Int) -> Int? {
            var i = start
            var nesting = 0
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\\"): i += 2; continue
                case UInt8(ascii: "'"):
                    guard let end = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "'")) else { return nil }
                    i = end + 1; continue
                case UInt8(ascii: "\""):
                    var j = i + 1
                    while j < bytes.count, bytes[j] != UInt8(ascii: "\"") { j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1 }
                    i = j + 1; continue
                case UInt8(ascii: "$"):
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") { nesting += 1; i += 2; continue }
                case UInt8(ascii: "}"):
                    if nesting == 0 { return i }
                    nesting -= 1
                default: break
                }
                i += 1
            }
            return nil
        }

        private func isNameByte(_ c: UInt8) -> Bool {
            c == UInt8(ascii: "_") || isDigit(c) || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z"))
        }

        /// `$NAME`, `$1`, `${NAME}`, `${NAME:-w}`, `${NAME-w}`, `${NAME:=w}`, `${NAME:+w}`, `${NAME:?w}`
        /// (§2.6.2). Other forms (command substitution, arithmetic, `#`/`%` patterns) are kept
        /// literally: railsim does not evaluate them.
        private mutating func expandParameter(_ unset: inout [String], quoted: Bool) throws(ShellSyntaxError) -> [Segment] {
            let env = environment ?? [:]
            index += 1  // `$`
            guard index < bytes.count else { return [Segment(bytes: [UInt8(ascii: "$")], split: false)] }
            if bytes[index] == UInt8(ascii: "{") {
                guard let close = closingBrace(from: index + 1) else {
                    throw ShellSyntaxError(message: "bad substitution: missing '}'")
                }
                let inner = Array(bytes[(index + 1)..<close])
                index = close + 1
                var nameEnd = 0
                while nameEnd < inner.count, isNameByte(inner[nameEnd]) { nameEnd += 1 }
                let name = String(decoding: inner[..<nameEnd], as: UTF8.self)
                let rest = Array(inner[nameEnd...])
                let value = env[name]
                if rest.isEmpty, !name.isEmpty {
                    if value == nil { unset.append(name) }
                    return [Segment(bytes: Array((value ?? "").utf8), split: !quoted)]
                }
                let colon = rest.first == UInt8(ascii: ":")
                let op = colon ? rest.dropFirst().first : rest.first
                guard !name.isEmpty, let op, [UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "?")].contains(op) else {
                    return [Segment(bytes: Array(("${" + String(decoding: inner, as: UTF8.self) + "}").utf8), split: false)]
                }
                guard depth < Self.maximumDepth else { throw ShellSyntaxError(message: "bad substitution: nested too deeply") }
                var sub = Lexer(bytes: Array(rest.dropFirst(colon ? 2 : 1)), environment: environment, depth: depth + 1)
                let isSet = value != nil && (!colon || value != "")
                let current = [Segment(bytes: Array((value ?? "").utf8), split: !quoted)]
                switch op {
                case UInt8(ascii: "-"):
                    if isSet { return current }
                    let word = try sub.wordSegments(quoted: quoted, &unset)
                    environment = sub.environment
                    return word
                case UInt8(ascii: "="):
                    if isSet { return current }
                    let word = try sub.wordSegments(quoted: quoted, &unset)
                    environment = sub.environment
                    let assigned = word.flatMap(\.bytes)
                    environment?[name] = String(decoding: assigned, as: UTF8.self)
                    return [Segment(bytes: assigned, split: !quoted)]
                case UInt8(ascii: "+"):
                    guard isSet else { return [] }
                    let word = try sub.wordSegments(quoted: quoted, &unset)
                    environment = sub.environment
                    return word
                default:  // `?`
                    if !isSet {
                        let word = String(decoding: try sub.wordSegments(quoted: true, &unset).flatMap(\.bytes), as: UTF8.self)
                        throw ShellSyntaxError(message: "\(name): \(word.isEmpty ? "parameter null or not set" : word)")
                    }
                    return current
                }
            }
            var end = index
            // A positional parameter is a single digit (`$1abc` is `$1` then `abc`).
            if isDigit(bytes[end]) { end += 1 } else { while end < bytes.count, isNameByte(bytes[end]) { end += 1 } }
            if end == index { return [Segment(bytes: [UInt8(ascii: "$")], split: false)] }
            let name = String(decoding: bytes[index..<end], as: UTF8.self)
            index = end
            if let value = env[name] { return [Segment(bytes: Array(value.utf8), split: !quoted)] }
            unset.append(name)
            return []
        }

        private func isName(_ bytes: [UInt8]) -> Bool {
            guard let first = bytes.first, first == UInt8(ascii: "_") || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z")) else { return false }
            return bytes.allSatisfy { $0 == UInt8(ascii: "_") || isDigit($0) || ($0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z")) }
        }

    }
}
