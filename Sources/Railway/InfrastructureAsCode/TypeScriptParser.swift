/// A recursive-descent parser for the statements of `.railway/railway.ts`. It parses every
/// statement form a Railway config plausibly holds: the subset railsim evaluates, and the rest
/// (loops, function declarations, classes…) well enough to step over them and say so. Grammar:
/// ECMAScript (https://tc39.es/ecma262/#sec-ecmascript-language-statements-and-declarations)
/// plus TypeScript's type annotations, which are skipped.
///
/// Recursion is bounded: `enter()` counts nesting and fails past `TypeScriptLimits.maxNesting`,
/// and every expression node records its height, so long operator chains are bounded too.
struct TypeScriptParser {
    var tokens: [TypeScriptToken]
    var position = 0
    var depth = 0

    static func parse(_ text: String) throws(TypeScriptSyntaxError) -> [TSStatement] {
        var parser = TypeScriptParser(tokens: try TypeScriptLexer.tokenize(text))
        return try parser.parseModule()
    }

    init(tokens: [TypeScriptToken]) { self.tokens = tokens }

    // MARK: - Token access

    var current: TypeScriptToken { tokens[min(position, tokens.count - 1)] }

    func peek(_ offset: Int) -> TypeScriptToken { tokens[min(position + offset, tokens.count - 1)] }

    var atEnd: Bool { current.kind == .endOfFile }

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    mutating func accept(_ punctuator: String) -> Bool {
        guard current.isPunctuator(punctuator) else { return false }
        advance()
        return true
    }

    mutating func acceptWord(_ word: String) -> Bool {
        guard current.isIdentifier(word) else { return false }
        advance()
        return true
    }

    mutating func expect(_ punctuator: String, _ context: String) throws(TypeScriptSyntaxError) {
        guard accept(punctuator) else { throw unexpected("expected '\(punctuator)' \(context)") }
    }

    func unexpected(_ what: String) -> TypeScriptSyntaxError {
        TypeScriptSyntaxError(line: current.line, message: "\(what), found \(current.display)")
    }

    mutating func expectIdentifier(_ context: String) throws(TypeScriptSyntaxError) -> String {
        guard let name = current.identifier else { throw unexpected("expected a name \(context)") }
        advance()
        return name
    }

    /// One level deeper; the caller pairs it with `leave()`.
    mutating func enter() throws(TypeScriptSyntaxError) {
        depth += 1
        if depth > TypeScriptLimits.maxNesting { throw tooDeep() }
    }

    mutating func leave() { depth -= 1 }

    func tooDeep() -> TypeScriptSyntaxError {
        TypeScriptSyntaxError(line: current.line, message: "nesting deeper than \(TypeScriptLimits.maxNesting) levels")
    }

    /// Builds a node, refusing one that would make the tree deeper than the limit.
    func node(_ kind: TSExpression.Kind, line: Int, _ children: [TSExpression] = []) throws(TypeScriptSyntaxError) -> TSExpression {
        let height = 1 + (children.map(\.height).max() ?? 0)
        if height > TypeScriptLimits.maxNesting { throw tooDeep() }
        return TSExpression(line: line, kind: kind, height: height)
    }

    /// Automatic semicolon insertion (https://tc39.es/ecma262/#sec-rules-of-automatic-semicolon-insertion):
    /// a statement ends at `;`, before `}`, at the end of the file, or at a line break.
    mutating func endStatement(_ what: String) throws(TypeScriptSyntaxError) {
        if accept(";") { return }
        if current.isPunctuator("}") || atEnd || current.newlineBefore { return }
        throw unexpected("expected ';' after \(what)")
    }

    // MARK: - Statements

    mutating func parseModule() throws(TypeScriptSyntaxError) -> [TSStatement] {
        var statements: [TSStatement] = []
        while !atEnd { statements.append(try parseStatement()) }
        return statements
    }

    mutating func parseBlockBody() throws(TypeScriptSyntaxError) -> [TSStatement] {
        try expect("{", "to open a block")
        var statements: [TSStatement] = []
        while !current.isPunctuator("}") {
            if atEnd { throw unexpected("expected '}' to close the block") }
            statements.append(try parseStatement())
        }
        advance()
        return statements
    }

    mutating func parseStatement() throws(TypeScriptSyntaxError) -> TSStatement {
        let start = position
        var statement = try parseStatementKind()
        switch statement.kind {
        case .ifStatement, .unsupported: statement.touched = touchedNames(from: start)
        default: break
        }
        return statement
    }

