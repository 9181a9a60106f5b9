extension PythonTokenizer {
    /// One level of f-string scanning state (PEP 701's tokenizer modes, kept on an explicit
    /// stack instead of recursion so nesting depth is bounded by `maxFStringLevel` and
    /// `maxLevel`, never by the call stack).
    private enum FStringMode {
        /// Literal text of an f-string.
        case literal(quote: UInt8, triple: Bool, raw: Bool)
        /// Inside a `{…}` replacement field; `depth` counts brackets opened in the field.
        case field(depth: Int)
        /// Inside a format spec after a top-level `:`, until the field's `}`.
        case spec
    }

    /// Scans an f-string after its opening quote(s) with 3.12 semantics (PEP 701,
    /// https://peps.python.org/pep-0701/): replacement fields may contain any expression,
    /// including strings that reuse the enclosing quote, comments and newlines; `{{`/`}}`
    /// are literal braces; `:` at the top of a field starts a format spec that may itself
    /// contain fields. Code valid on 3.8–3.11 tokenizes the same way.
    mutating func scanFString(quote: UInt8, triple: Bool, raw: Bool, origin: StringOrigin) throws(PythonSyntaxError) {
        var modes: [FStringMode] = [.literal(quote: quote, triple: triple, raw: raw)]
        /// Quote, triple flag and origin of each open f-string, innermost last.
        var owners: [(quote: UInt8, triple: Bool, origin: StringOrigin)] = [(quote, triple, origin)]
        /// Fields and brackets opened inside this f-string count toward `MAXLEVEL`, as
        /// LBRACE/LPAR tokens do in CPython 3.12.
        var level = 0

        func checkLevel(_ tokenizer: PythonTokenizer, _ level: Int) throws(PythonSyntaxError) {
            if tokenizer.brackets.count + level >= PythonTokenizer.maxLevel {
                throw tokenizer.error("too many nested parentheses", at: tokenizer.pos)
            }
        }

        while let mode = modes.last {
            switch mode {
            case let .literal(q, t, r):
                try scanFStringText(quote: q, triple: t, raw: r, inSpec: false, owner: owners[owners.count - 1].origin)
                // Returned at a closing quote or at a `{` that opens a field.
                if at(pos) == UInt8(ascii: "{") {
                    pos += 1
                    level += 1
                    try checkLevel(self, level)
                    modes.append(.field(depth: 0))
                } else {
                    pos += t ? 3 : 1
                    modes.removeLast()
                    owners.removeLast()
                }
            case .spec:
                let owner = owners[owners.count - 1]
                try scanFStringText(quote: owner.quote, triple: owner.triple, raw: true, inSpec: true, owner: owner.origin)
                // Returned at `{` (nested field) or `}` (end of the field).
                if at(pos) == UInt8(ascii: "{") {
                    pos += 1
                    level += 1
                    try checkLevel(self, level)
                    modes.append(.field(depth: 0))
                } else {
                    pos += 1
                    level -= 1
                    modes.removeLast()
                }
            case let .field(depth):
                var c = at(pos)
                while c == 0x20 || c == 0x09 || c == 0x0C { pos += 1; c = at(pos) }
                let start = pos
                switch c {
                case 0:
                    if pos < count { throw nulError(at: pos) }
                    let owner = owners[owners.count - 1]
                    throw unterminated(owner.origin, triple: owner.triple, formatted: true, detectedAt: lastLineNumber())
                case UInt8(ascii: "#"):
                    // 3.12 allows comments inside replacement fields.
                    try skipComment()
                case 0x0A, 0x0D:
                    consumeNewline()
                    startNewLine()
                case UInt8(ascii: "\\"):
                    let next = at(pos + 1)
                    guard next == 0x0A || next == 0x0D else {
                        throw error("unexpected character after line continuation character", at: pos + 1)
                    }
                    pos += 1
                    consumeNewline()
                    startNewLine()
                case UInt8(ascii: "'"), UInt8(ascii: "\""):
                    let triple = at(pos + 1) == c && at(pos + 2) == c
                    pos += triple ? 3 : 1
                    try scanStringBody(quote: c, triple: triple, origin: StringOrigin(offset: start, line: line, lineStart: lineStart), formatted: false)
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                    pos += 1
                    level += 1
                    try checkLevel(self, level)
                    modes[modes.count - 1] = .field(depth: depth + 1)
                case UInt8(ascii: ")"), UInt8(ascii: "]"):
                    if depth == 0 { throw error("f-string: unmatched '\(Character(Unicode.Scalar(c)))'", at: pos) }
                    pos += 1
                    level -= 1
                    modes[modes.count - 1] = .field(depth: depth - 1)
                case UInt8(ascii: "}"):
                    pos += 1
                    level -= 1
                    if depth == 0 {
                        modes.removeLast()
                    } else {
                        modes[modes.count - 1] = .field(depth: depth - 1)
                    }
                case UInt8(ascii: ":"):
                    // A top-level `:` always starts the format spec (`{x:=10}` is spec "=10").
                    pos += 1
                    if depth == 0 { modes[modes.count - 1] = .spec }
                case UInt8(ascii: "!"):
                    pos += at(pos + 1) == UInt8(ascii: "=") ? 2 : 1
                default:
                    if PythonTokenizer.isIdentifierStart(c) {
                        let startLine = line
                        let startLineStart = lineStart
                        try scanIdentifierTail()
                        let q = at(pos)
                        if pos - start <= 2, q == UInt8(ascii: "'") || q == UInt8(ascii: "\""),
                           let flags = stringPrefixFlags(start: start, end: pos) {
                            let triple = at(pos + 1) == q && at(pos + 2) == q
                            pos += triple ? 3 : 1
                            let nested = StringOrigin(offset: start, line: startLine, lineStart: startLineStart)
                            if flags & PyStringFlags.formatted != 0 {
                                if owners.count >= PythonTokenizer.maxFStringLevel {
                                    throw error("too many nested f-strings", at: start)
                                }
                                modes.append(.literal(quote: q, triple: triple, raw: flags & PyStringFlags.raw != 0))
                                owners.append((q, triple, nested))
                            } else {
                                try scanStringBody(quote: q, triple: triple, origin: nested, formatted: false)
                            }
                        }
                    } else if c >= 0x80 {
                        try consumeNonASCII()
                    } else if c < 0x20 || c == 0x7F {
                        _ = try scanOperator(c)
                    } else {
                        pos += 1
                    }
                }
            }
        }
    }

    /// Scans literal text of an f-string (or of a format spec) and stops at `{` opening a
    /// field, at `}` closing the field (specs only) or at the closing quote, without
    /// consuming it. `{{` and `}}` are literal braces outside specs; a lone `}` is
    /// "f-string: single '}' is not allowed". `\N{…}` is a named escape in non-raw text.
    private mutating func scanFStringText(quote: UInt8, triple: Bool, raw: Bool, inSpec: Bool, owner: StringOrigin) throws(PythonSyntaxError) {
        while true {
            let c = at(pos)
            if c == quote {
                if !triple || (at(pos + 1) == quote && at(pos + 2) == quote) {
                    if inSpec { throw error("f-string: expecting '}'", at: pos) }
                    return
                }
                pos += 1
                continue
            }
            switch c {
            case UInt8(ascii: "{"):
                if !inSpec && at(pos + 1) == UInt8(ascii: "{") { pos += 2; continue }
                return
            case UInt8(ascii: "}"):
                if inSpec { return }
                if at(pos + 1) == UInt8(ascii: "}") { pos += 2; continue }
                throw error("f-string: single '}' is not allowed", at: pos)
            case UInt8(ascii: "\\"):
                pos += 1
                let n = at(pos)
                if !raw && n == UInt8(ascii: "N") && at(pos + 1) == UInt8(ascii: "{") {
                    pos += 2
                    while true {
                        let d = at(pos)
                        if d == UInt8(ascii: "}") { pos += 1; break }
                        if d == quote || d == 0x0A || d == 0x0D || d == 0 { break }
                        if d >= 0x80 { try consumeNonASCII() } else { pos += 1 }
                    }
                } else if n == UInt8(ascii: "{") || n == UInt8(ascii: "}") {
                    // `\{` keeps the brace meaningful (3.12: f"\{6}" is a field).
                    continue
                } else if n == 0x0A || n == 0x0D {
                    consumeNewline()
                    startNewLine()
                } else if n >= 0x80 {
                    try consumeNonASCII()
                } else if n != 0 {
                    pos += 1
                }
            case 0x0A, 0x0D:
                if !triple { throw unterminated(owner, triple: false, formatted: true, detectedAt: line) }
                consumeNewline()
                startNewLine()
            case 0:
                if pos < count { throw nulError(at: pos) }
                throw unterminated(owner, triple: triple, formatted: true, detectedAt: lastLineNumber())
            default:
                if c >= 0x80 { try consumeNonASCII() } else { pos += 1 }
            }
        }
    }
}
