/// Classifies an `if`/`elif` test into a `PyCondition` (the shapes listed in research notes
/// §2.7 that a start-up simulation can decide statically).
struct PythonConditionClassifier {
    let view: PyTokenView

    func classify(_ from: Int, _ to: Int) -> PyCondition {
        let range = view.stripGroupingParens(from, to)
        let a = range.lowerBound
        let b = range.upperBound
        let tokens = view.tokens
        guard a < b else { return .unknown(view.text(from, to)) }
        if isTypeChecking(a, b) { return .typeChecking }
        if tokens[a].isKeyword(.not) {
            let inner = view.stripGroupingParens(a + 1, b)
            if isTypeChecking(inner.lowerBound, inner.upperBound) { return .notTypeChecking }
        }
        if let comparison = singleComparison(a, b) {
            let (opIndex, op) = comparison
            if let condition = compare(left: a..<opIndex, op: op, right: (opIndex + 1)..<b) { return condition }
        }
        // sys.platform.startswith("linux")
        if let call = PythonExpressionReader(view: view).call(a, b), call.arguments.count == 1,
           call.arguments[0].keyword == nil, case let .string(value) = call.arguments[0].value {
            let parts = call.callee.split(separator: ".")
            if parts.count >= 2, parts[parts.count - 2] == "platform", parts[parts.count - 1] == "startswith" {
                return .platformCompare(op: "startswith", value: value)
            }
        }
        return .unknown(view.text(from, to))
    }

    private func isTypeChecking(_ a: Int, _ b: Int) -> Bool {
        guard b > a, view.isName(b - 1, "TYPE_CHECKING") else { return false }
        return view.dottedName(a, b) != nil
    }

    /// The one comparison operator at the top level, or nil for none or a chain.
    private func singleComparison(_ a: Int, _ b: Int) -> (Int, String)? {
        var depth = 0
        var found: (Int, String)?
        for i in a..<b {
            let t = view.tokens[i]
            if t.isOpenBracket { depth += 1; continue }
            if t.isCloseBracket { depth -= 1; continue }
            guard depth == 0 else { continue }
            if t.kind == .name, t.keyword == .and || t.keyword == .or || t.keyword == .not || t.keyword == .is_
                || t.keyword == .in_ || t.keyword == .lambda || t.keyword == .if_ {
                return nil
            }
            if let spelling = t.op.comparisonSpelling {
                if found != nil { return nil }
                found = (i, spelling)
            }
        }
        return found
    }

    private func compare(left: Range<Int>, op: String, right: Range<Int>) -> PyCondition? {
        let mirrored = ["<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="][op] ?? op
        let l = view.stripGroupingParens(left.lowerBound, left.upperBound)
        let r = view.stripGroupingParens(right.lowerBound, right.upperBound)
        if op == "==" {
            if isDunderName(l), stringValue(r) == "__main__" { return .mainGuard }
            if isDunderName(r), stringValue(l) == "__main__" { return .mainGuard }
        }
        for (subject, other, o) in [(l, r, op), (r, l, mirrored)] {
            if isVersionInfo(subject), let version = intTuple(other) {
                return .versionCompare(op: o, version: version)
            }
            if o == "==" || o == "!=", let name = view.dottedName(subject.lowerBound, subject.upperBound),
               name.split(separator: ".").last == "platform", let value = stringValue(other) {
                return .platformCompare(op: o, value: value)
            }
        }
        return nil
    }

    private func isDunderName(_ r: Range<Int>) -> Bool {
        r.count == 1 && view.isName(r.lowerBound, "__name__")
    }

    private func stringValue(_ r: Range<Int>) -> String? {
        guard !r.isEmpty, view.tokens[r.lowerBound].kind == .string else { return nil }
        return PythonStringLiteral.decode(view, r.lowerBound, r.upperBound)
    }

    /// `version_info`, `sys.version_info`, optionally with one subscript (`[:2]`, `[0]`).
    private func isVersionInfo(_ r: Range<Int>) -> Bool {
        var end = r.upperBound
        if end - r.lowerBound >= 3, view.tokens[end - 1].isOp(.rsqb) {
            var i = end - 1
            var depth = 0
            while i > r.lowerBound {
                let t = view.tokens[i]
                if t.isCloseBracket { depth += 1 } else if t.isOpenBracket {
                    depth -= 1
                    if depth == 0 { break }
                }
                i -= 1
            }
            guard view.tokens[i].isOp(.lsqb) else { return false }
            end = i
        }
        guard end > r.lowerBound, view.isName(end - 1, "version_info") else { return false }
        return view.dottedName(r.lowerBound, end) != nil
    }

    /// `3`, `(3, 8)`, `(3,)`: integers only.
    private func intTuple(_ r: Range<Int>) -> [Int]? {
        let reader = PythonExpressionReader(view: view)
        var a = r.lowerBound
        var b = r.upperBound
        guard a < b else { return nil }
        if b - a == 1 {
            guard view.tokens[a].kind == .number, let v = reader.integerValue(a) else { return nil }
            return [v]
        }
        guard view.tokens[a].isOp(.lpar), view.matchingClose(a, limit: b) == b - 1 else { return nil }
        a += 1
        b -= 1
        let pieces = view.splitTopLevel(a, b, at: .comma)
        guard !pieces.isEmpty else { return nil }
        var values: [Int] = []
        for piece in pieces {
            guard piece.count == 1, view.tokens[piece.lowerBound].kind == .number,
                  let v = reader.integerValue(piece.lowerBound) else { return nil }
            values.append(v)
        }
        return values
    }
}
