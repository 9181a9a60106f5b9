/// The console scripts an install writes for the project's `[project.scripts]`: one executable per
/// name in the `bin/` next to the site-packages it installs into, whose shebang names that
/// environment's interpreter (PEP 427 / packaging.python.org "Entry points specification": the
/// installer generates a wrapper that imports `module` and calls `attr`).
enum ProjectConsoleScripts {
    /// `prefix/lib/pythonX.Y/site-packages` (or Debian's `dist-packages`) → `prefix`; nil for a `--target`
    /// directory, which gets no scripts here.
    static func prefix(ofSitePackages site: String) -> String? {
        let parts = site.split(separator: "/").map(String.init)
        // Debian's python3 installs pip packages into prefix/lib/python3.X/dist-packages (python3-pip's sysconfig patch).
        guard parts.count >= 3, ["site-packages", "dist-packages"].contains(parts[parts.count - 1]), parts[parts.count - 3] == "lib",
              parts[parts.count - 2].hasPrefix("python") else { return nil }
        return "/" + parts.dropLast(3).joined(separator: "/")
    }

    /// Which tool writes the scripts: their wrappers differ in the line of the import, which a
    /// traceback through the script shows.
    enum Installer: Sendable {
        /// pip (distlib ScriptMaker): shebang, coding cookie, `import re`, `import sys`, the import on
        /// line 5 ([EXP] pip 23.2.1). pdm and Poetry are assumed to write this layout too (not checked).
        case pip
        /// uv: shebang, coding cookie, `import sys`, the import on line 4 ([EXP] uv 0.13.9 `uv pip install`).
        case uv

        /// From the command that installs (`uv sync …`, `uv pip install …`, else pip's layout).
        init(command: String) { self = command.hasPrefix("uv ") || command == "uv" ? .uv : .pip }
    }

    /// railsim's own wrapper text. What matters for start-up is the shebang (which interpreter, so
    /// which sys.path), the import of `module` and the call of `attr` under `__main__`, and the line
    /// the import is on. `module:attr` may name a nested attribute (`a:b.c`).
    static func wrapper(target: String, interpreter: String, installer: Installer = .pip) -> String? {
        let parts = target.split(separator: ":", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        let head = String(parts[1].split(separator: ".").first ?? "")
        // The call sits where the installer's wrapper has it (pip: line 8, uv: line 10, [EXP] as above);
        // the lines before it that strip a `-script.pyw`/`.exe` suffix from argv[0] are comments here.
        let lines: [String]
        switch installer {
        case .pip:
            lines = ["import re", "import sys", "from \(parts[0]) import \(head)", "if __name__ == '__main__':",
                     "    # (the installer strips a -script.pyw/.exe suffix from sys.argv[0] here)"]
        case .uv:
            lines = ["import sys", "from \(parts[0]) import \(head)", "if __name__ == \"__main__\":",
                     "    # (the installer strips a -script.pyw suffix from sys.argv[0] here,", "    #", "    #", "    #  or an .exe suffix)"]
        }
        return (["#!\(interpreter)", "# -*- coding: utf-8 -*-"] + lines + ["    sys.exit(\(parts[1])())", ""]).joined(separator: "\n")
    }

    static func nodes(_ scripts: [(name: String, target: String)], sitePackages: String, origin: String, installer: Installer = .pip) -> [String: ImageNode] {
        guard let prefix = prefix(ofSitePackages: sitePackages) else { return [:] }
        let bin = prefix == "/" ? "/bin" : prefix + "/bin"
        // A venv's own interpreter, else the prefix's `python3` (the python images' /usr/local/bin/python3).
        let interpreter = prefix == "/usr/local" || prefix == "/usr" ? "\(bin)/python3" : "\(bin)/python"
        var nodes: [String: ImageNode] = [:]
        for script in scripts {
            guard let text = wrapper(target: script.target, interpreter: interpreter, installer: installer) else { continue }
            nodes[ImagePath.join(bin, script.name)] = .file(.generated(contents: Array(text.utf8), by: origin))
        }
        return nodes
    }
}
