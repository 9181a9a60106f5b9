/// What a path in a snapshot is. Symlinks are data: their targets are recorded, never followed
/// outside the snapshot.
public enum SnapshotEntryKind: Hashable, Sendable {
    case file(size: Int)
    case directory
    case symlink(target: String)
}
