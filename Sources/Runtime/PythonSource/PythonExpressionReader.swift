/// Turns a token range into a `PyExpression`: literals, dotted names and calls are
/// modelled; anything else is kept as source text.
struct PythonExpressionReader {
    let view: PyTokenView

    /// Calls nested deeper than this are kept as text, so modelling never recurses more
    /// than a fixed amount whatever the bracket nesting of the input.
    static let maxCallDepth = 32

    func expression(_ from: Int, _ to: Int, depth: Int = 0) -> PyExpression {
        let range = view.stripGroupingParens(from, to)
        let a = range.lowerBound
        let b = range.upperBound
        guard a < b else { return .other(view.text(from, to)) }
        let tokens = view.tokens
        if tokens[a].kind == .string {
            var allStrings = true
            for i in a..<b where tokens[i].kind != .string { allStrings = false; break }
            if allStrings {
                if let value = PythonStringLiteral.decode(view, a, b) { return .string(value) }
                return .other(view.text(a, b))
            }
        }
        if b - a == 1 && tokens[a].kind == .number, let value = integerValue(a) {
            return .integer(value)
        }
        if let name = view.dottedName(a, b) { return .name(name) }
        if depth < PythonExpressionReader.maxCallDepth, let call = call(a, b, depth: depth) { return .call(call) }
        return .other(view.text(a, b))
    }

    /// `primary(args)` covering the whole range, where `primary` is a chain of atoms and
    /// trailers with no operator at the top level.
    func call(_ from: Int, _ to: Int, depth: Int = 0) -> PyCall? {
        let tokens = view.tokens
        guard to - from >= 3, tokens[to - 1].isOp(.rpar) else { return nil }
        // Find the `(` matching the final `)`.
        var level = 0
        var open = to - 1
        while open >= from {
            let t = tokens[open]
            if t.isCloseBracket { level += 1 } else if t.isOpenBracket {
                level -= 1
                if level == 0 { break }
            }
            open -= 1
        }
        guard open > from, tokens[open].isOp(.lpar), isPrimary(from, open) else { return nil }
        let callee = view.dottedName(from, open) ?? ""
        var arguments: [PyArgument] = []
        for piece in view.splitTopLevel(open + 1, to - 1, at: .comma) {
            let s = piece.lowerBound
            let e = piece.upperBound
            if e - s >= 3, tokens[s].isIdentifier, tokens[s + 1].isOp(.equal) {
                arguments.append(PyArgument(keyword: view.text(s), value: expression(s + 2, e, depth: depth + 1)))
            } else if tokens[s].isOp(.star) || tokens[s].isOp(.doublestar) {
                arguments.append(PyArgument(keyword: nil, value: .other(view.text(s, e))))
            } else {
                arguments.append(PyArgument(keyword: nil, value: expression(s, e, depth: depth + 1)))
            }
        }
        return PyCall(callee: callee, arguments: arguments, span: view.span(from, to))
    }

    /// An atom followed by trailers (`.name`, `[...]`, `(...)`): no operators or keywords at
    /// the top level, and no two atoms side by side (strings excepted: they concatenate).
    func isPrimary(_ from: Int, _ to: Int) -> Bool {
        let tokens = view.tokens
        var i = from
        var previousWasAtom = false
        var previousWasString = false
        while i < to {
            let t = tokens[i]
            if t.isOpenBracket {
                guard let close = view.matchingClose(i, limit: to) else { return false }
                // A bracket directly after an atom is a trailer; at the start it is an atom.
                if !previousWasAtom && i != from { return false }
                i = close + 1
                previousWasAtom = true
                previousWasString = false
                continue
            }
            if t.isOp(.dot) {
                guard previousWasAtom, i + 1 < to, tokens[i + 1].isIdentifier else { return false }
                i += 2
                previousWasAtom = true
                previousWasString = false
                continue
            }
            let isAtom = t.isIdentifier || t.kind == .number || t.kind == .string
                || t.isKeyword(.none_) || t.isKeyword(.true_) || t.isKeyword(.false_)
            guard isAtom else { return false }
            if previousWasAtom && !(previousWasString && t.kind == .string) { return false }
            previousWasAtom = true
            previousWasString = t.kind == .string
            i += 1
        }
        return previousWasAtom
    }

    /// Value of a decimal, hex, octal or binary integer token that fits in `Int`.
    func integerValue(_ i: Int) -> Int? {
        let t = view.tokens[i]
        let s = view.source
        var p = Int(t.start)
        let end = Int(t.end)
        var radix = 10
        if end - p > 2, s[p] == UInt8(ascii: "0") {
            switch s[p + 1] | 0x20 {
            case UInt8(ascii: "x"): radix = 16; p += 2
            case UInt8(ascii: "o"): radix = 8; p += 2
            case UInt8(ascii: "b"): radix = 2; p += 2
            default: break
            }
        }
        var value = 0
        var sawDigit = false
        while p < end {
            let c = s[p]
            p += 1
            if c == UInt8(ascii: "_") { continue }
            let digit: Int
            switch c {
            case 0x30...0x39: digit = Int(c - 0x30)
            case 0x61...0x66: digit = Int(c - 0x61 + 10)
            case 0x41...0x46: digit = Int(c - 0x41 + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: radix)
            let (sum, o2) = m.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            value = sum
            sawDigit = true
        }
        return sawDigit ? value : nil
    }
}
