/// What an `if`/`elif` test means for start-up simulation (research notes §2.7): the simulator
/// evaluates version and platform tests against the image, skips `TYPE_CHECKING` blocks and
/// runs `__main__` guards only for the entry script.
public enum PyCondition: Sendable, Equatable {
    /// `TYPE_CHECKING` or any dotted name whose last component is `TYPE_CHECKING`.
    case typeChecking
    /// `not TYPE_CHECKING` (same name rule).
    case notTypeChecking
    /// `__name__ == "__main__"`, either operand order, either quote style.
    case mainGuard
    /// `sys.version_info OP (3, 11)`, also `version_info[:2]` / `[0]` subjects and single
    /// integers. When the version is on the left the operator is mirrored so the condition
    /// always reads `version_info OP version`.
    case versionCompare(op: String, version: [Int])
    /// `sys.platform == "win32"` / `!=` (mirrored like versions), or
    /// `sys.platform.startswith("linux")` with op `"startswith"`.
    case platformCompare(op: String, value: String)
    /// Anything else: the source text of the test.
    case unknown(String)
}

/// One `if` or `elif` branch. `span` runs from the keyword to the end of the branch body.
public struct PyIfBranch: Sendable, Equatable {
    public var condition: PyCondition
    public var body: [PyStatement]
    public var span: PySourceSpan

    public init(condition: PyCondition, body: [PyStatement], span: PySourceSpan) {
        self.condition = condition
        self.body = body
        self.span = span
    }
}

/// One `except` / `except*` clause. `types` lists the dotted names of the clause (a tuple is
/// flattened; an element that is not a dotted name is kept as its source text); it is `nil`
/// for a bare `except:`. `span` runs from `except` to the end of the handler body.
public struct PyExceptHandler: Sendable, Equatable {
    public var types: [String]?
    public var body: [PyStatement]
    public var span: PySourceSpan

    public init(types: [String]?, body: [PyStatement], span: PySourceSpan) {
        self.types = types
        self.body = body
        self.span = span
    }
}
