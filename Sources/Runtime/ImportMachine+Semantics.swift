import Build

/// sys.path edits folded statically, in source order, and the `.pth` / editable-install finders
/// (python-imports.md §1.4, §2.8).
extension ImportMachine {
    /// The image directory FileFinder searches for a sys.path entry: `''` and relative entries
    /// are relative to the cwd at import time (`PathFinder._path_importer_cache`, `FileFinder.__init__`).
    func lookup(_ entry: String) -> String? {
        if entry == ModuleFinder.nonStringEntry { return nil }
        return ImagePath.join(cwd, entry)
    }

    /// The directory part of `__file__` for modules found through `entry`, when it differs from
    /// the lookup directory (only entries added at run time can differ).
    func display(_ entry: String) -> String? {
        guard let looked = lookup(entry) else { return nil }
        let shown = PosixPathMath.fileFinderDirectory(entry, cwd: cwd, minor: version.minor)
        return shown == looked ? nil : shown
    }

    /// `__file__` (and the traceback file) of a module found at image path `file`.
    func displayFile(for file: String, module name: String) -> String {
        let parts = name.split(separator: ".")
        if parts.count > 1 {
            // Submodules are found in the parent's `__path__`, which is the parent's directory as shown.
            let parentName = parts.dropLast().joined(separator: ".")
            guard let parent = modules[parentName], let shownParent = parent.displayFile,
                  let parentFile = parent.origin.fileName, shownParent != parentFile,
                  let slash = shownParent.lastIndex(of: "/") else { return file }
            let parentDirectory = ImagePath.dirname(parentFile)
            guard file.hasPrefix(parentDirectory + "/") else { return file }
            return String(shownParent[..<slash]) + file.dropFirst(parentDirectory.count)
        }
        let top = String(parts.first ?? "")
        for (index, entry) in lookupPath.enumerated() {
            guard let entry else { continue }
            let rest = entry == "/" ? Substring(file) : (file.hasPrefix(entry + "/") ? file.dropFirst(entry.count) : "")
            guard rest.hasPrefix("/" + top + "/__init__") || (rest.hasPrefix("/" + top + ".") && !rest.dropFirst().contains("/")) else { continue }
            guard let shown = displayDirectory[index] else { return file }
            return (shown == "/" ? "" : shown) + rest
        }
        return file
    }

    /// A dotted callee with its first name replaced by what an import bound it to.
    func canonical(_ callee: String, frame: Int) -> String {
        let parts = callee.split(separator: ".", maxSplits: 1).map(String.init)
        guard let first = parts.first, let target = frames[frame].aliases[first] else { return callee }
        return parts.count > 1 ? target + "." + parts[1] : target
    }

    /// Imports rebind names: `import os.path as osp`, `from pathlib import Path`, `from os import path`.
    mutating func recordImportAliases(_ statement: PyStatement, frame: Int) {
        switch statement.kind {
        case .importModules(let imported):
            for module in imported {
                let bound = module.asName ?? String(module.name.prefix { $0 != "." })
                frames[frame].aliases[bound] = module.asName == nil ? nil : module.name
                frames[frame].moduleNames[bound] = module.asName == nil ? String(module.name.prefix { $0 != "." }) : module.name
                frames[frame].variables[bound] = nil
            }
        case .importFrom(let module, let level, let names):
            for name in names where name.name != "*" {
                let bound = name.asName ?? name.name
                frames[frame].aliases[bound] = level == 0 ? (module ?? "") + "." + name.name : "." + name.name
                frames[frame].moduleNames[bound] = nil
                frames[frame].variables[bound] = nil
            }
        default:
            break
        }
    }

