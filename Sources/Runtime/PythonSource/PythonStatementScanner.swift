/// Groups tokens into statements and blocks (the statement grammar of
/// https://docs.python.org/3/reference/compound_stmts.html), recording what matters for
/// start-up simulation. Blocks are tracked on an explicit frame stack, so a module nested
/// to the tokenizer's indentation limit costs heap, not call stack.
struct PythonStatementScanner {
    /// One open block: the module, a clause body, a `match` block, or a `case` body.
    struct Frame {
        enum Owner {
            case module
            case clause(PythonCompoundBuilder)
            case matchBlock(PythonCompoundBuilder)
            case caseClause
        }

        var owner: Owner
        var moduleScope: Bool
        var statements: [PyStatement] = []
        var endLine: Int32 = 1
        var endColumn: Int32 = 0
    }

    /// At most this many `<lambda>` wrappers around one dynamic import.
    static let maxLambdaWrapping = 8

    let view: PyTokenView
    var index = 0
    var frames: [Frame] = []
    var boundNames = PyNameRecorder()
    var definesModuleGetattr = false
    var dunderAll: [String]?
    /// Class headers and direct annotated fields (`PythonModuleScan.classes`).
    var classes: [Int: PyClassInfo] = [:]

    init(view: PyTokenView) {
        self.view = view
    }

    var tokens: [PyToken] { view.tokens }

    mutating func scanModule() throws(PythonSyntaxError) -> [PyStatement] {
        frames = [Frame(owner: .module, moduleScope: true)]
        while true {
            let t = tokens[index]
            switch t.kind {
            case .endMarker:
                while frames.count > 1 { try closeBlock() }
                return frames[0].statements
            case .dedent:
                index += 1
                try closeBlock()
            case .indent:
                // Parser error in CPython ("unexpected indent", an IndentationError).
                throw syntaxError("unexpected indent", at: index, exceptionName: "IndentationError")
            case .newline:
                index += 1
            default:
                if case .matchBlock = frames[frames.count - 1].owner {
                    try scanCaseClause()
                } else {
                    try scanStatement()
                }
            }
        }
    }

    // MARK: - Blocks

    /// Ends the innermost block and hands its statements to whatever owns it.
    mutating func closeBlock() throws(PythonSyntaxError) {
        guard frames.count > 1 else { return }
        let frame = frames.removeLast()
        switch frame.owner {
        case .module:
            return
        case var .clause(builder):
            builder.accept(frame.statements, endLine: frame.endLine, endColumn: frame.endColumn)
            try continueCompound(builder)
        case var .matchBlock(builder):
            builder.endLine = frame.endLine
            builder.endColumn = frame.endColumn
            finish(builder)
        case .caseClause:
            let last = frames.count - 1
            if case var .matchBlock(builder) = frames[last].owner {
                builder.cases.append(frame.statements)
                frames[last].owner = .matchBlock(builder)
            }
            noteEnd(frame.endLine, frame.endColumn)
        }
    }

    /// Scans the suite after a header colon at `colon` for the builder's pending clause,
    /// then any continuation clauses, iteratively: a block suite pushes a frame and returns;
    /// a one-line suite is stored and the loop looks for `elif`/`else`/`except`/`finally`.
    mutating func runSuite(_ initial: PythonCompoundBuilder, colon: Int) throws(PythonSyntaxError) {
        var builder = initial
        var colon = colon
        while true {
            index = colon + 1
            if tokens[index].kind == .newline {
                index += 1
                guard tokens[index].kind == .indent else {
                    let header = tokens[colon]
                    throw syntaxError("expected an indented block after \(builder.clauseDescription) on line \(headerLine(builder, colonToken: header))",
                                      at: index, exceptionName: "IndentationError")
                }
                index += 1
                frames.append(Frame(owner: .clause(builder), moduleScope: builder.bodiesAreModuleScope))
                return
            }
            let line = try scanSimpleLine(moduleScope: builder.bodiesAreModuleScope, topLevel: false)
            builder.accept(line.statements, endLine: line.endLine, endColumn: line.endColumn)
            guard let next = try continuationHeader(&builder) else {
                finish(builder)
                return
            }
            colon = next
        }
    }

