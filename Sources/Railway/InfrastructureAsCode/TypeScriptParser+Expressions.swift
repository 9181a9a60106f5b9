/// Expressions, by precedence (https://tc39.es/ecma262/#sec-ecmascript-language-expressions):
/// assignment and arrow functions, the conditional operator, binary operators by precedence
/// climbing, unary operators, then calls and member access over primary expressions. TypeScript
/// adds `as`/`satisfies` (at relational precedence), the non-null `!`, type arguments on calls
/// and `<T>expr` assertions; all of them are skipped, as the compiler erases them.
extension TypeScriptParser {
    /// An expression, where a comma operator may appear (statements, parentheses).
    mutating func parseExpression() throws(TypeScriptSyntaxError) -> TSExpression {
        let first = try parseAssignment()
        guard current.isPunctuator(",") else { return first }
        var parts = [first]
        while accept(",") { parts.append(try parseAssignment()) }
        return try node(.unsupported(what: "a comma expression", text: parts.map(\.sourceText).joined(separator: ", ")), line: first.line, parts)
    }

    private static let assignmentOperators: Set<String> = [
        "=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=", "??=",
    ]

    mutating func parseAssignment() throws(TypeScriptSyntaxError) -> TSExpression {
        try enter()
        defer { leave() }
        if let arrow = try parseArrowFunctionIfPresent() { return arrow }
        let line = current.line
        let target = try parseConditional()
        if case .punctuator(let op) = current.kind, Self.assignmentOperators.contains(op) {
            advance()
            let value = try parseAssignment()
            return try node(.assignment(op, target, value), line: line, [target, value])
        }
        return target
    }

    private mutating func parseConditional() throws(TypeScriptSyntaxError) -> TSExpression {
        let line = current.line
        let test = try parseBinary(minimumPrecedence: 0)
        guard accept("?") else { return test }
        let consequent = try parseAssignment()
        try expect(":", "in the conditional expression")
        let alternate = try parseAssignment()
        return try node(.conditional(test, consequent, alternate), line: line, [test, consequent, alternate])
    }

    // MARK: - Binary operators

    /// Precedence from https://tc39.es/ecma262/#sec-binary-logical-operators upwards; `??` shares
    /// the `||` level (mixing them unparenthesised is a syntax error in JavaScript anyway).
    private func binaryOperator(_ token: TypeScriptToken) -> (String, Int)? {
        switch token.kind {
        case .punctuator(let op):
            switch op {
            case "??", "||": return (op, 1)
            case "&&": return (op, 2)
            case "|": return (op, 3)
            case "^": return (op, 4)
            case "&": return (op, 5)
            case "==", "!=", "===", "!==": return (op, 6)
            case "<", ">", "<=", ">=": return (op, 7)
            case "<<", ">>", ">>>": return (op, 8)
            case "+", "-": return (op, 9)
            case "*", "/", "%": return (op, 10)
            case "**": return (op, 11)
            default: return nil
            }
        case .identifier(let word):
            switch word {
            case "instanceof", "in": return (word, 7)
            // No line break may precede `as` or `satisfies` (TypeScript's parser checks it).
            case "as", "satisfies": return token.newlineBefore ? nil : (word, 7)
            default: return nil
            }
        default:
            return nil
        }
    }

    private mutating func parseBinary(minimumPrecedence: Int) throws(TypeScriptSyntaxError) -> TSExpression {
        var left = try parseUnary()
        while let (op, precedence) = binaryOperator(current), precedence >= minimumPrecedence {
            advance()
            if op == "as" || op == "satisfies" {
                if !acceptWord("const") { try skipType() }
                continue
            }
            let right: TSExpression
            if op == "**" {
                // Right-associative: the recursion follows the chain, so it is counted.
                try enter()
                defer { leave() }
                right = try parseBinary(minimumPrecedence: precedence)
            } else {
                right = try parseBinary(minimumPrecedence: precedence + 1)
            }
            left = try node(.binary(op, left, right), line: left.line, [left, right])
        }
        return left
    }

