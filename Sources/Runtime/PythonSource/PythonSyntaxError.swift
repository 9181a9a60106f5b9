/// A syntax error found while tokenizing or scanning Python source, shaped like CPython's
/// `SyntaxError` so that railsim can print the same `File "…", line N` / caret / message block.
///
/// `exceptionName` is the class CPython raises (`SyntaxError`, `IndentationError` or `TabError`);
/// the traceback printer needs it because `IndentationError: unexpected indent` is what users see.
public struct PythonSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line number, like `SyntaxError.lineno`.
    public var line: Int
    /// 1-based character offset within the line, like `SyntaxError.offset` (CPython counts
    /// code points, so this counts UTF-8 lead bytes).
    public var column: Int
    /// The message, using CPython 3.12/3.13 wording where the same condition exists there.
    public var message: String
    /// `SyntaxError`, `IndentationError` or `TabError`.
    public var exceptionName: String

    public init(line: Int, column: Int, message: String, exceptionName: String = "SyntaxError") {
        self.line = line
        self.column = column
        self.message = message
        self.exceptionName = exceptionName
    }

    public var description: String { "\(exceptionName): \(message) (line \(line), column \(column))" }
}
