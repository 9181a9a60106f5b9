/// The shell-style patterns of `${v#p}`, `${v%p}`, `${v/p/r}` as BuildKit's shell/lex.go treats them:
/// `convertShellPatternToRegex` turns `*` into `.*` (greedy) or `.*?` (shortest), `?` into `.`, only
/// `\*`, `\?`, `\\` are valid escapes (`\}` and `\/` drop the backslash), and there are no bracket
/// expressions. Instead of a regex engine, railsim decides with a reachability table which end position
/// Go's leftmost-first regexp would choose: O(pattern × text), no backtracking, no recursion.
struct DockerShellPattern {
    enum Token: Equatable { case literal(Unicode.Scalar), any, star }
    let tokens: [Token]

    /// railsim's own cap on the reachability table (cells), so a hostile pattern cannot exhaust memory.
    static let maxTableCells = 20_000_000

    init(_ pattern: [Unicode.Scalar]) throws(DockerShellPatternError) {
        var out: [Token] = []
        var i = 0
        while i < pattern.count {
            let tok = pattern[i]
            i += 1
            switch tok {
            case "*": out.append(.star)
            case "?": out.append(.any)
            case "\\":
                if i < pattern.count, pattern[i] == "}" || pattern[i] == "/" { continue }
                let next: Unicode.Scalar = i < pattern.count ? pattern[i] : "\u{FFFD}"
                i += 1
                guard next == "*" || next == "?" || next == "\\", i <= pattern.count else {
                    throw DockerShellPatternError(message: BuildKitMessage.invalidPatternEscape(Character(next)))
                }
                out.append(.literal(next))
            default: out.append(.literal(tok))
            }
        }
        tokens = out
    }

    /// Go `reversePattern`: reverses the pattern but keeps each `\x` escape pair in order.
    static func reversed(_ p: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard !p.isEmpty else { return p }
        var out = p
        let last = p.count - 1
        var i = 0
        while i <= last {
            let tok = p[i]
            let o = last - i
            if tok == "\\", i != last {
                out[o - 1] = tok
                out[o] = p[i + 1]
                i += 2
            } else {
                out[o] = tok
                i += 1
            }
        }
        return out
    }

    /// Reachability: row[pi][ti] is true when tokens[pi...] can match some prefix of text[ti...].
    private func table(_ t: [Unicode.Scalar]) throws(DockerShellPatternError) -> [[Bool]] {
        let p = tokens.count, n = t.count
        guard (p + 1) * (n + 1) <= Self.maxTableCells else {
            throw DockerShellPatternError(message: "railsim: pattern too large to evaluate")
        }
        var rows = [[Bool]](repeating: [], count: p + 1)
        rows[p] = [Bool](repeating: true, count: n + 1)
        var pi = p - 1
        while pi >= 0 {
            var row = [Bool](repeating: false, count: n + 1)
            let next = rows[pi + 1]
            var ti = n
            while ti >= 0 {
                switch tokens[pi] {
                case .literal(let c): row[ti] = ti < n && t[ti] == c && next[ti + 1]
                case .any: row[ti] = ti < n && t[ti] != "\n" && next[ti + 1]
                case .star: row[ti] = next[ti] || (ti < n && t[ti] != "\n" && row[ti + 1])
                }
                ti -= 1
            }
            rows[pi] = row
            pi -= 1
        }
        return rows
    }

    /// The end of the match Go's leftmost-first regexp picks when starting at `start` (which must be a
    /// reachable start): greedy stars take the furthest viable position, lazy ones the nearest.
    private func end(_ t: [Unicode.Scalar], _ rows: [[Bool]], from start: Int, greedy: Bool) -> Int {
        var ti = start
        for (pi, tok) in tokens.enumerated() {
            switch tok {
            case .literal, .any: ti += 1
            case .star:
                var reach = ti
                while reach < t.count, t[reach] != "\n" { reach += 1 }
                var choice = ti
                if greedy {
                    var k = reach
                    while k >= ti { if rows[pi + 1][k] { choice = k; break }; k -= 1 }
                } else {
                    var k = ti
                    while k <= reach { if rows[pi + 1][k] { choice = k; break }; k += 1 }
                }
                ti = choice
            }
        }
        return ti
    }

    /// `^pattern` match length at the start of `t`, or nil.
    func prefixMatch(_ t: [Unicode.Scalar], greedy: Bool) throws(DockerShellPatternError) -> Int? {
        let rows = try table(t)
        return rows[0][0] ? end(t, rows, from: 0, greedy: greedy) : nil
    }

    /// Go `Regexp.FindStringIndex` (first) or `ReplaceAllString` (all, with `$`-template expansion).
    func replace(in t: [Unicode.Scalar], with replacement: [Unicode.Scalar], all: Bool) throws(DockerShellPatternError) -> [Unicode.Scalar] {
        let rows = try table(t)
        func find(_ from: Int) -> Int? {
            var s = from
            while s <= t.count { if rows[0][s] { return s }; s += 1 }
            return nil
        }
        if !all {
            guard let s = find(0) else { return t }
            let e = end(t, rows, from: s, greedy: true)
            return Array(t[..<s]) + replacement + Array(t[e...])
        }
        var out: [Unicode.Scalar] = []
        var lastMatchEnd = 0
        var searchPos = 0
        while searchPos <= t.count {
            guard let s = find(searchPos) else { break }
            let e = end(t, rows, from: s, greedy: true)
            out += t[lastMatchEnd..<s]
            if e > lastMatchEnd || s == 0 {
                out += Self.expandTemplate(replacement, match: Array(t[s..<e]))
            }
            lastMatchEnd = e
            let width = searchPos < t.count ? 1 : 0
            if searchPos + width > e { searchPos += width } else if searchPos + 1 > e { searchPos += 1 } else { searchPos = e }
        }
        out += t[lastMatchEnd...]
        return out
    }

    /// Go `Regexp.expand` for a regexp without capture groups: `$$` → `$`, `$0`/`${0}` → the match,
    /// any other well-formed `$name` → empty, a malformed `$` stays literal.
    static func expandTemplate(_ template: [Unicode.Scalar], match: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < template.count {
            guard template[i] == "$" else { out.append(template[i]); i += 1; continue }
            i += 1
            if i < template.count, template[i] == "$" { out.append("$"); i += 1; continue }
            var j = i
            var brace = false
            if j < template.count, template[j] == "{" { brace = true; j += 1 }
            let nameStart = j
            while j < template.count, isLetterOrDigit(template[j]) || template[j] == "_" { j += 1 }
            let name = Array(template[nameStart..<j])
            if name.isEmpty { out.append("$"); continue }
            if brace {
                guard j < template.count, template[j] == "}" else { out.append("$"); continue }
                j += 1
            }
            var num = 0
            for c in name {
                guard c.value >= 0x30, c.value <= 0x39, num < 100_000_000 else { num = -1; break }
                num = num * 10 + Int(c.value - 0x30)
            }
            if name[0] == "0", name.count > 1 { num = -1 }
            if num == 0 { out += match }
            i = j
        }
        return out
    }

    static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: return true
        default: return false
        }
    }
}

struct DockerShellPatternError: Error { var message: String }