    private func headerLine(_ builder: PythonCompoundBuilder, colonToken: PyToken) -> Int {
        switch builder.pending {
        case let .branch(_, start): return Int(start.line)
        case let .handler(_, start, _): return Int(start.line)
        default: break
        }
        if case .body = builder.pending { return Int(builder.start.line) }
        // else/finally: the clause keyword is on the colon's line.
        return Int(colonToken.line)
    }

    /// After a clause body: continue with the next clause, or finish the statement.
    mutating func continueCompound(_ builder: PythonCompoundBuilder) throws(PythonSyntaxError) {
        var builder = builder
        if let colon = try continuationHeader(&builder) {
            try runSuite(builder, colon: colon)
        } else {
            finish(builder)
        }
    }

    /// Appends a finished compound statement to the enclosing block.
    mutating func finish(_ builder: PythonCompoundBuilder) {
        let last = frames.count - 1
        frames[last].statements.append(contentsOf: builder.build())
        noteEnd(builder.endLine, builder.endColumn)
    }

    mutating func noteEnd(_ line: Int32, _ column: Int32) {
        let last = frames.count - 1
        frames[last].endLine = line
        frames[last].endColumn = column
    }

    var moduleScope: Bool { frames[frames.count - 1].moduleScope }

    mutating func bind(_ name: String) {
        if moduleScope { boundNames.insert(name) }
    }

    // MARK: - Statements

    mutating func scanStatement() throws(PythonSyntaxError) {
        let t = tokens[index]
        boundNames.position = PyPosition.key(line: Int(t.line), column: Int(t.column))
        if t.isOp(.at) {
            try scanDecorated()
            return
        }
        switch t.keyword {
        case .if_, .while_, .for_, .try_, .with, .def, .class_:
            try scanCompound(decorators: [], pre: [])
        case .async:
            let next = tokens[index + 1]
            guard next.keyword == .def || next.keyword == .for_ || next.keyword == .with else {
                try scanPlainLine()
                return
            }
            try scanCompound(decorators: [], pre: [])
        case .match where isMatchStatement():
            try scanMatch()
        case .elif, .else_, .except, .finally:
            throw syntaxError("invalid syntax", at: index)
        default:
            try scanPlainLine()
        }
    }

    private mutating func scanPlainLine() throws(PythonSyntaxError) {
        let line = try scanSimpleLine(moduleScope: moduleScope, topLevel: frames.count == 1)
        let last = frames.count - 1
        frames[last].statements.append(contentsOf: line.statements)
        noteEnd(line.endLine, line.endColumn)
    }

    /// `@decorator` lines followed by `def`, `async def` or `class`. Decorators are
    /// evaluated before the definition, in the enclosing scope.
    private mutating func scanDecorated() throws(PythonSyntaxError) {
        var decorators: [PyExpression] = []
        var pre: [PyStatement] = []
        let reader = PythonExpressionReader(view: view)
        while tokens[index].isOp(.at) {
            let start = index + 1
            var end = start
            while tokens[end].kind != .newline && tokens[end].kind != .endMarker { end += 1 }
            guard end > start else { throw syntaxError("invalid syntax", at: end) }
            decorators.append(reader.expression(start, end))
            collectFacts(start, end, into: &pre)
            index = end + 1
        }
        let t = tokens[index]
        let isDefinition = t.keyword == .def || t.keyword == .class_ || (t.keyword == .async && tokens[index + 1].keyword == .def)
        guard isDefinition else { throw syntaxError("invalid syntax", at: index) }
        try scanCompound(decorators: decorators, pre: pre)
    }

