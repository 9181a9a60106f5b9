/// One watch-path line, read as git reads a `.gitignore` line (git:dir.c `parse_path_pattern`,
/// `add_patterns_from_buffer`, `trim_trailing_spaces`). Railway calls watch paths
/// gitignore-style and links git's pattern format (docs:content/docs/builds/build-configuration.md).
public struct WatchPattern: Sendable, Equatable {
    /// The line as given.
    public let text: String
    /// Position among the service's lines (0-based), so a report can point at it.
    public let index: Int
    /// `!pattern`: a match re-includes instead of including.
    public let negated: Bool
    /// `pattern/`: matches directories only, so a changed file only through its parent directories.
    public let directoryOnly: Bool
    let matcher: Matcher

    /// How git compares a pattern with a path (git:dir.c `last_matching_pattern_from_list`).
    enum Matcher: Sendable, Equatable {
        /// No `/` except a trailing one, no wildcard: the last path component, compared exactly.
        case literalName([UInt8])
        /// No `/` except a trailing one: the last path component at any depth (`match_basename`).
        case globName(GlobProgram)
        /// Anything with a `/`: the whole path from the root. The bytes before the first `*?[\`
        /// are compared literally and only the rest goes to wildmatch (`match_pathname`).
        case path(literalPrefix: [UInt8], rest: GlobProgram)
    }

    private var program: GlobProgram? {
        switch matcher {
        case .literalName: return nil
        case .globName(let program), .path(_, let program): return program
        }
    }

    /// Why the pattern can never match, if it cannot.
    public var defect: String? { program?.defect?.description }
    /// A `**` glued to other characters (`/app/**.js`): git reads it as `*`.
    public var hasInnerDoubleStar: Bool { program?.hasInnerDoubleStar ?? false }

    /// Parses one line; nil for what git skips: blank lines and `#` comments.
    public init?(_ line: String, index: Int) {
        var bytes = Array(line.utf8)
        if bytes.first == UInt8(ascii: "#") { return nil }
        Self.trimTrailingSpaces(&bytes)
        if bytes.isEmpty { return nil }
        self.text = line
        self.index = index
        var negated = false
        if bytes.first == UInt8(ascii: "!") {
            negated = true
            bytes.removeFirst()
        }
        var directoryOnly = false
        if bytes.last == UInt8(ascii: "/") {
            directoryOnly = true
            bytes.removeLast()
        }
        self.negated = negated
        self.directoryOnly = directoryOnly
        // git:dir.c `simple_length`: the literal run before the first glob-special byte.
        var prefixLength = bytes.firstIndex { Self.isGlobSpecial($0) } ?? bytes.count
        if !bytes.contains(UInt8(ascii: "/")) {
            // git:dir.c `match_basename`: exact when literal, else the whole pattern to wildmatch.
            self.matcher = prefixLength == bytes.count ? .literalName(bytes) : .globName(GlobProgram(bytes))
            return
        }
        // A leading `/` anchors to the repository root; patterns with any `/` are anchored anyway.
        if bytes.first == UInt8(ascii: "/") {
            bytes.removeFirst()
            prefixLength -= 1
        }
        self.matcher = .path(literalPrefix: Array(bytes[0..<prefixLength]), rest: GlobProgram(Array(bytes[prefixLength...])))
    }

    /// Whether this pattern matches `path` (components from the repository root).
    func matches(_ components: [String], isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        switch matcher {
        case .literalName(let literal):
            return components.last.map { Array($0.utf8) == literal } ?? false
        case .globName(let program):
            return components.last.map { program.matches(Array($0.utf8)) } ?? false
        case .path(let literalPrefix, let rest):
            let name = Array(components.joined(separator: "/").utf8)
            guard name.starts(with: literalPrefix) else { return false }
            return rest.matches(name[literalPrefix.count...])
        }
    }

    private static func isGlobSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "\\")
    }

    /// Trailing spaces go unless escaped with `\` (git:dir.c `trim_trailing_spaces`).
    private static func trimTrailingSpaces(_ bytes: inout [UInt8]) {
        var lastSpace: Int?
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: " "):
                if lastSpace == nil { lastSpace = i }
            case UInt8(ascii: "\\"):
                i += 1
                if i >= bytes.count { return }
                lastSpace = nil
            default:
                lastSpace = nil
            }
            i += 1
        }
        if let lastSpace { bytes.removeSubrange(lastSpace...) }
    }
}
