/// BuildKit's variable-substitution lexer (frontend/dockerfile/shell/lex.go): quote removal, escapes and
/// `$x` / `${x...}` expansion for ENV, ARG, LABEL, COPY/ADD, WORKDIR, USER, ... and word splitting for
/// EXPOSE and heredoc detection. Mirrors `Lex.process` step by step, including its quirks (see comments).
public struct DockerShellLexer: Sendable {
    public var escapeToken: Character
    /// Keep quote characters in the output (BuildKit `RawQuotes`, used for heredoc detection).
    public var rawQuotes = false
    /// Keep escape characters in the output (BuildKit `RawEscapes`).
    public var rawEscapes = false
    /// Leave unset variables as written, e.g. `$X` or `${X:-d}` (BuildKit `SkipUnsetEnv`).
    public var skipUnsetEnv = false

    /// railsim's own limit on `${a:-${b:-...}}` nesting; BuildKit has none (Go stacks grow), but real
    /// Dockerfiles never come close, and a fixed bound keeps this recursion safe on any input.
    public static let maxNesting = 100

    public init(escapeToken: Character = "\\") { self.escapeToken = escapeToken }

    /// `Lex.ProcessWord`: one result string, internal whitespace kept.
    public func processWord(_ word: String, environment: [String: String]) throws(DockerShellError) -> String {
        try expand(word, environment: environment).value
    }

    /// `Lex.ProcessWords`: split into words after expansion (quoted text stays together).
    public func processWords(_ word: String, environment: [String: String]) throws(DockerShellError) -> [String] {
        try expand(word, environment: environment).words
    }

    /// Both results plus which variables were looked up, found or not — for findings such as
    /// "`$PYTHONPATH` was unset here, so `/app:$PYTHONPATH` became `/app:`".
    public func expand(_ word: String, environment: [String: String]) throws(DockerShellError) -> DockerShellExpansion {
        guard let esc = escapeToken.unicodeScalars.first else {
            throw DockerShellError(reason: "railsim: empty escape token", source: word)
        }
        let state = DockerShellWordState(source: word, escape: esc, lexer: self, environment: environment)
        do {
            let (value, words) = try state.processStopOn(nil, rawEscapes: rawEscapes)
            return DockerShellExpansion(value: value, words: words, referenced: state.matched, unset: state.unmatched)
        } catch {
            throw DockerShellError(reason: error.message, source: word)
        }
    }
}

public struct DockerShellExpansion: Sendable, Equatable {
    /// The `ProcessWord` result.
    public var value: String
    /// The `ProcessWords` result.
    public var words: [String]
    /// Variables that were looked up and set (possibly empty).
    public var referenced: Set<String>
    /// Variables that were looked up and not set.
    public var unset: Set<String>
}

public struct DockerShellError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The lexer's own message, e.g. "syntax error: missing '}'".
    public var reason: String
    /// The word being expanded.
    public var source: String
    /// BuildKit's full text: `failed to process "<source>": <reason>`.
    public var message: String { BuildKitMessage.failedToProcess(source, reason) }
    public var description: String { message }
}

struct DockerShellInnerError: Error { var message: String }

/// One expansion's mutable state (BuildKit `shellWord`). A class because the nested calls share the
/// scanner position and, as in BuildKit, one words buffer (a quirk: a nested `${x:-...}` resets the
/// partial word before it, so `ab${x:-c}d` splits to `cd` in ProcessWords).
final class DockerShellWordState {
    let s: [Unicode.Scalar]
    var pos = 0
    let esc: Unicode.Scalar
    let rawQuotes: Bool
    var rawEscapes: Bool
    let skipUnset: Bool
    let env: [String: String]
    var matched = Set<String>()
    var unmatched = Set<String>()
    var wordsBuffer = String.UnicodeScalarView()
    var depth = 0

    init(source: String, escape: Unicode.Scalar, lexer: DockerShellLexer, environment: [String: String]) {
        var scalars = Array(source.unicodeScalars)
        // Go text/scanner skips a byte-order mark at the very start.
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        s = scalars
        esc = escape
        rawQuotes = lexer.rawQuotes
        rawEscapes = lexer.rawEscapes
        skipUnset = lexer.skipUnsetEnv
        env = environment
    }

    func peek() -> Unicode.Scalar? { pos < s.count ? s[pos] : nil }
    @discardableResult func next() -> Unicode.Scalar? {
        guard pos < s.count else { return nil }
        pos += 1
        return s[pos - 1]
    }

    private struct Words {
        var words: [String] = []
        var inWord = false
    }

