/// The project directory as its build backend sees it when the install runs: the image's files at
/// that moment (a `COPY` later in the Dockerfile is not there yet).
struct ProjectTree {
    let fileSystem: ImageFileSystem
    /// Image path of the project directory (where pyproject.toml is).
    let root: String

    func path(_ relative: String) -> String {
        let trimmed = relative.hasPrefix("./") ? String(relative.dropFirst(2)) : relative
        return trimmed.isEmpty || trimmed == "." ? root : ImagePath.join(root, trimmed)
    }
    /// Joins paths relative to the project root, keeping them relative (`.` is the root).
    static func join(_ base: String, _ name: String) -> String {
        base.isEmpty || base == "." ? name : base + "/" + name
    }
    func isDirectory(_ relative: String) -> Bool { fileSystem.isDirectory(path(relative)) }
    func isFile(_ relative: String) -> Bool { fileSystem.isFile(path(relative)) }
    func children(_ relative: String) -> [String] { fileSystem.children(of: path(relative)) }
}

/// What a backend's discovery found: the top-level importable names and where their sources are,
/// and how an editable install exposes them.
struct ProjectLayout: Sendable, Equatable {
    struct TopLevel: Sendable, Equatable {
        /// The import name (`pkg`, or `mod` for `mod.py`).
        var name: String
        /// Image path of the package directory or module file.
        var source: String
        var isModule: Bool
    }

    /// How an editable install makes the sources importable.
    enum Editable: Sendable, Equatable {
        /// A `.pth` file of directories (site.py appends each that exists to sys.path).
        case pathFile(name: String, lines: [String])
        /// setuptools' finder: a `.pth` import line that installs a meta-path finder mapping each
        /// top-level name to its source path (setuptools/command/editable_wheel.py `_TopLevelFinder`).
        case finder(pthName: String, module: String, mapping: [(name: String, path: String)])

        static func == (lhs: Editable, rhs: Editable) -> Bool {
            switch (lhs, rhs) {
            case let (.pathFile(a, b), .pathFile(c, d)): return a == c && b == d
            case let (.finder(a, b, m), .finder(c, d, n)):
                return a == c && b == d && m.map(\.name) == n.map(\.name) && m.map(\.path) == n.map(\.path)
            default: return false
            }
        }
    }

    var topLevel: [TopLevel]
    var editable: Editable
}

/// The outcome of a backend's discovery on a project tree.
enum ProjectDiscovery: Sendable, Equatable {
    case layout(ProjectLayout)
    /// The backend stops the build with this message (its own words).
    case failure(String)
    /// A configuration railsim does not model; the text says what is assumed.
    case notModelled(String)

    /// Runs the rules of the project's backend.
    static func discover(_ config: ProjectBuildConfig, in tree: ProjectTree) -> ProjectDiscovery {
        switch config.backend {
        case .setuptools: return setuptools(config, in: tree)
        case .hatchling: return hatchling(config, in: tree)
        case .poetryCore: return poetry(config, in: tree)
        case .flitCore: return flit(config, in: tree)
        case .uvBuild: return uvBuild(config, in: tree)
        case .pdmBackend: return pdm(config, in: tree)
        case .other(let name): return .notModelled("build backend \(name)")
        }
    }

    /// A name Python can import (`str.isidentifier()`, ASCII subset; PEP 3131 names are rare in layouts).
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    /// A top-level package directory or module file at `relative` in the tree, named by its last component.
    static func entry(_ relative: String, in tree: ProjectTree) -> ProjectLayout.TopLevel? {
        let base = ImagePath.basename(tree.path(relative))
        if tree.isDirectory(relative) { return .init(name: base, source: tree.path(relative), isModule: false) }
        if tree.isFile(relative), base.hasSuffix(".py") { return .init(name: String(base.dropLast(3)), source: tree.path(relative), isModule: true) }
        return nil
    }
}
