/// The small slice of Python expressions railsim reasons about (launch calls, `sys.path`
/// edits, decorators, assignment values); everything else is kept as source text.
public indirect enum PyExpression: Sendable, Equatable {
    /// A `str` literal (implicit concatenation joined, escapes decoded).
    case string(String)
    /// A decimal, hex, octal or binary integer literal that fits in `Int`.
    case integer(Int)
    /// A dotted name such as `app` or `os.path.dirname`.
    case name(String)
    /// A call whose whole expression is `callee(...)`.
    case call(PyCall)
    /// Anything else, as the source text of the expression.
    case other(String)
}

/// A call expression. `callee` is the dotted name being called, or `""` when the callee is
/// not a dotted name (e.g. `f()()` or `"x".join(...)`).
public struct PyCall: Sendable, Equatable {
    public var callee: String
    public var arguments: [PyArgument]
    public var span: PySourceSpan

    public init(callee: String, arguments: [PyArgument], span: PySourceSpan) {
        self.callee = callee
        self.arguments = arguments
        self.span = span
    }
}

/// One call argument. `*args` and `**kwargs` have no keyword and keep their stars in the
/// `.other` source text.
public struct PyArgument: Sendable, Equatable {
    public var keyword: String?
    public var value: PyExpression

    public init(keyword: String?, value: PyExpression) {
        self.keyword = keyword
        self.value = value
    }
}