    func processStopOn(_ stop: Unicode.Scalar?, rawEscapes raw: Bool) throws(DockerShellInnerError) -> (String, [String]) {
        depth += 1
        defer { depth -= 1 }
        guard depth <= DockerShellLexer.maxNesting else {
            throw DockerShellInnerError(message: "railsim: variable substitutions nested deeper than \(DockerShellLexer.maxNesting) levels")
        }
        var result = String.UnicodeScalarView()
        wordsBuffer = String.UnicodeScalarView()
        var words = Words()
        let saved = rawEscapes
        rawEscapes = raw
        defer { rawEscapes = saved }

        func addRawChar(_ c: Unicode.Scalar) { wordsBuffer.append(c); words.inWord = true }
        func addChar(_ c: Unicode.Scalar) {
            if DockerGoText.isSpace(c) {
                if words.inWord, !wordsBuffer.isEmpty {
                    words.words.append(String(wordsBuffer))
                    wordsBuffer = String.UnicodeScalarView()
                    words.inWord = false
                }
            } else {
                addRawChar(c)
            }
        }
        func getWords() -> [String] {
            if !wordsBuffer.isEmpty {
                words.words.append(String(wordsBuffer))
                wordsBuffer = String.UnicodeScalarView()
                words.inWord = false
            }
            return words.words
        }

        while let ch = peek() {
            if let stop, ch == stop {
                next()
                return (String(result), getWords())
            }
            switch ch {
            case "$":
                let tmp = try processDollar()
                result.append(contentsOf: tmp.unicodeScalars)
                for c in tmp.unicodeScalars { addChar(c) }
            case "<", "'", "\"":
                let tmp: String
                if ch == "<" { tmp = processPossibleHeredoc() } else if ch == "'" { tmp = try processSingleQuote() } else { tmp = try processDoubleQuote() }
                result.append(contentsOf: tmp.unicodeScalars)
                wordsBuffer.append(contentsOf: tmp.unicodeScalars)
                words.inWord = true
            default:
                next()
                var c = ch
                if c == esc {
                    if rawEscapes { addRawChar(c); result.append(c) }
                    // The escape token escapes the next character; a trailing one is dropped.
                    guard let n = next() else { break }
                    c = n
                    addRawChar(c)
                } else {
                    addChar(c)
                }
                result.append(c)
            }
        }
        if let stop {
            throw DockerShellInnerError(message: BuildKitMessage.unexpectedEndLookingFor(Character(stop)))
        }
        return (String(result), getWords())
    }

    func processSingleQuote() throws(DockerShellInnerError) -> String {
        var result = String.UnicodeScalarView()
        let open = next()
        if rawQuotes, let open { result.append(open) }
        while true {
            guard let ch = next() else {
                throw DockerShellInnerError(message: BuildKitMessage.unterminatedSingleQuote)
            }
            if ch == "'" {
                if rawQuotes { result.append(ch) }
                return String(result)
            }
            result.append(ch)
        }
    }

    func processDoubleQuote() throws(DockerShellInnerError) -> String {
        var result = String.UnicodeScalarView()
        let open = next()
        if rawQuotes, let open { result.append(open) }
        while true {
            guard let p = peek() else {
                throw DockerShellInnerError(message: BuildKitMessage.unterminatedDoubleQuote)
            }
            if p == "\"" {
                next()
                if rawQuotes { result.append(p) }
                return String(result)
            }
            if p == "$" {
                result.append(contentsOf: try processDollar().unicodeScalars)
                continue
            }
            guard var ch = next() else { continue }
            if ch == esc {
                if rawEscapes { result.append(ch) }
                guard let q = peek() else { continue } // a trailing escape is ignored
                // Only ", $ and the escape token itself can be escaped; other escapes stay literal.
                if q == "\"" || q == "$" || q == esc, let n = next() { ch = n }
            }
            result.append(ch)
        }
    }

