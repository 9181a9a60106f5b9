/// Collects the clauses of one compound statement while its bodies are being scanned, then
/// produces the `PyStatement`. Lives on the scanner's frame stack, so nested blocks never
/// need recursion.
struct PythonCompoundBuilder {
    enum Kind {
        case ifChain
        case tryStatement
        case loop
        case with
        case function(String)
        case classDef(String)
        case match
    }

    /// Which part of the statement the next body belongs to.
    enum Clause {
        case body
        case branch(PyCondition, start: PyToken)
        case orElse
        case handler(types: [String]?, start: PyToken, prefix: [PyStatement])
        case finally
    }

    var kind: Kind
    /// First token of the statement (`if`, `def`, `async`, …; not the decorators, as in `ast`).
    var start: PyToken
    /// Dynamic imports found in headers; emitted before the statement.
    var pre: [PyStatement] = []
    var decorators: [PyExpression] = []
    var pending: Clause = .body
    /// Whether the statement's bodies run in module scope (false inside def/class).
    var bodiesAreModuleScope: Bool
    var body: [PyStatement] = []
    var branches: [PyIfBranch] = []
    var handlers: [PyExceptHandler] = []
    var orElse: [PyStatement]?
    var finalBody: [PyStatement]?
    var cases: [[PyStatement]] = []
    var endLine: Int32
    var endColumn: Int32

    init(kind: Kind, start: PyToken, parentIsModuleScope: Bool) {
        self.kind = kind
        self.start = start
        switch kind {
        case .function, .classDef: bodiesAreModuleScope = false
        default: bodiesAreModuleScope = parentIsModuleScope
        }
        endLine = start.endLine
        endColumn = start.endColumn
    }

    /// How CPython names the statement in "expected an indented block after … on line N".
    var clauseDescription: String {
        switch (kind, pending) {
        case (.function, _): return "function definition"
        case (.classDef, _): return "class definition"
        case (.ifChain, .branch(_, let start)): return start.keyword == .elif ? "'elif' statement" : "'if' statement"
        case (_, .orElse): return "'else' statement"
        case (_, .handler): return "'except' statement"
        case (_, .finally): return "'finally' statement"
        case (.tryStatement, _): return "'try' statement"
        case (.with, _): return "'with' statement"
        case (.match, _): return "'match' statement"
        case (.loop, _): return start.keyword == .while_ ? "'while' statement" : "'for' statement"
        default: return "statement"
        }
    }

    /// Stores the body just scanned into the pending clause.
    mutating func accept(_ statements: [PyStatement], endLine: Int32, endColumn: Int32) {
        self.endLine = endLine
        self.endColumn = endColumn
        switch pending {
        case .body:
            if case .match = kind { cases.append(statements) } else { body = statements }
        case let .branch(condition, start):
            branches.append(PyIfBranch(condition: condition, body: statements, span: spanFrom(start)))
        case .orElse:
            orElse = statements
        case let .handler(types, start, prefix):
            handlers.append(PyExceptHandler(types: types, body: prefix + statements, span: spanFrom(start)))
        case .finally:
            finalBody = statements
        }
    }

    /// Whether `keyword` continues this statement (`elif`/`else`/`except`/`finally`).
    func continues(with keyword: PyKeyword) -> Bool {
        switch kind {
        case .ifChain:
            return (keyword == .elif || keyword == .else_) && orElse == nil
        case .tryStatement:
            switch keyword {
            case .except: return orElse == nil && finalBody == nil
            case .else_: return !handlers.isEmpty && orElse == nil && finalBody == nil
            case .finally: return finalBody == nil
            default: return false
            }
        case .loop:
            return keyword == .else_ && orElse == nil
        default:
            return false
        }
    }

    /// A `try` needs at least one handler or a `finally` (CPython: "expected 'except' or
    /// 'finally' block").
    var isIncompleteTry: Bool {
        if case .tryStatement = kind { return handlers.isEmpty && finalBody == nil }
        return false
    }

    func spanFrom(_ token: PyToken) -> PySourceSpan {
        PySourceSpan(startLine: Int(token.line), startColumn: Int(token.column), endLine: Int(endLine), endColumn: Int(endColumn))
    }

    /// The finished statements: header dynamic imports, then the compound statement.
    func build() -> [PyStatement] {
        let statementKind: PyStatementKind
        switch kind {
        case .ifChain: statementKind = .ifStatement(branches: branches, orElse: orElse)
        case .tryStatement: statementKind = .tryStatement(body: body, handlers: handlers, orElse: orElse ?? [], finally: finalBody ?? [])
        case .loop: statementKind = .loop(body: body, orElse: orElse ?? [])
        case .with: statementKind = .with(body: body)
        case let .function(name): statementKind = .functionDef(name: name, decorators: decorators, body: body)
        case let .classDef(name): statementKind = .classDef(name: name, decorators: decorators, body: body)
        case .match: statementKind = .match(cases: cases)
        }
        return pre + [PyStatement(kind: statementKind, span: spanFrom(start))]
    }
}
