/// Word splitting used by BuildKit's AST layer (parser/split_command.go, parser/line_parsers.go).
enum DockerfileWords {
    /// Go `reWhitespace` = `[\t\v\f\r ]+`.
    static func isASCIIBlank(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{0B}" || s == "\u{0C}" || s == "\r"
    }

    /// `reWhitespace.Split(s, limit)` with limit 2 (`first: true`) or -1.
    static func splitBlank(_ s: String, first: Bool) -> [String] {
        var parts: [String] = []
        var cur = String.UnicodeScalarView()
        var scalars = s.unicodeScalars[...]
        while let c = scalars.first {
            if isASCIIBlank(c) {
                parts.append(String(cur))
                cur = String.UnicodeScalarView()
                while let d = scalars.first, isASCIIBlank(d) { scalars = scalars.dropFirst() }
                if first {
                    parts.append(String(Substring(scalars)))
                    return parts
                }
                continue
            }
            cur.append(c)
            scalars = scalars.dropFirst()
        }
        parts.append(String(cur))
        return parts
    }

    /// `splitCommand`: instruction word, flags, and the trimmed rest.
    static func splitCommand(_ line: String, escape: Unicode.Scalar) -> (cmd: String, flags: [String], rest: String) {
        let parts = splitBlank(DockerGoText.trimSpace(line), first: true)
        guard parts.count == 2 else { return (parts[0], [], "") }
        let (rest, flags) = extractFlags(parts[1], escape: escape)
        return (parts[0], flags, DockerGoText.trimSpace(rest))
    }

    /// `extractBuilderFlags`: leading `--` words, quotes removed, until a word not starting with `--` or a
    /// bare `--`. BuildKit walks bytes and widens each byte to a rune (`rune(line[pos])`), so non-ASCII
    /// bytes in flags come out as Latin-1 mojibake; railsim reproduces that so flag values compare equal.
    static func extractFlags(_ line: String, escape: Unicode.Scalar) -> (rest: String, flags: [String]) {
        let b = Array(line.utf8)
        let esc = UInt8(truncatingIfNeeded: escape.value)
        enum Phase { case spaces, word, quote }
        var words: [String] = []
        var phase = Phase.spaces
        var sb = String.UnicodeScalarView()
        var quote: UInt8 = 0
        var blankOK = false
        var pos = 0
        var ch: UInt8 = 0
        func rest(_ p: Int) -> String { String(decoding: b[p...], as: UTF8.self) }
        while pos <= b.count {
            defer { pos += 1 }
            if pos != b.count { ch = b[pos] }
            if phase == .spaces {
                if pos == b.count { break }
                if DockerGoText.isSpaceByte(ch) { continue }
                if ch != UInt8(ascii: "-") || pos + 1 == b.count || b[pos + 1] != UInt8(ascii: "-") {
                    return (rest(pos), words)
                }
                phase = .word
            }
            if pos == b.count {
                let w = String(sb)
                if w != "--" && (blankOK || !w.isEmpty) { words.append(w) }
                break
            }
            if phase == .word {
                if DockerGoText.isSpaceByte(ch) {
                    let w = String(sb)
                    phase = .spaces
                    if w == "--" { return (rest(pos), words) }
                    if blankOK || !w.isEmpty { words.append(w) }
                    sb = String.UnicodeScalarView()
                    blankOK = false
                    continue
                }
                if ch == UInt8(ascii: "'") || ch == UInt8(ascii: "\"") {
                    quote = ch; blankOK = true; phase = .quote
                    continue
                }
                if ch == esc {
                    if pos + 1 == b.count { continue }
                    pos += 1
                    ch = b[pos]
                }
                sb.append(Unicode.Scalar(ch))
                continue
            }
            // phase == .quote
            if ch == quote { phase = .word; continue }
            if ch == esc {
                if pos + 1 == b.count { phase = .word; continue }
                pos += 1
                ch = b[pos]
            }
            sb.append(Unicode.Scalar(ch))
        }
        return ("", words)
    }

    /// `parseWords`: quote- and escape-aware split that keeps quotes and escapes in the words (ENV, LABEL,
    /// ARG); they are removed later by the shell lexer.
    static func parseWords(_ rest: String, escape: Unicode.Scalar) -> [String] {
        let s = Array(rest.unicodeScalars)
        enum Phase { case spaces, word, quote }
        var words: [String] = []
        var phase = Phase.spaces
        var quote: Unicode.Scalar = "\0"
        var blankOK = false
        var sb = String.UnicodeScalarView()
        var pos = 0
        var ch: Unicode.Scalar = "\0"
        while pos <= s.count {
            if pos != s.count { ch = s[pos] }
            if phase == .spaces {
                if pos == s.count { break }
                if DockerGoText.isSpace(ch) { pos += 1; continue }
                phase = .word
            }
            if pos == s.count {
                if blankOK || !sb.isEmpty { words.append(String(sb)) }
                break
            }
            if phase == .word {
                if DockerGoText.isSpace(ch) {
                    phase = .spaces
                    if blankOK || !sb.isEmpty { words.append(String(sb)) }
                    sb = String.UnicodeScalarView()
                    blankOK = false
                    pos += 1
                    continue
                }
                if ch == "'" || ch == "\"" { quote = ch; blankOK = true; phase = .quote }
                if ch == escape {
                    if pos + 1 == s.count { pos += 1; continue }
                    sb.append(ch)
                    pos += 1
                    ch = s[pos]
                }
                sb.append(ch)
                pos += 1
                continue
            }
            // phase == .quote
            if ch == quote { phase = .word }
            if ch == escape && quote != "'" {
                if pos + 1 == s.count { phase = .word; pos += 1; continue }
                pos += 1
                sb.append(ch)
                ch = s[pos]
            }
            sb.append(ch)
            pos += 1
        }
        return words
    }
}
