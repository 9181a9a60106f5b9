/// The instruction layer (BuildKit frontend/dockerfile/instructions/parse.go `ParseInstruction` and
/// `Parse`): arity, flags, and per-instruction rules, checked in file order after the AST parsed, in the
/// same order BuildKit checks them so the first error reported is BuildKit's.
enum DockerfileInstructionChecks {
    struct Failure: Error { var message: String }

    static let allInstructions = ["ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
                                  "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"]

    static func validate(_ instructions: [DockerInstruction]) throws(DockerfileParseError) {
        var inStage = false
        for ins in instructions {
            do {
                try check(ins)
            } catch {
                throw DockerfileParseError(line: ins.startLine, message: error.message, layer: .instruction)
            }
            if ins.keyword == "FROM" {
                inStage = true
            } else if !inStage && ins.keyword != "ARG" {
                // instructions.Parse returns CurrentStage's error without the parse-error prefix.
                throw DockerfileParseError(line: ins.startLine, message: BuildKitMessage.noBuildStage, layer: .stages)
            }
        }
    }

    /// BuildKit `nodeArgs`: the flat argument list the instruction layer sees.
    static func args(_ ins: DockerInstruction) -> [String] {
        if let trigger = ins.onbuildTrigger?.instruction { return [trigger.keywordAsWritten] + args(trigger) }
        switch ins.arguments {
        case .exec(let a), .words(let a): return a
        case .shell(let s): return [s]
        case .keyValues(let kvs):
            if ins.keyword == "ARG" { return kvs.map { $0.key + $0.separator + ($0.value ?? "") } }
            return kvs.flatMap { [$0.key, $0.value ?? "", $0.separator] }
        case .healthcheck(let kind, let cmd):
            switch cmd {
            case .exec(let a): return [kind] + a
            case .shell(let s): return [kind, s]
            case .none: return [kind]
            }
        case .none:
            return allInstructions.contains(ins.keyword) ? [] : [""]
        }
    }

    static func flags(_ ins: DockerInstruction, _ specs: [(String, DockerfileFlags.Kind)] = []) throws(Failure) -> DockerfileFlags {
        do { return try DockerfileFlags(ins.flags, accepts: specs) } catch { throw Failure(message: error.message) }
    }

    static func atLeastOne(_ c: String) -> Failure { Failure(message: BuildKitMessage.atLeastOneArgument(c)) }
    static func exactlyOne(_ c: String) -> Failure { Failure(message: BuildKitMessage.exactlyOneArgument(c)) }
    static func blankNames(_ c: String) -> Failure { Failure(message: BuildKitMessage.blankNames(c)) }

    static func check(_ ins: DockerInstruction) throws(Failure) {
        let a = args(ins)
        switch ins.keyword {
        case "ENV", "LABEL":
            _ = try flags(ins)
            if a.isEmpty { throw atLeastOne(ins.keyword) }
            if case .keyValues(let kvs) = ins.arguments, kvs.contains(where: { $0.key.isEmpty }) { throw blankNames(ins.keyword) }
        case "MAINTAINER", "WORKDIR", "USER":
            if a.count != 1 { throw exactlyOne(ins.keyword) }
            _ = try flags(ins)
        case "STOPSIGNAL":
            // parseStopSignal never parses flags, so flags on STOPSIGNAL are silently ignored.
            if a.count != 1 { throw exactlyOne(ins.keyword) }
        case "ADD", "COPY":
            try checkCopy(ins, a)
        case "FROM":
            try checkFrom(a)
            _ = try flags(ins, [("platform", .string)])
        case "ONBUILD":
            if a.isEmpty { throw atLeastOne("ONBUILD") }
            _ = try flags(ins)
            let trigger = DockerGoText.trimSpace(a[0]).uppercased()
            switch trigger {
            case "ONBUILD":
                throw Failure(message: BuildKitMessage.chainedOnbuild)
            case "MAINTAINER", "FROM":
                throw Failure(message: BuildKitMessage.onbuildTriggerNotAllowed(trigger))
            default: break
            }
        case "RUN":
            let f = try flags(ins, [("device", .strings), ("mount", .strings), ("network", .string), ("security", .string)])
            // Post hooks in Go init order (device, mount, network, security). railsim does not re-validate
            // --device and --mount specs here.
            if let n = f.value("network"), !["default", "none", "host"].contains(n) {
                throw Failure(message: BuildKitMessage.invalidNetworkMode(n))
            }
            if let s = f.value("security"), !["sandbox", "insecure"].contains(s) {
                throw Failure(message: BuildKitMessage.invalidSecurity(s))
            }
        case "CMD", "ENTRYPOINT":
            _ = try flags(ins)
        case "HEALTHCHECK":
            try checkHealthcheck(ins, a)
        case "EXPOSE", "VOLUME":
            if a.isEmpty { throw atLeastOne(ins.keyword) }
            _ = try flags(ins)
            if ins.keyword == "VOLUME", a.contains(where: { DockerGoText.trimSpace($0).isEmpty }) {
                throw Failure(message: BuildKitMessage.emptyVolume)
            }
        case "ARG":
            // parseArg never parses flags either.
            if a.isEmpty { throw atLeastOne("ARG") }
            if case .keyValues(let kvs) = ins.arguments, kvs.contains(where: { $0.key.isEmpty && $0.value != nil }) { throw blankNames("ARG") }
        case "SHELL":
            _ = try flags(ins)
            if a.isEmpty { throw atLeastOne("SHELL") }
            if !ins.isJSONForm {
                throw Failure(message: BuildKitMessage.notJSON("SHELL"))
            }
        default:
            // instructions/parse.go ParseInstructionWithLinter wraps UnknownInstructionError with util/suggest.
            throw Failure(message: DockerGoText.suggest(BuildKitMessage.unknownInstruction(ins.keywordAsWritten), value: ins.keywordAsWritten,
                                                        options: allInstructions, caseSensitive: false))
        }
    }

