import Foundation

/// Builds a snapshot from a directory on disk. `.git/` is skipped (it is not part of what
/// Railway's snapshot contains), symlinks are recorded with their targets and not followed,
/// and the walk uses an explicit stack so directory depth cannot exhaust the call stack.
public enum DirectorySnapshot {
    /// railsim's own guard rails, not platform rules.
    public static let maxEntries = 2_000_000
    public static let maxFileSize = 64 * 1024 * 1024

    public static func load(_ directory: String) throws(SnapshotError) -> RepoSnapshot {
        let fileManager = FileManager.default
        let rootURL = URL(fileURLWithPath: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: rootURL.path, isDirectory: &isDirectory) else {
            throw .notFound(directory)
        }
        guard isDirectory.boolValue else { throw .notADirectory(directory) }

        var entries: [RepoPath: SnapshotEntryKind] = [:]
        var stack: [RepoPath] = [.root]
        while let current = stack.popLast() {
            let url = current.isRoot ? rootURL : rootURL.appendingPathComponent(current.description)
            let names: [String]
            do {
                names = try fileManager.contentsOfDirectory(atPath: url.path)
            } catch {
                throw .unreadable(current.isRoot ? directory : current.description, reason: "cannot list directory")
            }
            for name in names.sorted() {
                if current.isRoot && name == ".git" { continue }
                let child = current.appending(name)
                let childPath = url.appendingPathComponent(name).path
                guard let attributes = try? fileManager.attributesOfItem(atPath: childPath),
                      let type = attributes[.type] as? FileAttributeType else { continue }
                switch type {
                case .typeDirectory:
                    entries[child] = .directory
                    stack.append(child)
                case .typeRegular:
                    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                    entries[child] = .file(size: size)
                case .typeSymbolicLink:
                    let target = (try? fileManager.destinationOfSymbolicLink(atPath: childPath)) ?? ""
                    entries[child] = .symlink(target: target)
                default:
                    continue  // devices, sockets, FIFOs: not repository content
                }
                if entries.count > maxEntries { throw .tooManyEntries(directory, limit: maxEntries) }
            }
        }
        return RepoSnapshot(source: DirectoryByteSource(root: rootURL.path, displayName: directory), entries: entries)
    }
}

/// Reads file contents from the directory a snapshot was made from.
struct DirectoryByteSource: SnapshotByteSource {
    let root: String
    let displayName: String

    func read(_ path: RepoPath) throws(SnapshotError) -> [UInt8] {
        let full = root + "/" + path.description
        guard let handle = FileHandle(forReadingAtPath: full) else {
            throw .unreadable(path.description, reason: "permission denied or removed")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: DirectorySnapshot.maxFileSize + 1) ?? Data()
        } catch {
            throw .unreadable(path.description, reason: "read failed")
        }
        if data.count > DirectorySnapshot.maxFileSize { throw .tooLarge(path.description, limit: DirectorySnapshot.maxFileSize) }
        return [UInt8](data)
    }
}

/// A snapshot held in memory: for tests, and for overlays that add files to a fixture.
public struct InMemoryByteSource: SnapshotByteSource {
    public let displayName: String
    public let files: [RepoPath: [UInt8]]

    public init(displayName: String, files: [RepoPath: [UInt8]]) {
        self.displayName = displayName
        self.files = files
    }

    public func read(_ path: RepoPath) throws(SnapshotError) -> [UInt8] {
        guard let bytes = files[path] else { throw .notFound(path.description) }
        return bytes
    }
}

extension RepoSnapshot {
    /// A snapshot made of the given text files (parent directories implied).
    public static func inMemory(_ files: [String: String], name: String = "memory") -> RepoSnapshot {
        var bytes: [RepoPath: [UInt8]] = [:]
        var entries: [RepoPath: SnapshotEntryKind] = [:]
        for (raw, text) in files {
            guard let path = RepoPath(raw), !path.isRoot else { continue }
            bytes[path] = Array(text.utf8)
            entries[path] = .file(size: text.utf8.count)
            var parent = path.parent
            while let directory = parent, !directory.isRoot {
                entries[directory] = .directory
                parent = directory.parent
            }
        }
        return RepoSnapshot(source: InMemoryByteSource(displayName: name, files: bytes), entries: entries)
    }

    /// This snapshot with extra or replaced text files on top (scenario overlays).
    public func overlaid(with files: [String: String]) throws(SnapshotError) -> RepoSnapshot {
        var entries: [RepoPath: SnapshotEntryKind] = [:]
        for path in descendants(of: .root) { entries[path] = kind(of: path) }
        var overlay: [RepoPath: [UInt8]] = [:]
        for (raw, text) in files {
            guard let path = RepoPath(raw), !path.isRoot else { throw .notFound(raw) }
            overlay[path] = Array(text.utf8)
            entries[path] = .file(size: text.utf8.count)
            var parent = path.parent
            while let directory = parent, !directory.isRoot {
                entries[directory] = .directory
                parent = directory.parent
            }
        }
        return RepoSnapshot(source: OverlayByteSource(base: source, overlay: overlay), entries: entries)
    }
}

struct OverlayByteSource: SnapshotByteSource {
    let base: any SnapshotByteSource
    let overlay: [RepoPath: [UInt8]]
    var displayName: String { base.displayName }

    func read(_ path: RepoPath) throws(SnapshotError) -> [UInt8] {
        if let bytes = overlay[path] { return bytes }
        return try base.read(path)
    }
}
