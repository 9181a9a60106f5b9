import Foundation

/// Which tools mise installs for Python and at what version (railpack:core/providers/python/python.go
/// InstallMisePackages). A later `setVersion` wins, so the effective order, highest first, is:
/// config packages (applied again after the provider), RAILPACK_PYTHON_VERSION, mise/idiomatic
/// files in the app, runtime.txt, the Pipfile, the 3.13 default; `requires-python` is not read.
extension RailpackPythonProvider {
    func installMisePackages(_ ctx: inout RailpackGenerateContext, project: PythonProject) {
        let python = ctx.defaultMisePackage("python", Self.defaultPythonVersion)
        if let (version, key) = Self.pipfileVersion(ctx.app) {
            ctx.setVersion(python, version, source: "Pipfile > \(key)", origin: "Pipfile \(key)")
        }
        if let runtime = ctx.app.readFile("runtime.txt") {
            ctx.setVersion(python, Self.extractSemver(runtime), source: "runtime.txt")
        }

        var packages = ["python"]
        if project.hasPdmLock || project.hasPipfile {
            ctx.defaultMisePackage("pipx", "latest")
            packages.append("pipx")
            // uv does pipx's work where it can, and pipx.uvx needs uv installed.
            var mise = ctx.mise
            mise.settings.set("pipx.uvx", .bool(true))
            ctx.mise = mise
            ctx.defaultMisePackage("uv", "latest")
            packages.append("uv")
        }
        if project.hasPoetryLock { ctx.defaultMisePackage("poetry", "latest"); packages.append("poetry") }
        if project.hasPdmLock { ctx.defaultMisePackage("pipx:pdm", "latest"); packages.append("pipx:pdm") }
        if project.hasUvLock { ctx.defaultMisePackage("uv", "latest"); packages.append("uv") }
        if project.hasPipfile { ctx.defaultMisePackage("pipx:pipenv", "latest"); packages.append("pipx:pipenv") }

        ctx.useMiseVersions(packages)

        let (envVersion, variable) = ctx.env.configVariable("PYTHON_VERSION")
        if !envVersion.isEmpty { ctx.setVersion(python, envVersion, source: variable) }

        // Prebuilt CPython only: compiling breaks some packages (https://mise.jdx.dev/lang/python.html#python.compile).
        var mise = ctx.mise
        mise.settings.set("python.compile", .bool(false))
        ctx.mise = mise
    }

    /// `python_full_version`, else `python_version`, each the first
    /// `python_…_version\s*=\s*['"]([0-9.]*)` in the Pipfile (python.go parseVersionFromPipfile).
    static func pipfileVersion(_ app: RailpackApp) -> (String, String)? {
        guard let text = app.readFile("Pipfile") else { return nil }
        for key in ["python_full_version", "python_version"] {
            var search = text[...]
            while let range = search.range(of: key) {
                var rest = search[range.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }
                if rest.first == "=" {
                    rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }
                    if let quote = rest.first, quote == "'" || quote == "\"" {
                        let version = String(rest.dropFirst().prefix { $0.isASCII && ($0.isNumber || $0 == ".") })
                        // An empty capture still ends the search: upstream returns it, and "" sets nothing.
                        return version.isEmpty ? nil : (version, key)
                    }
                }
                search = search[range.upperBound...]
            }
        }
        return nil
    }

    /// The first `\d+(.\d+)?(.\d+)?` in the trimmed text, or "" (railpack:internal/utils/utils.go ExtractSemverVersion).
    static func extractSemver(_ text: String) -> String {
        let chars = Array(text.trimmingCharacters(in: .whitespacesAndNewlines))
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        guard let start = chars.firstIndex(where: isDigit) else { return "" }
        var end = start
        while end < chars.count, isDigit(chars[end]) { end += 1 }
        for _ in 0..<2 {
            guard end + 1 < chars.count, chars[end] == ".", isDigit(chars[end + 1]) else { break }
            end += 1
            while end < chars.count, isDigit(chars[end]) { end += 1 }
        }
        return String(chars[start..<end])
    }
}
