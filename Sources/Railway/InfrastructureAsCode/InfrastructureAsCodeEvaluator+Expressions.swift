/// Expressions, with JavaScript's semantics for the values railsim can know exactly
/// (https://tc39.es/ecma262/#sec-ecmascript-language-expressions). Where the result depends on
/// something unknown, or on behaviour railsim does not model (array methods, arithmetic on
/// strings, object identity), the result is unknown: never a guess.
extension InfrastructureAsCodeEvaluator {
    mutating func evaluate(_ expression: TSExpression, in frame: Int) -> IaCValue {
        evaluationDepth += 1
        evaluationSteps += 1
        defer { evaluationDepth -= 1 }
        guard evaluationDepth <= Self.maxEvaluationDepth else {
            return unknown(expression, "nested more than \(Self.maxEvaluationDepth) levels deep")
        }
        guard evaluationSteps <= TypeScriptLimits.maxEvaluationSteps else {
            return unknown(expression, "the file takes more than \(TypeScriptLimits.maxEvaluationSteps) evaluation steps")
        }
        // Two statements: passing the mutating call's result straight into a method of `self`
        // would make Swift copy `self` first, and every scope array with it.
        let computed = evaluateKind(expression, in: frame)
        let value = Self.bounded(computed, expression)
        // An unknown that surfaced inside a larger expression is reported as that expression
        // (`process.env.START`, not `process`), keeping the reason it became unknown. One that
        // came from an earlier declaration keeps pointing there, at its cause.
        if case .unknown(var unknown) = value, expression.describesItsUnknowns, unknown.isName || unknown.line >= expression.line {
            unknown.expression = expression.sourceText
            unknown.line = expression.line
            unknown.isName = false
            return .unknown(unknown)
        }
        return value
    }

    /// Strings and arrays past railsim's size limits are unknown rather than built.
    private static func bounded(_ value: IaCValue, _ expression: TSExpression) -> IaCValue {
        func unknown(_ reason: String) -> IaCValue {
            .unknown(IaCUnknown(line: expression.line, expression: expression.sourceText, reason: reason))
        }
        switch value {
        case .string(let text) where text.utf8.count > TypeScriptLimits.maxStringLength:
            return unknown("a string longer than \(TypeScriptLimits.maxStringLength) bytes")
        case .array(let items) where items.count > TypeScriptLimits.maxArrayLength:
            return unknown("an array longer than \(TypeScriptLimits.maxArrayLength) elements")
        default:
            return value
        }
    }

    func unknown(_ expression: TSExpression, _ reason: String) -> IaCValue {
        .unknown(IaCUnknown(line: expression.line, expression: expression.sourceText, reason: reason))
    }

    private mutating func evaluateKind(_ expression: TSExpression, in frame: Int) -> IaCValue {
        let line = expression.line
        switch expression.kind {
        case .identifier(let name):
            return lookup(name, from: frame, line: line)
        case .string(let text):
            return .string(text)
        case .number(let number):
            guard let number else { return unknown(expression, "a BigInt literal") }
            return .number(number)
        case .boolean(let flag):
            return .boolean(flag)
        case .null:
            return .null
        case .template(let quasis, let substitutions):
            return evaluateTemplate(quasis, substitutions, in: frame, expression)
        case .array(let elements):
            return evaluateArray(elements, in: frame)
        case .object(let members):
            return evaluateObject(members, in: frame, line: line)
        case .member(let object, let name, let optional):
            let base = evaluate(object, in: frame)
            if optional && base.isNullish { return .undefined }
            return memberValue(of: base, name, line: line, expression: expression.sourceText)
        case .index(let object, let index, let optional):
            let base = evaluate(object, in: frame)
            if optional && base.isNullish { return .undefined }
            let key = evaluate(index, in: frame)
            if let unknown = key.unknownValue { return .unknown(unknown) }
            guard let name = propertyKey(key) else { return self.unknown(expression, "an index of \(key.typeDescription)") }
            return memberValue(of: base, name, line: line, expression: expression.sourceText)
        case .call(let calleeExpression, let argumentExpressions, let optional):
            let callee = evaluate(calleeExpression, in: frame)
            if optional && callee.isNullish { return .undefined }
            let arguments = evaluateArguments(argumentExpressions, in: frame)
            if case .unknown = callee { return callee }
            let values: [IaCValue]
            switch arguments {
            case .success(let evaluated): values = evaluated
            case .failure(let failure): return .unknown(failure.unknown)
            }
            switch callee {
            case .builtin(let builtin): return callBuiltin(builtin, values, line: line)
            case .closure(let closure): return call(closure, values, line: line)
            default: return unknown(expression, "calls \(callee.typeDescription), which is not a function")
            }
        case .arrow(let function):
            return .closure(IaCClosure(function: function, scope: frame, line: line))
        case .conditional(let test, let consequent, let alternate):
            let condition = evaluate(test, in: frame)
            guard let taken = condition.truthiness else { return condition }
            return evaluate(taken ? consequent : alternate, in: frame)
        case .binary(let op, let left, let right):
            return evaluateBinary(op, left, right, in: frame, expression)
        case .unary(let op, let operandExpression):
            let operand = evaluate(operandExpression, in: frame)
            if case .unknown = operand { return operand }
            return evaluateUnary(op, operand, expression)
        case .await(let operand):
            // Nothing the subset produces is a promise: awaiting a value yields it.
            return evaluate(operand, in: frame)
        case .assignment(let op, let target, let valueExpression):
            return evaluateAssignment(op, target, valueExpression, in: frame, expression)
        case .unsupported(let what, _):
            return unknown(expression, "\(what) is outside railsim's TypeScript subset")
        }
    }

