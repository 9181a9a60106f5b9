/// The doublestar v4 globbing Railpack's `FindFiles` uses (railpack:core/app/app.go findGlob;
/// github.com/bmatcuk/doublestar/v4 Glob): `*`, `?`, `[…]`, `{a,b}` and `**`, with hidden names
/// matched like any other. Order matters where callers take the first match (Django's settings
/// search), so results come out as doublestar walks: a directory's own matches in name order,
/// then its subdirectories depth first; alternatives are merged sorted and without duplicates.
enum RailpackGlob {
    static func matches(_ pattern: String, in app: RailpackApp, directories: Bool) -> [String] {
        let alternatives = expandBraces(pattern)
        if alternatives.count == 1 { return walk(alternatives[0], in: app, directories: directories) }
        var seen = Set<String>()
        var results: [String] = []
        for alternative in alternatives {
            for match in walk(alternative, in: app, directories: directories) where seen.insert(match).inserted { results.append(match) }
        }
        return results.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Expands `{a,b}` groups (nested groups too) into plain patterns.
    static func expandBraces(_ pattern: String) -> [String] {
        let chars = Array(pattern)
        var depth = 0
        var open: Int? = nil
        var index = 0
        while index < chars.count {
            let c = chars[index]
            if c == "\\" { index += 2; continue }
            if c == "{" {
                if depth == 0 { open = index }
                depth += 1
            } else if c == "}", depth > 0 {
                depth -= 1
                if depth == 0, let start = open {
                    let prefix = String(chars[..<start]), suffix = String(chars[(index + 1)...])
                    return splitAlternatives(Array(chars[(start + 1)..<index])).flatMap { expandBraces(prefix + $0 + suffix) }
                }
            }
            index += 1
        }
        return [pattern]
    }

    private static func splitAlternatives(_ body: [Character]) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var index = 0
        while index < body.count {
            let c = body[index]
            if c == "\\", index + 1 < body.count {
                current.append(c); current.append(body[index + 1]); index += 2; continue
            }
            if c == "{" { depth += 1 } else if c == "}" { depth -= 1 }
            if c == ",", depth == 0 { parts.append(current); current = "" } else { current.append(c) }
            index += 1
        }
        parts.append(current)
        return parts
    }

    private static func walk(_ pattern: String, in app: RailpackApp, directories: Bool) -> [String] {
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !segments.isEmpty else { return [] }
        var current = [""]  // app-relative directories ("" is the app root)
        var results: [String] = []
        for (offset, segment) in segments.enumerated() {
            let last = offset == segments.count - 1
            var next: [String] = []
            for directory in current {
                if segment == "**" {
                    // `**` is the directory itself and every directory under it, depth first.
                    let tree = [directory] + descendants(of: directory, in: app)
                    next.append(contentsOf: last ? tree.flatMap { [$0] + files(in: $0, app: app) }.filter { !$0.isEmpty } : tree)
                } else if !hasMeta(segment) {
                    let candidate = join(directory, unescape(segment))
                    if app.hasFile(candidate) { next.append(candidate) }
                } else {
                    for name in app.children(directory) where matchSegment(segment, name) { next.append(join(directory, name)) }
                }
            }
            if last {
                results = next.filter { app.isDirectory($0) == directories }
            } else {
                current = next.filter { app.isDirectory($0) }
            }
        }
        return results
    }

    /// Real subdirectories only: doublestar follows a symlinked directory, but a link back up the
    /// tree would then recurse without end, so railsim lists such a link and does not enter it.
    private static func descendants(of directory: String, in app: RailpackApp) -> [String] {
        var out: [String] = []
        for name in app.children(directory) {
            let child = join(directory, name)
            guard app.isDirectory(child) else { continue }
            out.append(child)
            if let path = app.path(child), app.snapshot.isDirectory(path) { out.append(contentsOf: descendants(of: child, in: app)) }
        }
        return out
    }

    private static func files(in directory: String, app: RailpackApp) -> [String] {
        app.children(directory).map { join(directory, $0) }.filter { !app.isDirectory($0) }
    }

    private static func join(_ directory: String, _ name: String) -> String { directory.isEmpty ? name : directory + "/" + name }

    private static func hasMeta(_ segment: String) -> Bool { segment.contains { "*?[{\\".contains($0) } }

    private static func unescape(_ segment: String) -> String {
        var out = ""
        var escaped = false
        for c in segment {
            if c == "\\", !escaped { escaped = true; continue }
            out.append(c); escaped = false
        }
        return out
    }

    /// One path segment against one name: `*` any run, `?` one character, `[…]` a class with `!`
    /// or `^` negation and ranges, `\` an escape (doublestar match.go matchWithSeparator).
    static func matchSegment(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern), n = Array(name)
        var pi = 0, ni = 0
        var starP = -1, starN = 0
        while ni < n.count {
            if pi < p.count {
                switch p[pi] {
                case "*":
                    starP = pi; starN = ni; pi += 1; continue
                case "?":
                    pi += 1; ni += 1; continue
                case "[":
                    if let (matched, end) = matchClass(p, pi, n[ni]) {
                        if matched { pi = end; ni += 1; continue }
                    } else if n[ni] == "[" { pi += 1; ni += 1; continue }
                case "\\" where pi + 1 < p.count:
                    if p[pi + 1] == n[ni] { pi += 2; ni += 1; continue }
                default:
                    if p[pi] == n[ni] { pi += 1; ni += 1; continue }
                }
            }
            guard starP >= 0 else { return false }
            pi = starP + 1; starN += 1; ni = starN
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// Whether `c` is in the class starting at `p[start]` (`[`), and the index after its `]`;
    /// nil for an unterminated class.
    private static func matchClass(_ p: [Character], _ start: Int, _ c: Character) -> (Bool, Int)? {
        var index = start + 1
        var negate = false
        if index < p.count, p[index] == "!" || p[index] == "^" { negate = true; index += 1 }
        var matched = false
        var first = true
        while index < p.count {
            if p[index] == "]", !first { return (matched != negate, index + 1) }
            first = false
            var low = p[index]
            if low == "\\", index + 1 < p.count { index += 1; low = p[index] }
            var high = low
            if index + 2 < p.count, p[index + 1] == "-", p[index + 2] != "]" {
                high = p[index + 2]
                if high == "\\", index + 3 < p.count { index += 1; high = p[index + 2] }
                index += 2
            }
            if low <= c && c <= high { matched = true }
            index += 1
        }
        return nil
    }
}
