/// A byte-level Python tokenizer following CPython's `Parser/tokenizer.c` (3.12/3.13
/// `Parser/lexer/lexer.c`) and https://docs.python.org/3/reference/lexical_analysis.html.
///
/// It produces the tokens the statement scanner needs (NAME, NUMBER, STRING, OP, NEWLINE,
/// INDENT, DEDENT, ENDMARKER) in one forward pass with no per-character `String`s. It keeps
/// CPython's limits (`MAXINDENT`, `MAXLEVEL`, f-string nesting) so that no input can drive
/// unbounded nesting, and it never recurses: nested f-strings use an explicit stack.
struct PythonTokenizer {
    /// tokenizer.h `MAXINDENT`: the indentation stack holds at most 100 columns, the base 0
    /// included, so 99 nested blocks are allowed (checked against CPython 3.8–3.13).
    static let maxIndent = 100
    /// tokenizer.h `MAXLEVEL`: at most 200 open brackets.
    static let maxLevel = 200
    /// 3.12 `MAXFSTRINGLEVEL`: at most 150 nested f-strings.
    static let maxFStringLevel = 150

    struct OpenBracket {
        var byte: UInt8
        var line: Int
        var lineStart: Int
        var offset: Int
    }

    let src: UnsafeBufferPointer<UInt8>
    let count: Int
    var pos: Int
    var line = 1
    var lineStart: Int
    /// Columns of the open indentation levels (tabs to the next multiple of 8).
    var indents: [Int] = [0]
    /// The same levels measured with tabs as 1 column, to detect `TabError` like CPython's
    /// `altcol` check.
    var altIndents: [Int] = [0]
    var brackets: [OpenBracket] = []
    var tokens: [PyToken] = []
    /// Whether the current logical line has produced a token (blank and comment-only lines
    /// produce no NEWLINE, as NL tokens are dropped).
    var lineHasTokens = false
    /// False when a PEP 263 cookie declares a non-UTF-8 encoding.
    let validatesUTF8: Bool

    init(_ src: UnsafeBufferPointer<UInt8>) {
        self.src = src
        self.count = src.count
        // A leading UTF-8 BOM is skipped and not counted in columns (tokenizer.c `check_bom`).
        let bom = src.count >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF
        self.pos = bom ? 3 : 0
        self.lineStart = self.pos
        self.validatesUTF8 = !PythonUTF8.declaresOtherEncoding(src, from: bom ? 3 : 0)
    }

    /// Tokenizes the whole buffer.
    static func tokenize(_ src: UnsafeBufferPointer<UInt8>) throws(PythonSyntaxError) -> [PyToken] {
        guard src.count < Int(Int32.max) else {
            throw PythonSyntaxError(line: 1, column: 1, message: "source file too large")
        }
        var tokenizer = PythonTokenizer(src)
        tokenizer.tokens.reserveCapacity(src.count / 5 + 16)
        try tokenizer.run()
        return tokenizer.tokens
    }

    /// Byte at `i`, or 0 past the end. A real NUL inside the buffer is told apart from the
    /// end by `i < count` wherever a 0 is seen.
    @inline(__always) func at(_ i: Int) -> UInt8 { i < count ? src[i] : 0 }

    mutating func run() throws(PythonSyntaxError) {
        var atLineStart = true
        while true {
            if atLineStart {
                atLineStart = false
                try processIndentation()
            }
            // Whitespace between tokens: space, tab, form feed (tokenizer.c `tok_get`).
            var c = at(pos)
            while c == 0x20 || c == 0x09 || c == 0x0C { pos += 1; c = at(pos) }
            switch c {
            case 0:
                if pos >= count { try finish(); return }
                throw nulError(at: pos)
            case UInt8(ascii: "#"):
                // Comments run to the end of the physical line (lexical_analysis "Comments").
                try skipComment()
            case 0x0A, 0x0D:
                // A newline ends the logical line only outside brackets ("Implicit line joining").
                let newlineStart = pos
                consumeNewline()
                if brackets.isEmpty {
                    if lineHasTokens {
                        tokens.append(PyToken(kind: .newline, code: 0, start: Int32(newlineStart), end: Int32(newlineStart + 1),
                                              line: Int32(line), column: Int32(newlineStart - lineStart),
                                              endLine: Int32(line), endColumn: Int32(newlineStart - lineStart + 1)))
                        lineHasTokens = false
                    }
                    startNewLine()
                    atLineStart = true
                } else {
                    startNewLine()
                }
            case UInt8(ascii: "\\"):
                // Explicit line joining: a backslash must be followed by the end of the line
                // (lexical_analysis "Explicit line joining"; tokenizer.c "unexpected character
                // after line continuation character").
                let next = at(pos + 1)
                if next == 0x0A || next == 0x0D {
                    pos += 1
                    consumeNewline()
                    startNewLine()
                } else if next == 0 && pos + 1 >= count {
                    throw error("unexpected EOF while parsing", at: pos + 1)
                } else {
                    throw error("unexpected character after line continuation character", at: pos + 1)
                }
            default:
                try scanToken(c)
            }
        }
    }

