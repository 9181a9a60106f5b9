/// One alias of `import a.b as c, d`: CPython's `ast.alias`.
public struct PyImportedModule: Sendable, Equatable {
    /// Dotted module name, e.g. `a.b`.
    public var name: String
    /// The `as` name, if any. `import a.b` binds `a`; `import a.b as c` binds `c`.
    public var asName: String?
    /// Span of the alias (`a.b as c`), like `ast.alias` positions on 3.10+.
    public var span: PySourceSpan

    public init(name: String, asName: String?, span: PySourceSpan) {
        self.name = name
        self.asName = asName
        self.span = span
    }
}

/// One name of `from m import x as y`; `*` is the name `"*"`.
public struct PyImportedName: Sendable, Equatable {
    public var name: String
    public var asName: String?
    public var span: PySourceSpan

    public init(name: String, asName: String?, span: PySourceSpan) {
        self.name = name
        self.asName = asName
        self.span = span
    }
}

/// A call that imports a module named by a string literal, which CPython executes like an
/// import when it is reached (research notes §2.7): `importlib.import_module("x"[, "pkg"])`,
/// a bare `import_module("x")` (the `from importlib import import_module` idiom) and
/// `__import__("x")`.
public struct PyDynamicImport: Sendable, Equatable {
    public enum Function: String, Sendable, Equatable {
        /// `importlib.import_module(...)`
        case importlibImportModule = "importlib.import_module"
        /// `import_module(...)` called by its bare name.
        case importModule = "import_module"
        /// `__import__(...)`
        case dunderImport = "__import__"
    }

    public var function: Function
    /// The literal first positional argument (implicitly concatenated literals are joined).
    public var module: String
    /// The literal `package` argument of `import_module` (second positional or `package=`).
    public var package: String?
    /// Span of the whole call expression.
    public var span: PySourceSpan

    public init(function: Function, module: String, package: String?, span: PySourceSpan) {
        self.function = function
        self.module = module
        self.package = package
        self.span = span
    }
}
