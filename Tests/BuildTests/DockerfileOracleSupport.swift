import Foundation
@testable import Build

/// Runs scripts/dockerfile-oracle.py and maps railsim's parse onto the package's flat `Command` shape.
struct DockerfileOracle {
    let python: String
    let script: String

    static func locate() -> DockerfileOracle? {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = repo.appendingPathComponent("scripts/dockerfile-oracle.py").path
        guard FileManager.default.fileExists(atPath: script) else { print("SKIP dockerfile oracle: \(script) missing"); return nil }
        for python in ["/usr/bin/env"] {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: python)
            probe.arguments = ["python3", "-c", "import dockerfile"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            do { try probe.run() } catch { continue }
            probe.waitUntilExit()
            if probe.terminationStatus == 0 { return DockerfileOracle(python: python, script: script) }
        }
        print("SKIP dockerfile oracle: python3 with the `dockerfile` package not available (pip install dockerfile)")
        return nil
    }

    /// Parses files; one Python process for the whole batch, paths through stdin (no argv limit).
    func run(_ files: [String]) throws -> [String: [String: Any]] {
        try invoke(["-"], input: Data(files.map { $0 + "\n" }.joined().utf8))
    }

    /// Parses in-memory texts (valid UTF-8) keyed by name: generated files never touch the disk, which
    /// costs more than parsing them.
    func run(texts: [String: String]) throws -> [String: [String: Any]] {
        try invoke(["--texts"], input: try JSONSerialization.data(withJSONObject: texts))
    }