    /// `BASE_DIR = os.path.dirname(os.path.abspath(__file__))`: remembered for later sys.path edits.
    mutating func recordAssignment(_ targets: [String], value: PyExpression, statement: PyStatement, frame: Int) {
        var result: StaticPathValue? = nil
        switch value {
        case .string(let text): result = .str(text)
        case .integer(let number): result = .int(number)
        case .name, .call, .other:
            if let view = statementView(statement, frame: frame) {
                let end = contentEnd(view)
                var lastEqual: Int? = nil
                var depth = 0
                for index in 0..<end {
                    let token = view.tokens[index]
                    if token.isOpenBracket { depth += 1 } else if token.isCloseBracket { depth -= 1 } else if depth == 0, token.isOp(.equal) { lastEqual = index }
                }
                if let lastEqual, lastEqual + 1 < end { result = evaluator(view, frame: frame).evaluate(lastEqual + 1, end) }
            }
        }
        for target in targets {
            frames[frame].variables[target] = result
            frames[frame].aliases[target] = nil
            frames[frame].moduleNames[target] = nil
        }
    }

    func evaluator(_ view: PyTokenView, frame: Int) -> StaticPathEvaluator {
        // `__file__` of `-c` code is undefined (NameError): nothing that uses it is evaluable.
        let file = frames[frame].file == "<string>" ? nil : frames[frame].file
        return StaticPathEvaluator(view: view, file: file, cwd: cwd, fileSystem: image.fileSystem,
                                   variables: frames[frame].variables, aliases: frames[frame].aliases)
    }

    /// The tokens of one statement, re-tokenized from its source text (statements longer than
    /// 4 KiB are not evaluated).
    mutating func statementView(_ statement: PyStatement, frame: Int) -> PyTokenView? {
        let path = frames[frame].sourcePath
        guard !path.isEmpty else { return nil }
        if sources[path] == nil { sources[path] = try? image.fileSystem.contents(of: path) }
        guard let bytes = sources[path] else { return nil }
        if lineStarts[path] == nil {
            var starts = [0]
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
            lineStarts[path] = starts
        }
        let starts = lineStarts[path] ?? [0]
        let span = statement.span
        guard let start = offset(starts, count: bytes.count, line: span.startLine, column: span.startColumn),
              let end = offset(starts, count: bytes.count, line: span.endLine, column: span.endColumn),
              start < end, end - start <= 4096 else { return nil }
        let snippet = Array(bytes[start..<end])
        guard let tokens = try? PythonSourceScanner.tokenize(snippet) else { return nil }
        return PyTokenView(tokens: tokens, source: snippet)
    }

    func offset(_ starts: [Int], count: Int, line: Int, column: Int) -> Int? {
        guard line >= 1, line <= starts.count else { return nil }
        let position = starts[line - 1] + column
        return position <= count ? position : nil
    }

    /// Index after the last token that is part of the statement (NEWLINE, ENDMARKER, INDENT and
    /// DEDENT excluded).
    func contentEnd(_ view: PyTokenView) -> Int {
        var end = view.tokens.count
        while end > 0, [.newline, .endMarker, .indent, .dedent].contains(view.tokens[end - 1].kind) { end -= 1 }
        return end
    }

    /// `sys.path.insert(i, x)`, `sys.path.append(x)`, `sys.path.extend([...])`, `site.addsitedir(x)`
    /// applied to the machine's sys.path; false when an argument is not statically known.
    mutating func applySysPathEdit(_ callee: String, statement: PyStatement, frame: Int) -> Bool {
        guard let view = statementView(statement, frame: frame) else { return false }
        let tokens = view.tokens
        let end = contentEnd(view)
        var open = 0
        while open < end, !tokens[open].isOp(.lpar) { open += 1 }
        guard open < end, tokens[end - 1].isOp(.rpar), view.matchingClose(open, limit: end) == end - 1 else { return false }
        let evaluator = evaluator(view, frame: frame)
        var values: [StaticPathValue] = []
        for piece in view.splitTopLevel(open + 1, end - 1, at: .comma) where !piece.isEmpty {
            if piece.count >= 2, tokens[piece.lowerBound + 1].isOp(.equal) { return false }
            if tokens[piece.lowerBound].isOp(.star) || tokens[piece.lowerBound].isOp(.doublestar) { return false }
            guard let value = evaluator.evaluate(piece.lowerBound, piece.upperBound) else { return false }
            values.append(value)
        }
        switch callee {
        case "sys.path.insert":
            guard values.count == 2, case .int(let index) = values[0] else { return false }
            insertEntry(values[1], at: index)
        case "sys.path.append":
            guard values.count == 1 else { return false }
            insertEntry(values[0], at: sysPath.count)
        case "sys.path.extend":
            // A str argument would add one entry per character; only list/tuple displays are modelled.
            guard values.count == 1, case .list(let items) = values[0] else { return false }
            for item in items { insertEntry(item, at: sysPath.count) }
        case "site.addsitedir":
            guard values.count == 1 else { return false }
            switch values[0] {
            case .str(let directory), .path(let directory): addSiteDirectory(directory)
            default: return false
            }
        default:
            return false
        }
        return true
    }

