/// Where a node sits in the source, using exactly the coordinates of CPython's `ast`
/// (`lineno`, `col_offset`, `end_lineno`, `end_col_offset`) so that caret lines and oracle
/// comparisons need no conversion: lines are 1-based, columns are 0-based UTF-8 byte offsets
/// (a leading BOM is not counted, as in CPython).
public struct PySourceSpan: Sendable, Equatable, Hashable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }
}

/// A source position as one comparable integer (line-major).
public enum PyPosition {
    public static func key(line: Int, column: Int) -> Int { line << 24 | min(column, (1 << 24) - 1) }
}
