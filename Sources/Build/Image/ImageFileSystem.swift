import Snapshot

/// The image's filesystem as an ordered stack of layers, like the image itself: later layers
/// win. Repository trees are mounted, not copied, so a `COPY . /app` of a large monorepo costs
/// nothing until a path is looked up, and each file still knows its repository origin.
public struct ImageFileSystem: Sendable {
    public enum Layer: Sendable {
        /// `target` shows the snapshot subtree `source` (a directory), minus excluded paths.
        case mount(target: String, source: RepoPath, excluded: ExcludedPaths)
        /// Explicit nodes by absolute path (parents implied).
        case nodes([String: ImageNode])
        /// A subtree of another image (COPY --from) shown at `target`.
        case imported(ImageFileSystemBox, sourcePath: String, target: String)
        /// Paths removed by a later step (`rm -rf`).
        case removed(Set<String>)
    }

    public private(set) var layers: [Layer] = []
    public let snapshot: RepoSnapshot

    public init(snapshot: RepoSnapshot) { self.snapshot = snapshot }

    public mutating func add(_ layer: Layer) { layers.append(layer) }

    public mutating func addNodes(_ nodes: [String: ImageNode]) {
        var cleaned: [String: ImageNode] = [:]
        for (path, node) in nodes { cleaned[ImagePath.clean(path)] = node }
        layers.append(.nodes(cleaned))
    }

    /// The node at `path`, following no symlinks.
    public func node(at path: String) -> ImageNode? {
        let path = ImagePath.clean(path)
        if path == "/" { return .directory(nil) }
        for layer in layers.reversed() {
            switch lookup(path, in: layer) {
            case .found(let node): return node
            case .removed: return nil
            case .absent: continue
            }
        }
        return nil
    }

    public func isDirectory(_ path: String) -> Bool {
        if case .directory = node(at: path) { return true }
        if case .opaquePackage = node(at: path) { return true }
        return false
    }

    public func isFile(_ path: String) -> Bool {
        if case .file = node(at: path) { return true }
        return false
    }

    public func exists(_ path: String) -> Bool { node(at: path) != nil }

    /// Resolves symlinks in every component (like `realpath`), bounded so link loops end.
    public func realpath(_ path: String) -> String {
        var components = ImagePath.components(path)
        var resolved: [String] = []
        var hops = 0
        while !components.isEmpty {
            let next = components.removeFirst()
            let candidate = "/" + (resolved + [next]).joined(separator: "/")
            if case .symlink(let target) = node(at: candidate), hops < 40 {  // Linux MAXSYMLINKS = 40 (path_resolution(7))
                hops += 1
                let base = target.hasPrefix("/") ? [] : resolved
                components = ImagePath.components("/" + (base + [target]).joined(separator: "/")) + components
                resolved = []
                continue
            }
            resolved.append(next)
        }
        return "/" + resolved.joined(separator: "/")
    }

