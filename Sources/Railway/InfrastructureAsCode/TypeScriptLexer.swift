/// Tokenizes TypeScript source following ECMAScript's lexical grammar
/// (https://tc39.es/ecma262/#sec-ecmascript-language-lexical-grammar); TypeScript adds no tokens
/// of its own. railsim never runs the file, so the lexer only has to find where every token
/// starts and ends and what literals mean.
///
/// Brackets are matched here, with one explicit stack that also holds the `${` of template
/// literals: a `}` closes either a brace or a substitution, which is how the lexer knows to
/// continue the template after it. Unbalanced brackets are reported with the line of the
/// bracket that is wrong, and no nesting depth can exhaust the call stack.
struct TypeScriptLexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var tokens: [TypeScriptToken] = []
    private var newlineBefore = false

    private enum Open {
        case paren, bracket, brace
        /// A `${` inside a template literal that started on `templateLine`.
        case substitution(templateLine: Int)

        var text: String {
            switch self {
            case .paren: return "("
            case .bracket: return "["
            case .brace: return "{"
            case .substitution: return "${"
            }
        }
    }
    /// Open brackets: what, where, and the index of the opening token (for `partner`).
    private var open: [(kind: Open, line: Int, token: Int)] = []

    static func tokenize(_ text: String) throws(TypeScriptSyntaxError) -> [TypeScriptToken] {
        var lexer = TypeScriptLexer(scalars: Array(text.unicodeScalars))
        return try lexer.run()
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private func fail(_ message: String, line: Int? = nil) -> TypeScriptSyntaxError {
        TypeScriptSyntaxError(line: line ?? self.line, message: message)
    }

    private mutating func emit(_ kind: TypeScriptToken.Kind, line: Int) {
        tokens.append(TypeScriptToken(kind: kind, line: line, newlineBefore: newlineBefore))
        newlineBefore = false
    }

    private mutating func run() throws(TypeScriptSyntaxError) -> [TypeScriptToken] {
        // A hashbang line is a comment (https://tc39.es/ecma262/#sec-hashbang).
        if peek() == "#", peek(1) == "!" { skipToLineEnd() }
        while true {
            try skipTrivia()
            guard let c = peek() else { break }
            let start = line
            if c == "\"" || c == "'" {
                emit(.string(try scanString(quote: c)), line: start)
            } else if c == "`" {
                index += 1
                try scanTemplate(startLine: start, continuing: false)
            } else if isDigit(c) || (c == "." && peek(1).map(isDigit) == true) {
                emit(.number(try scanNumber()), line: start)
            } else if isIdentifierStart(c) {
                emit(.identifier(scanIdentifier()), line: start)
            } else if c == "#" {
                index += 1
                guard let next = peek(), isIdentifierStart(next) else { throw fail("unexpected character '#'") }
                emit(.privateName(scanIdentifier()), line: start)
            } else if c == "/" && regexAllowed {
                let from = index
                try scanRegularExpression()
                emit(.regularExpression(String(String.UnicodeScalarView(scalars[from..<index]))), line: start)
            } else {
                try scanPunctuator()
            }
        }
        if let last = open.last {
            if case .substitution(let templateLine) = last.kind {
                throw fail("unterminated template literal", line: templateLine)
            }
            throw fail("'\(last.kind.text)' is never closed", line: last.line)
        }
        emit(.endOfFile, line: line)
        return tokens
    }

    // MARK: - Trivia

    private mutating func skipTrivia() throws(TypeScriptSyntaxError) {
        while let c = peek() {
            if isLineTerminator(c) {
                consumeLineTerminator()
                newlineBefore = true
            } else if isWhitespace(c) {
                index += 1
            } else if c == "/", peek(1) == "/" {
                skipToLineEnd()
            } else if c == "/", peek(1) == "*" {
                let start = line
                index += 2
                while true {
                    guard let d = peek() else { throw fail("unterminated block comment", line: start) }
                    if d == "*", peek(1) == "/" { index += 2; break }
                    if isLineTerminator(d) { consumeLineTerminator(); newlineBefore = true } else { index += 1 }
                }
            } else {
                return
            }
        }
    }

    private mutating func skipToLineEnd() {
        while let c = peek(), !isLineTerminator(c) { index += 1 }
    }

    /// CR LF counts as one line (https://tc39.es/ecma262/#sec-line-terminators).
    private mutating func consumeLineTerminator() {
        if peek() == "\r", peek(1) == "\n" { index += 1 }
        index += 1
        line += 1
    }

    // MARK: - Strings and templates

    private mutating func scanString(quote: Unicode.Scalar) throws(TypeScriptSyntaxError) -> String {
        let start = line
        index += 1
        var value = String.UnicodeScalarView()
        while true {
            guard let c = peek(), !isLineTerminator(c) || c == "\u{2028}" || c == "\u{2029}" else {
                throw fail("unterminated string literal", line: start)
            }
            index += 1
            if c == quote { return String(value) }
            if c == "\\" {
                try scanEscape(into: &value, inTemplate: false)
            } else {
                value.append(c)
            }
        }
    }

    /// Scans template characters after `` ` `` or after the `}` that ends a substitution, up to
    /// the closing backtick or the next `${` (https://tc39.es/ecma262/#sec-template-literal-lexical-components).
    private mutating func scanTemplate(startLine: Int, continuing: Bool) throws(TypeScriptSyntaxError) {
        let tokenLine = line
        var value = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw fail("unterminated template literal", line: startLine) }
            if c == "`" {
                index += 1
                emit(.template(continuing ? .tail : .whole, String(value)), line: tokenLine)
                return
            }
            if c == "$", peek(1) == "{" {
                index += 2
                emit(.template(continuing ? .middle : .head, String(value)), line: tokenLine)
                open.append((.substitution(templateLine: startLine), line, tokens.count - 1))
                return
            }
            if c == "\\" {
                index += 1
                try scanEscape(into: &value, inTemplate: true)
            } else if isLineTerminator(c) {
                // Template values normalise CR and CR LF to LF (https://tc39.es/ecma262/#sec-static-semantics-tv).
                value.append(c == "\r" ? "\n" : c)
                consumeLineTerminator()
            } else {
                value.append(c)
                index += 1
            }
        }
    }

    /// The character after a backslash (https://tc39.es/ecma262/#prod-EscapeSequence). Modules
    /// are strict code, so legacy octal escapes are errors, as Node reports them.
    private mutating func scanEscape(into value: inout String.UnicodeScalarView, inTemplate: Bool) throws(TypeScriptSyntaxError) {
        guard let c = peek() else { return }
        index += 1
        switch c {
        case "n": value.append("\n")
        case "t": value.append("\t")
        case "r": value.append("\r")
        case "b": value.append("\u{8}")
        case "f": value.append("\u{C}")
        case "v": value.append("\u{B}")
        case "0" where !(peek().map(isDigit) ?? false): value.append("\u{0}")
        case "1"..."9", "0":
            throw fail(inTemplate ? "octal escape sequences are not allowed in template literals"
                                  : "octal escape sequences are not allowed in modules")
        case "x":
            guard let high = peek().flatMap(hexValue), let low = peek(1).flatMap(hexValue) else {
                throw fail("invalid \\x escape sequence")
            }
            index += 2
            value.append(Unicode.Scalar(UInt8(high * 16 + low)))
        case "u":
            var code = try scanUnicodeEscape()
            // A surrogate pair written as two escapes is one character.
            if (0xD800...0xDBFF).contains(code), peek() == "\\", peek(1) == "u" {
                let save = index
                index += 2
                let low = try scanUnicodeEscape()
                if (0xDC00...0xDFFF).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    index = save
                }
            }
            // A lone surrogate cannot be held in a Swift string; it reads as U+FFFD.
            value.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        case "\r", "\n", "\u{2028}", "\u{2029}":
            // Line continuation: contributes nothing.
            index -= 1
            consumeLineTerminator()
        default:
            value.append(c)
        }
    }

    private mutating func scanUnicodeEscape() throws(TypeScriptSyntaxError) -> UInt32 {
        if peek() == "{" {
            index += 1
            var code: UInt32 = 0
            var digits = 0
            while let c = peek(), let digit = hexValue(c) {
                code = code * 16 + UInt32(digit)
                digits += 1
                index += 1
                if code > 0x10FFFF { throw fail("\\u{…} escape is beyond U+10FFFF") }
            }
            guard digits > 0, peek() == "}" else { throw fail("invalid \\u{…} escape sequence") }
            index += 1
            return code
        }
        var code: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = peek(offset).flatMap(hexValue) else { throw fail("invalid \\u escape sequence") }
            code = code * 16 + UInt32(digit)
        }
        index += 4
        return code
    }

    // MARK: - Numbers and identifiers

    /// https://tc39.es/ecma262/#sec-literals-numeric-literals, with `_` separators.
    private mutating func scanNumber() throws(TypeScriptSyntaxError) -> Double? {
        var digits = ""
        var radix = 10
        if peek() == "0", let p = peek(1), "xXoObB".unicodeScalars.contains(p) {
            radix = (p == "x" || p == "X") ? 16 : (p == "o" || p == "O") ? 8 : 2
            index += 2
            while let c = peek(), let d = hexValue(c) ?? (c == "_" ? -1 : nil), d < radix {
                if d >= 0 { digits.unicodeScalars.append(c) }
                index += 1
            }
            guard !digits.isEmpty else { throw fail("invalid numeric literal") }
        } else {
            func run(_ lexer: inout TypeScriptLexer, into digits: inout String) {
                while let c = lexer.peek(), isDigit(c) || c == "_" {
                    if c != "_" { digits.unicodeScalars.append(c) }
                    lexer.index += 1
                }
            }
            run(&self, into: &digits)
            if peek() == "." {
                digits += "."
                index += 1
                run(&self, into: &digits)
            }
            if let e = peek(), e == "e" || e == "E" {
                let sign = peek(1)
                let hasSign = sign == "+" || sign == "-"
                if let d = peek(hasSign ? 2 : 1), isDigit(d) {
                    digits += "e"
                    if hasSign, let sign { digits.unicodeScalars.append(sign) }
                    index += hasSign ? 2 : 1
                    run(&self, into: &digits)
                }
            }
        }
        var isBigInt = false
        if peek() == "n" { isBigInt = true; index += 1 }
        if let c = peek(), isIdentifierStart(c) || isDigit(c) {
            throw fail("an identifier starts immediately after a numeric literal")
        }
        if isBigInt { return nil }
        if radix == 10 { return Double(digits) }
        var value = 0.0
        for c in digits.unicodeScalars { value = value * Double(radix) + Double(hexValue(c) ?? 0) }
        return value
    }

    private mutating func scanIdentifier() -> String {
        var name = String.UnicodeScalarView()
        while let c = peek(), isIdentifierPart(c) {
            name.append(c)
            index += 1
        }
        return String(name)
    }

    // MARK: - Regular expressions

    /// A `/` starts a regular expression where an expression may begin, and is division after
    /// something that ends one (https://tc39.es/ecma262/#sec-ecmascript-language-lexical-grammar,
    /// the InputElementRegExp goal). After `)` and `}` railsim assumes division, as the common case.
    private var regexAllowed: Bool {
        guard let last = tokens.last else { return true }
        switch last.kind {
        case .identifier(let word):
            return ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case",
                    "do", "else", "yield", "await"].contains(word)
        case .string, .number, .regularExpression, .privateName: return false
        case .template(let piece, _): return piece == .head || piece == .middle
        case .punctuator(let p): return !(p == ")" || p == "]" || p == "}")
        case .endOfFile: return true
        }
    }

    private mutating func scanRegularExpression() throws(TypeScriptSyntaxError) {
        let start = line
        index += 1
        var inClass = false
        while true {
            guard let c = peek(), !isLineTerminator(c) else {
                throw fail("unterminated regular expression literal", line: start)
            }
            index += 1
            if c == "\\" {
                guard let next = peek(), !isLineTerminator(next) else {
                    throw fail("unterminated regular expression literal", line: start)
                }
                index += 1
            } else if c == "[" {
                inClass = true
            } else if c == "]" {
                inClass = false
            } else if c == "/" && !inClass {
                break
            }
        }
        while let c = peek(), isIdentifierPart(c) { index += 1 }
    }

    // MARK: - Punctuators

    /// https://tc39.es/ecma262/#sec-punctuators, grouped by first character, longest first;
    /// `?.` is not optional chaining when a digit follows (`a?.5:b`).
    private static let punctuators: [Unicode.Scalar: [[Unicode.Scalar]]] = {
        let all = [
            ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
            "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=",
            "&=", "|=", "^=", "**", "<<", ">>",
            "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "!",
            "~", "?", ":", "=", ".", "@",
        ]
        var table: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for text in all {
            let scalars = Array(text.unicodeScalars)
            table[scalars[0], default: []].append(scalars)
        }
        return table.mapValues { $0.sorted { $0.count > $1.count } }
    }()

    private mutating func scanPunctuator() throws(TypeScriptSyntaxError) {
        let start = line
        for candidate in Self.punctuators[peek() ?? " "] ?? [] where matches(candidate) {
            if candidate == ["?", "."], peek(2).map(isDigit) == true { continue }
            index += candidate.count
            let text = String(String.UnicodeScalarView(candidate))
            try track(text)
            if case .substitution(let templateLine)? = lastPoppedSubstitution {
                lastPoppedSubstitution = nil
                try scanTemplate(startLine: templateLine, continuing: true)
                return
            }
            emit(.punctuator(text), line: start)
            return
        }
        let c = peek() ?? " "
        let shown = c.properties.isWhitespace || c.value < 0x20 ? "U+\(String(c.value, radix: 16, uppercase: true))" : String(c)
        throw fail("unexpected character '\(shown)'")
    }

    private var lastPoppedSubstitution: Open?

    private func matches(_ candidate: [Unicode.Scalar]) -> Bool {
        for (offset, scalar) in candidate.enumerated() where peek(offset) != scalar { return false }
        return true
    }

    /// Keeps the bracket stack; a `}` that closes a `${` hands control back to the template.
    private mutating func track(_ punctuator: String) throws(TypeScriptSyntaxError) {
        switch punctuator {
        case "(": open.append((.paren, line, tokens.count))
        case "[": open.append((.bracket, line, tokens.count))
        case "{": open.append((.brace, line, tokens.count))
        case ")", "]", "}":
            guard let top = open.popLast() else { throw fail("unmatched '\(punctuator)'") }
            let expected: String
            switch top.kind {
            case .paren: expected = ")"
            case .bracket: expected = "]"
            case .brace: expected = "}"
            case .substitution: expected = "}"
            }
            guard expected == punctuator else {
                throw fail("expected '\(expected)' to close '\(top.kind.text)' from line \(top.line), found '\(punctuator)'")
            }
            if case .substitution = top.kind { lastPoppedSubstitution = top.kind }
            // The closing token is the next one emitted (for a substitution, the template piece).
            tokens[top.token].partner = tokens.count
        default: break
        }
    }
}

// MARK: - Character classes (https://tc39.es/ecma262/#sec-white-space, #sec-names-and-keywords)

private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

private func hexValue(_ c: Unicode.Scalar) -> Int? {
    switch c {
    case "0"..."9": return Int(c.value - 48)
    case "a"..."f": return Int(c.value - 87)
    case "A"..."F": return Int(c.value - 55)
    default: return nil
    }
}

private func isLineTerminator(_ c: Unicode.Scalar) -> Bool {
    c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}"
}

private func isWhitespace(_ c: Unicode.Scalar) -> Bool {
    c == " " || c == "\t" || c == "\u{B}" || c == "\u{C}" || c == "\u{FEFF}" || c == "\u{A0}"
        || c.properties.generalCategory == .spaceSeparator
}

private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    c == "$" || c == "_" || (c.isASCII ? (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") : c.properties.isIDStart)
}

private func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
    c == "$" || c == "_" || c == "\u{200C}" || c == "\u{200D}"
        || (c.isASCII ? (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || isDigit(c) : c.properties.isIDContinue)
}
