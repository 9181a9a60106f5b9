extension PythonTokenizer {
    /// Scans a string literal whose prefix (if any) spans `start..<pos` and whose opening
    /// quote is at `pos`, and emits it as one STRING token.
    mutating func scanString(flags: UInt8, start: Int, startLine: Int, startLineStart: Int) throws(PythonSyntaxError) {
        let quote = at(pos)
        let triple = at(pos + 1) == quote && at(pos + 2) == quote
        pos += triple ? 3 : 1
        let origin = StringOrigin(offset: start, line: startLine, lineStart: startLineStart)
        if flags & PyStringFlags.formatted != 0 {
            try scanFString(quote: quote, triple: triple, raw: flags & PyStringFlags.raw != 0, origin: origin)
        } else {
            try scanStringBody(quote: quote, triple: triple, origin: origin, formatted: false)
        }
        emit(.string, code: flags, start: start, startLine: startLine, startLineStart: startLineStart)
    }

    /// Where a string token began, for CPython's unterminated-string errors, which point at
    /// the start of the literal and name the line where the scan gave up.
    struct StringOrigin {
        var offset: Int
        var line: Int
        var lineStart: Int
    }

    /// Scans the body of a non-f-string after its opening quote(s) up to and including the
    /// closing quote(s). A backslash escapes the next character for the purpose of finding
    /// the end, in raw strings too (lexical_analysis "String and Bytes literals": "even in a
    /// raw literal, quotes can be escaped with a backslash").
    mutating func scanStringBody(quote: UInt8, triple: Bool, origin: StringOrigin, formatted: Bool) throws(PythonSyntaxError) {
        while true {
            let c = at(pos)
            if c == quote {
                if !triple { pos += 1; return }
                if at(pos + 1) == quote && at(pos + 2) == quote { pos += 3; return }
                pos += 1
                continue
            }
            switch c {
            case UInt8(ascii: "\\"):
                pos += 1
                let n = at(pos)
                if n == 0x0A || n == 0x0D {
                    consumeNewline()
                    startNewLine()
                } else if n >= 0x80 {
                    try consumeNonASCII()
                } else if n != 0 {
                    pos += 1
                }
            case 0x0A, 0x0D:
                // A single-quoted literal cannot contain a newline.
                if !triple { throw unterminated(origin, triple: false, formatted: formatted, detectedAt: line) }
                consumeNewline()
                startNewLine()
            case 0:
                if pos < count { throw nulError(at: pos) }
                throw unterminated(origin, triple: triple, formatted: formatted, detectedAt: lastLineNumber())
            default:
                if c >= 0x80 { try consumeNonASCII() } else { pos += 1 }
            }
        }
    }

    /// tokenizer.c: "unterminated string literal (detected at line %d)" and the
    /// triple-quoted / f-string variants (3.12 wording), reported at the literal's start.
    func unterminated(_ origin: StringOrigin, triple: Bool, formatted: Bool, detectedAt: Int) -> PythonSyntaxError {
        let what = (triple ? "unterminated triple-quoted " : "unterminated ") + (formatted ? "f-string literal" : "string literal")
        return PythonSyntaxError(line: origin.line,
                                 column: PythonUTF8.characterOffset(src, lineStart: origin.lineStart, byte: origin.offset),
                                 message: "\(what) (detected at line \(detectedAt))")
    }

    /// The number of the last line CPython read when it hit the end of input: a final
    /// newline does not start another line.
    func lastLineNumber() -> Int {
        if count > 0, line > 1, pos == lineStart, src[count - 1] == 0x0A || src[count - 1] == 0x0D {
            return line - 1
        }
        return line
    }
}
