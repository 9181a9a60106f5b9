/// Stepping over what railsim does not evaluate: TypeScript types (erased at run time,
/// https://www.typescriptlang.org/docs/handbook/2/basic-types.html#erased-types) and statements
/// outside the subset. Everything here is iterative over the token list: the lexer matched the
/// brackets and recorded each one's partner, so a whole group is stepped over in one move.
extension TypeScriptParser {
    /// Moves past one token, or past a whole bracketed group (`(…)`, `[…]`, `{…}`, a template),
    /// using the partners the lexer recorded.
    mutating func skipBalanced() {
        while let partner = current.partner, partner > position {
            position = partner
            // A template piece that closed one substitution may open the next.
            if case .template(.middle, _) = current.kind { continue }
            break
        }
        advance()
    }

    var isOpener: Bool {
        switch current.kind {
        case .punctuator("("), .punctuator("["), .punctuator("{"), .template(.head, _): return true
        default: return false
        }
    }

    /// Skips to the end of a statement by automatic semicolon insertion: a `;`, a closing bracket
    /// of the enclosing block, or a line break that cannot continue the statement.
    mutating func skipToStatementEnd() {
        var first = true
        while !atEnd {
            if accept(";") { return }
            if current.isPunctuator("}") || current.isPunctuator(")") || current.isPunctuator("]") { return }
            if !first && current.newlineBefore && !continuesStatement { return }
            first = false
            if isOpener { skipBalanced() } else { advance() }
        }
    }

    private var continuesStatement: Bool {
        if case .punctuator(let previous) = tokens[position - 1].kind, ![")", "]", "}"].contains(previous) { return true }
        if case .punctuator(let next) = current.kind, ["|", "&", ".", "?.", "=>", "=", ",", "?", ":", "<", ">"].contains(next) {
            return true
        }
        return false
    }

    // MARK: - Types

    /// Skips a type: names (`a.b.C`), literals, `typeof`/`keyof` prefixes, generic arguments,
    /// array suffixes, unions and intersections, and bracketed groups (object, tuple and function
    /// types). Stops at the first token that cannot continue a type.
    mutating func skipType() throws(TypeScriptSyntaxError) {
        var expectOperand = true
        while true {
            if expectOperand {
                switch current.kind {
                case .identifier(let word):
                    advance()
                    let isPrefix = ["typeof", "keyof", "readonly", "unique", "infer", "asserts", "new", "abstract"].contains(word)
                    if !(isPrefix && (current.identifier != nil || isOpener || current.isPunctuator("<"))) {
                        expectOperand = false
                    }
                case .string, .number, .template(.whole, _):
                    advance()
                    expectOperand = false
                case .template(.head, _):
                    skipBalanced()
                    expectOperand = false
                case .punctuator("-"), .punctuator("|"), .punctuator("&"):
                    advance()
                case .punctuator("<"):
                    // Type parameters of a generic function type: `<T>(x: T) => T`.
                    guard skipAngleBrackets() else { throw unexpected("expected a type") }
                case .punctuator("("):
                    skipBalanced()
                    if accept("=>") { continue }
                    expectOperand = false
                case .punctuator("["), .punctuator("{"):
                    skipBalanced()
                    expectOperand = false
                default:
                    throw unexpected("expected a type")
                }
            } else {
                switch current.kind {
                case .punctuator("."):
                    advance()
                    _ = try expectIdentifier("after '.' in a type")
                case .punctuator("<"):
                    guard skipAngleBrackets() else { throw unexpected("expected '>' to close the type arguments") }
                case .punctuator("[") where !current.newlineBefore:
                    skipBalanced()
                case .punctuator("|"), .punctuator("&"):
                    advance()
                    expectOperand = true
                case .identifier("is") where !current.newlineBefore:
                    advance()
                    expectOperand = true
                default:
                    return
                }
            }
        }
    }

    /// Skips `<…>` (type arguments or parameters). Returns false, leaving the position wherever it
    /// stopped, when the brackets do not close before the enclosing group or statement does.
    mutating func skipAngleBrackets() -> Bool {
        var level = 0
        while !atEnd {
            switch current.kind {
            case .punctuator("<"): level += 1; advance()
            case .punctuator(">"): level -= 1; advance()
            case .punctuator(">>"): level -= 2; advance()
            case .punctuator(">>>"): level -= 3; advance()
            case .punctuator("("), .punctuator("["), .punctuator("{"), .template(.head, _): skipBalanced()
            case .punctuator(";"), .punctuator(")"), .punctuator("]"), .punctuator("}"): return false
            default: advance()
            }
            if level <= 0 { return level == 0 }
        }
        return false
    }

    /// `f<T>(…)`: type arguments of a call, tried speculatively; the position is restored unless
    /// `<…>` is followed by `(`.
    mutating func skipTypeArgumentsOfCall() -> Bool {
        let start = position
        if skipAngleBrackets() && current.isPunctuator("(") { return true }
        position = start
        return false
    }

    // MARK: - Statements outside the subset