    /// The first clause of if/while/for/try/with/def/class (and their async forms).
    private mutating func scanCompound(decorators: [PyExpression], pre: [PyStatement]) throws(PythonSyntaxError) {
        let start = tokens[index]
        var keywordIndex = index
        if start.keyword == .async { keywordIndex += 1 }
        let keyword = tokens[keywordIndex].keyword
        let colon = try headerColon(after: keywordIndex)
        let headerFrom = keywordIndex + 1
        let kind: PythonCompoundBuilder.Kind
        var pending: PythonCompoundBuilder.Clause = .body
        var headerPre = pre
        switch keyword {
        case .if_:
            kind = .ifChain
            pending = .branch(PythonConditionClassifier(view: view).classify(headerFrom, colon), start: start)
            collectFacts(headerFrom, colon, into: &headerPre)
        case .while_:
            kind = .loop
            collectFacts(headerFrom, colon, into: &headerPre)
        case .for_:
            kind = .loop
            var inIndex = headerFrom
            var depth = 0
            while inIndex < colon {
                let t = tokens[inIndex]
                if t.isOpenBracket { depth += 1 } else if t.isCloseBracket { depth -= 1 } else if depth == 0 && t.isKeyword(.in_) { break }
                inIndex += 1
            }
            if moduleScope { PythonBindings(view: view).targetNames(headerFrom, inIndex, into: &boundNames) }
            collectFacts(headerFrom, colon, into: &headerPre)
        case .try_:
            kind = .tryStatement
        case .with:
            kind = .with
            bindWithTargets(headerFrom, colon)
            collectFacts(headerFrom, colon, into: &headerPre)
        case .def, .class_:
            guard headerFrom < colon, tokens[headerFrom].isIdentifier else { throw syntaxError("invalid syntax", at: headerFrom) }
            let name = view.text(headerFrom)
            kind = keyword == .def ? .function(name) : .classDef(name)
            bind(name)
            if keyword == .def && name == "__getattr__" && moduleScope { definesModuleGetattr = true }
            if keyword == .class_ { recordClassHeader(start: start, open: headerFrom + 1, colon: colon) }
            collectFacts(headerFrom + 1, colon, into: &headerPre)
        default:
            throw syntaxError("invalid syntax", at: index)
        }
        var builder = PythonCompoundBuilder(kind: kind, start: start, parentIsModuleScope: moduleScope)
        builder.decorators = decorators
        builder.pre = headerPre
        builder.pending = pending
        try runSuite(builder, colon: colon)
    }

    /// Parses an `elif`/`else`/`except`/`finally` header continuing `builder` and returns
    /// its colon, or nil when the next token does not continue the statement.
    mutating func continuationHeader(_ builder: inout PythonCompoundBuilder) throws(PythonSyntaxError) -> Int? {
        let t = tokens[index]
        guard t.kind == .name, builder.continues(with: t.keyword) else {
            if builder.isIncompleteTry { throw syntaxError("expected 'except' or 'finally' block", at: index) }
            return nil
        }
        let colon = try headerColon(after: index)
        let from = index + 1
        switch t.keyword {
        case .elif:
            builder.pending = .branch(PythonConditionClassifier(view: view).classify(from, colon), start: t)
            collectFacts(from, colon, into: &builder.pre)
        case .else_:
            builder.pending = .orElse
        case .finally:
            builder.pending = .finally
        case .except:
            var typesFrom = from
            if typesFrom < colon && tokens[typesFrom].isOp(.star) { typesFrom += 1 }
            var typesTo = typesFrom
            var depth = 0
            while typesTo < colon {
                let k = tokens[typesTo]
                if k.isOpenBracket { depth += 1 } else if k.isCloseBracket { depth -= 1 } else if depth == 0 && k.isKeyword(.as_) { break }
                typesTo += 1
            }
            var prefix: [PyStatement] = []
            collectFacts(typesFrom, typesTo, into: &prefix)
            builder.pending = .handler(types: exceptTypes(typesFrom, typesTo), start: t, prefix: prefix)
        default:
            return nil
        }
        return colon
    }

