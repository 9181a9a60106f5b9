/// Go `path/filepath` functions (Unix separator) that moby/patternmatcher relies on.
enum DockerGoPath {
    /// Go `filepath.Clean`: lexical `.`/`..`/`//` processing; "" → ".".
    static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var out: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = out.last, last != ".." { out.removeLast() } else if !rooted { out.append("..") }
                continue
            }
            out.append(part)
        }
        let joined = out.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Go `filepath.Dir`.
    static func dir(_ path: String) -> String {
        guard let i = path.lastIndex(of: "/") else { return "." }
        return clean(String(path[...i]))
    }

    /// Whether Go `filepath.Match(pattern, name)` would return `ErrBadPattern`. Go validates the whole
    /// pattern (chunk by chunk) whatever the name, so this only needs the pattern.
    static func isBadPattern(_ pattern: String) -> Bool {
        let p = Array(pattern.unicodeScalars)
        var i = 0
        while i < p.count {
            let c = p[i]
            switch c {
            case "\\":
                if i + 1 >= p.count { return true }
                i += 2
            case "[":
                i += 1
                if i < p.count, p[i] == "^" { i += 1 }
                var ranges = 0
                while true {
                    if i < p.count, p[i] == "]", ranges > 0 { i += 1; break }
                    guard let lo = escapedClassChar(p, &i) else { return true }
                    var hi = lo
                    if i < p.count, p[i] == "-" {
                        i += 1
                        guard let h = escapedClassChar(p, &i) else { return true }
                        hi = h
                    }
                    _ = hi
                    ranges += 1
                }
            default:
                i += 1
            }
        }
        return false
    }

    /// Go `getEsc`: one class character, possibly escaped; nil for the ErrBadPattern cases (empty, `-`,
    /// `]`, trailing `\`, or a character that ends the pattern inside the class).
    private static func escapedClassChar(_ p: [Unicode.Scalar], _ i: inout Int) -> Unicode.Scalar? {
        guard i < p.count, p[i] != "-", p[i] != "]" else { return nil }
        if p[i] == "\\" {
            i += 1
            guard i < p.count else { return nil }
        }
        let c = p[i]
        i += 1
        guard i < p.count else { return nil }
        return c
    }
}
