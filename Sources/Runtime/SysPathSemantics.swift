import Build

/// Values the static path evaluator knows: the results of the `__file__` / `os.path` / `pathlib`
/// arithmetic apps use to edit `sys.path` (python-imports.md §2.8).
indirect enum StaticPathValue: Equatable {
    case str(String)
    /// A `pathlib.PurePosixPath` in its normalised string form.
    case path(String)
    case int(Int)
    case list([StaticPathValue])
    /// `Path.parents`.
    case parents(String)
    /// A not-yet-called callable: a qualified function name (`os.path.join`).
    case function(String)
    /// A bound method of a value (`Path(...).resolve`).
    case method(StaticPathValue, String)
}

/// POSIX path arithmetic exactly as CPython's `posixpath` and `pathlib` do it.
enum PosixPathMath {
    /// posixpath.dirname (Lib/posixpath.py).
    static func dirname(_ p: String) -> String {
        guard let slash = p.lastIndex(of: "/") else { return "" }
        var head = String(p[...slash])
        if !head.isEmpty, head != String(repeating: "/", count: head.count) {
            while head.hasSuffix("/") { head.removeLast() }
        }
        return head
    }

    /// posixpath.basename.
    static func basename(_ p: String) -> String {
        guard let slash = p.lastIndex(of: "/") else { return p }
        return String(p[p.index(after: slash)...])
    }

    /// posixpath.join.
    static func join(_ a: String, _ rest: [String]) -> String {
        var path = a
        for b in rest {
            if b.hasPrefix("/") { path = b } else if path.isEmpty || path.hasSuffix("/") { path += b } else { path += "/" + b }
        }
        return path
    }

    /// posixpath.normpath.
    static func normpath(_ path: String) -> String {
        if path.isEmpty { return "." }
        var initial = path.hasPrefix("/") ? 1 : 0
        if path.hasPrefix("//"), !path.hasPrefix("///") { initial = 2 }
        var parts: [Substring] = []
        for comp in path.split(separator: "/", omittingEmptySubsequences: false) {
            if comp.isEmpty || comp == "." { continue }
            if comp != ".." || (initial == 0 && parts.isEmpty) || (parts.last == "..") {
                parts.append(comp)
            } else if !parts.isEmpty {
                parts.removeLast()
            }
        }
        let joined = String(repeating: "/", count: initial) + parts.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    /// posixpath.abspath: joined with the cwd, then normalised (symlinks kept).
    static func abspath(_ p: String, cwd: String) -> String {
        normpath(p.hasPrefix("/") ? p : join(cwd, [p]))
    }

    /// `pathlib.PurePosixPath(*parts)` → its `str()` (Lib/pathlib.py `_parse_args`: empty and `.`
    /// components dropped, a leading `//` kept, anything else collapsed).
    static func purePath(_ parts: [String]) -> String {
        var root = ""
        var names: [Substring] = []
        for part in parts {
            if part.hasPrefix("/") {
                root = part.hasPrefix("//") && !part.hasPrefix("///") ? "//" : "/"
                names = []
            }
            for comp in part.split(separator: "/") where comp != "." { names.append(comp) }
        }
        let text = root + names.joined(separator: "/")
        return text.isEmpty ? "." : text
    }

    /// `PurePath.parent`.
    static func parent(_ p: String) -> String {
        let root = p.hasPrefix("//") && !p.hasPrefix("///") ? "//" : (p.hasPrefix("/") ? "/" : "")
        var names = p.dropFirst(root.count).split(separator: "/")
        if names.isEmpty || p == "." { return p }
        names.removeLast()
        let text = root + names.joined(separator: "/")
        return text.isEmpty ? "." : text
    }

    /// Where FileFinder looks for a sys.path entry, which is also the directory part of
    /// `__file__` of what it finds (Lib/importlib/_bootstrap_external.py `FileFinder.__init__`
    /// and `_path_join`; `''` becomes the cwd in `PathFinder._path_importer_cache`).
    /// 3.8–3.10: `path or '.'`, made absolute by `cwd + '/' + path.rstrip('/')`; 3.11: `.` is the
    /// cwd itself; 3.12+: `_path_abspath` also drops one leading `./` [EXP 3.8.18–3.13.0].
    static func fileFinderDirectory(_ entry: String, cwd: String, minor: Int) -> String {
        func strip(_ s: String) -> String { var s = s; while s.count > 1, s.hasSuffix("/") { s.removeLast() }; return s }
        if entry.isEmpty { return cwd }
        if entry.hasPrefix("/") { return strip(entry) }
        var relative = entry
        if minor >= 11, relative == "." { return cwd }
        if minor >= 12, relative.hasPrefix("./") { relative.removeFirst(2) }
        let base = cwd == "/" ? "" : strip(cwd)
        let tail = strip(relative)
        return tail.isEmpty || tail == "/" ? cwd : base + "/" + tail
    }
}

/// Evaluates the expression forms apps pass to `sys.path.insert/append/extend` and
/// `site.addsitedir` (python-imports.md §2.8) over a token range, without running anything.
struct StaticPathEvaluator {
    let view: PyTokenView
    /// `__file__` of the module executing the statement (absolute on 3.9+ for `__main__`, as
    /// typed on 3.8: Modules/main.c, bpo-20443).
    let file: String?
    let cwd: String
    let fileSystem: ImageFileSystem
    let variables: [String: StaticPathValue]
    /// Names bound by imports: `osp` → `os.path`, `Path` → `pathlib.Path`, `join` → `os.path.join`.
    let aliases: [String: String]
    static let maxDepth = 32