    /// Parses (to step over) a statement railsim does not evaluate, or returns nil when `word`
    /// does not start one and the statement is an expression.
    mutating func parseStatementOutsideSubset(_ word: String) throws(TypeScriptSyntaxError) -> TSStatement? {
        let line = current.line
        let next = peek(1)
        let sameLineWord = next.identifier != nil && !next.newlineBefore
        func statement(_ kind: TSStatement.Kind) -> TSStatement { TSStatement(line: line, kind: kind) }

        switch word {
        case _ where word == "function" || (word == "async" && next.isIdentifier("function") && !next.newlineBefore):
            if word == "async" { advance() }
            advance()
            _ = accept("*")
            let name = current.identifier
            if name != nil { advance() }
            if current.isPunctuator("<") { _ = skipAngleBrackets() }
            guard current.isPunctuator("(") else { throw unexpected("expected '(' after the function name") }
            skipBalanced()
            if accept(":") { try skipType() }
            if current.isPunctuator("{") { skipBalanced() } else { try endStatement("the function signature") }
            return statement(.unsupportedDeclaration(name: name, what: "function \(name ?? "")"))
        case _ where word == "class" || (word == "abstract" && next.isIdentifier("class")):
            if word == "abstract" { advance() }
            advance()
            let name = current.identifier.flatMap { ["extends", "implements"].contains($0) ? nil : $0 }
            try skipToBody()
            return statement(.unsupportedDeclaration(name: name, what: "class \(name ?? "")"))
        case "enum" where sameLineWord, "const" where next.isIdentifier("enum"):
            if word == "const" { advance() }
            advance()
            let name = current.identifier
            try skipToBody()
            return statement(.unsupportedDeclaration(name: name, what: "enum \(name ?? "")"))
        case "namespace" where sameLineWord, "module" where sameLineWord || (!next.newlineBefore && isString(next)):
            advance()
            let name = current.identifier
            try skipToBody()
            return statement(.unsupportedDeclaration(name: name, what: "namespace \(name ?? "")"))
        case "interface" where sameLineWord:
            advance()
            try skipToBody()
            return statement(.typeOnly)
        case "type" where sameLineWord:
            skipToStatementEnd()
            return statement(.typeOnly)
        case "declare" where sameLineWord:
            advance()
            if ["class", "namespace", "module", "enum", "interface", "global"].contains(current.identifier ?? "") {
                try skipToBody()
            } else {
                skipToStatementEnd()
            }
            return statement(.typeOnly)
        case "for", "while", "with":
            advance()
            _ = acceptWord("await")
            guard current.isPunctuator("(") else { throw unexpected("expected '(' after '\(word)'") }
            skipBalanced()
            _ = try parseStatement()
            return statement(.unsupported(word == "with" ? "a with statement" : "a \(word) loop"))
        case "do" where next.isPunctuator("{") || next.identifier != nil:
            advance()
            _ = try parseStatement()
            guard acceptWord("while"), current.isPunctuator("(") else { throw unexpected("expected 'while (…)' after the do body") }
            skipBalanced()
            _ = accept(";")
            return statement(.unsupported("a do…while loop"))
        case "switch" where next.isPunctuator("("):
            advance()
            skipBalanced()
            guard current.isPunctuator("{") else { throw unexpected("expected '{' after the switch head") }
            skipBalanced()
            return statement(.unsupported("a switch statement"))
        case "try" where next.isPunctuator("{"):
            advance()
            skipBalanced()
            if acceptWord("catch") {
                if current.isPunctuator("(") { skipBalanced() }
                guard current.isPunctuator("{") else { throw unexpected("expected '{' after 'catch'") }
                skipBalanced()
            }
            if acceptWord("finally") {
                guard current.isPunctuator("{") else { throw unexpected("expected '{' after 'finally'") }
                skipBalanced()
            }
            return statement(.unsupported("a try statement"))
        case "throw":
            advance()
            _ = try parseExpression()
            try endStatement("the throw")
            return statement(.unsupported("a throw statement"))
        case "break", "continue":
            advance()
            if current.identifier != nil && !current.newlineBefore { advance() }
            try endStatement("'\(word)'")
            return statement(.unsupported("a \(word) statement"))
        case "debugger":
            advance()
            try endStatement("'debugger'")
            return statement(.empty)
        default:
            if next.isPunctuator(":"), !["true", "false", "null", "this"].contains(word) {
                // A labelled statement.
                advance()
                advance()
                _ = try parseStatement()
                return statement(.unsupported("a labelled statement"))
            }
            return nil
        }
    }

    private func isString(_ token: TypeScriptToken) -> Bool {
        if case .string = token.kind { return true }
        return false
    }

    /// Skips a declaration's head up to its `{…}` body (heritage clauses may hold calls and
    /// type arguments), then the body.
    private mutating func skipToBody() throws(TypeScriptSyntaxError) {
        while !current.isPunctuator("{") {
            if atEnd || current.isPunctuator(";") || current.isPunctuator("}") { throw unexpected("expected '{' to open the body") }
            if isOpener { skipBalanced() } else { advance() }
        }
        skipBalanced()
    }
}
