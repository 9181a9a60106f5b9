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

    func run(_ files: [String]) throws -> [String: [String: Any]] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["python3", script] + files
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]) ?? [:]
    }

    /// Inputs where BuildKit v0.12.5 (the package) and current BuildKit parse differently; railsim follows
    /// current BuildKit. Returns why, or nil when the file is comparable.
    static func knownDivergence(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        // `# check=` is a directive only since BuildKit 0.14: in 0.12.5 it ends directive scanning.
        if text.range(of: "^\\s*#\\s*check\\s*=", options: [.regularExpression, .caseInsensitive]) != nil { return "check directive" }
        // Heredoc words with blanks after `<<` (`<< EOF`) are recognised only since the regex gained `\s*`.
        if text.range(of: "<<-?[ \\t]", options: .regularExpression) != nil { return "blank after <<" }
        // With `# escape=\`` current BuildKit uses the backtick in flag words; 0.12.5 always used `\`.
        if text.range(of: "^\\W*#\\s*escape\\s*=\\s*`", options: [.regularExpression, .caseInsensitive]) != nil,
           text.contains("--") { return "escape token in flags" }
        // The package hands strings to Python through C strings, so a NUL (JSON "\u0000") truncates them.
        if text.contains("\\u0000") { return "NUL in JSON string" }
        return nil
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

    static func leadingArray(_ original: String) -> DockerfileJSONArray.Outcome? {
        let u = Array(original.unicodeScalars)
        for (i, c) in u.enumerated() where c == "]" {
            guard let start = u.firstIndex(of: "[") else { return nil }
            let candidate = String(String.UnicodeScalarView(u[start...i]))
            let r = DockerfileJSONArray.parse(candidate)
            if r != .notJSON { return r }
        }
        return nil
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
        for (ins, c) in zip(file.instructions, cmds) {
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
                    == heredocs.map { "\($0.name)|\($0.fileDescriptor)|\($0.content)" }),
            ]
            if let bad = checks.first(where: { !$0.1 }), !decoderAcceptsLeadingArray(ins, c) {
                return "line \(ins.startLine) \(ins.keyword): \(bad.0) differs: oracle \(String(describing: c[bad.0] ?? "nil")) vs railsim \(ins)"
            }
        }
        return nil
    }
}

/// A seeded generator of syntactically varied Dockerfiles (valid and invalid) for differential testing.
struct DockerfileGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func rand(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(max(n, 1)))
    }
    mutating func pick<T>(_ a: [T]) -> T { a[rand(a.count)] }

    mutating func next() -> String {
        var lines: [String] = []
        if rand(4) == 0 { lines.append(pick(["# syntax=docker/dockerfile:1", "# escape=`", "#escape=\\", "# Syntax = x", "# foo=bar"])) }
        if rand(5) == 0 { lines.append(pick(["", "# comment", "ARG BASE=python:3.12"])) }
        lines.append(pick(["FROM python:3.12", "from busybox AS build", "FROM --platform=linux/amd64 alpine", "FROM a b", "FROM x AS 1bad"]))
        for _ in 0..<(1 + rand(8)) { lines.append(contentsOf: instruction()) }
        let eol = rand(6) == 0 ? "\r\n" : "\n"
        var text = lines.joined(separator: eol)
        if rand(5) != 0 { text += eol }
        return text
    }

    private mutating func words() -> String {
        (0..<(1 + rand(3))).map { _ in pick(["a", "b c", "\"q w\"", "'s q'", "$HOME", "${X:-d}", "x\\ y", "é", "--x", "k=v", "#", "[", "]"]) }
            .joined(separator: pick([" ", "  ", "\t"]))
    }

    private mutating func instruction() -> [String] {
        let kw = pick(["RUN", "run", "CMD", "ENTRYPOINT", "COPY", "ADD", "ENV", "LABEL", "ARG", "WORKDIR", "USER", "EXPOSE",
                       "VOLUME", "SHELL", "HEALTHCHECK", "ONBUILD", "STOPSIGNAL", "MAINTAINER", "FOO"])
        let flags = rand(3) == 0 ? [pick(["--from=build", "--chown=1000:1000", "--link", "--mount=type=cache,target=/c", "--x=\"a b\"", "--", "--a=1 --b"])] : []
        var body: String
        switch rand(7) {
        case 0: body = "[" + (0..<rand(4)).map { _ in pick(["\"a\"", "\"b c\"", "\"\\u00e9\"", "1", "null", "\"x\\\"y\""]) }.joined(separator: ", ") + "]"
        case 1: body = pick(["['a']", "[\"a\"", "[\"a\"] x", "[ ]"])
        case 2: body = words() + " " + pick(["<<EOF", "<<-EOF", "<<'EOF'", "3<<EOF", "<<\"E\"OF"]) + " " + words()
        default: body = words()
        }
        var first = ([kw] + flags + [body]).joined(separator: " ")
        if kw == "ONBUILD" { first = "ONBUILD " + pick(["RUN echo x", "COPY a b", "ONBUILD RUN x", "FROM y", "RUN <<EOF"]) }
        if kw == "HEALTHCHECK" { first = "HEALTHCHECK " + pick(["NONE", "CMD curl x", "CMD [\"a\"]", "--interval=5s CMD x", "cmd"]) }
        var out = [first]
        switch rand(6) {
        case 0:
            out[0] += pick([" \\", "\\", " \\  ", " \\\\"])
            out.append(pick(["  continued", "# comment inside", "", "   ", "\tlast \\", "x"]))
            if rand(2) == 0 { out.append("  more") }
        case 1:
            out.append(pick(["# a comment", "", "   # indented comment"]))
        default: break
        }
        if body.contains("<<") || first.contains("<<") {
            let name = body.contains("\"E\"OF") ? "EOF" : "EOF"
            out.append(pick(["body line", "\tbody tab", "$VAR ${X}"]))
            if rand(8) != 0 { out.append(pick([name, "\t" + name])) }
        }
        return out
    }
}