    static func checkCopy(_ ins: DockerInstruction, _ a: [String]) throws(Failure) {
        if a.count < 2 {
            throw Failure(message: BuildKitMessage.noDestination(ins.keyword))
        }
        if ins.keyword == "ADD" {
            _ = try flags(ins, [("chown", .string), ("chmod", .string), ("link", .bool), ("keep-git-dir", .bool),
                                ("checksum", .string), ("unpack", .bool), ("exclude", .strings)])
        } else {
            _ = try flags(ins, [("chown", .string), ("from", .string), ("chmod", .string), ("link", .bool),
                                ("exclude", .strings), ("parents", .bool)])
        }
        if let dest = a.last, DockerfileHeredocs.parseIgnoringErrors(dest) != nil {
            throw Failure(message: BuildKitMessage.heredocDestination(ins.keyword))
        }
    }

    static func checkFrom(_ a: [String]) throws(Failure) {
        if a.count == 3 && a[1].lowercased() == "as" {
            let name = a[2].lowercased()
            if !isValidStageName(name) {
                throw Failure(message: BuildKitMessage.invalidStageName(a[2]))
            }
        } else if a.count != 1 {
            throw Failure(message: BuildKitMessage.fromArity)
        }
    }

    /// `^[a-z][a-z0-9-_.]*$` (the class `9-_` is the range 0x39–0x5F, which includes `:;<=>?@[\]^` and
    /// upper-case letters; the name is lowercased first, so only those symbols are affected).
    static func isValidStageName(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard let f = b.first, f >= 0x61, f <= 0x7A else { return false }
        return b.dropFirst().allSatisfy { c in (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x5F) || c == 0x2E || c == 0x2D }
    }

    static func checkHealthcheck(_ ins: DockerInstruction, _ a: [String]) throws(Failure) {
        if a.isEmpty { throw atLeastOne("HEALTHCHECK") }
        let kind = a[0].uppercased()
        let rest = a.dropFirst()
        if kind == "NONE" {
            if !rest.isEmpty {
                throw Failure(message: BuildKitMessage.healthcheckNoneArguments)
            }
            return // flags are not parsed for NONE
        }
        let f = try flags(ins, [("interval", .string), ("timeout", .string), ("start-period", .string),
                                ("start-interval", .string), ("retries", .string)])
        guard kind == "CMD" else {
            throw Failure(message: BuildKitMessage.healthcheckUnknownType(kind))
        }
        if rest.isEmpty {
            throw Failure(message: BuildKitMessage.healthcheckMissingCommand)
        }
        for name in ["interval", "timeout", "start-period", "start-interval"] {
            guard let v = f.value(name), !v.isEmpty else { continue }
            let d: Int64
            do { d = try DockerGoDuration.parse(v) } catch { throw Failure(message: error.message) }
            if d != 0 && d < 1_000_000 {
                // parseOptInterval's minimum is time.Millisecond, which Go prints as "1ms".
                throw Failure(message: BuildKitMessage.intervalTooShort(flag: name, minimum: "1ms"))
            }
        }
        if let r = f.value("retries"), !r.isEmpty {
            guard let n = Self.parseInt32(r) else {
                let tooBig = r.utf8.dropFirst(r.hasPrefix("-") || r.hasPrefix("+") ? 1 : 0).allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && r.utf8.count > 1
                // parseHealthcheck returns strconv.ParseInt's error as it is.
                throw Failure(message: tooBig ? BuildKitMessage.parseIntRange(r) : BuildKitMessage.parseIntSyntax(r))
            }
            if n < 0 {
                throw Failure(message: BuildKitMessage.negativeRetries(n))
            }
        }
    }

    /// Go `strconv.ParseInt(s, 10, 32)` success path.
    static func parseInt32(_ s: String) -> Int32? {
        var b = Array(s.utf8)[...]
        var neg = false
        if let c = b.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { neg = c == UInt8(ascii: "-"); b = b.dropFirst() }
        guard !b.isEmpty, b.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var v: Int64 = 0
        for c in b {
            v = v * 10 + Int64(c - 0x30)
            if v > Int64(Int32.max) + 1 { return nil }
        }
        if neg { v = -v }
        return (Int64(Int32.min)...Int64(Int32.max)).contains(v) ? Int32(v) : nil
    }
}
