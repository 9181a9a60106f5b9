import Build

/// `.pth` files in site directories, as `site.addsitedir` / `site.addpackage` process them
/// (Lib/site.py 3.8–3.13; python-imports.md §1.4): files in sorted name order, `#` and blank
/// lines skipped, `import ` / `import\t` lines executed, anything else a path relative to the
/// site directory appended when it exists and is not yet known.
struct PthProcessing {
    /// Paths appended to sys.path, in order.
    var appended: [String] = []
    /// setuptools editable installs: top-level name → source path (`MAPPING` of
    /// `__editable___*_finder.py`, setuptools/command/editable_wheel.py `_FINDER_TEMPLATE`).
    var editableMappings: [(name: String, path: String)] = []
    /// Import lines railsim does not simulate.
    var notes: [String] = []

    /// Processes every `.pth` file of `siteDirectory`; `known` holds the normalised entries
    /// already on sys.path (site.py `_init_pathinfo` / `makepath`) and is extended.
    static func process(_ image: Image, siteDirectory: String, minor: Int, known: inout Set<String>) -> PthProcessing {
        var result = PthProcessing()
        let fs = image.fileSystem
        guard fs.isDirectory(siteDirectory) else { return result }
        // site.addsitedir: `names = os.listdir(sitedir)`, `.pth` names, 3.13 also drops names
        // starting with "." (gh-113659), then `sorted(names)` (code-point order).
        let names = fs.children(of: siteDirectory)
            .filter { $0.hasSuffix(".pth") && !(minor >= 13 && $0.hasPrefix(".")) }
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        for name in names {
            let file = ImagePath.join(siteDirectory, name)
            guard let bytes = try? fs.contents(of: file) else { continue }
            for raw in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
                let line = String(raw.hasSuffix("\r") ? raw.dropLast() : raw)
                if line.hasPrefix("#") { continue }
                if line.trimmingWhitespace().isEmpty { continue }
                if line.hasPrefix("import ") || line.hasPrefix("import\t") {
                    if let mapping = editableFinder(image, siteDirectory: siteDirectory, line: line) {
                        result.editableMappings += mapping
                    } else {
                        result.notes.append("\(file): `\(line)` is executed at start-up (site.py addpackage); railsim does not simulate .pth import lines")
                    }
                    continue
                }
                // site.addpackage: `line = line.rstrip()`, makepath(sitedir, line) = abspath(join(...)).
                let directory = PosixPathMath.abspath(PosixPathMath.join(siteDirectory, [line.trimmingTrailingWhitespace()]), cwd: "/")
                if !known.contains(directory), fs.exists(fs.realpath(directory)) {
                    result.appended.append(directory)
                    known.insert(directory)
                }
            }
        }
        return result
    }

    /// `import __editable___NAME_finder; __editable___NAME_finder.install()`: reads the literal
    /// `MAPPING` dict of the finder module next to the `.pth` file.
    static func editableFinder(_ image: Image, siteDirectory: String, line: String) -> [(name: String, path: String)]? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ";" })
        guard words.count >= 2, words[0] == "import", words[1].hasPrefix("__editable___"), words[1].hasSuffix("_finder") else { return nil }
        let file = ImagePath.join(siteDirectory, String(words[1]) + ".py")
        guard let bytes = try? image.fileSystem.contents(of: file),
              let tokens = try? PythonSourceScanner.tokenize(bytes) else { return nil }
        let view = PyTokenView(tokens: tokens, source: bytes)
        var i = 0
        while i < tokens.count {
            // `MAPPING: dict[str, str] = {...}` or `MAPPING = {...}` at column 0.
            if tokens[i].column == 0, view.isName(i, "MAPPING") {
                var j = i + 1
                while j < tokens.count, !tokens[j].isOp(.equal), tokens[j].kind != .newline { j += 1 }
                guard j + 1 < tokens.count, tokens[j].isOp(.equal), tokens[j + 1].isOp(.lbrace),
                      let close = view.matchingClose(j + 1, limit: tokens.count) else { return nil }
                var mapping: [(name: String, path: String)] = []
                for piece in view.splitTopLevel(j + 2, close, at: .comma) where !piece.isEmpty {
                    let halves = view.splitTopLevel(piece.lowerBound, piece.upperBound, at: .colon)
                    guard halves.count == 2,
                          let key = PythonStringLiteral.decode(view, halves[0].lowerBound, halves[0].upperBound),
                          let value = PythonStringLiteral.decode(view, halves[1].lowerBound, halves[1].upperBound) else { return nil }
                    mapping.append((key, value))
                }
                return mapping
            }
            i += 1
        }
        return nil
    }
}
