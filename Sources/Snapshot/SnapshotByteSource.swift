/// Where a snapshot's bytes come from. The snapshot itself only knows paths and kinds, so the
/// same model serves a directory on disk now and archives or git revisions later.
public protocol SnapshotByteSource: Sendable {
    /// A human-readable name of the origin, e.g. the directory path.
    var displayName: String { get }
    /// Reads one regular file of the snapshot.
    func read(_ path: RepoPath) throws(SnapshotError) -> [UInt8]
}
