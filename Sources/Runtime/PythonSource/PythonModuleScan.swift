/// Everything railsim needs from one Python module to simulate importing it, extracted
/// without executing anything.
public struct PythonModuleScan: Sendable, Equatable {
    /// Module-level statements that matter for execution, in source order.
    public var body: [PyStatement]
    /// Names bound at module level: def/class names, assignment / annotated assignment (with a
    /// value) / augmented assignment targets including tuple unpacking, import bindings,
    /// for/with targets, walrus targets outside lambdas, match captures and `type X = …`,
    /// including those inside module-level if/try/for/while/with/match bodies (never inside
    /// def or class bodies). `except … as e` is not counted: CPython deletes `e` afterwards.
    public var boundNames: Set<String>
    /// A module-level `def __getattr__` (PEP 562), which makes `from m import anything` succeed.
    public var definesModuleGetattr: Bool
    /// `__all__` when the module body sets it to a literal list/tuple of strings (statements
    /// directly in the module body only; `+=`, `.extend(literal)` and `.append("x")` extend
    /// it; any other assignment makes it nil).
    public var dunderAll: [String]?
    /// For each name of `boundNames`: where the first statement binding it starts
    /// (`PyPosition.key`); compound statements bind at their header (`def`, `class`, `for`, `with`).
    public var firstBinding: [String: Int] = [:]
    /// Class statements (at any depth), keyed by the `class` keyword's `PyPosition.key`: their
    /// positional bases and the annotated names directly in their bodies (`x: int`, `x: int = 1`).
    public var classes: [Int: PyClassInfo] = [:]

    /// Whether `name` may already be bound while the statement starting at `line`:`column` runs:
    /// false when its first binding statement starts there or later (statements run in order).
    public func mayBeBound(_ name: String, beforeLine line: Int, column: Int) -> Bool {
        guard boundNames.contains(name) else { return false }
        guard let first = firstBinding[name] else { return true }
        return first < PyPosition.key(line: line, column: column)
    }

    public init(body: [PyStatement], boundNames: Set<String>, definesModuleGetattr: Bool, dunderAll: [String]?) {
        self.body = body
        self.boundNames = boundNames
        self.definesModuleGetattr = definesModuleGetattr
        self.dunderAll = dunderAll
    }
}

/// What railsim knows of a class statement's header and direct body (for settings models).
public struct PyClassInfo: Sendable, Equatable {
    /// Positional base expressions, in order (`class A(B, metaclass=M)` → `B`).
    public var bases: [PyExpression]
    /// Annotated assignment statements directly in the class body, in source order.
    public var fields: [PyClassField]

    public init(bases: [PyExpression], fields: [PyClassField] = []) {
        self.bases = bases
        self.fields = fields
    }
}

/// `name: annotation` or `name: annotation = value` in a class body.
public struct PyClassField: Sendable, Equatable {
    public var name: String
    public var annotation: PyExpression
    /// The default; nil for an annotation-only field.
    public var value: PyExpression?
    public var line: Int

    public init(name: String, annotation: PyExpression, value: PyExpression?, line: Int) {
        self.name = name
        self.annotation = annotation
        self.value = value
        self.line = line
    }
}
