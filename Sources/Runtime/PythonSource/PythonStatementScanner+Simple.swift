extension PythonStatementScanner {
    struct SimpleLine {
        var statements: [PyStatement]
        var endLine: Int32
        var endColumn: Int32
    }

    /// Scans one logical line of `;`-separated simple statements
    /// (https://docs.python.org/3/reference/simple_stmts.html) and consumes its NEWLINE.
    mutating func scanSimpleLine(moduleScope: Bool, topLevel: Bool) throws(PythonSyntaxError) -> SimpleLine {
        let start = index
        var end = start
        while tokens[end].kind != .newline && tokens[end].kind != .endMarker { end += 1 }
        guard end > start else { throw syntaxError("invalid syntax", at: start) }
        var out: [PyStatement] = []
        for piece in view.splitTopLevel(start, end, at: .semi) {
            try scanSimpleStatement(piece.lowerBound, piece.upperBound, moduleScope: moduleScope, topLevel: topLevel, into: &out)
        }
        let last = tokens[end - 1]
        index = tokens[end].kind == .newline ? end + 1 : end
        return SimpleLine(statements: out, endLine: last.endLine, endColumn: last.endColumn)
    }

    private mutating func scanSimpleStatement(_ s: Int, _ e: Int, moduleScope: Bool, topLevel: Bool, into out: inout [PyStatement]) throws(PythonSyntaxError) {
        let t = tokens[s]
        boundNames.position = PyPosition.key(line: Int(t.line), column: Int(t.column))
        switch t.keyword {
        case .import_:
            let statement = try importStatement(s, e)
            if moduleScope, case let .importModules(modules) = statement.kind {
                for module in modules {
                    boundNames.insert(module.asName ?? String(module.name.prefix { $0 != "." }))
                }
            }
            out.append(statement)
            return
        case .from:
            let statement = try fromImportStatement(s, e)
            if moduleScope, case let .importFrom(_, _, names) = statement.kind {
                for name in names where name.name != "*" { boundNames.insert(name.asName ?? name.name) }
            }
            out.append(statement)
            return
        case .pass, .break_, .continue_, .global, .nonlocal:
            return
        case .return_, .raise, .del, .assert, .yield, .await:
            collectFacts(s, e, into: &out)
            return
        case .type:
            // `type X = …` / `type X[T] = …` (3.12 soft keyword).
            if e - s >= 3, tokens[s + 1].isIdentifier, tokens[s + 2].isOp(.equal) || tokens[s + 2].isOp(.lsqb) {
                if moduleScope { boundNames.insert(view.text(s + 1)) }
                collectFacts(s + 2, e, into: &out)
                return
            }
        default:
            break
        }
        scanAssignmentOrExpression(s, e, moduleScope: moduleScope, topLevel: topLevel, into: &out)
    }

    /// Assignment, annotated assignment, augmented assignment or expression statement.
    private mutating func scanAssignmentOrExpression(_ s: Int, _ e: Int, moduleScope: Bool, topLevel: Bool, into out: inout [PyStatement]) {
        let before = out.count
        collectFacts(s, e, into: &out)
        // Locate top-level `=`, the annotation `:` and an augmented operator, skipping
        // lambda parameter lists (`f = lambda x=1: x`).
        var equals: [Int] = []
        var annotationColon: Int?
        var augmented: Int?
        var depth = 0
        var pendingLambdas = 0
        for i in s..<e {
            let t = tokens[i]
            if t.isOpenBracket { depth += 1; continue }
            if t.isCloseBracket { depth -= 1; continue }
            guard depth == 0 else { continue }
            if t.isKeyword(.lambda) {
                pendingLambdas += 1
            } else if t.isOp(.colon) {
                if pendingLambdas > 0 {
                    pendingLambdas -= 1
                } else if annotationColon == nil && equals.isEmpty && augmented == nil {
                    annotationColon = i
                }
            } else if t.isOp(.equal) {
                if pendingLambdas == 0 { equals.append(i) }
            } else if t.kind == .op, t.op.isAugmentedAssignment, augmented == nil, equals.isEmpty {
                augmented = i
            }
        }
        let bindings = PythonBindings(view: view)
        let reader = PythonExpressionReader(view: view)
        let span = view.span(s, e)
        if let op = augmented, annotationColon == nil {
            let name = bindings.simpleName(s, op)
            if moduleScope, let name { boundNames.insert(name) }
            if topLevel, name == "__all__" {
                dunderAll = tokens[op].isOp(.plusequal) ? dunderAll.flatMap { current in literalStrings(op + 1, e).map { current + $0 } } : nil
            }
            return
        }
        if let colon = annotationColon {
            recordClassField(s, colon: colon, equals: equals.first(where: { $0 > colon }), end: e)
            guard let eq = equals.first(where: { $0 > colon }) else { return }
            guard let name = bindings.simpleName(s, colon) else { return }
            if moduleScope { boundNames.insert(name) }
            if topLevel && name == "__all__" { dunderAll = literalStrings(eq + 1, e) }
            out.append(PyStatement(kind: .assignment(targets: [name], value: reader.expression(eq + 1, e)), span: span))
            return
        }
        if let lastEqual = equals.last {
            var names: [String] = []
            var targetStart = s
            for eq in equals {
                if moduleScope { bindings.targetNames(targetStart, eq, into: &boundNames) }
                if let name = bindings.simpleName(targetStart, eq) { names.append(name) }
                targetStart = eq + 1
            }
            if topLevel && names.contains("__all__") { dunderAll = literalStrings(lastEqual + 1, e) }
            if !names.isEmpty {
                out.append(PyStatement(kind: .assignment(targets: names, value: reader.expression(lastEqual + 1, e)), span: span))
            }
            return
        }
        // Expression statement.
        guard let call = reader.call(s, e) else {
            // `os.environ["X"]` alone still runs (and raises KeyError): kept as `.other` so the
            // simulation can check the read (EnvironmentSemantics.swift).
            var i = s
            while i + 1 < e, !(view.isName(i, "environ") && tokens[i + 1].isOp(.lsqb)) { i += 1 }
            if i + 1 < e {
                out.append(PyStatement(kind: .other, span: span))
            }
            return
        }
        if topLevel, dunderAll != nil, call.arguments.count == 1, call.arguments[0].keyword == nil {
            if call.callee == "__all__.extend" {
                let r = view.stripGroupingParens(s, e)
                dunderAll = argumentRange(r).flatMap { literalStrings($0.lowerBound, $0.upperBound) }.flatMap { extra in dunderAll.map { $0 + extra } }
            } else if call.callee == "__all__.append" {
                if case let .string(value) = call.arguments[0].value { dunderAll?.append(value) } else { dunderAll = nil }
            }
        }
        // A statement that is just a dynamic import is already recorded as one.
        if out.count == before + 1, case let .dynamicImport(found) = out[before].kind, found.span == call.span { return }
        out.append(PyStatement(kind: .call(call), span: span))
    }

    /// The token range of the single argument of a call covering `r`.
    /// `name: annotation [= value]` directly in a class body: recorded for the class.
    private mutating func recordClassField(_ s: Int, colon: Int, equals: Int?, end e: Int) {
        guard case let .clause(builder) = frames[frames.count - 1].owner, case .classDef = builder.kind,
              case .body = builder.pending, let name = PythonBindings(view: view).simpleName(s, colon) else { return }
        let key = PyPosition.key(line: Int(builder.start.line), column: Int(builder.start.column))
        let reader = PythonExpressionReader(view: view)
        let annotation = reader.expression(colon + 1, equals ?? e)
        let value = equals.map { reader.expression($0 + 1, e) }
        classes[key, default: PyClassInfo(bases: [])].fields.append(PyClassField(name: name, annotation: annotation, value: value, line: Int(tokens[s].line)))
    }

    /// `class Name(Base, …, keyword=…):` → the positional bases.
    mutating func recordClassHeader(start: PyToken, open: Int, colon: Int) {
        var bases: [PyExpression] = []
        if open < colon, tokens[open].isOp(.lpar), view.matchingClose(open, limit: colon) == colon - 1 {
            let reader = PythonExpressionReader(view: view)
            for piece in view.splitTopLevel(open + 1, colon - 1, at: .comma) where !piece.isEmpty {
                if piece.count >= 2, tokens[piece.lowerBound + 1].isOp(.equal) { continue }
                if tokens[piece.lowerBound].isOp(.star) || tokens[piece.lowerBound].isOp(.doublestar) { continue }
                bases.append(reader.expression(piece.lowerBound, piece.upperBound))
            }
        }
        classes[PyPosition.key(line: Int(start.line), column: Int(start.column))] = PyClassInfo(bases: bases)
    }

    private func argumentRange(_ r: Range<Int>) -> Range<Int>? {
        var level = 0
        var open = r.upperBound - 1
        while open >= r.lowerBound {
            let t = tokens[open]
            if t.isCloseBracket { level += 1 } else if t.isOpenBracket {
                level -= 1
                if level == 0 { break }
            }
            open -= 1
        }
        guard open > r.lowerBound else { return nil }
        let pieces = view.splitTopLevel(open + 1, r.upperBound - 1, at: .comma)
        return pieces.count == 1 ? pieces[0] : nil
    }

    /// A list or tuple display of `str` literals, as `__all__` needs.
    func literalStrings(_ from: Int, _ to: Int) -> [String]? {
        let r = view.stripGroupingParens(from, to)
        guard !r.isEmpty else { return nil }
        var inner = r
        let first = tokens[r.lowerBound]
        if (first.isOp(.lsqb) || first.isOp(.lpar)), view.matchingClose(r.lowerBound, limit: r.upperBound) == r.upperBound - 1 {
            inner = (r.lowerBound + 1)..<(r.upperBound - 1)
        } else if !view.containsTopLevel(r.lowerBound, r.upperBound, .comma) {
            return nil
        }
        var values: [String] = []
        for piece in view.splitTopLevel(inner.lowerBound, inner.upperBound, at: .comma) {
            for k in piece where tokens[k].kind != .string { return nil }
            guard let value = PythonStringLiteral.decode(view, piece.lowerBound, piece.upperBound) else { return nil }
            values.append(value)
        }
        return values
    }

    // MARK: - import statements

    /// `import a.b as c, d` (https://docs.python.org/3/reference/simple_stmts.html#the-import-statement).
    private func importStatement(_ s: Int, _ e: Int) throws(PythonSyntaxError) -> PyStatement {
        var modules: [PyImportedModule] = []
        var i = s + 1
        guard i < e else { throw syntaxError("Expected one or more names after 'import'", at: i) }
        while true {
            let (name, next) = try dottedName(at: i, end: e)
            var asName: String?
            var aliasEnd = next
            if next < e, tokens[next].isKeyword(.as_) {
                guard next + 1 < e, tokens[next + 1].isIdentifier else { throw syntaxError("invalid syntax", at: next + 1) }
                asName = view.text(next + 1)
                aliasEnd = next + 2
            }
            modules.append(PyImportedModule(name: name, asName: asName, span: view.span(i, aliasEnd)))
            if aliasEnd == e { break }
            guard tokens[aliasEnd].isOp(.comma), aliasEnd + 1 < e else { throw syntaxError("invalid syntax", at: aliasEnd) }
            i = aliasEnd + 1
        }
        return PyStatement(kind: .importModules(modules), span: view.span(s, e))
    }

    /// `from ..a.b import (x, y as z)` / `from . import *`.
    private func fromImportStatement(_ s: Int, _ e: Int) throws(PythonSyntaxError) -> PyStatement {
        var i = s + 1
        var level = 0
        while i < e {
            if tokens[i].isOp(.dot) { level += 1 } else if tokens[i].isOp(.ellipsis) { level += 3 } else { break }
            i += 1
        }
        var module: String?
        if i < e, tokens[i].isIdentifier {
            let (name, next) = try dottedName(at: i, end: e)
            module = name
            i = next
        }
        guard i < e, tokens[i].isKeyword(.import_), module != nil || level > 0 else { throw syntaxError("invalid syntax", at: i) }
        i += 1
        var names: [PyImportedName] = []
        guard i < e else { throw syntaxError("Expected one or more names after 'import'", at: i) }
        if tokens[i].isOp(.star) {
            guard i + 1 == e else { throw syntaxError("invalid syntax", at: i + 1) }
            names.append(PyImportedName(name: "*", asName: nil, span: view.span(i, i + 1)))
            return PyStatement(kind: .importFrom(module: module, level: level, names: names), span: view.span(s, e))
        }
        var end = e
        if tokens[i].isOp(.lpar) {
            guard tokens[e - 1].isOp(.rpar) else { throw syntaxError("invalid syntax", at: e - 1) }
            i += 1
            end = e - 1
        }
        while i < end {
            guard tokens[i].isIdentifier else { throw syntaxError("invalid syntax", at: i) }
            let name = view.text(i)
            var asName: String?
            var aliasEnd = i + 1
            if aliasEnd < end, tokens[aliasEnd].isKeyword(.as_) {
                guard aliasEnd + 1 < end, tokens[aliasEnd + 1].isIdentifier else { throw syntaxError("invalid syntax", at: aliasEnd + 1) }
                asName = view.text(aliasEnd + 1)
                aliasEnd += 2
            }
            names.append(PyImportedName(name: name, asName: asName, span: view.span(i, aliasEnd)))
            if aliasEnd == end { break }
            guard tokens[aliasEnd].isOp(.comma) else { throw syntaxError("invalid syntax", at: aliasEnd) }
            i = aliasEnd + 1
        }
        guard !names.isEmpty else { throw syntaxError("invalid syntax", at: i) }
        return PyStatement(kind: .importFrom(module: module, level: level, names: names), span: view.span(s, e))
    }

    /// `a.b.c` starting at `i`; returns the name and the index after it.
    private func dottedName(at start: Int, end: Int) throws(PythonSyntaxError) -> (String, Int) {
        guard start < end, tokens[start].isIdentifier else { throw syntaxError("invalid syntax", at: start) }
        var name = view.text(start)
        var i = start + 1
        while i + 1 < end, tokens[i].isOp(.dot), tokens[i + 1].isIdentifier {
            name += "." + view.text(i + 1)
            i += 2
        }
        return (name, i)
    }
}
