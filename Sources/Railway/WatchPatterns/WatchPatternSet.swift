import Snapshot

/// A service's watch paths, evaluated from the repository root even when the service has a Root
/// Directory (docs:content/docs/builds/build-configuration.md "patterns still operate from `/`").
/// A changed file "matches" where git would call it ignored with these lines as the only
/// exclude file: the last matching line wins, `!` re-includes, and a file inside a matched
/// directory matches whatever later lines say about the file (gitignore(5): "It is not possible
/// to re-include a file if a parent directory of that file is excluded"; git:dir.c `prep_exclude`).
public struct WatchPatternSet: Sendable, Equatable {
    public let patterns: [WatchPattern]

    /// Reads the lines as Railway stores them: one pattern per element; an element holding
    /// several lines is split, as the dashboard takes one pattern per line.
    public init(_ lines: [String]) {
        var patterns: [WatchPattern] = []
        var index = 0
        for element in lines {
            // Swift reads "\r\n" as one Character; git splits at "\n" and drops a "\r" before it.
            for line in element.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
                let text = String(line)
                if let pattern = WatchPattern(text, index: index) { patterns.append(pattern) }
                index += 1
            }
        }
        self.patterns = patterns
    }

    /// No effective line: the service redeploys on every change.
    public var isEmpty: Bool { patterns.isEmpty }

    /// What the lines say about one changed file.
    public func decide(_ path: RepoPath) -> WatchMatch {
        let components = path.components
        guard !components.isEmpty else { return WatchMatch(path: path, matches: false, pattern: nil, directory: nil, reincludeIgnored: false) }
        // Parent directories first, from the top: the first one matched positively decides.
        for depth in 1..<components.count {
            let directory = Array(components.prefix(depth))
            if let hit = lastMatch(directory, isDirectory: true), !hit.negated {
                let own = lastMatch(components, isDirectory: false)
                return WatchMatch(path: path, matches: true, pattern: hit, directory: directory.reduce(RepoPath.root) { $0.appending($1) },
                                  reincludeIgnored: own?.negated ?? false)
            }
        }
        let hit = lastMatch(components, isDirectory: false)
        return WatchMatch(path: path, matches: hit.map { !$0.negated } ?? false, pattern: hit, directory: nil, reincludeIgnored: false)
    }

    private func lastMatch(_ components: [String], isDirectory: Bool) -> WatchPattern? {
        patterns.last { $0.matches(components, isDirectory: isDirectory) }
    }

    /// What railsim noticed about the lines themselves.
    public var notes: [WatchPatternNote] {
        var notes: [WatchPatternNote] = []
        var sawInclude = false
        for pattern in patterns {
            if let defect = pattern.defect { notes.append(.neverMatches(pattern: pattern.text, reason: defect)) }
            if pattern.hasInnerDoubleStar { notes.append(.doubleStarInsideSegment(pattern: pattern.text)) }
            // "negations will only work if you include files in a preceding rule" (build-configuration.md).
            if pattern.negated && !sawInclude { notes.append(.negationWithoutInclude(pattern: pattern.text)) }
            if !pattern.negated { sawInclude = true }
        }
        return notes
    }
}

/// The decision for one changed file.
public struct WatchMatch: Sendable, Equatable {
    public var path: RepoPath
    /// Whether the file counts as changed for this service.
    public var matches: Bool
    /// The line that decided, if any.
    public var pattern: WatchPattern?
    /// Set when a parent directory matched rather than the file.
    public var directory: RepoPath?
    /// A later `!` line named the file, but git does not re-include inside a matched directory.
    /// Glob libraries that test each path on its own would re-include it: Railway may differ here.
    public var reincludeIgnored: Bool
}
