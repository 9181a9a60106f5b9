/// Problems reading a snapshot. All of them are "your input is wrong" (a missing path, an
/// unreadable file), never railsim bugs.
public enum SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(String)
    case notADirectory(String)
    case unreadable(String, reason: String)
    case tooLarge(String, limit: Int)
    case tooManyEntries(String, limit: Int)

    public var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such file or directory"
        case .notADirectory(let path): return "\(path): not a directory"
        case .unreadable(let path, let reason): return "\(path): cannot read (\(reason))"
        case .tooLarge(let path, let limit): return "\(path): larger than railsim's limit of \(limit) bytes"
        case .tooManyEntries(let path, let limit): return "\(path): more than railsim's limit of \(limit) entries"
        }
    }
}
