@testable import Build

/// A seeded generator of syntactically varied Dockerfiles (valid and invalid) for differential fuzzing
/// against BuildKit's parser (`DockerfileOracleTests`) and for crash-robustness of the whole build.
///
/// It aims at every feature of BuildKit's AST layer (frontend/dockerfile/parser: parser.go, line_parsers.go,
/// directives.go, split_command.go) rather than at realistic files: directives and the escape token,
/// continuations with comments and blank lines inside, CRLF/BOM/odd blanks, heredocs in all their forms,
/// exec/shell form with valid and broken JSON, flags, ENV/LABEL/ARG forms, ONBUILD triggers, HEALTHCHECK,
/// unknown words, the 65535-byte line limit, and files with no instruction. Output is valid UTF-8 without
/// NUL bytes, because the oracle hands text to Python as C strings (see `DockerfileOracle.knownDivergence`).
/// Features where BuildKit v0.12.5 (the oracle) and current BuildKit differ are generated rarely so that
/// skipped files stay few.
struct DockerfileGenerator {
    private var state: UInt64
    /// The escape token the generated preamble asked for (what continuations in this file use).
    private var escape: Character = "\\"

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }

    mutating func rand(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(max(n, 1)))
    }
    mutating func pick<T>(_ a: [T]) -> T { a[rand(a.count)] }
    /// True once in `n` calls on average.
    mutating func oneIn(_ n: Int) -> Bool { rand(n) == 0 }

    // MARK: Files

    mutating func next() -> String {
        escape = "\\"
        if oneIn(60) { return degenerateFile() }
        var lines: [String] = []
        lines += preamble()
        if oneIn(4) { lines.append(pick(["", "# comment", "ARG BASE=python:3.12", "  ", "#", "ARG A B=c"])) }
        if !oneIn(12) {
            lines.append(pick(["FROM python:3.12", "from busybox AS build", "FROM --platform=linux/amd64 alpine", "FROM a b",
                               "FROM x AS 1bad", "FROM\tscratch", "  FROM  a  as  b  ", "FROM ${BASE}"]))
        }
        for _ in 0..<(1 + rand(9)) { lines += instruction() }
        if oneIn(300) { lines += longLine() }
        return assemble(lines)
    }

    /// Joins physical lines with LF, CRLF or a mix, sometimes with a BOM, trailing blanks, no final newline,
    /// or a continuation that runs into the end of the file.
    private mutating func assemble(_ lines: [String]) -> String {
        let mode = rand(12)
        var text = oneIn(25) ? "\u{FEFF}" : ""
        for (i, line) in lines.enumerated() {
            var l = line
            if oneIn(30) { l += pick([" ", "\t", "  \t"]) }
            text += l
            if i == lines.count - 1 && oneIn(5) { break }
            switch mode {
            case 0: text += "\r\n"
            case 1: text += oneIn(2) ? "\r\n" : "\n"
            default: text += "\n"
            }
        }
        if oneIn(40) { text += pick(["RUN end " + String(escape), String(escape), "RUN a" + String(escape) + "\n  "]) }
        return text
    }

    /// Files BuildKit rejects or nearly rejects as a whole: empty, blank, only comments/directives.
    private mutating func degenerateFile() -> String {
        switch rand(7) {
        case 0: return ""
        case 1: return pick(["\n", "  \n\t\n", "\r\n", " "])
        case 2: return "# just a comment\n"
        case 3: return "# syntax=docker/dockerfile:1\n# escape=`\n"
        case 4: return "\u{FEFF}# escape=\\\n\n# comment\n"
        case 5: return "\\\n" + pick(["", "  \n", "# c\n"])
        default: return pick(["# a\n#b\n   # c", "#escape=`\n`\n", "\u{FEFF}"])
        }
    }

    /// Parser directives (directives.go): spacing and case variants, both escape tokens, invalid and
    /// duplicate values, unknown keys and comments that end scanning, and `# check=` rarely (a directive
    /// only since BuildKit 0.14, so the oracle skips such files).
    private mutating func preamble() -> [String] {
        var out: [String] = []
        guard oneIn(2) else { return out }
        var escapes = 0, syntaxes = 0
        for _ in 0..<(1 + rand(3)) {
            switch rand(14) {
            case 0, 1, 2, 3, 4, 12:
                // A repeated key is an error that hides the rest of the file: keep it to one file in six.
                guard escapes == 0 || oneIn(6) else { continue }
                escapes += 1
                out.append(oneIn(3) ? pick(["# escape=\\", "#escape=\\", "#  escape =\\  "])
                                    : pick(["# escape=`", "#escape=`", "# ESCAPE = `", "#\tescape\t=\t`  ", "# Escape=`"]))
            case 5, 6:
                guard syntaxes == 0 || oneIn(6) else { continue }
                syntaxes += 1
                out.append(pick(["# syntax=docker/dockerfile:1", "#syntax = docker/dockerfile:1.4", "# Syntax = x y", "#syntax=a=b"]))
            case 7: if oneIn(3) { out.append(pick(["# escape=x", "# escape=``", "# escape=", "# escape= ", "# escape =  "])) }
            case 8: out.append(pick(["# foo=bar", "# just a comment", "#", "// escape=`", "#!/bin/sh", "# 1escape=`"]))
            case 9: out.append(pick(["", "  ", "\t# escape=`", " # syntax=x"]))
            // a248d48d0 made `#\u{A0}escape=` a directive; the oracle predates it, so rarely.
            case 10: out.append(oneIn(30) ? pick(["#\u{A0}escape=`", "#\u{0B}syntax=x"]) : pick(["# escape\u{A0}=`", "#syntax\u{0B}=x"]))
            case 11: if oneIn(25) { out.append(pick(["# check=skip=all", "#check=error=true"])) }
            default: out.append(pick(["# syntax=a", "#  foo = bar"]))
            }
        }
        // The escape token actually in force (scanning may have stopped before an `# escape=` line); only
        // used to shape what follows, so a parse failure here just keeps the default.
        if let file = try? DockerfileParser.parseAST(Array((out + ["FROM a"]).joined(separator: "\n").utf8)) {
            escape = file.escapeToken
        }
        return out
    }

    /// One line longer or shorter than BuildKit's scanner limit (bufio.MaxScanTokenSize - 1 = 65535 bytes).
    private mutating func longLine() -> [String] {
        let size = 65535 + pick([-1, 0, 1, 2])
        let prefix = pick(["RUN ", "ENV A=", "# ", "COPY a "])
        return [prefix + String(repeating: "x", count: size - prefix.utf8.count)]
    }

    // MARK: Words

    private mutating func word() -> String {
        pick(["a", "b c", "\"q w\"", "'s q'", "$HOME", "${X:-d}", "x\\ y", "x` y", "é", "日本", "--x", "k=v", "#", "[", "]", "\"", "'",
              "a\\", "a`", "\\\"", "\"a\\\"b\"", "'a\\'", "=", "k=", "=v", "\u{A0}", "a\u{A0}b", "\u{85}", "\u{2028}", "a\u{0B}b",
              "a\u{0C}b", "a\rb", "<", "a<<b", "x=\"1 2\"", "'k'=v", "k='v w'", "\\$x", "ö=ü", "😀", "\\u0041"])
    }

    private mutating func words(_ max: Int = 4) -> String {
        (0..<(1 + rand(max))).map { _ in word() }.joined(separator: blank())
    }

    private mutating func blank() -> String { pick([" ", " ", " ", "  ", "\t", " \t ", "\u{0B}", "\u{0C}", "\r", "\u{A0}"]) }

    // MARK: JSON

    private mutating func jsonString() -> String {
        pick(["\"a\"", "\"b c\"", "\"\\u00e9\"", "\"x\\\"y\"", "\"\\\\\"", "\"\\/\"", "\"\\b\\f\\n\\r\\t\"", "\"\\ud83d\\ude00\"",
              "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud800\\u0041\"", "\"é\"", "\"\"", "\"\\x\"", "\"a\tb\"", "\"\\u00\"", "\"$A\"",
              "\"\\U0041\"", "\"\\u12G4\"", "\"--flag\"", "\"<<EOF\""])
    }

    private mutating func jsonValue(depth: Int = 0) -> String {
        switch rand(depth > 1 ? 10 : 14) {
        case 0: return pick(["1", "-0.5e3", "1e999", "0", "01", "-", "1.", "true", "null", "false", "nul", "True"])
        case 10, 11: return "[" + (0..<rand(3)).map { _ in jsonValue(depth: depth + 1) }.joined(separator: ",") + "]"
        case 12: return pick(["{}", "{\"a\":\"b\"}", "{\"a\":1,}", "{a:1}"])
        case 13: return String(repeating: "[", count: 1 + rand(4)) + "\"d\"" + String(repeating: "]", count: 1 + rand(4))
        default: return jsonString()
        }
    }

    /// A JSON array (or something that starts like one): valid, with non-string elements, nested, broken,
    /// or followed by text (which BuildKit ≥ 0.13 rejects and v0.12.5's Decoder accepted).
    private mutating func jsonBody() -> String {
        let sep = pick([", ", ",", " , ", ",\t", ",\u{0B}", ",\u{A0}"])
        var elems: [String] = []
        for _ in 0..<rand(4) { elems.append(oneIn(6) ? jsonValue() : jsonString()) }
        var s = pick(["[", "[ ", "[\t"]) + elems.joined(separator: sep) + pick(["]", " ]", "]", "]  "])
        // Text after the array is where 0.12.5's json.Decoder and current json.Unmarshal part (80518e257): rarely.
        switch rand(14) {
        case 0: s = pick(["['a']", "[\"a\"", "[\"a\",]", "[,\"a\"]", "[ ]", "[]", "[\"a\" \"b\"]", "[[]]", "[\"a\",[\"b\"]]", "[\"a\"", "[1"])
        case 1 where oneIn(4): s += pick([" x", "x", " []", " [\"b\"]", "\t# c", "]"])
        case 2: s = "  " + s
        default: break
        }
        return s
    }

    // MARK: Flags

    /// Flag words. With `# escape=`` in force, flag words with `\\` or `` ` `` are rare: BuildKit ≥ 0.21 escapes
    /// flags with the file's token, the oracle (0.12.5) always with `\\`, so those files are skipped.
    private mutating func flags() -> [String] {
        guard oneIn(escape == "`" ? 12 : 3) else { return [] }
        return (0..<(1 + rand(2))).map { _ in
            if escape == "`" && !oneIn(30) {
                return pick(["--from=build", "--link", "--x=\"a b\"", "--", "--x='y z'", "--é=ü", "--=v", "-x", "--x=", "-- --x", "--x=\"\""])
            }
            return pick(["--from=build", "--chown=1000:1000", "--link", "--mount=type=cache,target=/c", "--x=\"a b\"", "--", "--a=1 --b",
                  "--x='y z'", "--x=a\\ b", "--x=a` b", "--é=ü", "--x=\"a\\\"b\"", "--x=\"unterminated", "--=v", "---x", "-x", "--x=",
                  "--network=none", "--platform=$P", "-- --x", "--x=\"\"", "--\u{A0}x", "--x=\"a\u{0B}b\"", "--x=\\"])
        }
    }

    // MARK: Heredocs

    /// A heredoc word and the terminator line that closes it (nil: this form is not closed by a line).
    private mutating func heredocWord() -> (word: String, name: String?, chomp: Bool) {
        let forms: [(String, String?, Bool)] = [
            ("<<EOF", "EOF", false), ("<<-EOF", "EOF", true), ("<<'EOF'", "EOF", false), ("<<\"EOF\"", "EOF", false),
            ("<<E\"O\"F", "EOF", false), ("<<-'EOF'", "EOF", true), ("3<<EOF", "EOF", false), ("10<<-END", "END", true),
            ("<<END", "END", false), ("<<\\EOF", "EOF", false), ("<<$X", "$X", false), ("<<${Y}", "${Y}", false),
            ("<<\"E F\"", "E F", false), ("<<'A\"B'", "A\"B", false), ("<<EOF<", nil, false), ("<<-", nil, false),
            ("x<<EOF", nil, false), ("<<\"unterminated", nil, false), ("99999999999999999999<<EOF", "EOF", false), ("<<é", "é", false),
            ("<<E\\ F", "E F", false), ("<<'EOF", nil, false),
        ]
        let f = pick(forms)
        return (f.0, f.1, f.2)
    }

    /// Body lines for one heredoc, then (usually) its terminator, sometimes with leading tabs, CR, or a
    /// near-miss that does not terminate.
    private mutating func heredocBody(name: String?, chomp: Bool) -> [String] {
        var out: [String] = []
        for _ in 0..<rand(4) {
            out.append(pick(["body line", "\tbody tab", "$VAR ${X}", "# not a comment", "", "  ", "cont \\", "RUN x", "\t\tEOFX",
                             "EOF ", " EOF", "\u{FEFF}EOF", "eof", "# escape=`", "[\"json\"]"]))
        }
        guard let name, !oneIn(10) else { return out }
        if chomp && oneIn(2) { out.append(String(repeating: "\t", count: 1 + rand(3)) + name) }
        else if !chomp && oneIn(8) { out.append("\t" + name) } // not a terminator without `-`
        else { out.append(name + (oneIn(10) ? "\r" : "")) }
        if !chomp && out.last?.hasPrefix("\t") == true, !oneIn(3) { out.append(name) }
        return out
    }

    // MARK: Instructions

    private mutating func instruction() -> [String] {
        let kw = pick(["RUN", "run", "Run", "CMD", "ENTRYPOINT", "COPY", "copy", "ADD", "ENV", "LABEL", "ARG", "WORKDIR", "USER",
                       "EXPOSE", "VOLUME", "SHELL", "HEALTHCHECK", "ONBUILD", "STOPSIGNAL", "MAINTAINER", "FOO", "FROM", "RUN", "COPY",
                       "ENV", "ONBUILD", "HEALTHCHECK", "ARG"])
        var heredocs: [(name: String?, chomp: Bool)] = []
        var body = self.body(for: kw.uppercased(), heredocs: &heredocs)
        if kw.uppercased() == "ONBUILD" {
            var trigger = pick(["RUN", "COPY", "ADD", "ONBUILD", "FROM", "MAINTAINER", "CMD", "ENV", "LABEL", "ARG", "HEALTHCHECK",
                                "VOLUME", "SHELL", "EXPOSE", "USER", "WORKDIR", "STOPSIGNAL", "ENTRYPOINT", "onbuild", "Copy", "BAR"])
            if trigger.uppercased() == "ONBUILD" && oneIn(2) { trigger += " " + pick(["RUN x", "ONBUILD RUN y", ""]) }
            var nested: [(name: String?, chomp: Bool)] = []
            let inner = self.body(for: trigger.uppercased(), heredocs: &nested)
            heredocs = nested
            body = ([trigger] + flags() + [inner]).filter { !$0.isEmpty }.joined(separator: blank())
            if oneIn(15) { body = "" }
        }
        let lead = oneIn(10) ? pick(["  ", "\t", " \t", "\u{A0}", "\u{0B}"]) : ""
        var logical = lead + ([kw] + flags() + [body]).filter { !$0.isEmpty }.joined(separator: blank())
        if oneIn(25) { logical += pick([" ", "\t", " \u{A0}"]) }
        if logical.uppercased().contains("HEALTHCHECK") { logical = Self.withoutSpaceBytes(logical) }
        var out = continued(logical)
        for h in heredocs { out += heredocBody(name: h.name, chomp: h.chomp) }
        if oneIn(6) { out.append(pick(["# a comment", "", "   # indented comment", "\t", "#escape=`"])) }
        return out
    }

    /// The argument text for one instruction keyword; heredoc declarations are reported in `heredocs`.
    private mutating func body(for kw: String, heredocs: inout [(name: String?, chomp: Bool)]) -> String {
        switch kw {
        case "RUN", "COPY", "ADD":
            switch rand(8) {
            case 0, 1: return jsonBody()
            case 2, 3, 4:
                var parts: [String] = []
                if oneIn(2) { parts.append(words(2)) }
                for _ in 0..<(oneIn(4) ? 2 + rand(2) : 1) {
                    let h = heredocWord()
                    parts.append(h.word)
                    if oneIn(3) { parts.append(pick(["python3", "/dest", "&& echo", "| cat", "'<<NO'", "\"<<NO\"", "\\<<NO", ">out"])) }
                    heredocs.append((h.name, h.chomp))
                }
                return parts.joined(separator: pick([" ", "  ", "\t"]))
            default: return words()
            }
        case "CMD", "ENTRYPOINT", "SHELL", "VOLUME":
            switch rand(5) {
            case 0, 1: return jsonBody()
            case 2: return pick(["<<EOF", "cat <<EOF", ""])
            default: return words()
            }
        case "ENV", "LABEL":
            switch rand(6) {
            case 0: return pick(["k v", "K v w", "k\tv", "k", "K  \"a b\"", "k=", "=v", "k v=w", "\"k\" v", "k\u{A0}v", "k\u{0B}v"])
            case 1: return pick(["a=b c", "a=b c=d e", "a=b\\ c", "a=\"b\\\"c\"", "a='b\\'", "a=`b", "a=b` c"])
            default:
                return (0..<(1 + rand(3))).map { _ in
                    pick(["k", "K_1", "\"k k\"", "'q'", "a\\ b", "x`=y", ""]) + "=" + pick(["v", "", "\"a b\"", "'c d'", "a\\ b", "$X", "\"\"", "a=b", "é", "\"unterminated", "a\\", "\\\"", "`x"])
                }.joined(separator: blank())
            }
        case "ARG":
            return pick(["a", "a=b", "a b", "a=\"b c\"", "", "=x", "a= b", "A=1 B", "'q'=x", "a=b\\ c", "a=`b c", "k=\"", "a==b", "é=1"])
        case "HEALTHCHECK":
            let kind = pick(["NONE", "none", "CMD", "cmd", "Cmd", "", "FOO", "CMD\u{0B}", "CMD\t", "NONE x"])
            let cmd: String
            switch rand(5) {
            case 0: cmd = jsonBody()
            case 1: cmd = ""
            default: cmd = words(2)
            }
            return Self.withoutSpaceBytes(([kind, cmd]).filter { !$0.isEmpty }.joined(separator: pick([" ", "\t", "  ", "\u{0B}"])))
        case "FROM": return pick(["a", "a AS b", "a as b c", "", "--platform=x a", "a\u{0B}AS\u{0C}b"])
        case "ONBUILD", "": return ""
        default: return oneIn(5) ? jsonBody() : words()
        }
    }

    /// parseHealthConfig cuts the type word at a byte Go's unicode.IsSpace accepts, so U+00A0 or U+0085 (UTF-8
    /// C2 A0, C2 85) right after it leaves invalid UTF-8 that the oracle cannot hand to Python.
    static func withoutSpaceBytes(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { $0 != "\u{A0}" && $0 != "\u{85}" }))
    }

    /// Splits a logical line into physical lines with the file's escape token (sometimes the other one),
    /// with blanks after the escape, escaped escapes, escape-only lines, and comments or blank lines between.
    private mutating func continued(_ logical: String) -> [String] {
        guard oneIn(4) else { return [logical] }
        let scalars = Array(logical.unicodeScalars)
        var cuts = Set<Int>()
        for _ in 0..<(1 + rand(3)) where scalars.count > 1 { cuts.insert(1 + rand(scalars.count - 1)) }
        var out: [String] = []
        var start = 0
        for cut in cuts.sorted() + [scalars.count] {
            var piece = String(String.UnicodeScalarView(scalars[start..<cut]))
            start = cut
            if cut == scalars.count { out.append(piece); break }
            let esc = oneIn(12) ? (escape == "`" ? "\\" : "`") : String(escape)
            piece += pick([esc, esc, esc, " " + esc, esc + " ", esc + "\t ", esc + esc, esc + "\u{A0}"])
            out.append(piece)
            if oneIn(3) {
                out.append(pick(["# comment inside", "  # indented comment", "", "   ", "\t", esc, "  " + esc, "#" + esc, " \u{A0}"]))
            }
            if oneIn(8) { out.append(pick(["  more", "\tcont", "x" + esc])) }
        }
        return out
    }
}
