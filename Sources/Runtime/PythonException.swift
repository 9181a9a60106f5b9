/// An exception the simulated start-up raises: its class (as CPython prints it) and message.
public struct PythonException: Sendable, Equatable {
    public var type: String
    public var message: String
    /// `ModuleNotFoundError.name`: the missing dotted name (python-imports.md §3.1).
    public var missingModule: String?
    /// `ImportError.name` of "cannot import name": the module imported from (python-imports.md §3.1).
    public var importName: String?
    /// 3.12+: the traceback printer's "Did you mean" name; not part of `str(exc)`.
    public var suggestion: String?

    /// The last line of a traceback.
    public var line: String { plainLine + (suggestion.map { ". Did you mean: '\($0)'?" } ?? "") }
    /// `Type: str(exc)`, as runpy embeds it in "Error while finding module specification".
    public var plainLine: String { "\(type): \(message)" }

    public init(type: String, message: String, missingModule: String? = nil) {
        self.type = type
        self.message = message
        self.missingModule = missingModule
    }

    /// Whether `except <handler>` catches this (builtin hierarchy: ModuleNotFoundError ⊂ ImportError
    /// ⊂ Exception ⊂ BaseException; https://docs.python.org/3/library/exceptions.html#exception-hierarchy).
    public func isCaught(by handler: [String]?) -> Bool {
        guard let handler else { return true }  // bare `except:`
        let chain: [String]
        switch type {
        case "ModuleNotFoundError": chain = ["ModuleNotFoundError", "ImportError", "Exception", "BaseException"]
        case "ImportError": chain = ["ImportError", "Exception", "BaseException"]
        case "ValueError": chain = ["ValueError", "Exception", "BaseException"]
        case "KeyError": chain = ["KeyError", "LookupError", "Exception", "BaseException"]
        case "SyntaxError": chain = ["SyntaxError", "Exception", "BaseException"]
        // pydantic_core.ValidationError subclasses ValueError; pydantic v1's too (pydantic docs "Error Handling").
        case "pydantic_core._pydantic_core.ValidationError", "pydantic.error_wrappers.ValidationError":
            chain = ["ValidationError", "ValueError", "Exception", "BaseException"]
        default: chain = [type, "Exception", "BaseException"]
        }
        return handler.contains { name in chain.contains(String(name.split(separator: ".").last ?? "")) }
    }
}
