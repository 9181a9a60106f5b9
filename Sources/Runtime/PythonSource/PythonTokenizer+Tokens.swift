extension PythonTokenizer {
    /// Scans one NAME, NUMBER, STRING or OP token starting with byte `c` at `pos`.
    mutating func scanToken(_ c: UInt8) throws(PythonSyntaxError) {
        let start = pos
        let startLine = line
        let startLineStart = lineStart
        if PythonTokenizer.isIdentifierStart(c) {
            // Identifiers: ASCII letters, digits, `_`, and any non-ASCII character
            // (lexical_analysis "Identifiers"; CPython checks XID_Start/XID_Continue, which
            // this scanner does not).
            try scanIdentifierTail()
            let length = pos - start
            let q = at(pos)
            if length <= 2, q == UInt8(ascii: "'") || q == UInt8(ascii: "\""),
               let flags = stringPrefixFlags(start: start, end: pos) {
                try scanString(flags: flags, start: start, startLine: startLine, startLineStart: startLineStart)
                return
            }
            emit(.name, code: PyKeywordLookup.classify(src, start: start, end: pos).rawValue,
                 start: start, startLine: startLine, startLineStart: startLineStart)
            return
        }
        if PythonTokenizer.isDigit(c) || (c == UInt8(ascii: ".") && PythonTokenizer.isDigit(at(pos + 1))) {
            scanNumber()
            emit(.number, code: 0, start: start, startLine: startLine, startLineStart: startLineStart)
            return
        }
        if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
            try scanString(flags: 0, start: start, startLine: startLine, startLineStart: startLineStart)
            return
        }
        let op = try scanOperator(c)
        emit(.op, code: op.rawValue, start: start, startLine: startLine, startLineStart: startLineStart)
    }

    @inline(__always) static func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c >= 0x80
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    @inline(__always) static func isIdentifierContinue(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || (c >= 0x30 && c <= 0x39)
    }

    mutating func scanIdentifierTail() throws(PythonSyntaxError) {
        while true {
            let c = at(pos)
            if PythonTokenizer.isIdentifierContinue(c) {
                pos += 1
            } else if c >= 0x80 {
                try consumeNonASCII()
            } else {
                return
            }
        }
    }

    /// String prefixes: r, u, b, f and the two-letter br/rb/fr/rf, in any case
    /// (lexical_analysis "String and Bytes literals", `stringprefix`/`bytesprefix`).
    func stringPrefixFlags(start: Int, end: Int) -> UInt8? {
        let a = src[start] | 0x20
        if end - start == 1 {
            switch a {
            case UInt8(ascii: "r"): return PyStringFlags.raw
            case UInt8(ascii: "u"): return 0
            case UInt8(ascii: "b"): return PyStringFlags.bytes
            case UInt8(ascii: "f"): return PyStringFlags.formatted
            default: return nil
            }
        }
        let b = src[start + 1] | 0x20
        let r = UInt8(ascii: "r")
        if (a == UInt8(ascii: "b") && b == r) || (a == r && b == UInt8(ascii: "b")) {
            return PyStringFlags.bytes | PyStringFlags.raw
        }
        if (a == UInt8(ascii: "f") && b == r) || (a == r && b == UInt8(ascii: "f")) {
            return PyStringFlags.formatted | PyStringFlags.raw
        }
        return nil
    }

    /// Numeric literals (lexical_analysis "Numeric literals"): `0x`/`0o`/`0b` integers,
    /// decimal integers and floats with `_` separators, exponents and an imaginary `j`.
    /// Malformed literals are not diagnosed; the token simply ends where the grammar does.
    mutating func scanNumber() {
        let c = at(pos)
        if c == UInt8(ascii: "0") {
            let x = at(pos + 1) | 0x20
            if x == UInt8(ascii: "x") || x == UInt8(ascii: "o") || x == UInt8(ascii: "b") {
                pos += 2
                while true {
                    let d = at(pos)
                    let isHex = PythonTokenizer.isDigit(d) || ((d | 0x20) >= 0x61 && (d | 0x20) <= 0x66)
                    if d == UInt8(ascii: "_") || (x == UInt8(ascii: "x") ? isHex : PythonTokenizer.isDigit(d)) {
                        pos += 1
                    } else {
                        return
                    }
                }
            }
        }
        scanDigits()
        if at(pos) == UInt8(ascii: ".") {
            pos += 1
            scanDigits()
        }
        let e = at(pos) | 0x20
        if e == UInt8(ascii: "e") {
            let next = at(pos + 1)
            if PythonTokenizer.isDigit(next) {
                pos += 1
                scanDigits()
            } else if (next == UInt8(ascii: "+") || next == UInt8(ascii: "-")) && PythonTokenizer.isDigit(at(pos + 2)) {
                pos += 2
                scanDigits()
            }
        }
        if (at(pos) | 0x20) == UInt8(ascii: "j") { pos += 1 }
    }

    @inline(__always) private mutating func scanDigits() {
        while true {
            let d = at(pos)
            if PythonTokenizer.isDigit(d) || d == UInt8(ascii: "_") { pos += 1 } else { return }
        }
    }

    /// Operators and delimiters, longest match first (`Lib/token.py` EXACT_TOKEN_TYPES), with
    /// bracket nesting checks from tokenizer.c (`MAXLEVEL`, "unmatched ')'", "closing
    /// parenthesis ']' does not match opening parenthesis '('").
    mutating func scanOperator(_ c: UInt8) throws(PythonSyntaxError) -> PyOperator {
        let n1 = at(pos + 1)
        let n2 = at(pos + 2)
        let eq = UInt8(ascii: "=")
        var length = 1
        let op: PyOperator
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            if brackets.count >= PythonTokenizer.maxLevel {
                throw error("too many nested parentheses", at: pos)
            }
            brackets.append(OpenBracket(byte: c, line: line, lineStart: lineStart, offset: pos))
            op = c == UInt8(ascii: "(") ? .lpar : c == UInt8(ascii: "[") ? .lsqb : .lbrace
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            guard let open = brackets.popLast() else {
                throw error("unmatched '\(Character(Unicode.Scalar(c)))'", at: pos)
            }
            let expected: UInt8 = open.byte == UInt8(ascii: "(") ? UInt8(ascii: ")") : open.byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
            if c != expected {
                let suffix = open.line != line ? " on line \(open.line)" : ""
                throw error("closing parenthesis '\(Character(Unicode.Scalar(c)))' does not match opening parenthesis '\(Character(Unicode.Scalar(open.byte)))'\(suffix)", at: pos)
            }
            op = c == UInt8(ascii: ")") ? .rpar : c == UInt8(ascii: "]") ? .rsqb : .rbrace
        case UInt8(ascii: ":"):
            if n1 == eq { length = 2; op = .colonequal } else { op = .colon }
        case UInt8(ascii: ","): op = .comma
        case UInt8(ascii: ";"): op = .semi
        case UInt8(ascii: "."):
            if n1 == UInt8(ascii: ".") && n2 == UInt8(ascii: ".") { length = 3; op = .ellipsis } else { op = .dot }
        case UInt8(ascii: "+"):
            if n1 == eq { length = 2; op = .plusequal } else { op = .plus }
        case UInt8(ascii: "-"):
            if n1 == eq { length = 2; op = .minequal } else if n1 == UInt8(ascii: ">") { length = 2; op = .rarrow } else { op = .minus }
        case UInt8(ascii: "*"):
            if n1 == UInt8(ascii: "*") {
                if n2 == eq { length = 3; op = .doublestarequal } else { length = 2; op = .doublestar }
            } else if n1 == eq { length = 2; op = .starequal } else { op = .star }
        case UInt8(ascii: "/"):
            if n1 == UInt8(ascii: "/") {
                if n2 == eq { length = 3; op = .doubleslashequal } else { length = 2; op = .doubleslash }
            } else if n1 == eq { length = 2; op = .slashequal } else { op = .slash }
        case UInt8(ascii: "|"):
            if n1 == eq { length = 2; op = .vbarequal } else { op = .vbar }
        case UInt8(ascii: "&"):
            if n1 == eq { length = 2; op = .amperequal } else { op = .amper }
        case UInt8(ascii: "<"):
            if n1 == UInt8(ascii: "<") {
                if n2 == eq { length = 3; op = .leftshiftequal } else { length = 2; op = .leftshift }
            } else if n1 == eq { length = 2; op = .lessequal } else if n1 == UInt8(ascii: ">") { length = 2; op = .notequal } else { op = .less }
        case UInt8(ascii: ">"):
            if n1 == UInt8(ascii: ">") {
                if n2 == eq { length = 3; op = .rightshiftequal } else { length = 2; op = .rightshift }
            } else if n1 == eq { length = 2; op = .greaterequal } else { op = .greater }
        case UInt8(ascii: "="):
            if n1 == eq { length = 2; op = .eqequal } else { op = .equal }
        case UInt8(ascii: "!"):
            // `!` alone is only a token inside f-string replacement fields (3.12).
            if n1 == eq { length = 2; op = .notequal } else { throw error("invalid syntax", at: pos) }
        case UInt8(ascii: "%"):
            if n1 == eq { length = 2; op = .percentequal } else { op = .percent }
        case UInt8(ascii: "~"): op = .tilde
        case UInt8(ascii: "^"):
            if n1 == eq { length = 2; op = .circumflexequal } else { op = .circumflex }
        case UInt8(ascii: "@"):
            if n1 == eq { length = 2; op = .atequal } else { op = .at }
        default:
            if c < 0x20 || c == 0x7F {
                // tokenizer.c: "invalid non-printable character U+%04X".
                let hex = String(c, radix: 16, uppercase: true)
                throw error("invalid non-printable character U+\(String(repeating: "0", count: 4 - hex.count))\(hex)", at: pos)
            }
            // `$`, `?` and backquote are not Python tokens.
            throw error("invalid syntax", at: pos)
        }
        pos += length
        return op
    }
}