    func evaluate(_ from: Int, _ to: Int, depth: Int = 0) -> StaticPathValue? {
        guard depth < Self.maxDepth else { return nil }
        let range = view.stripGroupingParens(from, to)
        guard !range.isEmpty else { return nil }
        // `a / b` (pathlib) and `a + b` (str), left-associative; other operators are not modelled.
        for op in [PyOperator.plus, .slash] where view.containsTopLevel(range.lowerBound, range.upperBound, op) {
            let pieces = view.splitTopLevel(range.lowerBound, range.upperBound, at: op)
            guard var value = evaluate(pieces[0].lowerBound, pieces[0].upperBound, depth: depth + 1) else { return nil }
            for piece in pieces.dropFirst() {
                guard let right = evaluate(piece.lowerBound, piece.upperBound, depth: depth + 1) else { return nil }
                switch (op, value, right) {
                case (.plus, .str(let a), .str(let b)): value = .str(a + b)
                case (.slash, .path(let a), .str(let b)), (.slash, .path(let a), .path(let b)): value = .path(PosixPathMath.purePath([a, b]))
                case (.slash, .str(let a), .path(let b)): value = .path(PosixPathMath.purePath([a, b]))
                default: return nil
                }
            }
            return value
        }
        return postfix(range.lowerBound, range.upperBound, depth: depth)
    }

    /// atom trailer*, left to right.
    func postfix(_ from: Int, _ to: Int, depth: Int) -> StaticPathValue? {
        let tokens = view.tokens
        var i = from
        var value: StaticPathValue
        let first = tokens[i]
        if first.kind == .string {
            var end = i
            while end < to, tokens[end].kind == .string { end += 1 }
            guard let text = PythonStringLiteral.decode(view, i, end) else { return nil }
            value = .str(text)
            i = end
        } else if first.kind == .number {
            guard let number = PythonExpressionReader(view: view).integerValue(i) else { return nil }
            value = .int(number)
            i += 1
        } else if first.isOp(.minus), i + 1 < to, tokens[i + 1].kind == .number {
            guard let number = PythonExpressionReader(view: view).integerValue(i + 1) else { return nil }
            value = .int(-number)
            i += 2
        } else if first.isIdentifier {
            let name = view.text(i)
            if name == "__file__" {
                guard let file else { return nil }
                value = .str(file)
            } else if let known = variables[name] {
                value = known
            } else {
                value = .function(aliases[name] ?? name)
            }
            i += 1
        } else if first.isOp(.lsqb) || first.isOp(.lpar) {
            guard let close = view.matchingClose(i, limit: to) else { return nil }
            var items: [StaticPathValue] = []
            for piece in view.splitTopLevel(i + 1, close, at: .comma) where !piece.isEmpty {
                guard let item = evaluate(piece.lowerBound, piece.upperBound, depth: depth + 1) else { return nil }
                items.append(item)
            }
            value = .list(items)
            i = close + 1
        } else {
            return nil
        }
        while i < to {
            let t = tokens[i]
            if t.isOp(.dot), i + 1 < to, tokens[i + 1].isIdentifier {
                guard let next = attribute(value, view.text(i + 1)) else { return nil }
                value = next
                i += 2
            } else if t.isOp(.lpar) {
                guard let close = view.matchingClose(i, limit: to) else { return nil }
                var arguments: [StaticPathValue] = []
                for piece in view.splitTopLevel(i + 1, close, at: .comma) where !piece.isEmpty {
                    // Keyword arguments (`strict=True`) are not modelled.
                    if piece.count >= 2, tokens[piece.lowerBound + 1].isOp(.equal) { return nil }
                    guard let argument = evaluate(piece.lowerBound, piece.upperBound, depth: depth + 1) else { return nil }
                    arguments.append(argument)
                }
                guard let result = call(value, arguments) else { return nil }
                value = result
                i = close + 1
            } else if t.isOp(.lsqb) {
                guard let close = view.matchingClose(i, limit: to),
                      case .int(let index)? = evaluate(i + 1, close, depth: depth + 1) else { return nil }
                switch value {
                case .parents(let path):
                    // `Path.parents[n]`: IndexError past the anchor; negative indices from 3.10 only.
                    guard index >= 0 else { return nil }
                    var current = path
                    for _ in 0..<index {
                        let up = PosixPathMath.parent(current)
                        if up == current { return nil }
                        current = up
                    }
                    guard PosixPathMath.parent(current) != current else { return nil }
                    value = .path(PosixPathMath.parent(current))
                case .list(let items):
                    let position = index < 0 ? items.count + index : index
                    guard items.indices.contains(position) else { return nil }
                    value = items[position]
                default: return nil
                }
                i = close + 1
            } else {
                return nil
            }
        }
        if case .function = value { return nil }
        if case .method = value { return nil }
        return value
    }

