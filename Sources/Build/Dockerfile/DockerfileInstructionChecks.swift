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
                // BuildKit frontend/dockerfile/instructions/commands.go CurrentStage
                throw DockerfileParseError(line: ins.startLine, message: "no build stage in current context", layer: .instruction)
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

    // BuildKit frontend/dockerfile/instructions/parse.go errAtLeastOneArgument: "%s requires at least one argument"
    static func atLeastOne(_ c: String) -> Failure { Failure(message: "\(c) requires at least one argument") }
    // BuildKit frontend/dockerfile/instructions/parse.go errExactlyOneArgument: "%s requires exactly one argument"
    static func exactlyOne(_ c: String) -> Failure { Failure(message: "\(c) requires exactly one argument") }
    // BuildKit frontend/dockerfile/instructions/parse.go errBlankCommandNames: "%s names can not be blank"
    static func blankNames(_ c: String) -> Failure { Failure(message: "\(c) names can not be blank") }

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
                // BuildKit frontend/dockerfile/instructions/parse.go parseOnBuild
                throw Failure(message: "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed")
            case "MAINTAINER", "FROM":
                // BuildKit frontend/dockerfile/instructions/parse.go parseOnBuild: "%s isn't allowed as an ONBUILD trigger"
                throw Failure(message: "\(trigger) isn't allowed as an ONBUILD trigger")
            default: break
            }
        case "RUN":
            let f = try flags(ins, [("device", .strings), ("mount", .strings), ("network", .string), ("security", .string)])
            // Post hooks in Go init order (device, mount, network, security). railsim does not re-validate
            // --device and --mount specs here.
            if let n = f.value("network"), !["default", "none", "host"].contains(n) {
                // BuildKit frontend/dockerfile/instructions/commands_runnetwork.go runNetworkPostHook
                throw Failure(message: "invalid network mode \(DockerGoText.quote(n))")
            }
            if let s = f.value("security"), !["sandbox", "insecure"].contains(s) {
                // BuildKit frontend/dockerfile/instructions/commands_runsecurity.go runSecurityPostHook
                throw Failure(message: "security \(DockerGoText.quote(s)) is not valid")
            }
        case "CMD", "ENTRYPOINT":
            _ = try flags(ins)
        case "HEALTHCHECK":
            try checkHealthcheck(ins, a)
        case "EXPOSE", "VOLUME":
            if a.isEmpty { throw atLeastOne(ins.keyword) }
            _ = try flags(ins)
            if ins.keyword == "VOLUME", a.contains(where: { DockerGoText.trimSpace($0).isEmpty }) {
                // BuildKit frontend/dockerfile/instructions/parse.go parseVolume
                throw Failure(message: "VOLUME specified can not be an empty string")
            }
        case "ARG":
            // parseArg never parses flags either.
            if a.isEmpty { throw atLeastOne("ARG") }
            if case .keyValues(let kvs) = ins.arguments, kvs.contains(where: { $0.key.isEmpty && $0.value != nil }) { throw blankNames("ARG") }
        case "SHELL":
            _ = try flags(ins)
            if a.isEmpty { throw atLeastOne("SHELL") }
            if !ins.isJSONForm {
                // BuildKit frontend/dockerfile/instructions/errors_unix.go errNotJSON
                throw Failure(message: "SHELL requires the arguments to be in JSON form")
            }
        default:
            // BuildKit frontend/dockerfile/instructions/parse.go UnknownInstructionError + util/suggest
            throw Failure(message: DockerGoText.suggest("unknown instruction: \(ins.keywordAsWritten)", value: ins.keywordAsWritten,
                                                        options: allInstructions, caseSensitive: false))
        }
    }

    static func checkCopy(_ ins: DockerInstruction, _ a: [String]) throws(Failure) {
        if a.count < 2 {
            // BuildKit frontend/dockerfile/instructions/parse.go errNoDestinationArgument
            throw Failure(message: "\(ins.keyword) requires at least two arguments, but only one was provided. Destination could not be determined")
        }
        if ins.keyword == "ADD" {
            _ = try flags(ins, [("chown", .string), ("chmod", .string), ("link", .bool), ("keep-git-dir", .bool),
                                ("checksum", .string), ("unpack", .bool), ("exclude", .strings)])
        } else {
            _ = try flags(ins, [("chown", .string), ("from", .string), ("chmod", .string), ("link", .bool),
                                ("exclude", .strings), ("parents", .bool)])
        }
        if let dest = a.last, DockerfileHeredocs.parseIgnoringErrors(dest) != nil {
            // BuildKit frontend/dockerfile/instructions/parse.go errBadHeredoc: "%s cannot accept a heredoc as %s"
            throw Failure(message: "\(ins.keyword) cannot accept a heredoc as a destination")
        }
    }

    static func checkFrom(_ a: [String]) throws(Failure) {
        if a.count == 3 && a[1].lowercased() == "as" {
            let name = a[2].lowercased()
            if !isValidStageName(name) {
                // BuildKit frontend/dockerfile/instructions/parse.go parseBuildStageName
                throw Failure(message: "invalid name for build stage: \(DockerGoText.quote(a[2])), name can't start with a number or contain symbols")
            }
        } else if a.count != 1 {
            // BuildKit frontend/dockerfile/instructions/parse.go parseBuildStageName
            throw Failure(message: "FROM requires either one or three arguments")
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
                // BuildKit frontend/dockerfile/instructions/parse.go parseHealthcheck
                throw Failure(message: "HEALTHCHECK NONE takes no arguments")
            }
            return // flags are not parsed for NONE
        }
        let f = try flags(ins, [("interval", .string), ("timeout", .string), ("start-period", .string),
                                ("start-interval", .string), ("retries", .string)])
        guard kind == "CMD" else {
            // BuildKit frontend/dockerfile/instructions/parse.go parseHealthcheck: "Unknown type %#v in HEALTHCHECK (try CMD)"
            throw Failure(message: "Unknown type \(DockerGoText.quote(kind)) in HEALTHCHECK (try CMD)")
        }
        if rest.isEmpty {
            // BuildKit frontend/dockerfile/instructions/parse.go parseHealthcheck
            throw Failure(message: "Missing command after HEALTHCHECK CMD")
        }
        for name in ["interval", "timeout", "start-period", "start-interval"] {
            guard let v = f.value(name), !v.isEmpty else { continue }
            let d: Int64
            do { d = try DockerGoDuration.parse(v) } catch { throw Failure(message: error.message) }
            if d != 0 && d < 1_000_000 {
                // BuildKit frontend/dockerfile/instructions/parse.go parseOptInterval: "Interval %#v cannot be less than %s"
                throw Failure(message: "Interval \(DockerGoText.quote(name)) cannot be less than 1ms")
            }
        }
        if let r = f.value("retries"), !r.isEmpty {
            guard let n = Self.parseInt32(r) else {
                let tooBig = r.utf8.dropFirst(r.hasPrefix("-") || r.hasPrefix("+") ? 1 : 0).allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && r.utf8.count > 1
                // Go strconv.ParseInt errors: "strconv.ParseInt: parsing %q: invalid syntax" / "value out of range"
                throw Failure(message: "strconv.ParseInt: parsing \(DockerGoText.quote(r)): " + (tooBig ? "value out of range" : "invalid syntax"))
            }
            if n < 0 {
                // BuildKit frontend/dockerfile/instructions/parse.go parseHealthcheck: "--retries cannot be negative (%d)"
                throw Failure(message: "--retries cannot be negative (\(n))")
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
