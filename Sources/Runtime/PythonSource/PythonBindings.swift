/// Module-level names with the source position of the statement that first binds each, so a
/// partially initialised module's names can be told apart (Python/ceval.c `import_from`: a name
/// bound after the statement being executed is not there yet).
struct PyNameRecorder {
    var names: Set<String> = []
    var first: [String: Int] = [:]
    /// The statement being scanned, as `PyPosition.key(line:column:)`.
    var position = 0

    mutating func insert(_ name: String) {
        if names.insert(name).inserted { first[name] = position }
    }
}

/// Names bound by assignment targets and match patterns, computed from tokens without
/// recursion (target grammar: https://docs.python.org/3/reference/simple_stmts.html#assignment-statements).
struct PythonBindings {
    let view: PyTokenView

    /// Names bound by a target list such as `a, (b, *c), d.e, f[0]` → `a`, `b`, `c`.
    func targetNames(_ from: Int, _ to: Int, into out: inout PyNameRecorder) {
        let tokens = view.tokens
        var work: [Range<Int>] = [from..<to]
        while let r = work.popLast() {
            for piece in view.splitTopLevel(r.lowerBound, r.upperBound, at: .comma) {
                var s = piece.lowerBound
                let e = piece.upperBound
                if tokens[s].isOp(.star) { s += 1 }
                guard s < e else { continue }
                if e - s == 1 && tokens[s].isIdentifier {
                    out.insert(view.text(s))
                } else if tokens[s].isOp(.lpar) || tokens[s].isOp(.lsqb), view.matchingClose(s, limit: e) == e - 1 {
                    work.append((s + 1)..<(e - 1))
                }
            }
        }
    }

    /// The single simple name a target consists of (`x`, `(x)`), if it is one.
    func simpleName(_ from: Int, _ to: Int) -> String? {
        let r = view.stripGroupingParens(from, to)
        guard r.count == 1, view.tokens[r.lowerBound].isIdentifier else { return nil }
        return view.text(r.lowerBound)
    }

    /// Capture names of a `case` pattern: every name that is not `_`, not part of a dotted
    /// value pattern, not a class name (`Point(`) and not a keyword-pattern key (`x=`)
    /// (https://docs.python.org/3/reference/compound_stmts.html#patterns).
    func patternCaptures(_ from: Int, _ to: Int, into out: inout PyNameRecorder) {
        let tokens = view.tokens
        for i in from..<to {
            let t = tokens[i]
            guard t.isIdentifier, t.code != PyKeyword.underscore.rawValue else { continue }
            if i > from && tokens[i - 1].isOp(.dot) { continue }
            if i + 1 < to {
                let n = tokens[i + 1]
                if n.isOp(.dot) || n.isOp(.lpar) || n.isOp(.equal) { continue }
            }
            out.insert(view.text(i))
        }
    }
}
