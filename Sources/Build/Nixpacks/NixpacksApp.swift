import Snapshot

/// The directory Nixpacks plans for, seen the way its `App` sees it (nixpacks:src/nixpacks/app.rs):
/// `includes_file` follows symlinks, `read_file` insists on UTF-8 and turns CRLF into LF, and the
/// glob searches walk the whole tree, hidden files included, in file-name order.
struct NixpacksApp {
    let snapshot: RepoSnapshot
    let root: RepoPath
    /// Every entry under the app directory in walk order, made once: detection and the Python
    /// provider search the tree several times.
    private let walk: [RepoPath]

    init(snapshot: RepoSnapshot, root: RepoPath) {
        self.snapshot = snapshot
        self.root = root
        self.walk = Self.preorder(snapshot, from: root)
    }

    /// A path below the app directory, or nil for one that climbs out of the repository.
    func path(_ name: String) -> RepoPath? { RepoPath(name, relativeTo: root) }

    /// app.rs `includes_file` (`Path::is_file`, which follows symlinks).
    func includesFile(_ name: String) -> Bool {
        guard let path = path(name), let resolved = resolve(path) else { return false }
        return snapshot.isFile(resolved)
    }

    /// app.rs `includes_directory`.
    func includesDirectory(_ name: String) -> Bool {
        guard let path = path(name), let resolved = resolve(path) else { return false }
        return snapshot.isDirectory(resolved)
    }

    /// app.rs `read_file`: the file as UTF-8 with CRLF turned into LF. Nixpacks fails the plan
    /// with "Error reading <file>" when the bytes are not UTF-8 (`fs::read_to_string`).
    func readFile(_ name: String) throws(NixpacksPlanError) -> String {
        guard let path = path(name) else { throw NixpacksPlanError(.nixpacks, "Error reading \(name)") }
        return try readFile(at: path)
    }

    func readFile(at path: RepoPath) throws(NixpacksPlanError) -> String {
        let display = path.relative(to: root)?.description ?? path.description
        guard let resolved = resolve(path), snapshot.isFile(resolved) else {
            throw NixpacksPlanError(.nixpacks, "Error reading \(display): No such file or directory (os error 2)", file: path)
        }
        let bytes: [UInt8]
        do {
            bytes = try snapshot.read(resolved)
        } catch {
            throw NixpacksPlanError(.notModelled, "railsim cannot read \(display): \(error)", file: path)
        }
        guard let text = Self.strictUTF8(bytes) else {
            throw NixpacksPlanError(.nixpacks, "Error reading \(display): stream did not contain valid UTF-8", file: path)
        }
        return Self.normalisingLineEnds(text)
    }

    /// Sorted names of the app directory's entries, with whether each is a directory (symlinks
    /// followed, as `Path::is_dir` does): app.rs keeps them from `fs::read_dir`.
    var topLevelEntries: [(name: String, isDirectory: Bool)] {
        snapshot.children(of: root).sorted(by: NixpacksOrdering.less).map { name in
            let child = root.appending(name)
            return (name, resolve(child).map { snapshot.isDirectory($0) } ?? false)
        }
    }

    /// The files app.rs `find_files` would return, in its order: a depth-first walk with each
    /// directory's entries sorted by name (`WalkBuilder::sort_by_file_name`), hidden entries
    /// included (`hidden(false)`), symlinked directories not entered, symlinks to files kept.
    /// Nixpacks' walker also honours `.ignore` files, and `.gitignore` inside a git checkout;
    /// Railway's build context carries no `.git`, and railsim does not read `.ignore` files.
    func walkFiles(where matches: (RepoPath) -> Bool) -> [RepoPath] {
        walk.filter { path in
            guard let resolved = resolve(path), snapshot.isFile(resolved) else { return false }
            return matches(path)
        }
    }

    private static func preorder(_ snapshot: RepoSnapshot, from start: RepoPath) -> [RepoPath] {
        var order: [RepoPath] = []
        var stack: [RepoPath] = snapshot.children(of: start).sorted(by: NixpacksOrdering.less).reversed().map { start.appending($0) }
        while let next = stack.popLast() {
            order.append(next)
            if snapshot.kind(of: next) == .directory {
                stack += snapshot.children(of: next).sorted(by: NixpacksOrdering.less).reversed().map { next.appending($0) }
            }
        }
        return order
    }

    /// Follows symlinks inside the snapshot (at most 40, Linux's limit); nil for a dangling link or
    /// one that leaves the repository.
    func resolve(_ path: RepoPath) -> RepoPath? {
        var current = path
        for _ in 0..<40 {
            guard case .symlink(let target)? = snapshot.kind(of: current) else { return current }
            guard !target.hasPrefix("/"), let parent = current.parent, let next = RepoPath(target, relativeTo: parent) else { return nil }
            current = next
        }
        return nil
    }

    /// Rust's `String::from_utf8`: nil on any invalid sequence (a BOM is kept, as Rust keeps it).
    static func strictUTF8(_ bytes: [UInt8]) -> String? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return String(scalars)
            case .error: return nil
            }
        }
    }

    /// `data.replace("\r\n", "\n")` in app.rs `read_file`.
    static func normalisingLineEnds(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                index += 1
                continue
            }
            out.append(scalars[index])
            index += 1
        }
        return String(out)
    }
}
