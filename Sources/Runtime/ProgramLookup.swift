import Build

/// Finds the program a command names, the way `execvp` and the shell do: a name with a `/` is a
/// path (relative to the working directory); otherwise each PATH entry in order
/// (POSIX exec, https://pubs.opengroup.org/onlinepubs/9699919799/functions/exec.html).
enum ProgramLookup {
    static func find(_ name: String, path: String?, cwd: String, in image: Image) -> String? {
        if name.contains("/") {
            let candidate = ImagePath.join(cwd, name)
            return image.fileSystem.isFile(image.fileSystem.realpath(candidate)) || isOpaqueFile(candidate, image) ? candidate : nil
        }
        for directory in (path ?? "").split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = ImagePath.join(directory.isEmpty ? cwd : String(directory), name)
            let real = image.fileSystem.realpath(candidate)
            if image.fileSystem.isFile(real) || isOpaqueFile(candidate, image) { return candidate }
        }
        return nil
    }

    private static func isOpaqueFile(_ path: String, _ image: Image) -> Bool {
        if case .file = image.fileSystem.node(at: path) { return true }
        return false
    }

    static func isPython(_ name: String) -> Bool {
        let base = ImagePath.basename(name)
        return base == "python" || base == "python3" || (base.hasPrefix("python3.") && base.dropFirst(8).allSatisfy(\.isNumber) && base.count > 8)
    }

    static func isShell(_ name: String) -> Bool {
        ["sh", "bash", "dash", "zsh"].contains(ImagePath.basename(name))
    }
}