    /// Names followed by a token that can change what they hold, in tokens `start..<position`.
    private func touchedNames(from start: Int) -> [String] {
        var names: [String] = []
        for index in start..<max(start, position - 1) {
            guard let name = tokens[index].identifier, case .punctuator(let next) = tokens[index + 1].kind else { continue }
            if [".", "?.", "[", "=", "+=", "-=", "*=", "/=", "%=", "**=", "||=", "&&=", "??=", "++", "--"].contains(next), !names.contains(name) {
                names.append(name)
            }
        }
        return names
    }

    private mutating func parseStatementKind() throws(TypeScriptSyntaxError) -> TSStatement {
        try enter()
        defer { leave() }
        let line = current.line
        func statement(_ kind: TSStatement.Kind) -> TSStatement { TSStatement(line: line, kind: kind) }

        if accept(";") { return statement(.empty) }
        if current.isPunctuator("{") { return statement(.block(try parseBlockBody())) }
        guard let word = current.identifier else { return try parseExpressionStatement() }
        let next = peek(1)
        switch word {
        case "import" where !(next.isPunctuator("(") || next.isPunctuator(".")):
            return try parseImport()
        case "export":
            return try parseExport()
        case "const" where !next.isIdentifier("enum"), "var",
             "let" where next.identifier != nil || next.isPunctuator("{") || next.isPunctuator("["):
            return statement(.declaration(try parseDeclaration()))
        case "return":
            advance()
            if current.isPunctuator(";") || current.isPunctuator("}") || atEnd || current.newlineBefore {
                _ = accept(";")
                return statement(.returnStatement(nil))
            }
            let value = try parseExpression()
            try endStatement("return")
            return statement(.returnStatement(value))
        case "if":
            return try parseIf()
        default:
            if let skipped = try parseStatementOutsideSubset(word) { return skipped }
            return try parseExpressionStatement()
        }
    }

    mutating func parseExpressionStatement() throws(TypeScriptSyntaxError) -> TSStatement {
        let line = current.line
        let expression = try parseExpression()
        try endStatement("the expression")
        return TSStatement(line: line, kind: .expression(expression))
    }

    mutating func parseIf() throws(TypeScriptSyntaxError) -> TSStatement {
        let line = current.line
        advance()
        try expect("(", "after 'if'")
        let test = try parseExpression()
        try expect(")", "to close the 'if' condition")
        let then = try parseStatement()
        var otherwise: [TSStatement]?
        if acceptWord("else") { otherwise = [try parseStatement()] }
        return TSStatement(line: line, kind: .ifStatement(test, then: [then], otherwise: otherwise))
    }

    // MARK: - Declarations

    mutating func parseDeclaration() throws(TypeScriptSyntaxError) -> [TSDeclarator] {
        let constant = current.isIdentifier("const")
        advance()   // const / let / var
        var declarators: [TSDeclarator] = []
        repeat {
            let line = current.line
            let binding = try parseBindingTarget()
            _ = accept("!")   // definite assignment assertion: `let x!: T`
            if accept(":") { try skipType() }
            var initializer: TSExpression?
            if accept("=") { initializer = try parseAssignment() }
            declarators.append(TSDeclarator(binding: binding, initializer: initializer, line: line, constant: constant))
        } while accept(",")
        try endStatement("the declaration")
        return declarators
    }

    /// A name, or a destructuring pattern: `{ a, b: c, ...rest }` is read, anything else is
    /// stepped over as `unsupported`.
    mutating func parseBindingTarget() throws(TypeScriptSyntaxError) -> TSBinding {
        if let name = current.identifier {
            advance()
            return .name(name)
        }
        if current.isPunctuator("[") {
            skipBalanced()
            return .unsupported("an array destructuring pattern")
        }
        guard current.isPunctuator("{") else { throw unexpected("expected a name to declare") }
        let start = position
        advance()
        var pairs: [(key: String, local: String)] = []
        var rest: String?
        while !accept("}") {
            if accept("...") {
                guard let name = current.identifier else { return abandonPattern(from: start) }
                advance()
                rest = name
            } else {
                let key: String
                switch current.kind {
                case .identifier(let name), .string(let name): key = name
                default: return abandonPattern(from: start)
                }
                advance()
                if accept(":") {
                    guard let local = current.identifier, !peek(1).isPunctuator("=") else { return abandonPattern(from: start) }
                    advance()
                    pairs.append((key, local))
                } else {
                    guard case .identifier = tokens[position - 1].kind, !current.isPunctuator("=") else { return abandonPattern(from: start) }
                    pairs.append((key, key))
                }
            }
            if !accept(",") {
                guard current.isPunctuator("}") else { return abandonPattern(from: start) }
            }
        }
        return .object(pairs, rest: rest)
    }

    /// A pattern with nested patterns or defaults: step over it whole.
    mutating func abandonPattern(from start: Int) -> TSBinding {
        position = start
        skipBalanced()
        return .unsupported("a destructuring pattern with nested patterns or default values")
    }