    /// Dotted names of an except clause, a parenthesized tuple flattened.
    private func exceptTypes(_ from: Int, _ to: Int) -> [String]? {
        guard from < to else { return nil }
        var r = view.stripGroupingParens(from, to)
        if tokens[r.lowerBound].isOp(.lpar), view.matchingClose(r.lowerBound, limit: r.upperBound) == r.upperBound - 1 {
            r = (r.lowerBound + 1)..<(r.upperBound - 1)
        }
        return view.splitTopLevel(r.lowerBound, r.upperBound, at: .comma).map { piece in
            let inner = view.stripGroupingParens(piece.lowerBound, piece.upperBound)
            return view.dottedName(inner.lowerBound, inner.upperBound) ?? view.text(piece.lowerBound, piece.upperBound)
        }
    }

    /// Binds `as` targets of a with statement (`with a as b, c as (d, e):` and the
    /// parenthesized 3.10 form).
    private mutating func bindWithTargets(_ from: Int, _ colon: Int) {
        guard moduleScope else { return }
        let bindings = PythonBindings(view: view)
        var i = from
        var depth = 0
        while i < colon {
            let t = tokens[i]
            if t.isOpenBracket { depth += 1 } else if t.isCloseBracket { depth -= 1 }
            if t.isKeyword(.as_) {
                let targetDepth = depth
                var end = i + 1
                var d = depth
                while end < colon {
                    let k = tokens[end]
                    if k.isOpenBracket { d += 1 } else if k.isCloseBracket {
                        if d == targetDepth { break }
                        d -= 1
                    } else if d == targetDepth && k.isOp(.comma) { break }
                    end += 1
                }
                bindings.targetNames(i + 1, end, into: &boundNames)
                i = end
                continue
            }
            i += 1
        }
    }

    /// Index of the colon ending a compound header that starts after `keywordIndex`; colons
    /// of lambdas and of brackets are skipped.
    func headerColon(after keywordIndex: Int) throws(PythonSyntaxError) -> Int {
        var i = keywordIndex + 1
        var depth = 0
        var pendingLambdas = 0
        while true {
            let t = tokens[i]
            if t.kind == .newline || t.kind == .endMarker { throw syntaxError("expected ':'", at: i) }
            if t.isOpenBracket {
                depth += 1
            } else if t.isCloseBracket {
                depth -= 1
            } else if depth == 0 {
                if t.isKeyword(.lambda) {
                    pendingLambdas += 1
                } else if t.isOp(.colon) {
                    if pendingLambdas == 0 { return i }
                    pendingLambdas -= 1
                }
            }
            i += 1
        }
    }

    // MARK: - match

    /// `match` is a soft keyword: the line is a match statement only when it starts with
    /// `match`, has a subject and ends with the header colon (a simple statement never
    /// ends with `:`), per https://docs.python.org/3/reference/compound_stmts.html#the-match-statement.
    private func isMatchStatement() -> Bool {
        var end = index
        while tokens[end].kind != .newline && tokens[end].kind != .endMarker { end += 1 }
        guard end - index >= 3, tokens[end - 1].isOp(.colon) else { return false }
        // No simple statement ends with `:`, so only operators that cannot start a subject
        // (`match.x`, `match = …`, `match, …`) keep `match` an ordinary name.
        let next = tokens[index + 1]
        if next.kind == .op, next.isOp(.dot) || next.isOp(.equal) || next.isOp(.comma) || next.isOp(.colon)
            || next.isCloseBracket || next.op.isAugmentedAssignment {
            return false
        }
        return true
    }