    private func invoke(_ args: [String], input: Data) throws -> [String: [String: Any]] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["python3", script] + args
        let out = Pipe()
        let stdin = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = stdin
        try p.run()
        // Feed stdin from another thread so that neither pipe can fill up and block the other.
        let writer = stdin.fileHandleForWriting
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            writer.write(input)
            try? writer.close()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return (try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]) ?? [:]
    }

    /// Inputs where BuildKit v0.12.5 (the package) and current BuildKit parse differently; railsim follows
    /// current BuildKit. Returns why, or nil when the file is comparable. Each rule names the commit that
    /// changed BuildKit (first release in brackets) and is as narrow as the difference it stands for.
    static func knownDivergence(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        let header = directiveBlock(text)
        // a248d48d0 [v0.27.0] directives.go ParseLine: after `#` the line is trimmed with unicode.IsSpace before
        // the key regex; v0.12.5's regex `^#\s*…` allowed only ASCII \s, so `#\u{A0}escape=`` or `#\vsyntax=`
        // was an ordinary comment there (and ended directive scanning).
        if header.contains(where: { l in
            let afterHash = l.unicodeScalars.drop { $0 == "\u{FEFF}" || DockerGoText.isSpace($0) }.dropFirst()
            let blanks = afterHash.prefix { DockerGoText.isSpace($0) }
            return blanks.contains { !" \t\n\u{0C}\r".unicodeScalars.contains($0) } && afterHash.dropFirst(blanks.count).first?.properties.isAlphabetic == true
        }) { return "unicode blank after # in a directive" }
        // e3c0a07b0 [v0.14.0] directives.go: `check` became a known directive; in 0.12.5 it ends directive scanning.
        if header.contains(where: { $0.range(of: "^\\s*#\\s*check\\s*=", options: [.regularExpression, .caseInsensitive]) != nil }) {
            return "check directive"
        }
        // 0b77373ab [v0.22.0] shell/lex.go processPossibleHeredoc keeps `<< EOF` one word and parser.go's heredoc
        // regex gained `\s*` after `<<`: a heredoc now, two plain words in 0.12.5. Looked for in joined lines: the
        // blank may come from a continuation (`<<\` then `\tEOF`).
        if logicalLines(bytes, text).contains(where: { $0.range(of: "(^|[\\s])[0-9]*<<[ \t\r]+[^\\s]", options: .regularExpression) != nil }) {
            return "blank after <<"
        }
        // 4c935cf9a [v0.15.0] shell/lex.go: processStopOn now resets a words buffer shared with nested calls, so
        // in heredoc detection a `${X:-y}`-style expansion drops what came before it in the word (`<<${X:-y}` loses
        // its `<<`); 0.12.5 kept a buffer per call.
        if text.range(of: "<<[^\\s<]*\\$\\{[^}]*[^A-Za-z0-9_}]", options: .regularExpression) != nil { return "expansion with modifier in heredoc word" }
        // 877d8a771 [v0.21.0] split_command.go extractBuilderFlags: flags honour the file's escape token; 0.12.5
        // always used `\`. Only flag words containing either token can differ.
        if escapeTokenInFlags(bytes, text: text) { return "escape token in flags" }
        // 80518e257 [v0.15.0] line_parsers.go parseJSON: json.Unmarshal replaced json.NewDecoder(...).Decode, which
        // read the first JSON value and ignored the rest: `CMD [1] x` was the non-string error in 0.12.5 and is
        // shell form now. A string array followed by text (exec form then, shell form now) is mapped in `compare`
        // unless the shell form declares heredocs, which changes more than the `json` flag.
        if logicalLines(bytes, text).contains(where: { l in
            let leading = leadingArray(l)
            return leading == .nonStringElement || (leading != nil && l.contains("<<"))
        }) { return "text after a JSON array" }
        // The package hands strings to Python through C strings, so a NUL (JSON "\u0000") truncates them.
        if text.contains("\\u0000") { return "NUL in JSON string" }
        return nil
    }

    /// Instruction lines as BuildKit joins them: railsim's parse when it succeeds, otherwise physical lines plus
    /// lines naively joined at continuations (either token), which is enough to find the patterns looked for.
    static func logicalLines(_ bytes: [UInt8], _ text: String) -> [String] {
        if let file = try? DockerfileParser.parseAST(bytes) {
            return file.instructions.map(\.original)
        }
        let joined = text.replacingOccurrences(of: "[\\\\`][ \t]*\r?\n([^\\S\n]*(#[^\n]*)?\r?\n)*", with: "", options: .regularExpression)
        return lines(text) + lines(joined)
    }

    /// Physical lines (a Swift `Character` joins CR LF, so splitting at "\n" alone would not split CRLF files).
    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
    }

    /// The leading `#` lines BuildKit's directive scanner can still see (it stops at the first other line).
    static func directiveBlock(_ text: String) -> [String] {
        var out: [String] = []
        for line in lines(text) {
            let l = String(line).unicodeScalars.drop { $0 == "\u{FEFF}" || DockerGoText.isSpace($0) }
            guard l.first == "#" else { break }
            out.append(String(line))
        }
        return out
    }

    /// With `# escape=`` in force, does any instruction (or ONBUILD trigger) split into flags and rest
    /// differently when flags are escaped with `\\` (0.12.5) instead of `` ` `` (current)?
    static func escapeTokenInFlags(_ bytes: [UInt8], text: String) -> Bool {
        guard text.contains("`") else { return false } // (`--` itself may be split by a continuation)
        func differs(_ line: String) -> Bool {
            let parts = DockerfileWords.splitBlank(DockerGoText.trimSpace(line), first: true)
            guard parts.count == 2 else { return false }
            let now = DockerfileWords.extractFlags(parts[1], escape: "`")
            if now != DockerfileWords.extractFlags(parts[1], escape: "\\") { return true }
            return parts[0].uppercased() == "ONBUILD" && differs(now.rest)
        }
        let parsed = Result { () throws(DockerfileParseError) -> Dockerfile in try DockerfileParser.parseAST(bytes) }
        guard case .success(let file) = parsed else {
            // A directive error comes before any flag is read.
            if case .failure(let e) = parsed, e.message.hasPrefix("only one ") || e.message.hasPrefix("invalid escape token") { return false }
            // No instructions to look at: try physical lines, and lines joined at backtick continuations.
            guard directiveBlock(text).contains(where: { $0.range(of: "escape\\s*=\\s*`", options: [.regularExpression, .caseInsensitive]) != nil }) else {
                return false
            }
            let joined = text.replacingOccurrences(of: "`[ \t]*\r?\n", with: "", options: .regularExpression)
            return lines(text + "\n" + joined).contains { differs($0) }
        }
        guard file.escapeToken == "`" else { return false }
        return file.instructions.contains { differs($0.original) }
    }

    /// Files the oracle cannot report on although both BuildKits agree: parseHealthConfig cuts the type word at
    /// a byte (line_parsers.go `unicode.IsSpace(rune(rest[sep]))`), so `CMD` + U+00A0 leaves half a UTF-8
    /// sequence, which the package fails to decode into a Python string.
    static func oracleLimitation(_ mine: Result<Dockerfile, DockerfileParseError>, _ expected: [String: Any]) -> String? {
        guard let err = expected["error"] as? String, err.hasPrefix("oracle: UnicodeDecodeError"), case .success(let f) = mine else { return nil }
        let cut = f.instructions.contains { ins in
            if case .healthcheck(let kind, _) = (ins.onbuildTrigger?.instruction ?? ins).arguments { return kind.unicodeScalars.last == "\u{FFFD}" }
            return false
        }
        return cut ? "HEALTHCHECK type cut inside a UTF-8 sequence (oracle limitation)" : nil
    }

    /// railsim's flat value list in the package's shape (ENV/LABEL as key, value pairs without separator).
    static func flatValue(_ ins: DockerInstruction, nested: Bool = false) -> [String] {
        // A nested ONBUILD's argument node only has children, which the package renders as one "".
        if nested && ins.keyword == "ONBUILD" { return ins.onbuildTrigger == nil ? [] : [""] }
        if let t = ins.onbuildTrigger?.instruction { return flatValue(t, nested: true) }
        switch ins.arguments {
        case .keyValues(let kvs) where ins.keyword != "ARG": return kvs.flatMap { [$0.key, $0.value ?? ""] }
        default: return DockerfileInstructionChecks.args(ins)
        }
    }

    /// BuildKit 0.12.5 decoded exec form with `json.NewDecoder(...).Decode`, which accepts text after the
    /// array (`CMD ["a"] x`); current BuildKit uses `json.Unmarshal`, which rejects it (shell form).
    static func decoderAcceptsLeadingArray(_ ins: DockerInstruction, _ c: [String: Any]) -> Bool {
        guard (c["json"] as? Bool) == true, !(ins.onbuildTrigger?.instruction ?? ins).isJSONForm else { return false }
        return leadingArray(ins.original) != nil
    }

    /// The JSON array `json.NewDecoder(...).Decode` (0.12.5) accepts at the start of the instruction's argument
    /// when the whole argument is not one JSON value (so `json.Unmarshal`, current, rejects it); nil otherwise.
    static func leadingArray(_ line: String) -> DockerfileJSONArray.Outcome? {
        guard let arg = jsonArgument(line) else { return nil }
        let u = Array(DockerGoText.trimLeftSpace(arg).unicodeScalars)
        guard u.first == "[", DockerfileJSONArray.parse(arg) == .notJSON else { return nil }
        for i in u.indices where u[i] == "]" {
            let r = DockerfileJSONArray.parse(String(String.UnicodeScalarView(u[...i])))
            if r != .notJSON { return r }
        }
        return nil
    }

    /// The text line_parsers.go parseJSON is given for a joined instruction line (after flags; after the
    /// HEALTHCHECK type word; ONBUILD's trigger), or nil for instructions that never parse JSON.
    static func jsonArgument(_ line: String) -> String? {
        let (cmd, _, rest) = DockerfileWords.splitCommand(line, escape: "\\")
        switch cmd.uppercased() {
        case "ONBUILD": return jsonArgument(rest)
        case "HEALTHCHECK":
            // parseHealthConfig: the type word ends at the first byte unicode.IsSpace accepts.
            let b = Array(rest.utf8)
            return String(decoding: b.drop { !DockerGoText.isSpaceByte($0) }.drop { DockerGoText.isSpaceByte($0) }, as: UTF8.self)
        case "RUN", "CMD", "ENTRYPOINT", "SHELL", "ADD", "COPY", "VOLUME": return rest
        default: return nil
        }
    }

    static func compare(_ mine: Result<Dockerfile, DockerfileParseError>, _ expected: [String: Any]) -> String? {
        if let err = expected["error"] as? String {
            switch mine {
            case .success(let f):
                if err == "when using JSON array syntax, arrays must be comprised of strings only",
                   f.instructions.contains(where: { leadingArray($0.original) == .nonStringElement }) { return nil }
                return "oracle fails with \(err.debugDescription), railsim parsed"
            case .failure(let e): return e.message == err ? nil : "error \(e.message.debugDescription) vs oracle \(err.debugDescription)"
            }
        }
        guard let cmds = expected["commands"] as? [[String: Any]] else { return "bad oracle output" }
        let file: Dockerfile
        switch mine {
        case .failure(let e): return "railsim fails with \(e.message.debugDescription) (line \(e.line)), oracle parsed"
        case .success(let f): file = f
        }
        guard cmds.count == file.instructions.count else { return "\(file.instructions.count) instructions vs oracle \(cmds.count)" }
        for (ins, raw) in zip(file.instructions, cmds) {
            // The package turns an empty Go string into None (an instruction line of only a continuation).
            var c = raw
            for key in ["cmd", "original"] where c[key] is NSNull { c[key] = "" }
            let isOnbuild = ins.onbuildTrigger != nil
            var original = ins.original
            var heredocs = ins.heredocs
            if isOnbuild { heredocs = [] } // the package reads heredocs from the trigger node, where BuildKit has none
            if !heredocs.isEmpty { original += heredocs.map { "\n" + $0.content + $0.name }.joined() + "\n" }
            let json = ins.onbuildTrigger?.instruction.isJSONForm ?? ins.isJSONForm
            let oh = (c["heredocs"] as? [[String: Any]]) ?? []
            let checks: [(String, Bool)] = [
                ("cmd", ((c["cmd"] as? String) ?? "").uppercased() == ins.keyword),
                ("sub_cmd", ((c["sub_cmd"] as? String)?.uppercased()) == ins.onbuildTrigger?.instruction.keyword),
                ("json", (c["json"] as? Bool) == json),
                ("original", (c["original"] as? String) == original),
                ("start_line", (c["start_line"] as? Int) == ins.startLine),
                ("end_line", (c["end_line"] as? Int) == ins.endLine),
                ("flags", (c["flags"] as? [String]) == ins.flags),
                ("value", (c["value"] as? [String]) == flatValue(ins)),
                ("heredocs", oh.map { "\($0["name"] ?? "")|\($0["fd"] ?? "")|\($0["content"] ?? "")" }
                    == heredocs.map { "\($0.name)|\(Int64(bitPattern: UInt64($0.fileDescriptor)))|\($0.content)" }), // the package's fd is a signed C int
            ]
            if let bad = checks.first(where: { !$0.1 }), !decoderAcceptsLeadingArray(ins, c) {
                return "line \(ins.startLine) \(ins.keyword): \(bad.0) differs: oracle \(String(describing: c[bad.0] ?? "nil")) vs railsim \(ins)"
            }
        }
        return nil
    }
}
