/// A Procfile as Nixpacks reads it: a YAML document deserialised into `HashMap<String, String>`
/// (nixpacks:src/providers/procfile.rs, serde_yaml 0.9). Any scalar becomes its text
/// (serde_yaml de.rs `deserialize_str`), a later duplicate key replaces an earlier one, and
/// anything that is not a mapping of scalars fails the plan with "Reading Procfile".
///
/// railsim reads the YAML a Procfile uses: block-mapping lines of plain, single- or double-quoted
/// scalars, comments, and plain scalars continued on more-indented lines. YAML it cannot follow
/// with certainty (anchors, tags, block scalars, documents, flow mappings) is reported, not guessed.
struct NixpacksProcfile: Equatable {
    struct Process: Equatable {
        var name: String
        var command: String
        var line: Int
    }

    enum Failure: Error, Equatable {
        /// serde_yaml rejects the document; Nixpacks fails with "Reading Procfile".
        case invalid(String, line: Int)
        /// Valid YAML, probably, that railsim does not read.
        case notModelled(String, line: Int)
    }

    /// In file order; a repeated name keeps its last command at its first position.
    private(set) var processes: [Process] = []

    /// procfile.rs `get_start_cmd`: `release` aside, `web`, else `worker`, else the first name in
    /// byte order.
    var start: Process? {
        let candidates = processes.filter { $0.name != "release" }
        if let web = candidates.first(where: { $0.name == "web" }) { return web }
        if let worker = candidates.first(where: { $0.name == "worker" }) { return worker }
        return candidates.min { NixpacksOrdering.less($0.name, $1.name) }
    }

    /// procfile.rs `get_release_cmd`.
    var release: Process? { processes.first { $0.name == "release" } }

    private mutating func set(_ process: Process) {
        if let index = processes.firstIndex(where: { $0.name == process.name }) {
            processes[index].command = process.command
            processes[index].line = process.line
        } else {
            processes.append(process)
        }
    }

