/// A path inside a repository snapshot, relative to the repository root and always normalised:
/// no leading `/`, no `.` or empty components, and no `..` (a path that would climb above the
/// root cannot be represented, which is what keeps every later stage inside the snapshot).
public struct RepoPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let components: [String]

    public static let root = RepoPath(validatedComponents: [])

    init(validatedComponents: [String]) { self.components = validatedComponents }

    /// Parses a user- or config-supplied path. A leading `/` means "from the repository root", as
    /// Railway sanitises Root Directory and config paths (railway-platform.md §2 "Leading slash").
    /// Returns nil when `..` climbs above the root.
    public init?(_ raw: String) {
        self.init(raw, relativeTo: .root)
    }

    /// Resolves `raw` against `base` (unless it starts with `/`), folding `.` and `..`.
    public init?(_ raw: String, relativeTo base: RepoPath) {
        var parts = raw.hasPrefix("/") ? [] : base.components
        for part in raw.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        self.components = parts
    }

    public var isRoot: Bool { components.isEmpty }
    public var description: String { components.joined(separator: "/") }
    /// The form Railway's logs and docs use for directories: `/` for the root, `/backend` otherwise.
    public var slashed: String { "/" + description }
    public var name: String { components.last ?? "" }
    public var parent: RepoPath? {
        components.isEmpty ? nil : RepoPath(validatedComponents: Array(components.dropLast()))
    }

    public func appending(_ name: String) -> RepoPath {
        RepoPath(validatedComponents: components + [name])
    }

    public func appending(_ other: RepoPath) -> RepoPath {
        RepoPath(validatedComponents: components + other.components)
    }

    public func hasPrefix(_ other: RepoPath) -> Bool {
        components.count >= other.components.count && Array(components.prefix(other.components.count)) == other.components
    }

    /// This path relative to `base`, when it lies inside it.
    public func relative(to base: RepoPath) -> RepoPath? {
        hasPrefix(base) ? RepoPath(validatedComponents: Array(components.dropFirst(base.components.count))) : nil
    }

    public static func < (lhs: RepoPath, rhs: RepoPath) -> Bool { lhs.components.lexicographicallyPrecedes(rhs.components) }
}
