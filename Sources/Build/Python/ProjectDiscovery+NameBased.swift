import Railway

/// Backends that find the project's code by the project's name: hatchling, poetry-core,
/// flit-core, uv_build and pdm-backend (pdm looks for packages, not the name). Rules read from
/// hatchling 1.33.0, poetry-core 2.5.0, flit-core 4.2.0, uv_build 0.13.6, pdm-backend 2.5.0.
extension ProjectDiscovery {
    static func hatchling(_ config: ProjectBuildConfig, in tree: ProjectTree) -> ProjectDiscovery {
        // hatchling/builders/wheel.py WheelBuilderConfig.default_file_selection_options: the target's
        // options, then the shared [tool.hatch.build] ones.
        func option(_ key: String) -> ConfigValue? { config.value("hatch", "build", "targets", "wheel", key) ?? config.value("hatch", "build", key) }
        if option("include") != nil || option("only-include") != nil || option("sources") != nil || option("force-include") != nil {
            return .notModelled("hatchling include/only-include/sources/force-include file selection")
        }
        if config.value("hatch", "build", "targets", "wheel", "dev-mode-exact") == .bool(true) || config.value("hatch", "build", "dev-mode-exact") == .bool(true) {
            return .notModelled("hatchling dev-mode-exact editable installs")
        }
        var topLevel: [ProjectLayout.TopLevel] = []
        if let packages = option("packages")?.stringItems, !packages.isEmpty {
            // hatch.pypa.io/latest/config/build/#packages: each path ships as its last component.
            topLevel = packages.compactMap { entry($0, in: tree) }
        } else {
            // wheel.py default_file_selection_options: for the raw then the normalised name (PEP 427
            // escaping, plugin/interface.py normalize_file_name_component): <name>/__init__.py,
            // src/<name>/__init__.py, <name>.py, then a single */<name>/__init__.py (its top directory).
            var tried: [String] = []
            for name in [hatchFileName(config.name), hatchFileName(PythonPackageName.normalize(config.name))] {
                if tree.isFile(name + "/__init__.py"), let found = entry(name, in: tree) { topLevel = [found]; break }
                if tree.isFile("src/\(name)/__init__.py"), let found = entry("src/" + name, in: tree) { topLevel = [found]; break }
                if tree.isFile(name + ".py"), let found = entry(name + ".py", in: tree) { topLevel = [found]; break }
                let nested = tree.children(".").filter { tree.isFile("\($0)/\(name)/__init__.py") }
                if nested.count == 1, let found = entry(nested[0], in: tree) { topLevel = [found]; break }
                tried.append(name)
            }
            if topLevel.isEmpty { return .failure(hatchlingNoFiles(Set(tried).sorted().joined(separator: " or "))) }
        }
        // wheel.py build_editable_explicit: `dev-mode-dirs` become `_<name>.pth`, sorted, joined by newlines.
        let pthName = "_\(config.name.replacingOccurrences(of: "-", with: "_")).pth"
        if let dirs = config.value("hatch", "build", "targets", "wheel", "dev-mode-dirs") ?? config.value("hatch", "build", "dev-mode-dirs") {
            return .layout(ProjectLayout(topLevel: topLevel, editable: .pathFile(name: pthName, lines: dirs.stringItems.map { tree.path($0) }.sorted())))
        }
        // wheel.py build_editable_detection: each shipped top-level's parent directory goes on the path
        // (editables EditableProject.add_to_path), in a `.pth` renamed with a leading `_`.
        var lines: [String] = []
        for item in topLevel where !lines.contains(ImagePath.dirname(item.source)) { lines.append(ImagePath.dirname(item.source)) }
        return .layout(ProjectLayout(topLevel: topLevel, editable: .pathFile(name: pthName, lines: lines)))
    }

