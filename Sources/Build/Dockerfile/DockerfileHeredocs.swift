/// Heredoc detection (BuildKit parser/parser.go `heredocsFromLine`, `ParseHeredoc`, `heredocFromMatch`).
/// Detection always uses `\` as escape, whatever `# escape=` says.
enum DockerfileHeredocs {
    struct Failure: Error { var message: String }

    /// All heredoc declarations on a joined instruction line, in order. The line is split into raw shell
    /// words first; a lexing error there means "no heredocs" (BuildKit ignores it).
    static func declared(in line: String) throws(Failure) -> [DockerHeredoc] {
        var lexer = DockerShellLexer(escapeToken: "\\")
        lexer.rawQuotes = true
        lexer.rawEscapes = true
        lexer.skipUnsetEnv = true
        guard let words = try? lexer.processWords(line, environment: [:]) else { return [] }
        var docs: [DockerHeredoc] = []
        for word in words {
            if let doc = try parse(word) { docs.append(doc) }
        }
        return docs
    }

    /// `MustParseHeredoc`: errors count as "not a heredoc".
    static func parseIgnoringErrors(_ word: String) -> DockerHeredoc? { (try? parse(word)) ?? nil }

    /// `ParseHeredoc`: the regex `^(\d*)<<(-?)\s*([^<]*)$` by hand, then the single-word and quoting checks.
    static func parse(_ src: String) throws(Failure) -> DockerHeredoc? {
        let s = Array(src.unicodeScalars)
        var i = 0
        while i < s.count, s[i].value >= 0x30, s[i].value <= 0x39 { i += 1 }
        let digits = String(String.UnicodeScalarView(s[0..<i]))
        guard i + 1 < s.count, s[i] == "<", s[i + 1] == "<" else { return nil }
        i += 2
        var chomp = false
        if i < s.count, s[i] == "-" { chomp = true; i += 1 }
        while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\u{0C}" || s[i] == "\r" { i += 1 }
        let restScalars = s[i...]
        guard !restScalars.contains("<") else { return nil }
        let rest = String(String.UnicodeScalarView(restScalars))
        if rest.isEmpty { return nil }
        // heredocFromMatch ignores strconv.ParseUint's error, but not its value: "" gives 0 (ErrSyntax) and
        // too many digits give the maximum, not 0 (ErrRange) — BuildKit parser/parser.go heredocFromMatch.
        let fd = digits.isEmpty ? 0 : (UInt(digits) ?? UInt.max)

        var lexer = DockerShellLexer(escapeToken: "\\")
        lexer.skipUnsetEnv = true
        let words: [String]
        let raw: [String]
        do {
            words = try lexer.processWords(rest, environment: [:])
            if words.count != 1 { return nil }
            lexer.rawQuotes = true
            raw = try lexer.processWords(rest, environment: [:])
        } catch {
            throw Failure(message: error.message)
        }
        guard raw.count == words.count else {
            throw Failure(message: BuildKitMessage.heredocLexingInconsistent(rest))
        }
        func quotes(_ w: String) -> Int { w.unicodeScalars.filter { $0 == "'" || $0 == "\"" }.count }
        return DockerHeredoc(name: words[0], fileDescriptor: fd, expand: quotes(words[0]) == quotes(raw[0]), chomp: chomp, content: "")
    }

    /// `ChompHeredocContent`: strip leading tabs from every line (`<<-`).
    static func chomp(_ content: String) -> String {
        var out = String.UnicodeScalarView()
        var atLineStart = true
        for c in content.unicodeScalars {
            if atLineStart && c == "\t" { continue }
            atLineStart = c == "\n"
            out.append(c)
        }
        return String(out)
    }
}

extension DockerHeredoc {
    /// The body as the instruction uses it: leading tabs stripped from every line for `<<-`
    /// (BuildKit parser.go `ChompHeredocContent`, applied in instructions/parse.go).
    public var effectiveContent: String { chomp ? DockerfileHeredocs.chomp(content) : content }
}