    /// Emits the implicit final NEWLINE, the closing DEDENTs and ENDMARKER; an open bracket at
    /// the end of input is CPython's "'(' was never closed".
    mutating func finish() throws(PythonSyntaxError) {
        if let open = brackets.last {
            throw PythonSyntaxError(line: open.line,
                                    column: PythonUTF8.characterOffset(src, lineStart: open.lineStart, byte: open.offset),
                                    message: "'\(Character(Unicode.Scalar(open.byte)))' was never closed")
        }
        let column = Int32(pos - lineStart)
        if lineHasTokens {
            tokens.append(PyToken(kind: .newline, code: 0, start: Int32(pos), end: Int32(pos), line: Int32(line),
                                  column: column, endLine: Int32(line), endColumn: column))
            lineHasTokens = false
        }
        while indents.count > 1 {
            indents.removeLast()
            altIndents.removeLast()
            tokens.append(PyToken(kind: .dedent, code: 0, start: Int32(pos), end: Int32(pos), line: Int32(line),
                                  column: column, endLine: Int32(line), endColumn: column))
        }
        tokens.append(PyToken(kind: .endMarker, code: 0, start: Int32(pos), end: Int32(pos), line: Int32(line),
                              column: column, endLine: Int32(line), endColumn: column))
    }

    /// Consumes `\n`, `\r\n` or a lone `\r` (CPython translates all three to `\n`).
    @inline(__always) mutating func consumeNewline() {
        if at(pos) == 0x0D {
            pos += 1
            if at(pos) == 0x0A { pos += 1 }
        } else {
            pos += 1
        }
    }

    @inline(__always) mutating func startNewLine() {
        line += 1
        lineStart = pos
    }

    mutating func skipComment() throws(PythonSyntaxError) {
        while true {
            let c = at(pos)
            if c == 0x0A || c == 0x0D { return }
            if c == 0 {
                if pos >= count { return }
                throw nulError(at: pos)
            }
            if c >= 0x80 { try consumeNonASCII() } else { pos += 1 }
        }
    }

    /// Validates and skips one non-ASCII UTF-8 sequence.
    @inline(__always) mutating func consumeNonASCII() throws(PythonSyntaxError) {
        guard validatesUTF8 else { pos += 1; return }
        let length = PythonUTF8.sequenceLength(src, at: pos)
        if length == 0 {
            // Wording of CPython's file decoder (Parser/tokenizer.c `decoding_fgets`).
            let hex = String(src[pos], radix: 16, uppercase: false)
            throw PythonSyntaxError(line: line, column: PythonUTF8.characterOffset(src, lineStart: lineStart, byte: pos),
                                    message: "Non-UTF-8 code starting with '\\x\(hex.count == 1 ? "0" + hex : hex)' on line \(line), but no encoding declared; see https://peps.python.org/pep-0263/ for details")
        }
        pos += length
    }

    /// CPython 3.12+: "source code cannot contain null bytes" (earlier versions raise
    /// ValueError from `compile()`).
    func nulError(at offset: Int) -> PythonSyntaxError {
        error("source code cannot contain null bytes", at: offset)
    }

    /// An error on the current line at byte `offset`.
    func error(_ message: String, at offset: Int, exceptionName: String = "SyntaxError") -> PythonSyntaxError {
        PythonSyntaxError(line: line, column: PythonUTF8.characterOffset(src, lineStart: lineStart, byte: offset),
                          message: message, exceptionName: exceptionName)
    }

    /// Appends a token that started at byte `start` on line `startLine` (whose first byte is
    /// `startLineStart`) and ends at the current position.
    @inline(__always)
    mutating func emit(_ kind: PyTokenKind, code: UInt8, start: Int, startLine: Int, startLineStart: Int) {
        tokens.append(PyToken(kind: kind, code: code, start: Int32(start), end: Int32(pos),
                              line: Int32(startLine), column: Int32(start - startLineStart),
                              endLine: Int32(line), endColumn: Int32(pos - lineStart)))
        lineHasTokens = true
    }
}
