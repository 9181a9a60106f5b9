// pip requirements files, parsed the way pip 23 does (`pip/_internal/req/req_file.py` and
// `req/constructors.py`) without touching the file system or the network.
// Format: https://pip.pypa.io/en/stable/reference/requirements-file-format/
// Requirement strings: PEP 508 (https://peps.python.org/pep-0508/); names: PEP 503.

/// A parsed requirements.txt.
public struct RequirementsFile: Sendable, Hashable {
    /// The path the text came from, as given (used to resolve `-r`/`-c` relative paths by callers).
    public var path: String
    public var entries: [RequirementEntry]
    /// Lines pip rejects (`.error`) or silently ignores in part (`.warning`), in line order.
    public var problems: [RequirementProblem]

    /// PEP 503 names of every named requirement and named direct reference, in file order, unique.
    public var normalizedNames: [String] {
        var seen = Set<String>()
        return entries.compactMap(\.normalizedName).filter { seen.insert($0).inserted }
    }

    /// Parses `text`. Never fails: anything pip would reject becomes a `problem` with its line number.
    public static func parse(_ text: String, path: String) -> RequirementsFile {
        var parser = RequirementsLineParser()
        for (line, logical) in logicalLines(text) {
            parser.parseLine(logical, line: line)
        }
        return RequirementsFile(path: path, entries: parser.entries, problems: parser.problems)
    }

    /// Physical lines → logical lines with their first line number, comments removed, blank lines
    /// dropped. pip `join_lines`: a line ending in `\` continues on the next one unless it is a comment
    /// line; `ignore_comments`: `(^|\s+)#.*$` is removed, so `#` starts a comment only at the start of
    /// the line or after whitespace (`https://x/y#egg=z` keeps its fragment).
    static func logicalLines(_ text: String) -> [(Int, String)] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }  // pip auto_decode strips a BOM
        // Python str.splitlines(): \n, \r\n, \r and the other Unicode line breaks.
        let physical = body.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
        var out: [(Int, String)] = []
        var pending: [String] = []
        var primary = 0
        for (index, raw) in physical.enumerated() {
            let number = index + 1
            var line = String(raw)
            let isComment = Self.startsWithComment(line)
            if !line.hasSuffix("\\") || isComment {
                if isComment { line = " " + line }
                if pending.isEmpty {
                    out.append((number, line))
                } else {
                    pending.append(line)
                    out.append((primary, pending.joined()))
                    pending = []
                }
            } else {
                if pending.isEmpty { primary = number }
                pending.append(Self.trimBackslashes(line))
            }
        }
        if !pending.isEmpty { out.append((primary, pending.joined())) }
        return out.compactMap { number, line in
            let stripped = stripComment(line).pipTrimmed()
            return stripped.isEmpty ? nil : (number, stripped)
        }
    }

    private static func startsWithComment(_ line: String) -> Bool {
        line.drop(while: { $0.isWhitespace }).first == "#"
    }

    /// Python `str.strip("\\")`: backslashes removed from both ends.
    private static func trimBackslashes(_ line: String) -> String {
        String(line.drop(while: { $0 == "\\" }).reversed().drop(while: { $0 == "\\" }).reversed())
    }

    /// Removes the first `#` that is at the start or preceded by whitespace, and that whitespace.
    static func stripComment(_ line: String) -> String {
        var previous: Character?
        var index = line.startIndex
        while index < line.endIndex {
            let ch = line[index]
            if ch == "#" && (previous == nil || previous?.isWhitespace == true) {
                var cut = index
                while cut > line.startIndex, line[line.index(before: cut)].isWhitespace {
                    cut = line.index(before: cut)
                }
                return String(line[..<cut])
            }
            previous = ch
            index = line.index(after: index)
        }
        return line
    }
}

extension String {
    /// Python `str.strip()` (whitespace at both ends).
    func pipTrimmed() -> String {
        let trimmedFront = drop(while: { $0.isWhitespace })
        var end = trimmedFront.endIndex
        while end > trimmedFront.startIndex, trimmedFront[trimmedFront.index(before: end)].isWhitespace {
            end = trimmedFront.index(before: end)
        }
        return String(trimmedFront[..<end])
    }
}
