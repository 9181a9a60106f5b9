import Build
import Runtime
import Snapshot

/// RS414: the build does install the distribution that provides a failing import, but somewhere
/// the process never looks. Telling people to "add it to the requirements" would send them in a
/// circle, so these explain where it went instead.
extension FindingsAnalyzer {
    func installedOffSysPathFinding(top: String, message: String, location: SourceLocation?) -> Finding? {
        if let installed = build.image?.distributions.first(where: { $0.importNames.contains(top) && !runtime.sysPath.contains($0.sitePackages) }) {
            let (why, fix) = offPathReason(installed.sitePackages)
            return Finding(.installedOffSysPath, message: message, file: location?.file, line: location?.line,
                           explanation: "`\(top)` is provided by the distribution `\(installed.name)`, which the build does install\(installed.requiredAt.map { " (\($0))" } ?? "") into `\(installed.sitePackages)`; \(why)",
                           fix: fix)
        }
        for note in build.notes {
            guard case .installedInAnotherStage(let name, let importNames, let stage, let site, let requiredAt) = note, importNames.contains(top) else { continue }
            let root = virtualEnvironmentRoot(of: site)
            return Finding(.installedOffSysPath, message: message, file: location?.file, line: location?.line,
                           explanation: "`\(top)` is provided by the distribution `\(name)`, which the build does install\(requiredAt.map { " (\($0))" } ?? "") into `\(site)` in stage `\(stage)`, but the last stage never copies that directory, and only the last stage becomes the image.",
                           fix: "Copy the whole \(root == nil ? "directory" : "virtual environment") from that stage, e.g. `COPY --from=\(stage) \(root ?? site) \(root ?? site)`.")
        }
        return nil
    }

    /// Why a site-packages directory that exists in the image is not on sys.path.
    func offPathReason(_ site: String) -> (why: String, fix: String) {
        let home = runtime.process?.environment["HOME"] ?? "(unset)"
        let user = build.image?.user ?? "root"
        // Lib/site.py getuserbase/_get_path: the user site is ~/.local/lib/pythonX.Y/site-packages of
        // the HOME the process runs with, added only if it exists (addusersitepackages).
        if let range = site.range(of: "/.local/lib/python") {
            let owner = String(site[..<range.lowerBound])
            if owner != home {
                return ("that is the user site of the home `\(owner)` (`pip install --user`), but the process runs as `\(user)` with HOME=`\(home)`, so CPython looks for `\(home)/.local/...` instead.",
                        "Install without `--user` (as root into the interpreter's site-packages, or into a virtual environment), or run the install as the same user the app runs as.")
            }
            return ("that is the process's own user site, but CPython does not add it here (a virtual environment, `-s`/`-I`, or PYTHONNOUSERSITE turns the user site off).",
                    "Install without `--user`.")
        }
        if let venv = virtualEnvironmentRoot(of: site) {
            return ("that is the virtual environment `\(venv)`, but the `python` that starts is not `\(venv)/bin/python` (its PATH does not put `\(venv)/bin` first).",
                    "Put `\(venv)/bin` first on PATH (`ENV PATH=\"\(venv)/bin:$PATH\"`) or start the app with `\(venv)/bin/python`.")
        }
        return ("that directory is not on the process's sys.path (`pip install --target`/`--prefix` writes outside the interpreter's own site-packages).",
                "Add `\(site)` to PYTHONPATH, or install into the interpreter's site-packages.")
    }

    /// `/opt/venv` for `/opt/venv/lib/python3.12/site-packages` when `/opt/venv/pyvenv.cfg` exists in the
    /// image (PEP 405: pyvenv.cfg marks a virtual environment's root).
    func virtualEnvironmentRoot(of site: String) -> String? {
        guard let range = site.range(of: "/lib/python", options: .backwards) else { return nil }
        let root = String(site[..<range.lowerBound])
        guard !root.isEmpty else { return nil }
        if let image = build.image, image.fileSystem.isFile(root + "/pyvenv.cfg") { return root }
        // In another stage the image is gone; a `bin/` + `lib/pythonX.Y` layout outside /usr is a venv in practice.
        return root.hasPrefix("/usr") ? nil : root
    }
}