    func processDollar() throws(DockerShellInnerError) -> String {
        next()
        if peek() != "{" {
            let name = processName()
            if name.isEmpty { return "$" }
            let (value, found) = getEnv(name)
            if !found && skipUnset { return "$" + name }
            return value
        }
        next()
        switch peek() {
        case nil:
            throw DockerShellInnerError(message: BuildKitMessage.missingBrace)
        case "{", "}", ":":
            throw DockerShellInnerError(message: BuildKitMessage.badSubstitution)
        default: break
        }
        let name = processName()
        // Go's scanner returns EOF (-1) here; string(rune(-1)) is U+FFFD in messages.
        var ch: Unicode.Scalar = next() ?? "\u{FFFD}"
        var chs = String(Character(ch))
        var nullIsUnset = false
        if ch == "}" {
            let (value, set) = getEnv(name)
            if !set && skipUnset { return "${" + name + "}" }
            return value
        }
        if ch == ":" {
            nullIsUnset = true
            ch = next() ?? "\u{FFFD}"
            chs += String(Character(ch))
        }
        if nullIsUnset || ch == "+" || ch == "-" || ch == "?" || ch == "#" || ch == "%" {
            let rawEsc = ch == "#" || ch == "%"
            if nullIsUnset && rawEsc {
                throw DockerShellInnerError(message: BuildKitMessage.unsupportedModifier(chs))
            }
            let word: String
            do {
                word = try processStopOn("}", rawEscapes: rawEsc).0
            } catch {
                if peek() == nil { throw DockerShellInnerError(message: BuildKitMessage.missingBrace) }
                throw error
            }
            let (value, set) = getEnv(name)
            if skipUnset && !set { return "${" + name + chs + word + "}" }
            switch ch {
            case "-":
                return (!set || (nullIsUnset && value.isEmpty)) ? word : value
            case "+":
                return (!set || (nullIsUnset && value.isEmpty)) ? "" : word
            case "?":
                if !set {
                    throw DockerShellInnerError(message: BuildKitMessage.requiredVariable(name, word.isEmpty ? BuildKitMessage.notAllowedUnset : word))
                }
                if nullIsUnset && value.isEmpty {
                    throw DockerShellInnerError(message: BuildKitMessage.requiredVariable(name, word.isEmpty ? BuildKitMessage.notAllowedEmpty : word))
                }
                return value
            case "%", "#":
                var pattern = Array(word.unicodeScalars)
                var greedy = false
                if let first = word.utf8.first, first == UInt8(ascii: ch == "%" ? "%" : "#") {
                    greedy = true
                    pattern.removeFirst()
                }
                return try trim(pattern: pattern, value: value, suffix: ch == "%", greedy: greedy)
            default:
                throw DockerShellInnerError(message: BuildKitMessage.unsupportedModifier(chs))
            }
        }
        if ch == "/" {
            let replaceAll = peek() == "/"
            if replaceAll { next() }
            let pattern: String
            do {
                pattern = try processStopOn("/", rawEscapes: true).0
            } catch {
                if peek() == nil { throw DockerShellInnerError(message: BuildKitMessage.missingSlash) }
                throw error
            }
            let replacement: String
            do {
                replacement = try processStopOn("}", rawEscapes: true).0
            } catch {
                if peek() == nil { throw DockerShellInnerError(message: BuildKitMessage.missingBrace) }
                throw error
            }
            let (value, set) = getEnv(name)
            if skipUnset && !set { return "${" + name + "/" + pattern + "/" + replacement + "}" }
            do {
                let p = try DockerShellPattern(Array(pattern.unicodeScalars))
                let out = try p.replace(in: Array(value.unicodeScalars), with: Array(replacement.unicodeScalars), all: replaceAll)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: out)
                return String(view)
            } catch {
                throw DockerShellInnerError(message: BuildKitMessage.invalidPattern(pattern, error.message))
            }
        }
        throw DockerShellInnerError(message: BuildKitMessage.unsupportedModifier(chs))
    }

    /// Go `trimPrefix` / `trimSuffix` (the latter reverses pattern and value to reuse a leftmost match).
    private func trim(pattern: [Unicode.Scalar], value: String, suffix: Bool, greedy: Bool) throws(DockerShellInnerError) -> String {
        let pat = suffix ? DockerShellPattern.reversed(pattern) : pattern
        var text = Array(value.unicodeScalars)
        if suffix { text.reverse() }
        var view = String.UnicodeScalarView()
        do {
            let p = try DockerShellPattern(pat)
            if let n = try p.prefixMatch(text, greedy: greedy) { text.removeFirst(n) }
        } catch {
            view.append(contentsOf: pat)
            // trimPrefix words this failure like processDollar does.
            throw DockerShellInnerError(message: BuildKitMessage.invalidPattern(String(view), error.message))
        }
        if suffix { text.reverse() }
        view.append(contentsOf: text)
        return String(view)
    }

    func processName() -> String {
        var name = String.UnicodeScalarView()
        while let ch = peek() {
            if name.isEmpty && Self.isDigit(ch) {
                while let d = peek(), Self.isDigit(d) { name.append(d); next() }
                return String(name)
            }
            if name.isEmpty && Self.isSpecialParam(ch) {
                next()
                return String(Character(ch))
            }
            if !Self.isLetter(ch) && !Self.isDigit(ch) && ch != "_" { break }
            name.append(ch)
            next()
        }
        return String(name)
    }

    func processPossibleHeredoc() -> String {
        next()
        guard peek() == "<" else { return "<" }
        next()
        var result = "<<"
        while let c = peek(), c == "\t" || c == "\r" || c == " " {
            result.unicodeScalars.append(c)
            next()
        }
        return result
    }

    func getEnv(_ name: String) -> (String, Bool) {
        if let v = env[name] {
            matched.insert(name)
            return (v, true)
        }
        unmatched.insert(name)
        return ("", false)
    }

    static func isSpecialParam(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "@", "*", "#", "?", "-", "$", "!", "0": return true
        default: return false
        }
    }

    /// Go `unicode.IsDigit`: category Nd.
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.properties.generalCategory == .decimalNumber }

    /// Go `unicode.IsLetter`: categories Lu, Ll, Lt, Lm, Lo.
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
