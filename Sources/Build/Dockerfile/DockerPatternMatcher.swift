/// moby/patternmatcher `PatternMatcher` with `MatchesOrParentMatches` semantics, which BuildKit (via
/// tonistiigi/fsutil) applies to build-context paths: patterns in order, an exclusion is only tried while
/// the path is included and a `!` exception only while excluded, and a pattern hits if it matches the
/// path or any parent directory. The last hit wins.
public struct DockerPatternMatcher: Sendable {
    public struct PatternError: Error, Sendable, Equatable { public var message: String }

    struct Pattern: Sendable {
        enum Kind: Sendable { case exact, prefix(String), suffix(String), regex(DockerGoRegexBox) }
        var cleaned: String
        var exclusion: Bool
        var kind: Kind

        func match(_ path: String) -> Bool {
            switch kind {
            case .exact: return path == cleaned
            case .prefix(let p): return path.hasPrefix(p)
            case .suffix(let s):
                if path.utf8.elementsEqual(s.utf8) || path.utf8.reversed().starts(with: s.utf8.reversed()) { return true }
                // "**/foo" also matches "foo" itself
                return s.hasPrefix("/") && path == String(s.dropFirst())
            case .regex(let r): return r.regex.matches(path)
            }
        }
    }

    let patterns: [Pattern]

    /// Whether any `!` exception is present (BuildKit uses this to decide how far to walk excluded dirs).
    public var hasExclusions: Bool { patterns.contains { $0.exclusion } }

    public init(patterns: [String]) throws(PatternError) {
        var out: [Pattern] = []
        for raw in patterns {
            var p = DockerGoText.trimSpace(raw)
            if p.isEmpty { continue }
            p = DockerGoPath.clean(p)
            var exclusion = false
            if p.hasPrefix("!") {
                if p == "!" {
                    throw PatternError(message: BuildKitMessage.illegalExclusionPattern)
                }
                exclusion = true
                p = String(p.unicodeScalars.dropFirst())
            }
            if DockerGoPath.isBadPattern(p) {
                // patternmatcher New returns filepath.Match's ErrBadPattern as it is.
                throw PatternError(message: BuildKitMessage.badPattern)
            }
            out.append(Pattern(cleaned: p, exclusion: exclusion, kind: try Self.compile(p)))
        }
        self.patterns = out
    }

    /// `Pattern.compile`: exact, `prefix/**`, `**suffix`, or an anchored regexp.
    static func compile(_ pattern: String) throws(PatternError) -> Pattern.Kind {
        enum Detected { case exact, prefix, suffix, regex }
        var reg = "^"
        var detected = Detected.exact
        let s = Array(pattern.unicodeScalars)
        var i = 0
        var index = 0
        while i < s.count {
            defer { index += 1 }
            let ch = s[i]
            i += 1
            if ch == "*" {
                if i < s.count, s[i] == "*" {
                    i += 1
                    if i < s.count, s[i] == "/" { i += 1 }
                    if i >= s.count {
                        if detected == .exact { detected = .prefix } else { reg += ".*"; detected = .regex }
                    } else {
                        reg += "(.*/)?"
                        detected = .regex
                    }
                    if index == 0 { detected = .suffix }
                } else {
                    reg += "[^/]*"
                    detected = .regex
                }
            } else if ch == "?" {
                reg += "[^/]"
                detected = .regex
            } else if ".+()$".unicodeScalars.contains(ch) {
                // patternmatcher's shouldEscape lists `.+()|{}$`, but its 8-byte bitmap shifts `1 << (b/8)`
                // out of a byte for b ≥ 64, so `{`, `|`, `}` are never escaped and reach the regexp raw.
                reg += "\\" + String(Character(ch))
            } else if ch == "\\" {
                if i < s.count {
                    reg += "\\" + String(Character(s[i]))
                    i += 1
                    detected = .regex
                } else {
                    reg += "\\"
                }
            } else if ch == "[" || ch == "]" {
                reg += String(Character(ch))
                detected = .regex
            } else {
                reg.unicodeScalars.append(ch)
            }
        }
        switch detected {
        case .exact: return .exact
        case .prefix: return .prefix(String(pattern.unicodeScalars.dropLast(2)))
        case .suffix: return .suffix(String(pattern.unicodeScalars.dropFirst(2)))
        case .regex:
            do { return .regex(DockerGoRegexBox(try DockerGoRegex(reg + "$"))) } catch {
                // patternmatcher returns filepath.ErrBadPattern when the regexp does not compile
                throw PatternError(message: BuildKitMessage.badPattern)
            }
        }
    }

    /// `MatchesOrParentMatches` for a `/`-separated path relative to the context root. The path is
    /// cleaned first and `.` (the root itself) is never excluded, as in patternmatcher's package function.
    public func isExcluded(_ relativePath: String) -> Bool {
        let file = DockerGoPath.clean(relativePath)
        if file == "." { return false }
        let parent = DockerGoPath.dir(file)
        let parentDirs = parent.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var matched = false
        for pattern in patterns where pattern.exclusion == matched {
            var hit = pattern.match(file)
            if !hit && parent != "." {
                for n in 1...parentDirs.count where pattern.match(parentDirs[0..<n].joined(separator: "/")) {
                    hit = true
                    break
                }
            }
            if hit { matched = !pattern.exclusion }
        }
        return matched
    }
}

/// Reference box so the compiled program is shared, immutable, and Sendable.
final class DockerGoRegexBox: Sendable {
    let regex: DockerGoRegex
    init(_ regex: DockerGoRegex) { self.regex = regex }
}
