/// A statement that matters for predicting what happens when CPython executes a module.
public struct PyStatement: Sendable, Equatable {
    public var kind: PyStatementKind
    /// For simple statements, the statement itself (as `ast` reports it). For compound
    /// statements, from the keyword (`def`/`class` for decorated definitions, as in `ast`)
    /// to the end of the last clause body. For `.dynamicImport`, the call.
    public var span: PySourceSpan

    public init(kind: PyStatementKind, span: PySourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// Statement kinds. Statements that cannot import, bind a modelled value or call anything
/// interesting (`pass`, `return x`, `x.y = 1`, `del`, …) are omitted from bodies; their
/// dynamic imports and bindings are still recorded.
///
/// Dynamic imports found inside another statement are emitted as separate `.dynamicImport`
/// statements just before it (before the whole compound statement for `if`/`elif`/`while`
/// tests, `for` iterables, `with` items, decorators, defaults, bases, `match` subjects and
/// case guards; at the start of the handler body for `except` types). A dynamic import inside
/// a lambda body is wrapped in `.functionDef(name: "<lambda>")` because it only runs when the
/// lambda is called.
public indirect enum PyStatementKind: Sendable, Equatable {
    /// `import a.b as c, d`
    case importModules([PyImportedModule])
    /// `from ..a import (x, y as z)`; `module` is nil for `from . import x`.
    case importFrom(module: String?, level: Int, names: [PyImportedName])
    /// `importlib.import_module("lit")`, `import_module("lit")`, `__import__("lit")`.
    case dynamicImport(PyDynamicImport)
    /// `a = b = value` with the simple-name targets (tuple targets are left out; when no
    /// target is a simple name the statement is omitted).
    case assignment(targets: [String], value: PyExpression)
    /// An expression statement that is a call.
    case call(PyCall)
    /// `def` / `async def`; the body is not executed at import time but is kept so lazy
    /// imports can be reported.
    case functionDef(name: String, decorators: [PyExpression], body: [PyStatement])
    /// `class`; the body runs at import time.
    case classDef(name: String, decorators: [PyExpression], body: [PyStatement])
    /// An `if`/`elif` chain; `orElse` is nil when there is no `else`.
    case ifStatement(branches: [PyIfBranch], orElse: [PyStatement]?)
    /// `try` / `except` / `except*` / `else` / `finally`.
    case tryStatement(body: [PyStatement], handlers: [PyExceptHandler], orElse: [PyStatement], finally: [PyStatement])
    /// `for` / `async for` / `while` with their `else`.
    case loop(body: [PyStatement], orElse: [PyStatement])
    /// `with` / `async with`.
    case with(body: [PyStatement])
    /// `match`: one body per `case`.
    case match(cases: [[PyStatement]])
    /// A statement kept without a model: an expression statement that subscripts `environ`
    /// (`os.environ["X"]`); other unmodelled statements are omitted.
    case other
}
