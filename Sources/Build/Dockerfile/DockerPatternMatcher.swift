/// moby/patternmatcher `PatternMatcher`. `isExcluded` is `MatchesOrParentMatches` (fsutil's `Open`, and
/// patternmatcher's own tests): patterns in order, an exclusion is only tried while the path is included
/// and a `!` exception only while excluded, and a pattern hits if it matches the path or any parent
/// directory; the last hit wins. What a build context actually keeps comes from a walk with
/// `matchesUsingParentResults` (see `DockerContextFilter`), which differs in a few cases.
public struct DockerPatternMatcher: Sendable {
    public struct PatternError: Error, Sendable, Equatable { public var message: String }

    struct Pattern: Sendable {
        /// `invalid`: the regexp does not compile although `filepath.Match` accepted the pattern (`[é-z]`,
        /// `\y`). patternmatcher compiles a pattern on its first `match` call, so the error only surfaces
        /// if the pattern is ever tried: in `["***", "a[é-z]"]` the second line is never tried (an
        /// exclusion is skipped once a path is excluded) and the docker CLI builds without complaint.
        enum Kind: Sendable { case exact, prefix(String), suffix(String), regex(DockerGoRegexBox), invalid }
        var cleaned: String
        var exclusion: Bool
        var kind: Kind

        func match(_ path: String) throws(PatternError) -> Bool {
            switch kind {
            case .invalid:
                // patternmatcher.go Pattern.match: a compile error is returned as filepath.ErrBadPattern
                throw PatternError(message: BuildKitMessage.badPattern)
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
            out.append(Pattern(cleaned: p, exclusion: exclusion, kind: Self.compile(p)))
        }
        self.patterns = out
    }

    /// `Pattern.compile`: exact, `prefix/**`, `**suffix`, or an anchored regexp.
    static func compile(_ pattern: String) -> Pattern.Kind {
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
            // patternmatcher.go compile: a regexp error is kept and reported by `match` (see Kind.invalid)
            guard let regex = try? DockerGoRegex(reg + "$") else { return .invalid }
            return .regex(DockerGoRegexBox(regex))
        }
    }

    /// `MatchesOrParentMatches` for a `/`-separated path relative to the context root. The path is
    /// cleaned first and `.` (the root itself) is never excluded, as in patternmatcher's package function.
    public func isExcluded(_ relativePath: String) throws(PatternError) -> Bool {
        let file = DockerGoPath.clean(relativePath)
        if file == "." { return false }
        let parent = DockerGoPath.dir(file)
        let parentDirs = parent.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var matched = false
        for pattern in patterns where pattern.exclusion == matched {
            var hit = try pattern.match(file)
            if !hit && parent != "." {
                // patternmatcher.go MatchesOrParentMatches ignores errors on the parent checks.
                for n in 1...parentDirs.count where (try? pattern.match(parentDirs[0..<n].joined(separator: "/"))) == true {
                    hit = true
                    break
                }
            }
            if hit { matched = !pattern.exclusion }
        }
        return matched
    }

    /// Per-pattern "this pattern matched the directory" flags that a walk hands from a directory to its
    /// entries (patternmatcher.go `MatchInfo`). `.none` means "no parent information" (a top-level entry).
    public struct MatchInfo: Sendable, Equatable {
        var parentMatched: [Bool]
        public static let none = MatchInfo(parentMatched: [])
    }

    /// patternmatcher.go `MatchesUsingParentResults`, the call both walks that filter a build context make
    /// (tonistiigi/fsutil filter.go `filterFS.Walk` for BuildKit, moby/go-archive archive.go `Tarballer.Do`
    /// for the docker CLI's legacy builder). It differs from `isExcluded` (`MatchesOrParentMatches`): a
    /// pattern that matched the parent counts as a hit even where the in-order rule would have skipped it,
    /// and a pattern that was skipped at the parent is then tried against this path alone, never against
    /// its ancestors. So `["a/b", "!a"]` excludes `a/b` here although `isExcluded("a/b")` is false.
    public func matchesUsingParentResults(_ path: String, parent: MatchInfo) throws(PatternError) -> (excluded: Bool, info: MatchInfo) {
        // patternmatcher.go: parent results of the wrong length are an error; a walk never passes one.
        let parentMatched = parent.parentMatched.count == patterns.count ? parent.parentMatched : []
        var matched = false
        var info = MatchInfo(parentMatched: Array(repeating: false, count: patterns.count))
        for (i, pattern) in patterns.enumerated() {
            var hit = parentMatched.isEmpty ? false : parentMatched[i]
            if !hit {
                // patternmatcher.go: "Skip evaluation if this is an inclusion and the filename already
                // matched the pattern, or it's an exclusion and it has not matched the pattern yet."
                if pattern.exclusion != matched { continue }
                hit = try pattern.match(path)
                // patternmatcher.go: only without parent information are the ancestors tried.
                if !hit && parentMatched.isEmpty {
                    let parentPath = DockerGoPath.dir(path)
                    if parentPath != "." {
                        let dirs = parentPath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                        // patternmatcher.go ignores errors on the parent checks here too.
                        for n in 1...dirs.count where (try? pattern.match(dirs[0..<n].joined(separator: "/"))) == true {
                            hit = true
                            break
                        }
                    }
                }
            }
            info.parentMatched[i] = hit
            if hit { matched = !pattern.exclusion }
        }
        return (matched, info)
    }

    /// The `!` patterns, cleaned and without the `!` (patternmatcher.go `Pattern.String` of the
    /// patterns whose `Exclusion()` is true), in file order.
    /// The last excluding (non-`!`) pattern that matches `relativePath` or one of its parent
    /// directories: the line a user has to change. nil when none does.
    public func lastExcludingPattern(for relativePath: String) -> Int? {
        let file = DockerGoPath.clean(relativePath)
        let parts = file.split(separator: "/").map(String.init)
        let candidates = (1...max(parts.count, 1)).map { parts.prefix($0).joined(separator: "/") }
        return patterns.indices.last { index in
            !patterns[index].exclusion && candidates.contains { (try? patterns[index].match($0)) == true }
        }
    }

    public var exceptionPatterns: [String] { patterns.filter(\.exclusion).map(\.cleaned) }
}

/// Reference box so the compiled program is shared, immutable, and Sendable.
final class DockerGoRegexBox: Sendable {
    let regex: DockerGoRegex
    init(_ regex: DockerGoRegex) { self.regex = regex }
}
