import Railway
import Snapshot

/// The directory Railpack analyses: the service's root directory inside the repository snapshot.
/// Paths are relative to it, as Railpack's `app.App` takes them (railpack:core/app/app.go).
struct RailpackApp: Sendable {
    let snapshot: RepoSnapshot
    let root: RepoPath

    /// The repository path for an app-relative path; nil when it would leave the app directory.
    func path(_ relative: String) -> RepoPath? {
        guard let path = RepoPath(relative, relativeTo: root), path.hasPrefix(root) else { return nil }
        return path
    }

    /// `HasFile` is an `os.Stat`, so directories count and symlinks are followed
    /// (railpack:core/app/app.go HasFile).
    func hasFile(_ relative: String) -> Bool {
        guard let path = path(relative) else { return false }
        return resolvedKind(path) != nil
    }

    func isDirectory(_ relative: String) -> Bool {
        guard let path = path(relative) else { return false }
        return resolvedKind(path) == .directory
    }

    /// File contents with CRLF turned into LF, as `ReadFile` returns them (railpack:core/app/app.go
    /// ReadFile); nil when the path is missing, a directory or unreadable.
    func readFile(_ relative: String) -> String? {
        guard let path = path(relative), let (target, kind) = resolve(path), case .file = kind,
              let text = try? snapshot.readText(target) else { return nil }
        return text.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// `ReadTOML`: nil when the file is missing or not valid TOML (railpack:core/app/app.go ReadTOML).
    func readTOML(_ relative: String) -> ConfigValue? {
        guard let text = readFile(relative) else { return nil }
        return try? ConfigDocumentParser.parse(text, format: .toml, file: relative)
    }

    /// `ReadJSON`: JSON with comments and trailing commas (hujson), nil when missing or invalid
    /// (railpack:core/app/app.go ReadJSON).
    func readJSON(_ relative: String) -> ConfigValue? {
        guard let text = readFile(relative) else { return nil }
        return try? ConfigDocumentParser.parseJSONWithComments(text, file: relative)
    }

    /// Files matching a doublestar glob, in doublestar's order (railpack:core/app/app.go FindFiles).
    func findFiles(_ pattern: String) -> [String] { RailpackGlob.matches(pattern, in: self, directories: false) }

    /// Directories matching a doublestar glob (railpack:core/app/app.go FindDirectories).
    func findDirectories(_ pattern: String) -> [String] { RailpackGlob.matches(pattern, in: self, directories: true) }

    /// Any file or directory matches (railpack:core/app/app.go HasMatch).
    func hasMatch(_ pattern: String) -> Bool { !findFiles(pattern).isEmpty || !findDirectories(pattern).isEmpty }

    /// Sorted names of the entries of an app-relative directory ("" is the app root).
    func children(_ relative: String) -> [String] {
        guard let path = relative.isEmpty ? root : path(relative), let (target, kind) = resolve(path), kind == .directory else { return [] }
        return snapshot.children(of: target)
    }

    /// The kind of a path after following symlinks that stay inside the snapshot; a dangling link
    /// or one leaving the repository does not exist, as `os.Stat` would report for it.
    func resolvedKind(_ path: RepoPath) -> SnapshotEntryKind? { resolve(path)?.1 }

    private func resolve(_ path: RepoPath) -> (RepoPath, SnapshotEntryKind)? {
        var current = RepoPath.root
        var pending = path.components
        var hops = 0
        while !pending.isEmpty {
            let next = current.appending(pending.removeFirst())
            switch snapshot.kind(of: next) {
            case .symlink(let target)?:
                hops += 1
                // Linux follows at most 40 links per lookup (path_resolution(7) MAXSYMLINKS).
                guard hops <= 40, !target.hasPrefix("/"), let resolved = RepoPath(target, relativeTo: current) else { return nil }
                pending = resolved.components + pending
                current = .root
            case nil: return nil
            default: current = next
            }
        }
        guard let kind = snapshot.kind(of: current) else { return current.isRoot ? (current, .directory) : nil }
        return (current, kind)
    }
}
