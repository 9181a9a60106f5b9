/// A short one-line rendering of an expression, for notes: `process.env.START`,
/// `ctx.isEnvironment("staging") ? … : …`. Containers and function bodies are elided, so a note
/// names the expression without quoting the file. Recursion follows the tree, whose height the
/// parser capped.
extension TSExpression {
    static let maxTextLength = 100

    var sourceText: String {
        let text = rendered
        guard text.count > Self.maxTextLength else { return text }
        return String(text.prefix(Self.maxTextLength - 1)) + "…"
    }

    /// Whether an unknown value found inside this expression is best reported as this whole
    /// expression. Names keep the place they were declared; containers keep the member's own.
    var describesItsUnknowns: Bool {
        switch kind {
        case .member, .index, .call, .conditional, .binary, .unary, .await, .template, .assignment: return true
        default: return false
        }
    }

    /// The name a member chain, call or assignment starts from: `list` in `list.push(x)`.
    var rootIdentifier: String? {
        var node = self
        while true {
            switch node.kind {
            case .identifier(let name): return name
            case .member(let object, _, _), .index(let object, _, _), .call(let object, _, _), .assignment(_, let object, _):
                node = object
            default: return nil
            }
        }
    }

    private var rendered: String {
        switch kind {
        case .identifier(let name): return name
        case .string(let text): return quoted(text)
        case .number(let number): return number.flatMap(JavaScriptNumber.string) ?? "n"
        case .boolean(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .template(let quasis, let substitutions):
            var text = "`" + (quasis.first ?? "")
            for (index, substitution) in substitutions.enumerated() {
                text += "${" + substitution.rendered + "}" + (index + 1 < quasis.count ? quasis[index + 1] : "")
            }
            return text + "`"
        case .array(let elements): return elements.isEmpty ? "[]" : "[…]"
        case .object(let members): return members.isEmpty ? "{}" : "{…}"
        case .member(let object, let name, let optional): return object.rendered + (optional ? "?." : ".") + name
        case .index(let object, let index, let optional): return object.rendered + (optional ? "?.[" : "[") + index.rendered + "]"
        case .call(let callee, let arguments, let optional):
            let list = arguments.map { argument -> String in
                switch argument {
                case .argument(let expression): return expression.rendered
                case .spread(let expression): return "..." + expression.rendered
                }
            }
            return callee.rendered + (optional ? "?.(" : "(") + list.joined(separator: ", ") + ")"
        case .arrow: return "(…) => …"
        case .conditional(let test, let consequent, let alternate):
            return test.rendered + " ? " + consequent.rendered + " : " + alternate.rendered
        case .binary(let op, let left, let right): return left.rendered + " " + op + " " + right.rendered
        case .unary(let op, let operand): return op + (op.first?.isLetter == true ? " " : "") + operand.rendered
        case .await(let operand): return "await " + operand.rendered
        case .assignment(let op, let target, let value): return target.rendered + " " + op + " " + value.rendered
        case .unsupported(_, let text): return text
        }
    }

    private func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
