import Railway

/// setuptools' package discovery (pyproject-based configuration, setuptools ≥ 61) and the
/// editable strategy it picks (≥ 64). Rules read from setuptools 84.2.1; each cites its file.
extension ProjectDiscovery {
    static func setuptools(_ config: ProjectBuildConfig, in tree: ProjectTree) -> ProjectDiscovery {
        // A setup.py runs before discovery and may pass packages= / py_modules= / package_dir=
        // (setuptools/discovery.py ConfigDiscovery._explicitly_specified): railsim never runs it.
        if tree.isFile("setup.py"), let text = try? tree.fileSystem.contents(of: tree.path("setup.py")),
           ["packages", "py_modules", "package_dir"].contains(where: { String(decoding: text, as: UTF8.self).contains($0) }) {
            return .notModelled("setuptools project whose setup.py sets packages/py_modules/package_dir")
        }
        // setuptools/config/_apply_pyprojecttoml.py: [tool.setuptools] package-dir, packages, py-modules.
        var packageDir: [(key: String, value: String)] = (config.table("setuptools", "package-dir") ?? []).compactMap {
            if case .string(let value) = $0.value { return ($0.key, value) }
            return nil
        }
        var packages: [String]? = nil
        var modules: [String]? = config.value("setuptools", "py-modules").map(\.stringItems)
        if let find = config.table("setuptools", "packages", "find") ?? config.table("setuptools", "packages", "find-namespace") {
            // setuptools/config/expand.py find_packages: where defaults to ["."]; a single `where` other
            // than the root becomes package_dir[""]; namespaces default to true (PEP 420 finder).
            let wheres = find.member("where").map(\.stringItems) ?? ["."]
            let includes = find.member("include").map(\.stringItems) ?? ["*"]
            let excludes = find.member("exclude").map(\.stringItems) ?? []
            let namespaces = find.member("namespaces") != .bool(false)
            if wheres.count > 1 { return .notModelled("setuptools packages.find with several `where` directories") }
            let whereDir = wheres.first ?? "."
            if whereDir != ".", whereDir != "", !packageDir.contains(where: { $0.key == "" }) { packageDir.append(("", whereDir)) }
            packages = findPackages(in: whereDir, tree: tree, namespaces: namespaces, includes: includes, excludes: excludes, flat: false)
        } else if let listed = config.value("setuptools", "packages") {
            packages = listed.stringItems
        }
        if packages == nil, modules == nil {
            switch autoDiscover(tree: tree, packageDir: &packageDir) {
            case .failure(let message): return .failure(message)
            case .found(let foundPackages, let foundModules):
                packages = foundPackages
                modules = foundModules
            }
        }
        let dirMap = Dictionary(packageDir.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        var topLevel: [ProjectLayout.TopLevel] = []
        for name in Set((packages ?? []).map { String($0.split(separator: ".").first ?? "") }).sorted() where !name.isEmpty {
            topLevel.append(.init(name: name, source: tree.path(packagePath(name, dirMap)), isModule: false))
        }
        for module in (modules ?? []).filter({ !$0.contains(".") }).sorted() {
            topLevel.append(.init(name: module, source: tree.path(packagePath(module, dirMap)) + ".py", isModule: true))
        }
        // setuptools/command/editable_wheel.py: the wheel's files are named after the escaped
        // distribution name and version (`__editable__.{name}-{tag}`).
        let stem = "\(config.escapedName)-\(config.versionForFileNames)"
        // editable_wheel.py _select_strategy: a static .pth of package_dir[""] when that is the only
        // package_dir entry and every package sits where that directory puts it (`_simple_layout`);
        // otherwise the `_TopLevelFinder` meta-path finder.
        if Set(dirMap.keys) == [""], let base = dirMap[""] {
            return .layout(ProjectLayout(topLevel: topLevel, editable: .pathFile(name: "__editable__.\(stem).pth", lines: [tree.path(base)])))
        }
        // editable_wheel.py _TopLevelFinder.template_vars: MAPPING holds each top-level package's
        // directory and each top-level module's path without its suffix, sorted by name (`_finder_template`).
        let mapping = topLevel.map { (name: $0.name, path: $0.isModule ? String($0.source.dropLast(3)) : $0.source) }
        // setuptools/_normalization.py safe_identifier: non-word characters become `_`.
        let module = String("__editable__.\(stem).finder".map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        return .layout(ProjectLayout(topLevel: topLevel, editable: .finder(pthName: "__editable__.\(stem).pth", module: module, mapping: mapping)))
    }

    /// setuptools/discovery.py find_package_path: the most specific package_dir entry wins, else
    /// package_dir[""] joined with the dotted path.
    static func packagePath(_ name: String, _ packageDir: [String: String]) -> String {
        let parts = name.split(separator: ".").map(String.init)
        for count in stride(from: parts.count, to: 0, by: -1) {
            if let parent = packageDir[parts.prefix(count).joined(separator: ".")] {
                return ([parent] + parts.dropFirst(count)).filter { !$0.isEmpty }.joined(separator: "/")
            }
        }
        return ([packageDir[""] ?? ""] + parts).filter { !$0.isEmpty }.joined(separator: "/")
    }

    enum AutoDiscovery { case found(packages: [String], modules: [String]), failure(String) }

    /// setuptools/discovery.py ConfigDiscovery._analyse_package_layout: explicit package_dir, then
    /// src-layout, then flat-layout.
    static func autoDiscover(tree: ProjectTree, packageDir: inout [(key: String, value: String)]) -> AutoDiscovery {
        // discovery.py _analyse_explicit_layout: package_dir entries other than "" name the packages.
        let explicit = packageDir.filter { !$0.key.isEmpty }
        if !explicit.isEmpty { return .found(packages: explicit.map(\.key), modules: []) }
        // discovery.py _analyse_src_layout: package_dir[""] (default "src"), if it is a directory, holds
        // every package (PEP 420 finder) and every module.
        let src = packageDir.first(where: { $0.key.isEmpty })?.value ?? "src"
        if tree.isDirectory(src) {
            if !packageDir.contains(where: { $0.key.isEmpty }) { packageDir.append(("", src)) }
            return .found(packages: findPackages(in: src, tree: tree, namespaces: true, includes: ["*"], excludes: [], flat: false),
                          modules: findModules(in: src, tree: tree, flat: false))
        }
        // discovery.py _analyse_flat_layout: packages first, then modules; more than one top-level
        // name stops the build (_ensure_no_accidental_inclusion).
        let flatPackages = findPackages(in: ".", tree: tree, namespaces: true, includes: ["*"], excludes: [], flat: true)
        let topPackages = flatPackages.filter { !$0.contains(".") && !$0.hasSuffix("-stubs") }
        if topPackages.count > 1 { return .failure(multipleTopLevel(topPackages, kind: "packages")) }
        if !topPackages.isEmpty { return .found(packages: flatPackages, modules: []) }
        let modules = findModules(in: ".", tree: tree, flat: true)
        if modules.count > 1 { return .failure(multipleTopLevel(modules, kind: "modules")) }
        return .found(packages: [], modules: modules)
    }

    /// discovery.py _ensure_no_accidental_inclusion's message (PackageDiscoveryError, printed as
    /// `error: …` by distutils). setuptools lists the names in directory order, which railsim cannot
    /// know; they are shown sorted.
    static func multipleTopLevel(_ names: [String], kind: String) -> String {
        let list = "[" + names.sorted().map { "'\($0)'" }.joined(separator: ", ") + "]"
        return """
        error: Multiple top-level \(kind) discovered in a flat-layout: \(list).

        To avoid accidental inclusion of unwanted files or directories,
        setuptools will not proceed with this build.

        If you are trying to create a single distribution with multiple \(kind)
        on purpose, you should not rely on automatic discovery.
        Instead, consider the following options:

        1. set up custom discovery (`find` directive with `include` or `exclude`)
        2. use a `src-layout`
        3. explicitly set `py_modules` or `packages` with a list of names

        To find more information, look for "package discovery" on setuptools docs.
        """
    }

    /// discovery.py FlatLayoutPackageFinder._EXCLUDE and FlatLayoutModuleFinder.DEFAULT_EXCLUDE
    /// (fnmatch patterns; `[._]*` covers hidden and private names).
    static let flatPackageExcludes = ["ci", "bin", "debian", "doc", "docs", "documentation", "manpages", "news", "newsfragments", "changelog",
                                      "test", "tests", "unit_test", "unit_tests", "example", "examples", "scripts", "tools", "util", "utils",
                                      "python", "build", "dist", "venv", "env", "requirements", "tasks", "fabfile", "site_scons",
                                      "benchmark", "benchmarks", "exercise", "exercises", "htmlcov"]
    static let flatModuleExcludes = ["setup", "conftest", "test", "tests", "example", "examples", "build", "toxfile", "noxfile", "pavement",
                                     "dodo", "tasks", "fabfile", "conanfile", "manage", "benchmark", "benchmarks", "exercise", "exercises"]

    /// discovery.py PackageFinder._find_iter over `where`: directories without `.` in the name,
    /// not `__pycache__`/`ez_setup` (ALWAYS_EXCLUDE); PEP 420 finders take any directory, the classic
    /// one needs `__init__.py`; the flat-layout finder needs identifier names and skips its excludes.
    static func findPackages(in whereDir: String, tree: ProjectTree, namespaces: Bool, includes: [String], excludes: [String], flat: Bool) -> [String] {
        var found: [String] = []
        var queue: [(relative: String, package: String)] = tree.children(whereDir).map { (ProjectTree.join(whereDir, $0), $0) }
        var visited = 0
        while !queue.isEmpty, visited < 10_000 {
            let (relative, package) = queue.removeFirst()
            visited += 1
            let name = package.split(separator: ".").last.map(String.init) ?? package
            guard tree.isDirectory(relative), !name.contains("."), name != "__pycache__", package != "ez_setup" else { continue }
            if flat {
                let first = package.split(separator: ".").first.map(String.init) ?? package
                guard isIdentifier(first) || first.hasSuffix("-stubs"), package.split(separator: ".").allSatisfy({ isIdentifier(String($0)) || $0.hasSuffix("-stubs") }) else { continue }
                if first.hasPrefix(".") || first.hasPrefix("_") || flatPackageExcludes.contains(first) { continue }
            }
            if !namespaces, !tree.isFile(ProjectTree.join(relative, "__init__.py")) { continue }
            if includes.contains(where: { fnmatch(package, $0) }), !excludes.contains(where: { fnmatch(package, $0) }) { found.append(package) }
            queue += tree.children(relative).map { (ProjectTree.join(relative, $0), package + "." + $0) }
        }
        return found
    }

    /// discovery.py ModuleFinder: `*.py` files directly in `where` whose stem is an identifier
    /// (`_valid_name`); the flat-layout finder skips its excludes.
    static func findModules(in whereDir: String, tree: ProjectTree, flat: Bool) -> [String] {
        tree.children(whereDir).filter { $0.hasSuffix(".py") && tree.isFile(ProjectTree.join(whereDir, $0)) }.map { String($0.dropLast(3)) }
            .filter { isIdentifier($0) && (!flat || !($0.hasPrefix("_") || flatModuleExcludes.contains($0) || fnmatch($0, "[Ss][Cc]onstruct"))) }
    }

    /// fnmatch for the patterns setuptools uses: `*`, `?` and `[…]` classes.
    static func fnmatch(_ text: String, _ pattern: String) -> Bool {
        let name = Array(text.unicodeScalars), pat = Array(pattern.unicodeScalars)
        func match(_ i: Int, _ j: Int) -> Bool {
            if j == pat.count { return i == name.count }
            switch pat[j] {
            case "*": return (i...name.count).contains { match($0, j + 1) }
            case "?": return i < name.count && match(i + 1, j + 1)
            case "[":
                guard let close = pat[(j + 1)...].firstIndex(of: "]"), i < name.count else { return false }
                return pat[(j + 1)..<close].contains(name[i]) && match(i + 1, close + 1)
            default: return i < name.count && name[i] == pat[j] && match(i + 1, j + 1)
            }
        }
        return match(0, 0)
    }
}