    private mutating func scanMatch() throws(PythonSyntaxError) {
        let start = tokens[index]
        let colon = try headerColon(after: index)
        var builder = PythonCompoundBuilder(kind: .match, start: start, parentIsModuleScope: moduleScope)
        collectFacts(index + 1, colon, into: &builder.pre)
        index = colon + 1
        guard tokens[index].kind == .newline else { throw syntaxError("invalid syntax", at: index) }
        index += 1
        guard tokens[index].kind == .indent else {
            throw syntaxError("expected an indented block after 'match' statement on line \(start.line)", at: index, exceptionName: "IndentationError")
        }
        index += 1
        frames.append(Frame(owner: .matchBlock(builder), moduleScope: builder.bodiesAreModuleScope))
    }

    /// One `case pattern [if guard]:` clause inside a match block.
    private mutating func scanCaseClause() throws(PythonSyntaxError) {
        let t = tokens[index]
        guard t.keyword == .case_ else { throw syntaxError("invalid syntax", at: index) }
        let caseLine = t.line
        let colon = try headerColon(after: index)
        var guardIndex = index + 1
        var depth = 0
        while guardIndex < colon {
            let k = tokens[guardIndex]
            if k.isOpenBracket { depth += 1 } else if k.isCloseBracket { depth -= 1 } else if depth == 0 && k.isKeyword(.if_) { break }
            guardIndex += 1
        }
        if moduleScope { PythonBindings(view: view).patternCaptures(index + 1, guardIndex, into: &boundNames) }
        let last = frames.count - 1
        if guardIndex < colon, case var .matchBlock(builder) = frames[last].owner {
            collectFacts(guardIndex + 1, colon, into: &builder.pre)
            frames[last].owner = .matchBlock(builder)
        }
        index = colon + 1
        if tokens[index].kind == .newline {
            index += 1
            guard tokens[index].kind == .indent else {
                throw syntaxError("expected an indented block after 'case' statement on line \(caseLine)", at: index, exceptionName: "IndentationError")
            }
            index += 1
            frames.append(Frame(owner: .caseClause, moduleScope: frames[last].moduleScope))
            return
        }
        let line = try scanSimpleLine(moduleScope: moduleScope, topLevel: false)
        if case var .matchBlock(builder) = frames[last].owner {
            builder.cases.append(line.statements)
            frames[last].owner = .matchBlock(builder)
        }
        noteEnd(line.endLine, line.endColumn)
    }

    // MARK: - Helpers

    /// Records dynamic imports (wrapped for lambdas) and walrus bindings of an expression
    /// range that is evaluated in the current block.
    mutating func collectFacts(_ from: Int, _ to: Int, into out: inout [PyStatement]) {
        guard from < to else { return }
        let facts = PythonExpressionFacts.scan(view, from, to)
        for name in facts.walrusNames { bind(name) }
        for found in facts.imports {
            var statement = PyStatement(kind: .dynamicImport(found.dynamicImport), span: found.dynamicImport.span)
            // Nesting depth of the wrappers is capped so result values stay shallow however
            // many lambdas the input nests (`lambda: lambda: …`).
            for lambda in found.lambdas.prefix(PythonStatementScanner.maxLambdaWrapping).reversed() {
                let span = PySourceSpan(startLine: Int(lambda.line), startColumn: Int(lambda.column),
                                        endLine: statement.span.endLine, endColumn: statement.span.endColumn)
                statement = PyStatement(kind: .functionDef(name: "<lambda>", decorators: [], body: [statement]), span: span)
            }
            out.append(statement)
        }
    }

    func syntaxError(_ message: String, at i: Int, exceptionName: String = "SyntaxError") -> PythonSyntaxError {
        var t = tokens[min(i, tokens.count - 1)]
        // At the end of input CPython points just past the last line's content.
        if t.kind == .endMarker || t.kind == .dedent, i > 0, tokens[i - 1].kind == .newline { t = tokens[i - 1] }
        // Columns here are byte based + 1; the tokenizer reports exact character offsets.
        return PythonSyntaxError(line: Int(t.line), column: Int(t.column) + 1, message: message, exceptionName: exceptionName)
    }
}
