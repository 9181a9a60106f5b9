/// An exception the simulated start-up raises: its class (as CPython prints it) and message.
public struct PythonException: Sendable, Equatable {
    public var type: String
    public var message: String
    /// `ModuleNotFoundError.name`: the missing dotted name (python-imports.md §3.1).
    public var missingModule: String?

    public var line: String { "\(type): \(message)" }

    /// Whether `except <handler>` catches this (builtin hierarchy: ModuleNotFoundError ⊂ ImportError
    /// ⊂ Exception ⊂ BaseException; https://docs.python.org/3/library/exceptions.html#exception-hierarchy).
    public func isCaught(by handler: [String]?) -> Bool {
        guard let handler else { return true }  // bare `except:`
        let chain: [String]
        switch type {
        case "ModuleNotFoundError": chain = ["ModuleNotFoundError", "ImportError", "Exception", "BaseException"]
        case "ImportError": chain = ["ImportError", "Exception", "BaseException"]
        case "ValueError": chain = ["ValueError", "Exception", "BaseException"]
        case "SyntaxError": chain = ["SyntaxError", "Exception", "BaseException"]
        default: chain = [type, "Exception", "BaseException"]
        }
        return handler.contains { name in chain.contains(String(name.split(separator: ".").last ?? "")) }
    }
}
