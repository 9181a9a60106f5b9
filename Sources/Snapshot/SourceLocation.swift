/// Where a fact came from in the repository: a file and, when known, a 1-based line.
/// Every stage uses it so that findings and provenance can point at the exact line.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible, Codable {
    public var file: String
    public var line: Int?

    public init(file: String, line: Int? = nil) {
        self.file = file
        self.line = line
    }

    public init(_ path: RepoPath, line: Int? = nil) {
        self.init(file: path.description, line: line)
    }

    public var description: String { line.map { "\(file):\($0)" } ?? file }
}
