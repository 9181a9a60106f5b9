/// Per-instruction argument parsing of BuildKit's AST layer (parser/line_parsers.go dispatch table).
enum DockerfileLineParsers {
    struct Failure: Error { var message: String }

    static func node(_ line: String, escape: Unicode.Scalar) throws(Failure) -> DockerInstruction {
        let (cmd, flags, rest) = DockerfileWords.splitCommand(line, escape: escape)
        var trigger: DockerOnbuild?
        let args: DockerArguments
        switch cmd.lowercased() {
        case "add", "copy", "volume": args = try maybeJSONToList(rest)
        case "run", "cmd", "entrypoint", "shell": args = try maybeJSON(rest)
        case "env": args = try nameVal(rest, key: "ENV", escape: escape)
        case "label": args = try nameVal(rest, key: "LABEL", escape: escape)
        case "arg":
            let words = DockerfileWords.parseWords(rest, escape: escape)
            args = words.isEmpty ? .none : .keyValues(words.map { w in
                if let (k, v) = DockerGoText.cut(w, "=") { return DockerKeyValue(key: k, value: v, separator: "=") }
                return DockerKeyValue(key: w, value: nil, separator: "")
            })
        case "expose", "from": args = rest.isEmpty ? .none : .words(DockerfileWords.splitBlank(rest, first: false))
        case "maintainer", "stopsignal", "user", "workdir": args = rest.isEmpty ? .none : .words([rest])
        case "healthcheck": args = try healthcheck(rest)
        case "onbuild":
            args = .none
            if !rest.isEmpty { trigger = DockerOnbuild(try node(rest, escape: escape)) }
        default: args = .none // parseIgnore: unknown words parse here and fail at the instruction layer
        }
        return DockerInstruction(keyword: cmd.uppercased(), keywordAsWritten: cmd, flags: flags, arguments: args, original: line,
                                 startLine: 0, endLine: 0, heredocs: [], onbuildTrigger: trigger)
    }

    /// `canContainHeredoc`: RUN/COPY/ADD (directly or as an ONBUILD trigger) in shell form.
    static func canContainHeredoc(_ node: DockerInstruction) -> Bool {
        let target = node.keyword == "ONBUILD" ? (node.onbuildTrigger?.instruction ?? node) : node
        guard ["RUN", "COPY", "ADD"].contains(target.keyword) else { return false }
        return !target.isJSONForm
    }

    private static func json(_ rest: String) throws(Failure) -> [String]? {
        switch DockerfileJSONArray.parse(rest) {
        case .notJSON: return nil
        case .strings(let s): return s
        case .nonStringElement:
            throw Failure(message: BuildKitMessage.jsonArrayNotStrings)
        }
    }

    /// `parseMaybeJSON`.
    static func maybeJSON(_ rest: String) throws(Failure) -> DockerArguments {
        if rest.isEmpty { return .none }
        if let a = try json(rest) { return .exec(a) }
        return .shell(rest)
    }

    /// `parseMaybeJSONToList`.
    static func maybeJSONToList(_ rest: String) throws(Failure) -> DockerArguments {
        if let a = try json(rest) { return .exec(a) }
        return rest.isEmpty ? .none : .words(DockerfileWords.splitBlank(rest, first: false))
    }

    /// `parseHealthConfig`: the type word ends at the first byte Go's byte-wise `unicode.IsSpace` accepts.
    static func healthcheck(_ rest: String) throws(Failure) -> DockerArguments {
        let b = Array(rest.utf8)
        var sep = 0
        while sep < b.count, !DockerGoText.isSpaceByte(b[sep]) { sep += 1 }
        var next = sep
        while next < b.count, DockerGoText.isSpaceByte(b[next]) { next += 1 }
        if sep == 0 { return .none }
        let kind = String(decoding: b[..<sep], as: UTF8.self)
        let command: DockerHealthcheckCommand
        switch try maybeJSON(String(decoding: b[next...], as: UTF8.self)) {
        case .exec(let a): command = .exec(a)
        case .shell(let s): command = .shell(s)
        default: command = .none
        }
        return .healthcheck(kind: kind, command: command)
    }

    /// `parseNameVal` (ENV, LABEL): legacy `KEY name value...` when the first word has no `=`.
    static func nameVal(_ rest: String, key: String, escape: Unicode.Scalar) throws(Failure) -> DockerArguments {
        let words = DockerfileWords.parseWords(rest, escape: escape)
        guard let first = words.first else { return .none }
        if DockerGoText.cut(first, "=") == nil {
            let parts = DockerfileWords.splitBlank(rest, first: true)
            guard parts.count == 2 else {
                throw Failure(message: BuildKitMessage.mustHaveTwoArguments(key))
            }
            return .keyValues([DockerKeyValue(key: parts[0], value: parts[1], separator: "")])
        }
        var pairs: [DockerKeyValue] = []
        for word in words {
            guard let (k, v) = DockerGoText.cut(word, "=") else {
                throw Failure(message: BuildKitMessage.missingEquals(word))
            }
            pairs.append(DockerKeyValue(key: k, value: v, separator: "="))
        }
        return .keyValues(pairs)
    }
}