    // MARK: - Modules

    /// `import x from "m"`, `import { a as b } from "m"`, `import * as ns from "m"`,
    /// `import "m"` (https://tc39.es/ecma262/#sec-imports); `import type` imports nothing at run time.
    mutating func parseImport() throws(TypeScriptSyntaxError) -> TSStatement {
        let line = current.line
        advance()
        var typeOnly = false
        if current.isIdentifier("type"), peek(1).identifier != nil || peek(1).isPunctuator("{") || peek(1).isPunctuator("*"),
           !peek(1).isIdentifier("from") {
            typeOnly = true
            advance()
        }
        var bindings: [TSImportBinding] = []
        if case .string(let module) = current.kind {
            advance()
            try skipImportAttributes()
            try endStatement("the import")
            return TSStatement(line: line, kind: .importDeclaration(module: module, bindings: []))
        }
        if let name = current.identifier {
            advance()
            bindings.append(.defaultImport(local: name))
            if !accept(",") { return try finishImport(line: line, bindings: bindings, typeOnly: typeOnly) }
        }
        if accept("*") {
            guard acceptWord("as") else { throw unexpected("expected 'as' after 'import *'") }
            bindings.append(.namespace(local: try expectIdentifier("for the namespace import")))
        } else if accept("{") {
            while !accept("}") {
                var specifierIsType = false
                if current.isIdentifier("type"), peek(1).identifier != nil, !peek(1).isIdentifier("as") {
                    specifierIsType = true
                    advance()
                }
                let imported: String
                switch current.kind {
                case .identifier(let name), .string(let name): imported = name
                default: throw unexpected("expected a name to import")
                }
                advance()
                var local = imported
                if acceptWord("as") { local = try expectIdentifier("after 'as'") }
                if !specifierIsType { bindings.append(.named(imported: imported, local: local)) }
                if !accept(",") {
                    guard current.isPunctuator("}") else { throw unexpected("expected ',' or '}' in the import list") }
                }
            }
        } else {
            throw unexpected("expected an import clause")
        }
        return try finishImport(line: line, bindings: bindings, typeOnly: typeOnly)
    }

    private mutating func finishImport(line: Int, bindings: [TSImportBinding], typeOnly: Bool) throws(TypeScriptSyntaxError) -> TSStatement {
        guard acceptWord("from") else { throw unexpected("expected 'from' in the import") }
        guard case .string(let module) = current.kind else { throw unexpected("expected the module name as a string") }
        advance()
        try skipImportAttributes()
        try endStatement("the import")
        return TSStatement(line: line, kind: .importDeclaration(module: module, bindings: typeOnly ? [] : bindings))
    }

    /// `with { type: "json" }` (https://tc39.es/ecma262/#prod-WithClause).
    private mutating func skipImportAttributes() throws(TypeScriptSyntaxError) {
        if (current.isIdentifier("with") || current.isIdentifier("assert")) && !current.newlineBefore && peek(1).isPunctuator("{") {
            advance()
            skipBalanced()
        }
    }

    mutating func parseExport() throws(TypeScriptSyntaxError) -> TSStatement {
        let line = current.line
        advance()
        if acceptWord("default") {
            if let word = current.identifier, ["function", "class", "abstract", "interface"].contains(word)
                || (word == "async" && peek(1).isIdentifier("function") && !peek(1).newlineBefore) {
                let kind = word == "class" || word == "abstract" ? "class" : "function"
                guard let skipped = try parseStatementOutsideSubset(word) else { throw unexpected("expected a declaration") }
                if case .typeOnly = skipped.kind { return skipped }
                return TSStatement(line: line, kind: .exportDefault(try node(.unsupported(what: "an exported \(kind) declaration", text: "export default \(kind) …"), line: line)))
            }
            let value = try parseAssignment()
            try endStatement("the default export")
            return TSStatement(line: line, kind: .exportDefault(value))
        }
        if (current.isIdentifier("const") && !peek(1).isIdentifier("enum")) || current.isIdentifier("let") || current.isIdentifier("var") {
            return TSStatement(line: line, kind: .declaration(try parseDeclaration()))
        }
        if current.isPunctuator("{") || current.isPunctuator("*") {
            // Re-exports change nothing this file evaluates.
            skipToStatementEnd()
            return TSStatement(line: line, kind: .empty)
        }
        if current.isIdentifier("type") && peek(1).isPunctuator("{") {
            skipToStatementEnd()
            return TSStatement(line: line, kind: .typeOnly)
        }
        if let word = current.identifier, let skipped = try parseStatementOutsideSubset(word) { return skipped }
        throw unexpected("expected a declaration after 'export'")
    }
}
