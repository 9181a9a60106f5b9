import Snapshot

/// Installing the repository's own project (`pip install .`, `pip install -e .`, `uv sync`,
/// `poetry install`, Nixpacks' and Railpack's install steps): what its build backend writes into
/// site-packages, so the project's imports resolve the way CPython resolves them after the install.
/// One model for every caller; checked against real pip by scripts/project-install-oracle.py.
public struct ProjectInstall: Sendable {
    public enum Mode: Sendable, Equatable { case regular, editable }

    /// What the install adds to the image.
    public struct Installed: Sendable {
        /// The project as an installed distribution (its import names are the discovered top levels).
        public var distribution: InstalledDistribution
        /// Layers to add, in order: copied package trees (regular) or `.pth`/finder files (editable),
        /// and the `.dist-info` directory.
        public var layers: [ImageFileSystem.Layer]
        public var backend: String
    }

    public enum Outcome: Sendable {
        case installed(Installed)
        /// The backend stops the build (its message).
        case failed(String)
        /// Not modelled; the text says what is assumed.
        case notModelled(String)
    }

    /// Reads `projectDirectory/pyproject.toml` in `fileSystem` (the image when the install runs) and
    /// models the install into `sitePackages`.
    public static func install(projectDirectory: String, fileSystem: ImageFileSystem, sitePackages: String, mode: Mode,
                               requiredAt: SourceLocation?, command: String = "pip install") -> Outcome {
        install(projectDirectory: projectDirectory, fileSystem: fileSystem, sitePackages: sitePackages, mode: mode, requiredAt: requiredAt,
                backend: nil, command: command)
    }

    /// `backend` replaces the one pyproject.toml names, for an installer that builds the project
    /// itself whatever the [build-system] says (Poetry 1.x's EditableBuilder).
    static func install(projectDirectory: String, fileSystem: ImageFileSystem, sitePackages: String, mode: Mode,
                        requiredAt: SourceLocation?, backend: ProjectBuildBackend?, command: String = "pip install") -> Outcome {
        let tree = ProjectTree(fileSystem: fileSystem, root: ImagePath.clean(projectDirectory))
        let pyproject = tree.path("pyproject.toml")
        guard let bytes = try? fileSystem.contents(of: pyproject),
              var config = ProjectBuildConfig(pyproject: String(decoding: bytes, as: UTF8.self), file: pyproject) else {
            return .notModelled("a project without a readable pyproject.toml [project] name")
        }
        if let backend { config.backend = backend }
        switch ProjectDiscovery.discover(config, in: tree) {
        case .failure(let message): return .failed(message)
        case .notModelled(let what): return .notModelled("\(what); the project's own modules are assumed absent from site-packages")
        case .layout(let layout):
            let site = ImagePath.clean(sitePackages)
            let distribution = InstalledDistribution(name: config.name, importNames: layout.topLevel.map(\.name), nameRule: .project,
                                                     sitePackages: site, requiredAt: requiredAt)
            let origin = "\(config.backend.displayName) (\(mode == .editable ? "editable " : "")install of \(config.name))"
            var layers: [ImageFileSystem.Layer] = []
            var nodes: [String: ImageNode] = [:]
            switch mode {
            case .regular:
                // The wheel holds each top-level package/module; pip unpacks it into site-packages
                // (packaging.python.org binary-distribution-format "Installing a wheel"). The files
                // are the ones in the project when the install runs.
                let box = ImageFileSystemBox(fileSystem)
                for item in layout.topLevel {
                    layers.append(.imported(box, sourcePath: item.source, target: ImagePath.join(site, item.name + (item.isModule ? ".py" : ""))))
                }
            case .editable:
                switch layout.editable {
                case .pathFile(let name, let lines):
                    nodes[ImagePath.join(site, name)] = .file(.generated(contents: Array((lines.joined(separator: "\n") + "\n").utf8), by: origin))
                case .finder(let pthName, let module, let mapping):
                    let line = "import \(module); \(module).install()"
                    nodes[ImagePath.join(site, pthName)] = .file(.generated(contents: Array(line.utf8), by: origin))
                    nodes[ImagePath.join(site, module + ".py")] = .file(.generated(contents: Array(EditableFinderSource.text(mapping).utf8), by: origin))
                }
            }
            // PEP 376/627: `<escaped name>-<version>.dist-info` marks the distribution as installed.
            let distInfo = ImagePath.join(site, "\(config.escapedName)-\(config.versionForFileNames).dist-info")
            let metadata = "Metadata-Version: 2.1\nName: \(config.name)\nVersion: \(config.versionForFileNames)\n"
            nodes[distInfo + "/METADATA"] = .file(.generated(contents: Array(metadata.utf8), by: origin))
            nodes[distInfo + "/INSTALLER"] = .file(.generated(contents: Array("pip\n".utf8), by: origin))
            nodes.merge(ProjectConsoleScripts.nodes(config.scripts, sitePackages: site, origin: origin,
                                                    installer: ProjectConsoleScripts.Installer(command: command))) { current, _ in current }
            layers.append(.nodes(nodes))
            return .installed(Installed(distribution: distribution, layers: layers, backend: config.backend.displayName))
        }
    }
}

/// The finder module railsim writes for a setuptools editable install whose layout needs one.
/// setuptools' real module (editable_wheel.py `_FINDER_TEMPLATE`) is a meta-path finder driven by a
/// literal `MAPPING`; railsim reads only that literal (Runtime PthSemantics), and this stand-in,
/// written for railsim, behaves the same for top-level packages and modules when CPython runs it.
enum EditableFinderSource {
    static func text(_ mapping: [(name: String, path: String)]) -> String {
        let entries = mapping.sorted { $0.name < $1.name }.map { "\(pythonString($0.name)): \(pythonString($0.path))" }.joined(separator: ", ")
        return """
        # Written by railsim in place of setuptools' editable finder: only MAPPING matters.
        import sys
        from importlib.util import spec_from_file_location
        import os.path

        MAPPING = {\(entries)}


        class _RailsimEditableFinder:
            @classmethod
            def find_spec(cls, fullname, path=None, target=None):
                base = MAPPING.get(fullname)
                if base is None:
                    return None
                if os.path.isdir(base):
                    return spec_from_file_location(fullname, os.path.join(base, "__init__.py"), submodule_search_locations=[base])
                if os.path.isfile(base + ".py"):
                    return spec_from_file_location(fullname, base + ".py")
                return None


        def install():
            if _RailsimEditableFinder not in sys.meta_path:
                sys.meta_path.append(_RailsimEditableFinder)

        """
    }

    static func pythonString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