    // MARK: - Literals

    private mutating func evaluateTemplate(_ quasis: [String], _ substitutions: [TSExpression], in frame: Int,
                                           _ expression: TSExpression) -> IaCValue {
        var text = quasis.first ?? ""
        for (index, substitution) in substitutions.enumerated() {
            let value = evaluate(substitution, in: frame)
            if case .unknown = value { return value }
            guard let piece = primitiveString(value) else {
                return unknown(expression, "interpolates \(value.typeDescription) into a string")
            }
            text += piece + (index + 1 < quasis.count ? quasis[index + 1] : "")
        }
        return .string(text)
    }

    /// ToString for primitives (https://tc39.es/ecma262/#sec-tostring); nil for objects, whose
    /// string form (`[object Object]`) is never what a config means.
    func primitiveString(_ value: IaCValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let number): return JavaScriptNumber.string(number)
        case .boolean(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .undefined: return "undefined"
        default: return nil
        }
    }

    private func propertyKey(_ value: IaCValue) -> String? {
        switch value {
        case .string, .number, .boolean, .null, .undefined: return primitiveString(value)
        default: return nil
        }
    }

    private mutating func evaluateArray(_ elements: [TSArrayElement], in frame: Int) -> IaCValue {
        var values: [IaCValue] = []
        for element in elements {
            if values.count > TypeScriptLimits.maxArrayLength { break }   // `bounded` reports it
            switch element {
            case .element(let expression):
                values.append(evaluate(expression, in: frame))
            case .hole:
                values.append(.undefined)
            case .spread(let expression):
                let spread = evaluate(expression, in: frame)
                switch spread {
                case .array(let items): values += items
                // Unknown elements, however many: the known ones around them stay known.
                case .unknown: values.append(spread)
                default: values.append(unknown(expression, "spreads \(spread.typeDescription) into an array"))
                }
            }
        }
        return .array(values)
    }

    private mutating func evaluateObject(_ members: [TSObjectMember], in frame: Int, line: Int) -> IaCValue {
        var object = IaCObject(line: line)
        for member in members {
            switch member {
            case .property(let key, let valueExpression):
                let name: String
                switch key {
                case .name(let text):
                    name = text
                case .computed(let keyExpression):
                    let keyValue = evaluate(keyExpression, in: frame)
                    if case .unknown = keyValue { return keyValue }
                    guard let text = propertyKey(keyValue) else { return unknown(keyExpression, "a computed key of \(keyValue.typeDescription)") }
                    name = text
                }
                object[name] = evaluate(valueExpression, in: frame)
            case .shorthand(let name, let memberLine):
                object[name] = lookup(name, from: frame, line: memberLine)
            case .spread(let expression):
                // Spreading an unknown could set any key, so the whole object is unknown.
                let spread = evaluate(expression, in: frame)
                switch spread {
                case .object(let source):
                    for (key, value) in source.entries { object[key] = value }
                case .null, .undefined, .boolean, .number:
                    break
                case .unknown:
                    return spread
                default:
                    return unknown(expression, "spreads \(spread.typeDescription) into an object")
                }
            case .unsupported(let memberLine, let what):
                return .unknown(IaCUnknown(line: memberLine, expression: "{…}", reason: "\(what) in an object literal"))
            }
        }
        return .object(object)
    }

    private mutating func evaluateArguments(_ arguments: [TSArgument], in frame: Int) -> Result<[IaCValue], IaCUnknownError> {
        var values: [IaCValue] = []
        for argument in arguments {
            if values.count > TypeScriptLimits.maxArrayLength {
                return .failure(IaCUnknownError(IaCUnknown(line: argument.expression.line, expression: argument.expression.sourceText,
                                                           reason: "more than \(TypeScriptLimits.maxArrayLength) arguments")))
            }
            switch argument {
            case .argument(let expression):
                values.append(evaluate(expression, in: frame))
            case .spread(let expression):
                let spread = evaluate(expression, in: frame)
                switch spread {
                case .array(let items): values += items
                case .unknown(let unknown): return .failure(IaCUnknownError(unknown))
                default:
                    return .failure(IaCUnknownError(IaCUnknown(line: expression.line, expression: expression.sourceText,
                                                               reason: "spreads \(spread.typeDescription) into arguments")))
                }
            }
        }
        return .success(values)
    }

    // MARK: - Members

    /// `object.name` for every kind of value. `expression` names the access in an unknown.
    mutating func memberValue(of object: IaCValue, _ name: String, line: Int, expression: String) -> IaCValue {
        func unknown(_ reason: String) -> IaCValue { .unknown(IaCUnknown(line: line, expression: expression, reason: reason)) }
        switch object {
        case .object(let fields):
            return fields[name] ?? .undefined
        case .array(let items):
            if let spread = items.first(where: { $0.unknownValue != nil }), name == "length" || Int(name) != nil { return spread }
            if name == "length" { return .number(Double(items.count)) }
            if let index = Int(name), String(index) == name { return index >= 0 && index < items.count ? items[index] : .undefined }
            return unknown("railsim does not evaluate array methods")
        case .string(let text):
            if name == "length" { return .number(Double(text.utf16.count)) }
            return unknown("railsim does not evaluate string methods")
        case .resource(let index):
            let resource = resources[index]
            switch name {
            case "env": return .variableReferences(resource: index)
            case "name": return .string(resource.name)
            case "address": return .string(resource.address)
            case "type": return .string(resource.kind.rawValue)
            case "deploy" where resource.deployOverride != nil: return resource.deployOverride ?? .undefined
            default: return unknown("railsim reads a resource's name and env, not its .\(name)")
            }
        case .context:
            // The context's fields (railway-ts-sdk:src/iac/sdk.ts `createRailwayContext`).
            switch name {
            case "environment", "environmentName":
                noteContextUse(line)
                return .string(environment)
            case "isEnvironment":
                noteContextUse(line)
                return .builtin(.isEnvironment)
            case "shared":
                noteContextUse(line)
                return .sharedVariables
            case "randomString":
                return .builtin(.randomString)
            case "command", "projectId", "projectName", "environmentId":
                return unknown("ctx.\(name) is filled in by the Railway CLI when it runs the file")
            default:
                return .undefined
            }
        case .sharedVariables:
            // `ctx.shared.NAME` compiles to `${{shared.NAME}}` (docs:content/docs/infrastructure-as-code/reference.md).
            return .object(IaCObject(line: line, [("type", .string("sharedReference")), ("name", .string(name))]))
        case .variableReferences(let index):
            // `db.env.X` is `{ type: "reference", resource: <address>, output: "X" }` (railway-ts-sdk:src/iac/sdk.ts `variableReference`).
            return .object(IaCObject(line: line, [("type", .string("reference")), ("resource", .string(resources[index].address)),
                                                  ("output", .string(name))]))
        case .sdkNamespace:
            return IaCBuiltin.exported[name].map { .builtin($0) } ?? .undefined
        case .null, .undefined:
            return unknown("reads .\(name) of \(object.typeDescription), a TypeError when the file runs")
        case .unknown(let inner):
            return .unknown(inner)
        case .number, .boolean, .builtin, .closure:
            return unknown("railsim does not evaluate .\(name) of \(object.typeDescription)")
        }
    }

    // MARK: - Operators

    private mutating func evaluateBinary(_ op: String, _ leftExpression: TSExpression, _ rightExpression: TSExpression,
                                         in frame: Int, _ expression: TSExpression) -> IaCValue {
        let left = evaluate(leftExpression, in: frame)
        // Short-circuiting operators (https://tc39.es/ecma262/#sec-binary-logical-operators).
        switch op {
        case "&&", "||":
            guard let truthy = left.truthiness else { return left }
            return truthy == (op == "&&") ? evaluate(rightExpression, in: frame) : left
        case "??":
            if case .unknown = left { return left }
            return left.isNullish ? evaluate(rightExpression, in: frame) : left
        default:
            break
        }
        let right = evaluate(rightExpression, in: frame)
        if case .unknown = left { return left }
        if case .unknown = right { return right }
        switch op {
        case "===", "!==":
            guard let equal = strictlyEqual(left, right) else { return unknown(expression, "compares objects by identity") }
            return .boolean(equal == (op == "==="))
        case "==", "!=":
            // Loose equality is strict equality for same-typed values, and null == undefined
            // (https://tc39.es/ecma262/#sec-islooselyequal); other coercions are not modelled.
            if left.isNullish || right.isNullish {
                return .boolean((left.isNullish && right.isNullish) == (op == "=="))
            }
            guard sameType(left, right), let equal = strictlyEqual(left, right) else {
                return unknown(expression, "compares \(left.typeDescription) with \(right.typeDescription) loosely")
            }
            return .boolean(equal == (op == "=="))
        case "+":
            if case .number(let a) = left, case .number(let b) = right { return .number(a + b) }
            if case .string = left, let a = primitiveString(left), let b = primitiveString(right) { return .string(a + b) }
            if case .string = right, let a = primitiveString(left), let b = primitiveString(right) { return .string(a + b) }
            return unknown(expression, "adds \(left.typeDescription) and \(right.typeDescription)")
        case "-", "*", "/", "%", "**", "<", ">", "<=", ">=":
            guard case .number(let a) = left, case .number(let b) = right else {
                return unknown(expression, "applies \(op) to \(left.typeDescription) and \(right.typeDescription)")
            }
            switch op {
            case "-": return .number(a - b)
            case "*": return .number(a * b)
            case "/": return .number(a / b)
            case "%": return .number(a.truncatingRemainder(dividingBy: b))
            case "**":
                // Integer powers are repeated multiplication, exact as JavaScript's; others are left unknown.
                guard let exponent = JavaScriptNumber.integer(b), abs(exponent) <= 64 else {
                    return unknown(expression, "a non-integer power")
                }
                var result = 1.0
                for _ in 0..<abs(exponent) { result *= a }
                return .number(exponent < 0 ? 1 / result : result)
            case "<": return .boolean(a < b)
            case ">": return .boolean(a > b)
            case "<=": return .boolean(a <= b)
            default: return .boolean(a >= b)
            }
        default:
            return unknown(expression, "railsim does not evaluate the \(op) operator")
        }
    }

    /// https://tc39.es/ecma262/#sec-isstrictlyequal for primitives and resources; nil for other
    /// objects, whose identity railsim does not track. Strings compare by code unit, not by
    /// Swift's canonical equivalence.
    private func strictlyEqual(_ left: IaCValue, _ right: IaCValue) -> Bool? {
        switch (left, right) {
        case (.string(let a), .string(let b)): return a.utf16.elementsEqual(b.utf16)
        case (.number(let a), .number(let b)): return a == b
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.null, .null), (.undefined, .undefined): return true
        case (.resource(let a), .resource(let b)): return a == b
        default: return sameType(left, right) ? nil : false
        }
    }

    private func sameType(_ left: IaCValue, _ right: IaCValue) -> Bool { left.typeDescription == right.typeDescription }

    private func evaluateUnary(_ op: String, _ operand: IaCValue, _ expression: TSExpression) -> IaCValue {
        switch op {
        case "!":
            return operand.truthiness.map { .boolean(!$0) } ?? operand
        case "-", "+":
            guard case .number(let number) = operand else { return unknown(expression, "applies unary \(op) to \(operand.typeDescription)") }
            return .number(op == "-" ? -number : number)
        case "typeof":
            // https://tc39.es/ecma262/#sec-typeof-operator
            switch operand {
            case .string: return .string("string")
            case .number: return .string("number")
            case .boolean: return .string("boolean")
            case .undefined: return .string("undefined")
            case .builtin, .closure: return .string("function")
            default: return .string("object")
            }
        case "void":
            return .undefined
        default:
            return unknown(expression, "railsim does not evaluate the \(op) operator")
        }
    }

    /// `name = value` rebinds a `let`; `resource.deploy = { … }` on a database or service is what
    /// `railway config pull` writes for database overrides (cli:src/commands/config/mod.rs
    /// `render_database_deploy_overrides`). Other assignments change state railsim does not track.
    private mutating func evaluateAssignment(_ op: String, _ target: TSExpression, _ valueExpression: TSExpression,
                                             in frame: Int, _ expression: TSExpression) -> IaCValue {
        let value = evaluate(valueExpression, in: frame)
        if case .identifier(let name) = target.kind, let owner = frameDeclaring(name, from: frame) {
            if frames[owner].constants.contains(name) {
                return unknown(expression, "assigns to the constant \(name), a TypeError when the file runs")
            }
            // Compound assignments (`+=`) are not evaluated: the name becomes unknown.
            frames[owner].bindings[name] = op == "=" ? value : unknown(expression, "a compound assignment")
            return frames[owner].bindings[name] ?? value
        }
        if op == "=", case .member(let objectExpression, "deploy", false) = target.kind,
           case .resource(let index) = evaluate(objectExpression, in: frame) {
            resources[index].deployOverride = value
            return value
        }
        return unknown(expression, "an assignment, which railsim does not follow")
    }
}

/// An unknown value as an error, for `Result`.
struct IaCUnknownError: Error {
    var unknown: IaCUnknown
    init(_ unknown: IaCUnknown) { self.unknown = unknown }
}
