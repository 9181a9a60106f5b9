import Build

/// sys.path at start-up, computed as CPython does (python-imports.md §1; docs
/// https://docs.python.org/3/library/sys_path_init.html and https://docs.python.org/3/library/site.html).
public struct SysPathComputation: Sendable {
    public var entries: [String]
    /// The interpreter in use and its venv, for the site directories.
    public var python: PythonInstallation
    public var venv: VirtualEnvironment?

    /// - Parameters:
    ///   - executable: the interpreter path as found on PATH (not resolved: pyvenv.cfg is looked up
    ///     next to it or one directory up, python-imports.md §1.3).
    ///   - path0: the first entry (script dir, cwd for -m, "" for -c), nil when -P/-I or a launcher
    ///     console script supplies its own.
    public static func compute(image: Image, python: PythonInstallation, executable: String, path0: String?,
                               environment: ProcessEnvironment, cwd: String, commandLine: PythonCommandLine?) -> SysPathComputation {
        var entries: [String] = []
        let ignoreEnvironment = commandLine?.ignoreEnvironment ?? false
        let noSite = commandLine?.noSite ?? false
        if let path0 { entries.append(path0) }

        // PYTHONPATH: split on ':'; with site enabled, entries are made absolute against the
        // start-up cwd (empty → cwd), trailing slashes normalised, duplicates removed, and
        // non-existent entries kept (python-imports.md §1.2, [EXP] 3.8–3.13).
        var pythonPath: [String] = []
        if !ignoreEnvironment, let raw = environment["PYTHONPATH"], !raw.isEmpty {
            for part in raw.split(separator: ":", omittingEmptySubsequences: false) {
                let entry = String(part)
                if noSite {
                    pythonPath.append(python.version.minor >= 11 ? ImagePath.join(cwd, entry.isEmpty ? "." : entry) : entry)
                } else {
                    pythonPath.append(ImagePath.join(cwd, entry.isEmpty ? "." : entry))
                }
            }
        }
        entries += pythonPath
        entries += python.stdlibPaths

        // Site directories: a venv is recognised by pyvenv.cfg beside the executable or one level up.
        var venv: VirtualEnvironment? = nil
        let binDirectory = ImagePath.dirname(executable)
        for candidate in [binDirectory, ImagePath.dirname(binDirectory)] where image.fileSystem.isFile(candidate + "/pyvenv.cfg") {
            let includeSystem = pyvenvIncludesSystemSite(image: image, path: candidate + "/pyvenv.cfg")
            venv = VirtualEnvironment(path: candidate, version: python.version, includeSystemSitePackages: includeSystem)
            break
        }
        if !noSite {
            let userSite = "\(environment["HOME"] ?? "/root")/.local/lib/python\(python.version.short)/site-packages"
            // An empty PYTHONNOUSERSITE counts as unset (Python/initconfig.c `config_get_env`).
            let allowUserSite = !(commandLine?.noUserSite ?? false) && (ignoreEnvironment || (environment["PYTHONNOUSERSITE"] ?? "").isEmpty)
            var siteDirectories: [String] = []
            if let venv {
                siteDirectories.append(venv.sitePackages)
                if venv.includeSystemSitePackages {
                    if allowUserSite, image.fileSystem.isDirectory(userSite) { siteDirectories.append(userSite) }
                    siteDirectories += python.siteDirectories.filter { image.fileSystem.isDirectory($0) }
                }
            } else {
                // The user site is added only if it exists, before the system site-packages (§1.3).
                if allowUserSite, image.fileSystem.isDirectory(userSite) { siteDirectories.append(userSite) }
                siteDirectories += python.siteDirectories.filter { image.fileSystem.isDirectory($0) }
            }
            // site.addsitedir per directory: the directory, then the path lines of its `.pth` files
            // (sorted), each appended if it exists and is not known yet (Lib/site.py; §1.4).
            var known = Set(entries.dropFirst(path0 == nil ? 0 : 1))
            for directory in siteDirectories {
                if known.insert(directory).inserted || !entries.contains(directory) { entries.append(directory) }
                entries += PthProcessing.process(image, siteDirectory: directory, minor: python.version.minor, known: &known).appended
            }
        }
        // site.removeduppaths: duplicates after path0 are dropped, first wins (path0 is inserted after site runs).
        var seen = Set<String>()
        var deduplicated: [String] = []
        for (index, entry) in entries.enumerated() {
            if index == 0, path0 != nil { deduplicated.append(entry); continue }
            if noSite || seen.insert(entry).inserted { deduplicated.append(entry) }
        }
        return SysPathComputation(entries: deduplicated, python: python, venv: venv)
    }

    static func pyvenvIncludesSystemSite(image: Image, path: String) -> Bool {
        guard let bytes = try? image.fileSystem.contents(of: path) else { return false }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "include-system-site-packages" { return parts[1].lowercased() == "true" }
        }
        return false
    }
}

import Foundation
