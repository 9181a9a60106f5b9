/// A read-only view of a repository: every path with its kind, and contents on demand.
///
/// The index is built once (metadata only); file contents are read only when a stage asks,
/// which keeps big monorepos cheap: a check typically reads a few dozen files.
public struct RepoSnapshot: Sendable {
    public let source: any SnapshotByteSource
    private let entries: [RepoPath: SnapshotEntryKind]
    private let childNames: [RepoPath: [String]]

    public init(source: any SnapshotByteSource, entries: [RepoPath: SnapshotEntryKind]) {
        self.source = source
        var all = entries
        all[.root] = .directory
        var children: [RepoPath: [String]] = [:]
        for path in all.keys {
            guard let parent = path.parent else { continue }
            children[parent, default: []].append(path.name)
        }
        for key in children.keys { children[key]?.sort() }
        self.entries = all
        self.childNames = children
    }

    public var displayName: String { source.displayName }
    public var entryCount: Int { entries.count }

    public func kind(of path: RepoPath) -> SnapshotEntryKind? { entries[path] }

    public func isFile(_ path: RepoPath) -> Bool {
        if case .file = entries[path] { return true }
        return false
    }

    public func isDirectory(_ path: RepoPath) -> Bool { entries[path] == .directory }

    public func exists(_ path: RepoPath) -> Bool { entries[path] != nil }

    /// Sorted names of the entries directly inside `directory`.
    public func children(of directory: RepoPath) -> [String] { childNames[directory] ?? [] }

    /// Every path under `directory` (not including it), in sorted order, found without recursion.
    public func descendants(of directory: RepoPath) -> [RepoPath] {
        var result: [RepoPath] = []
        var stack = [directory]
        while let next = stack.popLast() {
            for name in children(of: next).reversed() {
                let child = next.appending(name)
                result.append(child)
                if isDirectory(child) { stack.append(child) }
            }
        }
        return result.sorted()
    }

    public func read(_ path: RepoPath) throws(SnapshotError) -> [UInt8] {
        guard isFile(path) else { throw .notFound(path.description) }
        return try source.read(path)
    }

    /// Reads a file as UTF-8 text, replacing invalid sequences (config files, requirements).
    public func readText(_ path: RepoPath) throws(SnapshotError) -> String {
        String(decoding: try read(path), as: UTF8.self)
    }
}
