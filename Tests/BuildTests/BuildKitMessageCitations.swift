import Foundation

/// Reads the citation comments of `BuildKitMessage` (see its doc comment for the form) and turns
/// them into something a test can hold the Swift texts to. Kept apart from the tests so the
/// self-check can run the same reader on a made-up catalogue.
struct BuildKitMessageCitations {
    struct Citation: Equatable {
        var origin: String
        var path: String
        var function: String
        /// The Go string literal's source text, without its quotes.
        var literal: String
    }

    struct Entry {
        var name: String
        var line: Int
        var citations: [Citation]
    }

    var entries: [Entry] = []
    /// Catalogue defects: an entry without a citation, a citation not followed by an entry.
    var problems: [String] = []

    /// `// <origin> <path> <function>: "<literal>"`.
    static let citationPattern = #"^\s*// (BuildKit|moby/patternmatcher|Go) (\S+) (\S+): "(.*)"$"#
    static let declarationPattern = #"^\s*(?:public |internal )?static (?:func|let|var) (\w+)"#

    init(source: String, file: String) {
        guard let citationLine = try? NSRegularExpression(pattern: Self.citationPattern),
              let declarationLine = try? NSRegularExpression(pattern: Self.declarationPattern) else {
            problems.append("the citation reader's own expressions do not compile")
            return
        }
        var pending: [Citation] = []
        for (index, line) in source.components(separatedBy: "\n").enumerated() {
            let number = index + 1
            let range = NSRange(line.startIndex..., in: line)
            if let m = citationLine.firstMatch(in: line, range: range) {
                func group(_ i: Int) -> String { Range(m.range(at: i), in: line).map { String(line[$0]) } ?? "" }
                pending.append(Citation(origin: group(1), path: group(2), function: group(3), literal: group(4)))
                continue
            }
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("///") { continue }
            if let m = declarationLine.firstMatch(in: line, range: range), let r = Range(m.range(at: 1), in: line) {
                let name = String(line[r])
                if pending.isEmpty { problems.append("\(file):\(number): `\(name)` has no citation comment") }
                entries.append(Entry(name: name, line: number, citations: pending))
                pending = []
                continue
            }
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("// BuildKit") {
                problems.append("\(file):\(number): malformed citation: \(line.trimmingCharacters(in: .whitespaces))")
            }
            if !pending.isEmpty {
                problems.append("\(file):\(number): citation not followed by a catalogue entry")
                pending = []
            }
        }
    }

    /// Go's interpretation of the escapes a literal can hold here.
    static func unescape(_ literal: String) -> String {
        var out = ""
        var escaped = false
        for c in literal {
            if escaped {
                switch c {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// The fixed text between Go verbs (`%s`, `%q`, `%#v`, `%d`, `%v`, `%c`; `%%` is a percent sign).
    static func pieces(_ format: String) -> (fixed: [String], verbs: [String]) {
        var fixed = [""]
        var verbs: [String] = []
        var chars = Array(format)[...]
        while let c = chars.popFirst() {
            guard c == "%" else { fixed[fixed.count - 1].append(c); continue }
            var verb = "%"
            while let n = chars.popFirst() {
                verb.append(n)
                if n.isLetter || n == "%" { break }
            }
            if verb == "%%" { fixed[fixed.count - 1].append("%"); continue }
            verbs.append(verb)
            fixed.append("")
        }
        return (fixed, verbs)
    }

    /// A regular expression the message must contain a match of: the cited literals in order, anything
    /// around and between them (the values Go concatenates, before and after), verbs as their values.
    static func expression(for citations: [Citation]) -> String {
        var out = ""
        for (i, citation) in citations.enumerated() {
            if i > 0 { out += ".*?" }
            let (fixed, verbs) = pieces(unescape(citation.literal))
            for (j, text) in fixed.enumerated() {
                out += NSRegularExpression.escapedPattern(for: text)
                guard j < verbs.count else { continue }
                out += verbs[j] == "%q" || verbs[j] == "%#v" ? #""(?:[^"\\]|\\.)*""# : ".*?"
            }
        }
        return out
    }

    static func matches(_ message: String, _ citations: [Citation]) -> Bool {
        guard let re = try? NSRegularExpression(pattern: expression(for: citations), options: [.dotMatchesLineSeparators]) else { return false }
        return re.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) != nil
    }
}
