import Foundation

/// File-system facts the index does not keep: whether a file is executable and which directory
/// the snapshot was taken from. Only a snapshot of a directory on disk can answer; in-memory
/// snapshots have no modes or location, so they answer false and nil.
extension RepoSnapshot {
    /// Whether the file at `path` has any execute bit set, following symlinks as `stat(2)` does.
    /// Railpack's Java provider adds a `chmod +x` for a wrapper that is not executable
    /// (railpack:core/app/app.go IsFileExecutable).
    public func isExecutable(_ path: RepoPath) -> Bool {
        guard let directory = sourceDirectory else { return false }
        let full = path.isRoot ? directory : directory + "/" + path.description
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: (full as NSString).resolvingSymlinksInPath),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let permissions = attributes[.posixPermissions] as? NSNumber else { return false }
        return permissions.intValue & 0o111 != 0
    }

    /// The absolute directory a snapshot loaded from disk was made from.
    public var sourceDirectory: String? { Self.directory(of: source) }

    private static func directory(of source: any SnapshotByteSource) -> String? {
        if let directory = source as? DirectoryByteSource { return directory.root }
        if let overlay = source as? OverlayByteSource { return directory(of: overlay.base) }
        return nil
    }
}