    // MARK: - Unary and postfix

    private mutating func parseUnary() throws(TypeScriptSyntaxError) -> TSExpression {
        let line = current.line
        var op: String?
        switch current.kind {
        case .punctuator(let p) where ["!", "-", "+", "~", "++", "--"].contains(p): op = p
        case .identifier(let word) where ["typeof", "void", "delete", "await"].contains(word):
            let next = peek(1)
            let startsOperand: Bool
            switch next.kind {
            case .punctuator(let p): startsOperand = ["(", "[", "{", "!", "-", "+", "~", "<"].contains(p)
            case .endOfFile: startsOperand = false
            default: startsOperand = !(word == "await" && next.newlineBefore)
            }
            if startsOperand { op = word }
        case .punctuator("<"):
            // `<Type>expression`, the old-style type assertion.
            guard skipAngleBrackets() else { throw unexpected("expected '>' to close the type assertion") }
            try enter()
            defer { leave() }
            return try parseUnary()
        default:
            break
        }
        guard let op else { return try parsePostfix() }
        advance()
        try enter()
        defer { leave() }
        let operand = try parseUnary()
        switch op {
        case "await": return try node(.await(operand), line: line, [operand])
        case "++", "--": return try node(.unsupported(what: "a prefix \(op)", text: op + operand.sourceText), line: line, [operand])
        default: return try node(.unary(op, operand), line: line, [operand])
        }
    }

    private mutating func parsePostfix() throws(TypeScriptSyntaxError) -> TSExpression {
        var expression = try parsePrimary()
        while true {
            let line = expression.line
            switch current.kind {
            case .punctuator("."):
                advance()
                let name = try memberName()
                expression = try node(.member(expression, name: name, optional: false), line: line, [expression])
            case .punctuator("?."):
                advance()
                if current.isPunctuator("(") {
                    let arguments = try parseArguments()
                    expression = try node(.call(expression, arguments, optional: true), line: line, [expression] + arguments.map(\.expression))
                } else if accept("[") {
                    let index = try parseExpression()
                    try expect("]", "to close the index")
                    expression = try node(.index(expression, index, optional: true), line: line, [expression, index])
                } else {
                    let name = try memberName()
                    expression = try node(.member(expression, name: name, optional: true), line: line, [expression])
                }
            case .punctuator("["):
                advance()
                let index = try parseExpression()
                try expect("]", "to close the index")
                expression = try node(.index(expression, index, optional: false), line: line, [expression, index])
            case .punctuator("("):
                let arguments = try parseArguments()
                expression = try node(.call(expression, arguments, optional: false), line: line, [expression] + arguments.map(\.expression))
            case .punctuator("!") where !current.newlineBefore:
                advance()   // non-null assertion
            case .punctuator("++"), .punctuator("--"):
                guard !current.newlineBefore else { return expression }
                advance()
                expression = try node(.unsupported(what: "a postfix ++ or --", text: expression.sourceText + "++"), line: line, [expression])
            case .template(.whole, _), .template(.head, _):
                // No semicolon is inserted before a template: it tags the expression before it.
                let template = try parsePrimary()
                expression = try node(.unsupported(what: "a tagged template", text: expression.sourceText + template.sourceText), line: line, [expression, template])
            case .punctuator("<"):
                guard skipTypeArgumentsOfCall() else { return expression }
            default:
                return expression
            }
        }
    }

    private mutating func memberName() throws(TypeScriptSyntaxError) -> String {
        switch current.kind {
        case .identifier(let name):
            advance()
            return name
        case .privateName(let name):
            advance()
            return "#" + name
        default:
            throw unexpected("expected a property name after '.'")
        }
    }

