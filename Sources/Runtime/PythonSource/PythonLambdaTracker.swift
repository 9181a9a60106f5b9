/// Follows `lambda` bodies through a token sequence in one pass, so the scanner can tell
/// code that runs now from code that runs only when a lambda is called (a lambda's defaults
/// run now; its body does not). Lambdas nest without recursion: the state is a stack.
///
/// A lambda's parameters end at its `:`; its body ends at a `,`, an unconsumed `:`, `for`,
/// `async` or `;` at the lambda's bracket depth, or at a bracket that closes that depth
/// (grammar: https://docs.python.org/3/reference/expressions.html#lambda).
struct PythonLambdaTracker {
    private struct Open {
        var depth: Int
        var inBody: Bool
        var start: PyToken
    }

    private var depth = 0
    private var open: [Open] = []
    /// How many lambda bodies enclose the token last passed to `step`.
    private(set) var bodyCount = 0

    /// The `lambda` tokens whose bodies enclose the current token, outermost first.
    var enclosingLambdas: [PyToken] { open.filter(\.inBody).map(\.start) }

    /// Advances over `t`. Call before inspecting `t`; `bodyCount` then describes `t`.
    mutating func step(_ t: PyToken) {
        if t.kind == .name {
            if t.code == PyKeyword.lambda.rawValue {
                open.append(Open(depth: depth, inBody: false, start: t))
            } else if t.code == PyKeyword.for_.rawValue || t.code == PyKeyword.async.rawValue {
                closeBodies(atDepth: depth)
            }
            return
        }
        guard t.kind == .op else { return }
        if t.isOpenBracket {
            depth += 1
            return
        }
        if t.isCloseBracket {
            depth -= 1
            while let last = open.last, last.depth > depth {
                if last.inBody { bodyCount -= 1 }
                open.removeLast()
            }
            return
        }
        if t.isOp(.colon) {
            if let last = open.last, last.depth == depth, !last.inBody {
                open[open.count - 1].inBody = true
                bodyCount += 1
                return
            }
            closeBodies(atDepth: depth)
        } else if t.isOp(.comma) || t.isOp(.semi) {
            closeBodies(atDepth: depth)
        }
    }

    private mutating func closeBodies(atDepth d: Int) {
        while let last = open.last, last.depth == d, last.inBody {
            bodyCount -= 1
            open.removeLast()
        }
    }
}