    /// Names directly inside a directory, merged over all layers.
    public func children(of directory: String) -> [String] {
        let directory = ImagePath.clean(directory)
        var names = Set<String>()
        for layer in layers {
            switch layer {
            case .mount(let target, let source, let excluded):
                guard let rest = ImagePath.relative(directory, to: target) else {
                    // The mount point's ancestors list its next component.
                    if let below = ImagePath.relative(target, to: directory), let first = below.first { names.insert(first) }
                    continue
                }
                let repoDir = source.appending(RepoPath(validatedPath: rest))
                if Self.isExcluded(repoDir, below: source, excluded) { continue }
                for name in snapshot.children(of: repoDir) where !excluded.contains(repoDir.appending(name)) { names.insert(name) }
            case .nodes(let nodes):
                let prefix = directory == "/" ? "/" : directory + "/"
                for key in nodes.keys where key.hasPrefix(prefix) {
                    if let first = key.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(first)) }
                }
            case .imported(let box, let sourcePath, let target):
                guard let rest = ImagePath.relative(directory, to: target) else {
                    if let below = ImagePath.relative(target, to: directory), let first = below.first { names.insert(first) }
                    continue
                }
                for name in box.fileSystem.children(of: ImagePath.join(sourcePath, rest.joined(separator: "/"))) { names.insert(name) }
            case .removed(let paths):
                names = names.filter { !paths.contains(ImagePath.join(directory, $0)) }
            }
        }
        return names.sorted()
    }

    /// The repository file behind an image path, if it came from the repository.
    public func origin(of path: String) -> FileOrigin? {
        if case .file(let origin) = node(at: path) { return origin }
        return nil
    }

    /// The bytes of a file in the image (repository files are read on demand).
    public func contents(of path: String) throws(SnapshotError) -> [UInt8] {
        switch origin(of: path) {
        case .repository(let repoPath): return try snapshot.read(repoPath)
        case .generated(let bytes, _): return bytes
        case .distribution, .baseImage, nil: throw .notFound(path)
        }
    }

    private enum LookupResult { case found(ImageNode), removed, absent }

    /// An excluded directory hides everything under it, like a .dockerignore'd directory
    /// (moby/patternmatcher: a pattern matching a parent excludes its contents).
    private static func isExcluded(_ path: RepoPath, below source: RepoPath, _ excluded: ExcludedPaths) -> Bool {
        guard let relative = path.relative(to: source) else { return excluded.contains(path) }
        var prefix = source
        for component in relative.components {
            prefix = prefix.appending(component)
            if excluded.contains(prefix) { return true }
        }
        return false
    }

    private func lookup(_ path: String, in layer: Layer) -> LookupResult {
        switch layer {
        case .mount(let target, let source, let excluded):
            guard let rest = ImagePath.relative(path, to: target) else {
                // Ancestors of a mount point exist as directories.
                return ImagePath.relative(target, to: path) != nil ? .found(.directory(nil)) : .absent
            }
            let repoPath = source.appending(RepoPath(validatedPath: rest))
            if Self.isExcluded(repoPath, below: source, excluded) { return .absent }
            switch snapshot.kind(of: repoPath) {
            case .file: return .found(.file(.repository(repoPath)))
            case .directory: return .found(.directory(.repository(repoPath)))
            case .symlink(let target): return .found(.symlink(target: target))
            case nil: return .absent
            }
        case .nodes(let nodes):
            if let node = nodes[path] { return .found(node) }
            let prefix = path + "/"
            if nodes.keys.contains(where: { $0.hasPrefix(prefix) }) { return .found(.directory(nil)) }
            return .absent
        case .imported(let box, let sourcePath, let target):
            guard let rest = ImagePath.relative(path, to: target) else {
                return ImagePath.relative(target, to: path) != nil ? .found(.directory(nil)) : .absent
            }
            if let node = box.fileSystem.node(at: ImagePath.join(sourcePath, rest.joined(separator: "/"))) { return .found(node) }
            return .absent
        case .removed(let paths):
            if paths.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { return .removed }
            return .absent
        }
    }
}

/// Boxes a filesystem so a layer can hold another image's filesystem (a recursive value).
public final class ImageFileSystemBox: Sendable {
    public let fileSystem: ImageFileSystem
    public init(_ fileSystem: ImageFileSystem) { self.fileSystem = fileSystem }
}

/// Repository paths left out of a mount (.dockerignore, Railpack's `exclude`).
public struct ExcludedPaths: Sendable {
    private let matcher: @Sendable (RepoPath) -> Bool
    public static let none = ExcludedPaths { _ in false }

    public init(_ matcher: @escaping @Sendable (RepoPath) -> Bool) { self.matcher = matcher }

    public func contains(_ path: RepoPath) -> Bool { matcher(path) }
}

extension RepoPath {
    /// Builds a path from components already known to be clean (image path components).
    init(validatedPath components: [String]) {
        self = RepoPath(components.joined(separator: "/")) ?? .root
    }
}

extension ImageFileSystem {
    /// Where a repository file appears in the image (through mounts or explicit copies).
    public func imagePaths(of repoPath: RepoPath) -> [String] {
        var result: [String] = []
        for layer in layers {
            switch layer {
            case .mount(let target, let source, let excluded):
                if let relative = repoPath.relative(to: source), !excluded.contains(repoPath) {
                    result.append(ImagePath.join(target, relative.description))
                }
            case .nodes(let nodes):
                for (path, node) in nodes where node == .file(.repository(repoPath)) { result.append(path) }
            default: continue
            }
        }
        return result.filter { origin(of: $0) == .repository(repoPath) }
    }
}