    private mutating func parseArguments() throws(TypeScriptSyntaxError) -> [TSArgument] {
        try expect("(", "to open the arguments")
        var arguments: [TSArgument] = []
        while !accept(")") {
            if accept("...") {
                arguments.append(.spread(try parseAssignment()))
            } else {
                arguments.append(.argument(try parseAssignment()))
            }
            if !accept(",") {
                guard current.isPunctuator(")") else { throw unexpected("expected ',' or ')' in the arguments") }
            }
        }
        return arguments
    }

    // MARK: - Primary expressions

    private mutating func parsePrimary() throws(TypeScriptSyntaxError) -> TSExpression {
        let line = current.line
        switch current.kind {
        case .identifier(let word):
            switch word {
            case "true", "false":
                advance()
                return try node(.boolean(word == "true"), line: line)
            case "null":
                advance()
                return try node(.null, line: line)
            case "this", "super":
                advance()
                return try node(.unsupported(what: "'\(word)'", text: word), line: line)
            case "function":
                try skipFunctionExpression()
                return try node(.unsupported(what: "a function expression", text: "function (…) {…}"), line: line)
            case "class":
                advance()
                while !current.isPunctuator("{") {
                    if atEnd { throw unexpected("expected '{' to open the class body") }
                    if isOpener { skipBalanced() } else { advance() }
                }
                skipBalanced()
                return try node(.unsupported(what: "a class expression", text: "class {…}"), line: line)
            case "new":
                advance()
                if accept(".") {
                    _ = try memberName()
                    return try node(.unsupported(what: "new.target", text: "new.target"), line: line)
                }
                try enter()
                defer { leave() }
                let constructed = try parsePostfix()
                return try node(.unsupported(what: "a 'new' expression", text: "new " + constructed.sourceText), line: line, [constructed])
            case "import":
                advance()
                return try node(.unsupported(what: "a dynamic import", text: "import"), line: line)
            default:
                advance()
                return try node(.identifier(word), line: line)
            }
        case .string(let value):
            advance()
            return try node(.string(value), line: line)
        case .number(let value):
            advance()
            return try node(.number(value), line: line)
        case .template(.whole, let value):
            advance()
            return try node(.template(quasis: [value], substitutions: []), line: line)
        case .template(.head, let value):
            return try parseTemplate(head: value)
        case .regularExpression(let text):
            advance()
            return try node(.unsupported(what: "a regular expression literal", text: text), line: line)
        case .privateName(let name):
            advance()
            return try node(.unsupported(what: "a private name", text: "#" + name), line: line)
        case .punctuator("("):
            advance()
            let inner = try parseExpression()
            try expect(")", "to close the parenthesis")
            return inner
        case .punctuator("["):
            return try parseArray()
        case .punctuator("{"):
            return try parseObject()
        default:
            throw unexpected("expected an expression")
        }
    }

    private mutating func parseTemplate(head: String) throws(TypeScriptSyntaxError) -> TSExpression {
        let line = current.line
        advance()
        var quasis = [head]
        var substitutions: [TSExpression] = []
        while true {
            substitutions.append(try parseExpression())
            guard case .template(let piece, let text) = current.kind, piece == .middle || piece == .tail else {
                throw unexpected("expected '}' to close the template substitution")
            }
            quasis.append(text)
            advance()
            if piece == .tail { break }
        }
        return try node(.template(quasis: quasis, substitutions: substitutions), line: line, substitutions)
    }

    private mutating func parseArray() throws(TypeScriptSyntaxError) -> TSExpression {
        let line = current.line
        advance()
        var elements: [TSArrayElement] = []
        var children: [TSExpression] = []
        while !accept("]") {
            if accept(",") {
                elements.append(.hole)
                continue
            }
            if accept("...") {
                let value = try parseAssignment()
                elements.append(.spread(value))
                children.append(value)
            } else {
                let value = try parseAssignment()
                elements.append(.element(value))
                children.append(value)
            }
            if !accept(",") {
                guard current.isPunctuator("]") else { throw unexpected("expected ',' or ']' in the array") }
            }
        }
        return try node(.array(elements), line: line, children)
    }

