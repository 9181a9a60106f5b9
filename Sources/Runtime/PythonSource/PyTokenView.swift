/// Tokens of one module plus its bytes, with the range lookups the statement rules share.
/// Ranges are half-open token index ranges `from..<to` within one logical line.
struct PyTokenView {
    let tokens: [PyToken]
    let source: [UInt8]

    /// Source text from the start of token `from` to the end of token `to - 1` (comments and
    /// line continuations inside are kept verbatim).
    func text(_ from: Int, _ to: Int) -> String {
        guard from < to else { return "" }
        let a = Int(tokens[from].start)
        let b = Int(tokens[to - 1].end)
        return String(decoding: source[a..<b], as: UTF8.self)
    }

    /// The text of a single token.
    func text(_ i: Int) -> String {
        String(decoding: source[Int(tokens[i].start)..<Int(tokens[i].end)], as: UTF8.self)
    }

    /// Whether token `i` is a NAME spelled `word` (used for names that are not keywords,
    /// such as `importlib` or `__all__`).
    func isName(_ i: Int, _ word: StaticString) -> Bool {
        let t = tokens[i]
        guard t.kind == .name, Int(t.end - t.start) == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        var k = 0
        var j = Int(t.start)
        while k < word.utf8CodeUnitCount {
            if source[j] != w[k] { return false }
            j += 1
            k += 1
        }
        return true
    }

    /// Span from the start of token `from` to the end of token `to - 1`.
    func span(_ from: Int, _ to: Int) -> PySourceSpan {
        let a = tokens[from]
        let b = tokens[max(from, to - 1)]
        return PySourceSpan(startLine: Int(a.line), startColumn: Int(a.column), endLine: Int(b.endLine), endColumn: Int(b.endColumn))
    }

    /// Index of the bracket closing the one at `open`, searching before `limit`.
    func matchingClose(_ open: Int, limit: Int) -> Int? {
        var depth = 0
        var i = open
        while i < limit {
            let t = tokens[i]
            if t.isOpenBracket {
                depth += 1
            } else if t.isCloseBracket {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    /// `a.b.c` exactly covering the range, or nil.
    func dottedName(_ from: Int, _ to: Int) -> String? {
        guard from < to, (to - from) % 2 == 1 else { return nil }
        var i = from
        var result = ""
        while i < to {
            guard tokens[i].isIdentifier else { return nil }
            if i > from {
                guard tokens[i - 1].isOp(.dot) else { return nil }
                result += "."
            }
            result += text(i)
            i += 2
        }
        return result
    }

    /// Splits `from..<to` at `separator` tokens outside brackets. An empty trailing piece
    /// (trailing comma) is dropped.
    func splitTopLevel(_ from: Int, _ to: Int, at separator: PyOperator) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var depth = 0
        var pieceStart = from
        var i = from
        while i < to {
            let t = tokens[i]
            if t.isOpenBracket {
                depth += 1
            } else if t.isCloseBracket {
                depth -= 1
            } else if depth == 0 && t.isOp(separator) {
                pieces.append(pieceStart..<i)
                pieceStart = i + 1
            }
            i += 1
        }
        if pieceStart < to { pieces.append(pieceStart..<to) }
        return pieces
    }

    /// Whether `from..<to` contains `op` outside brackets.
    func containsTopLevel(_ from: Int, _ to: Int, _ op: PyOperator) -> Bool {
        var depth = 0
        var i = from
        while i < to {
            let t = tokens[i]
            if t.isOpenBracket { depth += 1 } else if t.isCloseBracket { depth -= 1 } else if depth == 0 && t.isOp(op) { return true }
            i += 1
        }
        return false
    }

    /// Strips brackets that wrap the whole range when they are plain grouping parentheses
    /// (not a tuple, not a generator expression), as `ast` does.
    func stripGroupingParens(_ from: Int, _ to: Int) -> Range<Int> {
        var a = from
        var b = to
        while b - a >= 3, tokens[a].isOp(.lpar), matchingClose(a, limit: b) == b - 1,
              !containsTopLevel(a + 1, b - 1, .comma), !containsTopLevelKeyword(a + 1, b - 1, .for_),
              !tokens[a + 1].isKeyword(.yield) {
            a += 1
            b -= 1
        }
        return a..<b
    }

    func containsTopLevelKeyword(_ from: Int, _ to: Int, _ keyword: PyKeyword) -> Bool {
        var depth = 0
        var i = from
        while i < to {
            let t = tokens[i]
            if t.isOpenBracket { depth += 1 } else if t.isCloseBracket { depth -= 1 } else if depth == 0 && t.isKeyword(keyword) { return true }
            i += 1
        }
        return false
    }
}