    func attribute(_ value: StaticPathValue, _ name: String) -> StaticPathValue? {
        switch value {
        case .function(let qualified): return .function(qualified + "." + name)
        case .path(let p):
            switch name {
            case "parent": return .path(PosixPathMath.parent(p))
            case "parents": return .parents(p)
            case "name": return .str(PosixPathMath.basename(p == "." ? "" : p))
            default: return .method(value, name)
            }
        case .str: return .method(value, name)
        default: return nil
        }
    }

    /// The functions and methods of `os`, `os.path`, `pathlib` and builtins apps use for paths.
    func call(_ callee: StaticPathValue, _ arguments: [StaticPathValue]) -> StaticPathValue? {
        func strings() -> [String]? {
            var out: [String] = []
            for argument in arguments {
                switch argument {
                case .str(let s), .path(let s): out.append(s)  // os.fspath accepts PathLike
                default: return nil
                }
            }
            return out
        }
        switch callee {
        case .function(let qualified):
            switch qualified {
            case "os.getcwd", "posix.getcwd": return arguments.isEmpty ? .str(cwd) : nil
            case "pathlib.Path.cwd", "pathlib.PosixPath.cwd": return arguments.isEmpty ? .path(cwd) : nil
            case "str", "os.fspath":
                guard arguments.count == 1, let s = strings()?.first else { return nil }
                return .str(s)
            case "pathlib.Path", "pathlib.PosixPath", "pathlib.PurePath", "pathlib.PurePosixPath":
                guard let parts = strings() else { return nil }
                return .path(PosixPathMath.purePath(parts.isEmpty ? ["."] : parts))
            case "os.path.dirname", "posixpath.dirname":
                guard arguments.count == 1, let s = strings()?.first else { return nil }
                return .str(PosixPathMath.dirname(s))
            case "os.path.basename":
                guard arguments.count == 1, let s = strings()?.first else { return nil }
                return .str(PosixPathMath.basename(s))
            case "os.path.abspath", "posixpath.abspath":
                guard arguments.count == 1, let s = strings()?.first else { return nil }
                return .str(PosixPathMath.abspath(s, cwd: cwd))
            case "os.path.realpath", "posixpath.realpath":
                guard arguments.count == 1, let s = strings()?.first else { return nil }
                return .str(fileSystem.realpath(PosixPathMath.abspath(s, cwd: cwd)))
            case "os.path.normpath", "posixpath.normpath":
                guard arguments.count == 1, let s = strings()?.first else { return nil }
                return .str(PosixPathMath.normpath(s))
            case "os.path.join", "posixpath.join":
                guard let parts = strings(), let head = parts.first else { return nil }
                return .str(PosixPathMath.join(head, Array(parts.dropFirst())))
            default: return nil
            }
        case .method(.path(let p), let name):
            switch name {
            case "resolve":
                // Path.resolve(): absolute, `..` folded, symlinks resolved (strict=False).
                guard arguments.isEmpty else { return nil }
                return .path(fileSystem.realpath(PosixPathMath.abspath(p, cwd: cwd)))
            case "absolute":
                guard arguments.isEmpty else { return nil }
                return .path(p.hasPrefix("/") ? p : PosixPathMath.purePath([cwd, p]))
            case "joinpath":
                guard let parts = strings() else { return nil }
                return .path(PosixPathMath.purePath([p] + parts))
            case "as_posix", "__str__":
                return arguments.isEmpty ? .str(p) : nil
            default: return nil
            }
        default:
            return nil
        }
    }
}