    private mutating func parseObject() throws(TypeScriptSyntaxError) -> TSExpression {
        let line = current.line
        advance()
        var members: [TSObjectMember] = []
        var children: [TSExpression] = []
        while !accept("}") {
            let memberLine = current.line
            if accept("...") {
                let value = try parseAssignment()
                members.append(.spread(value))
                children.append(value)
            } else if isMethodModifier {
                advance()
                _ = accept("*")
                _ = try parsePropertyKey()
                try skipMethodRest()
                members.append(.unsupported(line: memberLine, what: "a method, getter or setter"))
            } else if accept("*") {
                _ = try parsePropertyKey()
                try skipMethodRest()
                members.append(.unsupported(line: memberLine, what: "a generator method"))
            } else {
                let keyIsName = current.identifier != nil
                let key = try parsePropertyKey()
                if case .computed(let expression) = key { children.append(expression) }
                if accept(":") {
                    let value = try parseAssignment()
                    members.append(.property(key: key, value: value))
                    children.append(value)
                } else if current.isPunctuator("(") || current.isPunctuator("<") {
                    try skipMethodRest()
                    members.append(.unsupported(line: memberLine, what: "a method"))
                } else if keyIsName, case .name(let name) = key, current.isPunctuator(",") || current.isPunctuator("}") {
                    members.append(.shorthand(name: name, line: memberLine))
                } else {
                    throw unexpected("expected ':' after the property name")
                }
            }
            if !accept(",") {
                guard current.isPunctuator("}") else { throw unexpected("expected ',' or '}' in the object") }
            }
        }
        return try node(.object(members), line: line, children)
    }

    /// `get x() {}`, `set x(v) {}`, `async x() {}`: a modifier followed by a property key.
    private var isMethodModifier: Bool {
        guard let word = current.identifier, ["get", "set", "async"].contains(word) else { return false }
        let next = peek(1)
        switch next.kind {
        case .identifier, .string, .number: return true
        case .punctuator(let p): return p == "[" || p == "*"
        default: return false
        }
    }

    private mutating func parsePropertyKey() throws(TypeScriptSyntaxError) -> TSPropertyKey {
        switch current.kind {
        case .identifier(let name), .string(let name):
            advance()
            return .name(name)
        case .number(let value):
            advance()
            // A numeric key is the number's string form (https://tc39.es/ecma262/#sec-numeric-types-number-tostring).
            guard let value, let text = JavaScriptNumber.string(value) else { return .computed(try node(.number(value), line: current.line)) }
            return .name(text)
        case .privateName(let name):
            advance()
            return .name("#" + name)
        case .punctuator("["):
            advance()
            let expression = try parseAssignment()
            try expect("]", "to close the computed property name")
            return .computed(expression)
        default:
            throw unexpected("expected a property name")
        }
    }

    /// After a method's key: optional type parameters, the parameter list, an optional return
    /// type and the body.
    private mutating func skipMethodRest() throws(TypeScriptSyntaxError) {
        if current.isPunctuator("<") { _ = skipAngleBrackets() }
        guard current.isPunctuator("(") else { throw unexpected("expected '(' after the method name") }
        skipBalanced()
        if accept(":") { try skipType() }
        guard current.isPunctuator("{") else { throw unexpected("expected '{' to open the method body") }
        skipBalanced()
    }

    private mutating func skipFunctionExpression() throws(TypeScriptSyntaxError) {
        advance()
        _ = accept("*")
        if current.identifier != nil { advance() }
        if current.isPunctuator("<") { _ = skipAngleBrackets() }
        guard current.isPunctuator("(") else { throw unexpected("expected '(' after 'function'") }
        skipBalanced()
        if accept(":") { try skipType() }
        guard current.isPunctuator("{") else { throw unexpected("expected '{' to open the function body") }
        skipBalanced()
    }

