/// What a module-level expression contributes besides its value: literal dynamic imports
/// (research notes §2.7) and walrus bindings, found in one pass with lambda awareness.
struct PythonExpressionFacts {
    struct FoundImport {
        var dynamicImport: PyDynamicImport
        /// `lambda` tokens whose bodies contain the call, outermost first.
        var lambdas: [PyToken]
    }

    var imports: [FoundImport] = []
    /// `name := …` targets outside lambda bodies.
    var walrusNames: [String] = []

    /// Scans `from..<to` of one logical line.
    static func scan(_ view: PyTokenView, _ from: Int, _ to: Int) -> PythonExpressionFacts {
        var facts = PythonExpressionFacts()
        var tracker = PythonLambdaTracker()
        let tokens = view.tokens
        var i = from
        while i < to {
            let t = tokens[i]
            tracker.step(t)
            if t.kind == .name && t.code == 0 {
                if i + 1 < to, tokens[i + 1].isOp(.colonequal), tracker.bodyCount == 0 {
                    facts.walrusNames.append(view.text(i))
                } else if let found = dynamicImport(view, at: i, from: from, to: to) {
                    facts.imports.append(FoundImport(dynamicImport: found, lambdas: tracker.bodyCount > 0 ? tracker.enclosingLambdas : []))
                }
            }
            i += 1
        }
        return facts
    }

    /// `importlib.import_module("x"[, "pkg"])`, `import_module("x")` or `__import__("x")`
    /// starting at token `i`, with a literal `str` first positional argument (the same test
    /// as `scripts/python-ast-dump.py`).
    private static func dynamicImport(_ view: PyTokenView, at i: Int, from: Int, to: Int) -> PyDynamicImport? {
        let tokens = view.tokens
        if i > from && tokens[i - 1].isOp(.dot) { return nil }
        let function: PyDynamicImport.Function
        let open: Int
        if view.isName(i, "importlib") {
            guard i + 3 < to, tokens[i + 1].isOp(.dot), view.isName(i + 2, "import_module") else { return nil }
            function = .importlibImportModule
            open = i + 3
        } else if view.isName(i, "import_module") {
            function = .importModule
            open = i + 1
        } else if view.isName(i, "__import__") {
            function = .dunderImport
            open = i + 1
        } else {
            return nil
        }
        guard open < to, tokens[open].isOp(.lpar), let close = view.matchingClose(open, limit: to) else { return nil }
        let arguments = view.splitTopLevel(open + 1, close, at: .comma)
        guard let first = arguments.first, let module = literal(view, first) else { return nil }
        var package: String?
        if function != .dunderImport {
            if arguments.count > 1, !(arguments[1].count >= 2 && tokens[arguments[1].lowerBound + 1].isOp(.equal)) {
                package = literal(view, arguments[1])
            }
            for piece in arguments.dropFirst() where piece.count >= 3 && view.isName(piece.lowerBound, "package")
                && tokens[piece.lowerBound + 1].isOp(.equal) {
                package = literal(view, (piece.lowerBound + 2)..<piece.upperBound)
            }
        }
        return PyDynamicImport(function: function, module: module, package: package, span: view.span(i, close + 1))
    }

    /// A `str` literal argument (adjacent literals joined), like an `ast.Constant` of type str.
    private static func literal(_ view: PyTokenView, _ range: Range<Int>) -> String? {
        guard !range.isEmpty else { return nil }
        let r = view.stripGroupingParens(range.lowerBound, range.upperBound)
        for k in r where view.tokens[k].kind != .string { return nil }
        return PythonStringLiteral.decode(view, r.lowerBound, r.upperBound)
    }
}
