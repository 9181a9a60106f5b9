/// Files an installed CPython puts in an image, enough for PATH lookup and venv detection.
enum InterpreterLayout {
    /// `bin/python3.X`, `bin/python3` and (when `withPythonLink`) `bin/python` under `prefix`,
    /// plus the stdlib directory. The official images add the `python` link themselves
    /// (docker-library/python Dockerfile: `ln -svT python3 /usr/local/bin/python`).
    static func nodes(prefix: String, version: PythonVersion, origin: String, withPythonLink: Bool) -> [String: ImageNode] {
        var nodes: [String: ImageNode] = [
            "\(prefix)/bin/python\(version.short)": .file(.baseImage(origin)),
            "\(prefix)/bin/python3": .symlink(target: "python\(version.short)"),
            "\(prefix)/lib/python\(version.short)": .directory(.baseImage(origin)),
            "\(prefix)/lib/python\(version.short)/lib-dynload": .directory(.baseImage(origin)),
            "\(prefix)/lib/python\(version.short)/site-packages": .directory(.baseImage(origin)),
        ]
        if withPythonLink { nodes["\(prefix)/bin/python"] = .symlink(target: "python3") }
        return nodes
    }

    /// What `python -m venv DIR` writes: `pyvenv.cfg` (home = the base interpreter's bin) and
    /// `bin/python`, `bin/python3`, `bin/python3.X` links (CPython Lib/venv/__init__.py).
    static func venvNodes(_ venv: VirtualEnvironment, base: PythonInstallation, createdBy: String) -> [String: ImageNode] {
        let config = "home = \(base.prefix)/bin\ninclude-system-site-packages = \(venv.includeSystemSitePackages)\nversion = \(base.version)\n"
        return [
            "\(venv.path)/pyvenv.cfg": .file(.generated(contents: Array(config.utf8), by: createdBy)),
            "\(venv.path)/bin/python": .symlink(target: "\(base.prefix)/bin/python\(base.version.short)"),
            "\(venv.path)/bin/python3": .symlink(target: "python"),
            "\(venv.path)/bin/python\(base.version.short)": .symlink(target: "python"),
            venv.sitePackages: .directory(.generated(contents: [], by: createdBy)),
        ]
    }
}