    /// hatchling/builders/plugin/interface.py normalize_file_name_component: runs of characters other
    /// than word characters and `.` become `_`.
    static func hatchFileName(_ name: String) -> String {
        var out = ""
        var inRun = false
        for ch in name {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "." { out.append(ch); inRun = false } else if !inRun { out.append("_"); inRun = true }
        }
        return out
    }

    /// hatchling/builders/wheel.py default_file_selection_options: the ValueError hatchling raises.
    static func hatchlingNoFiles(_ names: String) -> String {
        """
        ValueError: Unable to determine which files to ship inside the wheel using the following heuristics: https://hatch.pypa.io/latest/plugins/builder/wheel/#default-file-selection

        The most likely cause of this is that there is no directory that matches the name of your project (\(names)).

        At least one file selection option must be defined in the `tool.hatch.build.targets.wheel` table, see: https://hatch.pypa.io/latest/config/build/

        As an example, if you intend to ship a directory named `foo` that resides within a `src` directory located at the root of your project, you can define the following:

        [tool.hatch.build.targets.wheel]
        packages = ["src/foo"]
        """
    }

    static func poetry(_ config: ProjectBuildConfig, in tree: ProjectTree) -> ProjectDiscovery {
        // poetry/core/utils/helpers.py module_name: the canonical name with `-` → `_`.
        let moduleName = PythonPackageName.normalize(config.name).replacingOccurrences(of: "-", with: "_")
        var topLevel: [ProjectLayout.TopLevel] = []
        var bases: [String] = []
        if case .array(let packages)? = config.value("poetry", "packages") {
            // python-poetry.org/docs/pyproject/#packages: `include` (a package, module or glob) under `from`.
            for package in packages {
                guard let members = package.members, case .string(let include)? = members.member("include") else { continue }
                if include.contains("*") || include.contains("?") { return .notModelled("poetry packages with a glob include") }
                if let formats = members.member("format")?.stringItems, !formats.isEmpty, !formats.contains("wheel") { continue }
                let from = members.member("from")?.stringItems.first ?? ""
                guard let found = entry(ProjectTree.join(from, include), in: tree) else { continue }
                topLevel.append(found)
                bases.append(tree.path(from))
            }
        } else {
            // poetry/core/masonry/utils/module.py Module.__init__: <name>/ or <name>.py, else src/<name>/
            // or src/<name>.py; both a directory and a module is an error, neither is an error.
            let direct = [moduleName, moduleName + ".py"].filter { tree.fileSystem.exists(tree.path($0)) }
            let inSrc = ["src/" + moduleName, "src/\(moduleName).py"].filter { tree.fileSystem.exists(tree.path($0)) }
            let pick = direct.isEmpty ? inSrc : direct
            if pick.count > 1 { return .failure("ValueError: Both \(tree.path(moduleName)) and \(tree.path(moduleName + ".py")) exist") }
            guard let only = pick.first, let found = entry(only, in: tree) else {
                return .failure("poetry.core.masonry.utils.module.ModuleOrPackageNotFoundError: No file/folder found for package \(config.name)")
            }
            topLevel = [found]
            bases = [direct.isEmpty ? tree.path("src") : tree.root]
        }
        // poetry/core/masonry/builders/wheel.py _add_pth: `<module name>.pth` listing each include's base
        // directory once (a set, one per line).
        var lines: [String] = []
        for base in bases where !lines.contains(base) { lines.append(base) }
        return .layout(ProjectLayout(topLevel: topLevel, editable: .pathFile(name: moduleName + ".pth", lines: lines)))
    }