    static func parse(_ text: String) throws(Failure) -> NixpacksProcfile {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }  // a leading BOM is YAML's encoding mark
        if scalars.contains("\r") { throw .notModelled("a carriage return outside a CRLF line end", line: 1) }
        let lines = scalars.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        var procfile = NixpacksProcfile()
        var keyIndent: Int?
        var open: OpenValue?  // the value still taking continuation lines
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            let indent = line.prefix { $0 == " " }.count
            let rest = Array(line[indent...])
            let content = rest.drop { $0 == " " || $0 == "\t" }
            if content.isEmpty {
                open?.blankLines += 1
                continue
            }
            if content.first == "#" {
                if open?.hasContent == true { open?.closed = true }  // a comment ends a plain scalar (YAML 1.2 §7.3.3)
                continue
            }
            if rest.first == "\t" { throw .invalid("found a tab character that violates indentation", line: number) }
            if let expected = keyIndent, indent > expected, var value = open {
                if value.closed { throw .invalid("could not find expected ':'", line: number) }
                try value.continueWith(Array(content), line: number)
                open = value
                procfile.set(value.process)
                continue
            }
            if let expected = keyIndent, indent != expected {
                throw .invalid("did not find expected key", line: number)
            }
            if indent == 0, Self.startsDocumentMarker(rest) { throw .notModelled("a YAML document marker", line: number) }
            if indent == 0, rest.first == "%" { throw .notModelled("a YAML directive", line: number) }
            keyIndent = indent
            let (name, valueStart) = try Self.key(rest, line: number)
            let value = try Self.value(Array(rest[valueStart...]), line: number)
            var state = OpenValue(process: Process(name: name, command: value.text, line: number))
            switch value.kind {
            case .empty: state.hasContent = false
            case .plain: state.closed = value.endedByComment
            case .quoted: state.closed = true
            }
            open = state
            procfile.set(state.process)
        }
        return procfile
    }

    /// A value that may still be continued by more-indented lines (a multi-line plain scalar).
    private struct OpenValue {
        var process: Process
        /// False while a `key:` with nothing after it waits for its value on the next lines.
        var hasContent = true
        var blankLines = 0
        var closed = false

        mutating func continueWith(_ content: [Unicode.Scalar], line: Int) throws(Failure) {
            if !hasContent {
                if content.first == "-", content.count == 1 || content[1] == " " || content[1] == "\t" {
                    throw .invalid("invalid type: sequence, expected a string", line: line)
                }
                if let first = content.first, "\"'|>&*![{".unicodeScalars.contains(first) {
                    throw .notModelled("a value that starts on the line after its key", line: line)
                }
            }
            if let first = content.first, !NixpacksProcfile.isPlainStartScalar(first, next: content.dropFirst().first) {
                throw .invalid("found character that cannot start any token", line: line)
            }
            let (text, endedByComment) = try NixpacksProcfile.plainLine(content, line: line, nestedKeyMeansMap: !hasContent)
            // Folding: one line break becomes a space, each blank line a newline (YAML 1.2 §6.5);
            // blank lines before the first line of the value are not part of it.
            if !hasContent {
                process.command = text
            } else {
                process.command += blankLines == 0 ? " " + text : String(repeating: "\n", count: blankLines) + text
            }
            hasContent = true
            blankLines = 0
            closed = endedByComment
        }
    }

    private static func startsDocumentMarker(_ line: [Unicode.Scalar]) -> Bool {
        for marker in ["---", "..."] where line.starts(with: marker.unicodeScalars) {
            return line.count == 3 || line[3] == " " || line[3] == "\t"
        }
        return false
    }

    /// The key of a mapping line and where its value starts.
    private static func key(_ line: [Unicode.Scalar], line number: Int) throws(Failure) -> (String, Int) {
        guard let first = line.first else { throw .invalid("did not find expected key", line: number) }
        if first == "\"" || first == "'" {
            let (name, end) = try quoted(line, from: 0, line: number)
            var index = end
            while index < line.count, line[index] == " " || line[index] == "\t" { index += 1 }
            guard index < line.count, line[index] == ":" else { throw .invalid("could not find expected ':'", line: number) }
            return (name, index + 1)
        }
        if first == "-", line.count == 1 || line[1] == " " || line[1] == "\t" {
            throw .invalid("invalid type: sequence, expected a map", line: number)
        }
        if "[{".unicodeScalars.contains(first) { throw .notModelled("a flow collection", line: number) }
        if "?&*!|>".unicodeScalars.contains(first) { throw .notModelled("YAML syntax `\(first)`", line: number) }
        guard isPlainStartScalar(first, next: line.dropFirst().first) else {
            throw .invalid("found character that cannot start any token", line: number)
        }
        var index = 0
        while index < line.count {
            let c = line[index]
            if c == ":", index + 1 == line.count || line[index + 1] == " " || line[index + 1] == "\t" {
                let name = String(String.UnicodeScalarView(line[..<index])).trimmingTrailingBlanks
                return (name, index + 1)
            }
            if c == "#", index > 0, line[index - 1] == " " || line[index - 1] == "\t" { break }
            index += 1
        }
        // A line that is not `key: value`: a bare scalar document, or a broken mapping.
        throw .invalid(number == 1 ? "invalid type: string, expected a map" : "could not find expected ':'", line: number)
    }

    private enum ValueKind { case empty, plain, quoted }

    /// The value after `key:` on the same line: its text, whether a comment ended it, and its kind
    /// (an empty one may follow on the next, more-indented line).
    private static func value(_ rest: [Unicode.Scalar], line number: Int) throws(Failure) -> (text: String, endedByComment: Bool, kind: ValueKind) {
        var index = 0
        while index < rest.count, rest[index] == " " || rest[index] == "\t" { index += 1 }
        let content = Array(rest[index...])
        guard let first = content.first else { return ("", false, .empty) }
        if first == "#" {
            if index == 0 { throw .invalid("could not find expected ':'", line: number) }
            return ("", true, .empty)
        }
        if first == "\"" || first == "'" {
            let (text, end) = try quoted(content, from: 0, line: number)
            var after = end
            while after < content.count, content[after] == " " || content[after] == "\t" { after += 1 }
            if after < content.count, content[after] != "#" || after == end {
                throw .invalid("did not find expected key", line: number)
            }
            return (text, after < content.count, .quoted)
        }
        if first == "[" || first == "{" { throw .invalid("invalid type: \(first == "[" ? "sequence" : "map"), expected a string", line: number) }
        if first == "-", content.count == 1 || content[1] == " " || content[1] == "\t" {
            throw .invalid("block sequence entries are not allowed in this context", line: number)
        }
        if "|>&*!".unicodeScalars.contains(first) { throw .notModelled("YAML syntax `\(first)` in a value", line: number) }
        if first == "?", content.count == 1 || content[1] == " " { throw .notModelled("a complex mapping key", line: number) }
        guard isPlainStartScalar(first, next: content.dropFirst().first) else {
            throw .invalid("found character that cannot start any token", line: number)
        }
        let (text, endedByComment) = try plainLine(content, line: number, nestedKeyMeansMap: false)
        return (text, endedByComment, .plain)
    }
}