    // MARK: - Arrow functions

    /// `x => …`, `(a, b: T = d) => …`, `async (…) => …`, `(…): T => …`
    /// (https://tc39.es/ecma262/#sec-arrow-function-definitions). Returns nil, with the position
    /// unchanged, when no arrow function starts here.
    private mutating func parseArrowFunctionIfPresent() throws(TypeScriptSyntaxError) -> TSExpression? {
        let start = position
        let line = current.line
        var isAsync = false
        if current.isIdentifier("async"), !peek(1).newlineBefore,
           peek(1).isPunctuator("(") || (peek(1).identifier != nil && peek(2).isPunctuator("=>")) {
            isAsync = true
            advance()
        }
        if let name = current.identifier, peek(1).isPunctuator("=>"), !peek(1).newlineBefore {
            advance()
            advance()
            let body = try parseArrowBody()
            return try arrow(TSArrowFunction(parameters: [TSParameter(binding: .name(name), defaultValue: nil)], body: body.0, isAsync: isAsync),
                             line: line, children: body.1)
        }
        if current.isPunctuator("<") {
            guard skipAngleBrackets(), current.isPunctuator("("), arrowFollowsParameters() else {
                position = start
                return nil
            }
        }
        guard current.isPunctuator("("), arrowFollowsParameters() else {
            position = start
            return nil
        }
        advance()
        var parameters: [TSParameter] = []
        var children: [TSExpression] = []
        while !accept(")") {
            if accept("...") {
                let name = try expectIdentifier("after '...' in the parameters")
                if accept(":") { try skipType() }
                parameters.append(TSParameter(binding: .rest(name), defaultValue: nil))
            } else {
                if let word = current.identifier, ["public", "private", "protected", "readonly"].contains(word), peek(1).identifier != nil {
                    advance()
                }
                let binding = try parseBindingTarget()
                _ = accept("?")
                if accept(":") { try skipType() }
                var defaultValue: TSExpression?
                if accept("=") {
                    let value = try parseAssignment()
                    defaultValue = value
                    children.append(value)
                }
                parameters.append(TSParameter(binding: binding, defaultValue: defaultValue))
            }
            if !accept(",") {
                guard current.isPunctuator(")") else { throw unexpected("expected ',' or ')' in the parameters") }
            }
        }
        if accept(":") { try skipType() }
        try expect("=>", "after the arrow function parameters")
        let body = try parseArrowBody()
        return try arrow(TSArrowFunction(parameters: parameters, body: body.0, isAsync: isAsync), line: line, children: children + body.1)
    }

    private func arrow(_ function: TSArrowFunction, line: Int, children: [TSExpression]) throws(TypeScriptSyntaxError) -> TSExpression {
        try node(.arrow(function), line: line, children)
    }

    /// The body, and the expressions whose height counts for the arrow node (a block body's
    /// statements were depth-checked as they were parsed).
    private mutating func parseArrowBody() throws(TypeScriptSyntaxError) -> (TSArrowFunction.Body, [TSExpression]) {
        if current.isPunctuator("{") { return (.block(try parseBlockBody()), []) }
        let expression = try parseAssignment()
        return (.expression(expression), [expression])
    }

    /// At `(`: whether the matching `)` is followed by `=>`, or by a return type and `=>`.
    private mutating func arrowFollowsParameters() -> Bool {
        let start = position
        defer { position = start }
        skipBalanced()
        if current.isPunctuator("=>") && !current.newlineBefore { return true }
        guard accept(":") else { return false }
        do { try skipType() } catch { return false }
        return current.isPunctuator("=>")
    }
}

extension TSArgument {
    var expression: TSExpression {
        switch self {
        case .argument(let expression), .spread(let expression): return expression
        }
    }
}