    static func flit(_ config: ProjectBuildConfig, in tree: ProjectTree) -> ProjectDiscovery {
        // flit_core/config.py: [tool.flit.module] name, else the project name with `-` → `_`.
        let name = config.value("flit", "module", "name")?.stringItems.first ?? config.name.replacingOccurrences(of: "-", with: "_")
        if name.contains(".") { return .notModelled("flit namespace-package module \(name)") }
        // flit_core/common.py Module.__init__: exactly one of <name>/, <name>.py, src/<name>/, src/<name>.py.
        let candidates = [name, name + ".py", "src/" + name, "src/\(name).py"]
        let existing = candidates.filter { $0.hasSuffix(".py") ? tree.isFile($0) : tree.isDirectory($0) }
        if existing.count > 1 {
            return .failure("ValueError: Multiple files or folders could be module \(name): " + existing.map { tree.path($0) }.sorted().joined(separator: ", "))
        }
        guard let only = existing.first, let found = entry(only, in: tree) else { return .failure("ValueError: No file/folder found for module \(name)") }
        // flit_core/wheel.py add_pth: `<module>.pth` holding the source directory (the root or src/).
        let source = only.hasPrefix("src/") ? tree.path("src") : tree.root
        return .layout(ProjectLayout(topLevel: [found], editable: .pathFile(name: name + ".pth", lines: [source])))
    }

    static func uvBuild(_ config: ProjectBuildConfig, in tree: ProjectTree) -> ProjectDiscovery {
        // docs.astral.sh/uv/concepts/build-backend/#modules: module-root defaults to "src", module-name
        // to the project name normalised with `_`.
        let root = config.value("uv", "build-backend", "module-root")?.stringItems.first ?? "src"
        let moduleNames = config.value("uv", "build-backend", "module-name")?.stringItems ?? [PythonPackageName.normalize(config.name).replacingOccurrences(of: "-", with: "_")]
        if moduleNames.count != 1 || moduleNames.contains(where: { $0.contains(".") }) || config.value("uv", "build-backend", "namespace") != nil {
            return .notModelled("uv_build with several, dotted or namespace modules")
        }
        let name = moduleNames[0]
        let prefix = root.isEmpty || root == "." ? "" : root + "/"
        guard tree.isFile("\(prefix)\(name)/__init__.py"), let found = entry(prefix + name, in: tree) else {
            // [EXP uv_build 0.13.6] the message uv-build prints when the module is missing.
            return .failure("Error: Expected a Python module at: \(prefix)\(name)/__init__.py")
        }
        // [EXP uv_build 0.13.6] `<escaped name>.pth` holds the project path joined with module-root
        // (an empty root leaves a trailing `/`).
        let line = tree.root + "/" + (root == "." ? "" : root)
        return .layout(ProjectLayout(topLevel: [found], editable: .pathFile(name: config.escapedName + ".pth", lines: [line])))
    }

    static func pdm(_ config: ProjectBuildConfig, in tree: ProjectTree) -> ProjectDiscovery {
        if config.value("pdm", "build", "includes") != nil || config.value("pdm", "build", "editable-backend") == .string("editables") {
            return .notModelled("pdm-backend includes or the editables editable backend")
        }
        // pdm/backend/config.py BuildConfig.package_dir: `package-dir`, else "src" when it is a directory.
        let packageDir = config.value("pdm", "build", "package-dir")?.stringItems.first ?? (tree.isDirectory("src") ? "src" : "")
        let base = packageDir.isEmpty ? "." : packageDir
        // pdm/backend/base.py _get_include_and_exclude: every directory with __init__.py in package_dir,
        // else its top-level modules; `tests` is a source-include, left out of wheels.
        var topLevel = tree.children(base).filter { $0 != "tests" && tree.isFile("\(base)/\($0)/__init__.py") }.compactMap { entry("\(base)/\($0)", in: tree) }
        if topLevel.isEmpty {
            topLevel = tree.children(base).filter { $0.hasSuffix(".py") }.compactMap { entry("\(base)/\($0)", in: tree) }
        }
        // pdm/backend/editable.py: the default "path" editable backend writes `_editable_impl_<name>.pth`
        // holding the package directory [EXP pdm-backend 2.5.0 for the file name].
        let line = packageDir.isEmpty ? tree.root : tree.path(packageDir)
        return .layout(ProjectLayout(topLevel: topLevel, editable: .pathFile(name: "_editable_impl_\(config.escapedName).pth", lines: [line])))
    }
}