    /// `list.insert` semantics: a negative index counts from the end, out-of-range indices clamp.
    mutating func insertEntry(_ value: StaticPathValue, at index: Int) {
        let entry: String
        if case .str(let text) = value { entry = text } else { entry = ModuleFinder.nonStringEntry }
        let position = index < 0 ? max(0, sysPath.count + index) : min(index, sysPath.count)
        sysPath.insert(entry, at: position)
        lookupPath.insert(lookup(entry), at: position)
        displayDirectory.insert(display(entry), at: position)
    }

    /// site.addsitedir (Lib/site.py): the absolute directory appended unless an existing sys.path
    /// entry is the same directory, then its `.pth` files processed.
    mutating func addSiteDirectory(_ directory: String) {
        let absolute = PosixPathMath.abspath(directory, cwd: cwd)
        var known = Set<String>()
        for entry in sysPath where entry != ModuleFinder.nonStringEntry {
            let path = PosixPathMath.abspath(entry, cwd: cwd)
            if image.fileSystem.exists(image.fileSystem.realpath(path)) { known.insert(path) }
        }
        if known.insert(absolute).inserted { insertEntry(.str(absolute), at: sysPath.count) }
        let pth = PthProcessing.process(image, siteDirectory: absolute, minor: version.minor, known: &known)
        for entry in pth.appended { insertEntry(.str(entry), at: sysPath.count) }
        editableMappings += pth.editableMappings
        notes += pth.notes.map { .notSimulated($0) }
    }

    /// `.pth` import lines of the start-up site directories (their path lines are part of the
    /// start-up sys.path: `SysPathComputation`).
    mutating func loadPthImportLines() {
        var known = Set(sysPath)
        for entry in sysPath where entry.hasSuffix("/site-packages") || entry.hasSuffix("/dist-packages") {
            let pth = PthProcessing.process(image, siteDirectory: entry, minor: version.minor, known: &known)
            editableMappings += pth.editableMappings
            notes += pth.notes.map { .notSimulated($0) }
        }
    }

    /// setuptools' `_EditableFinder.find_spec` for a top-level name: `<path>/__init__.py`, then
    /// `<path>` with each of `importlib.machinery.all_suffixes()` (setuptools editable_wheel.py).
    func editableOrigin(_ name: String) -> ModuleOrigin? {
        guard let mapping = editableMappings.first(where: { $0.name == name }) else { return nil }
        let base = PosixPathMath.purePath([mapping.path])
        let fs = image.fileSystem
        if fs.isFile(base + "/__init__.py") { return .source(file: base + "/__init__.py", isPackage: true) }
        if fs.isFile(base + ".py") { return .source(file: base + ".py", isPackage: false) }
        for suffix in [".pyc"] + finder.extensionSuffixes where fs.isFile(base + suffix) { return .compiled(file: base + suffix, isPackage: false) }
        return nil
    }

    /// The first token of the value an assignment statement evaluates (after its last top-level
    /// `=`), or 0 for other statements: what runs first when the statement executes.
    func valueStart(of statement: PyStatement, tokens: [PyToken], end: Int) -> Int {
        guard case .assignment = statement.kind else { return 0 }
        var from = 0
        var depth = 0
        for index in 0..<end {
            let token = tokens[index]
            if token.isOpenBracket { depth += 1 } else if token.isCloseBracket { depth -= 1 } else if depth == 0, token.isOp(.equal) { from = index + 1 }
        }
        return from
    }
}

extension ModuleOrigin {
    /// The file a source or compiled module was loaded from.
    var fileName: String? {
        switch self {
        case .source(let file, _), .compiled(let file, _): return file
        default: return nil
        }
    }

}
