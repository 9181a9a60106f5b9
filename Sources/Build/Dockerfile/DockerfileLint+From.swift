/// The FROM-line checks: InvalidDefaultArgInFrom over meta ARG defaults, then per stage
/// UndefinedArgInFrom, RedundantTargetPlatform and FromPlatformFlagConstDisallowed
/// (dockerfile2llb/convert.go `toDispatchState` → `validateBaseImagesWithDefaultArgs`, `buildDispatchStates`).
extension DockerfileLint {
    /// An ordered variable scope, because BuildKit's suggestions walk `EnvList.Keys()` in insertion order.
    struct Scope {
        private(set) var keys: [String] = []
        private(set) var values: [String: String] = [:]
        mutating func set(_ key: String, _ value: String) {
            if values[key] == nil { keys.append(key) }
            values[key] = value
        }
    }

    /// The meta ARGs (before the first FROM).
    var metaArgInstructions: [DockerInstruction] {
        Array(dockerfile.instructions.prefix { $0.keyword != "FROM" }.filter { $0.keyword == "ARG" })
    }

    /// platform.go `defaultArgs`: the predefined platform ARGs, a build-arg replacing each.
    func predefinedScope() -> Scope {
        let target = fromInstructions.last.flatMap { from -> String? in
            let words = Self.fromWords(from)
            return words.count == 3 ? words[2].lowercased() : nil
        }
        var scope = Scope()
        for (name, value) in platform.predefinedArgs(targetStage: target) { scope.set(name, buildArgs[name] ?? value) }
        return scope
    }

    /// convert.go `buildMetaArgs`: each meta ARG takes its build-arg, else its default expanded in the
    /// scope so far. nil when a default does not expand (BuildKit then fails, or skips the check).
    func metaScope(withBuildArgs: Bool) -> (scope: Scope, declared: [String])? {
        var scope = predefinedScope()
        var declared: [String] = []
        for instruction in metaArgInstructions {
            guard case .keyValues(let pairs) = instruction.arguments else { continue }
            for pair in pairs {
                declared.append(pair.key)
                if withBuildArgs, let supplied = buildArgs[pair.key] {
                    scope.set(pair.key, supplied)
                } else if let raw = pair.value {
                    guard let value = try? lexer.processWord(raw, environment: scope.values) else { return nil }
                    scope.set(pair.key, value)
                }
            }
        }
        return (scope, declared)
    }

    /// Returns false where BuildKit stops with an error before dispatching (the evaluator reports it).
    mutating func checkFromLines() -> Bool {
        // validations.go validateBaseImagesWithDefaultArgs: defaults only, no build-args; abandoned on any expansion error.
        if let (defaults, _) = metaScope(withBuildArgs: false) {
            var results: [(String, DockerInstruction)] = []
            var expanded = true
            for from in fromInstructions {
                guard let base = Self.fromWords(from).first, let value = try? lexer.processWord(base, environment: defaults.values) else {
                    expanded = false
                    break
                }
                results.append((value, from))
            }
            if expanded {
                for (value, from) in results where !DockerImageReference.isValid(value) {
                    let raw = Self.fromWords(from).first ?? ""
                    recorder.report(.invalidDefaultArgInFrom, line: from.startLine, BuildKitMessage.invalidDefaultArgInFrom(raw))
                }
            }
        }
        guard let (global, declared) = metaScope(withBuildArgs: true) else { return false }
        // convert.go unusedFromArgsCheckKeys: declared meta ARGs plus everything in the global scope
        var argKeys = declared
        for key in global.keys where !argKeys.contains(key) { argKeys.append(key) }
        for from in fromInstructions {
            let config = recorder.config.merged(withComments: from.comments)
            guard let base = Self.fromWords(from).first else { return false }
            let name = try? lexer.expand(base, environment: global.values)
            reportUndeclared(name?.unset ?? [], argKeys: argKeys, line: from.startLine, config: config)
            guard let name, !name.value.isEmpty else { return false }
            guard let raw = Self.platformFlag(from) else { continue }
            guard let platform = try? lexer.expand(raw, environment: global.values) else { return false }
            reportUndeclared(platform.unset, argKeys: argKeys, line: from.startLine, config: config)
            // validations.go reportRedundantTargetPlatform: exactly $TARGETPLATFORM, nothing unset
            if platform.referenced == ["TARGETPLATFORM"], platform.unset.isEmpty, platform.value == global.values["TARGETPLATFORM"] {
                recorder.report(.redundantTargetPlatform, line: from.startLine, BuildKitMessage.redundantTargetPlatform(raw), config: config)
            }
            // validations.go reportConstPlatformDisallowed: no substitution, a parseable platform whose OS and
            // architecture do not appear in the stage name
            if platform.referenced.isEmpty, platform.unset.isEmpty, let parsed = Self.parsePlatform(platform.value) {
                let words = Self.fromWords(from)
                let stage = words.count == 3 ? words[2].lowercased() : ""
                if !DockerGoText.contains(stage, parsed.os), !DockerGoText.contains(stage, parsed.architecture) {
                    recorder.report(.fromPlatformFlagConstDisallowed, line: from.startLine,
                                    BuildKitMessage.fromPlatformFlagConstDisallowed(platform.value), config: config)
                }
            }
            if platform.value.isEmpty || Self.parsePlatform(platform.value) == nil { return false }
        }
        return true
    }

    /// validations.go `reportUnusedFromArgs`, one warning per unset name (sorted; BuildKit walks a map).
    mutating func reportUndeclared(_ unset: Set<String>, argKeys: [String], line: Int, config: DockerfileCheckConfig) {
        for name in unset.sorted() where !argKeys.contains(name) {
            let suggest = Self.suggestion(for: name, among: argKeys, caseSensitive: true)
            recorder.report(.undefinedArgInFrom, line: line, BuildKitMessage.undefinedArgInFrom(name, suggest: suggest), config: config)
        }
    }

    /// The raw value of FROM's `--platform` flag.
    static func platformFlag(_ instruction: DockerInstruction) -> String? {
        instruction.flags.last { $0.hasPrefix("--platform=") }.map { String($0.dropFirst("--platform=".count)) }
    }

    /// containerd platforms.Parse, reduced to what the rule needs: the normalized OS and architecture,
    /// nil where Parse would fail (then BuildKit skips the check and fails the build).
    static func parsePlatform(_ spec: String) -> (os: String, architecture: String)? {
        let parts = spec.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-".unicodeScalars)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(allowed.contains) }) else { return nil }
        let knownOS: Set<String> = ["aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd",
                                    "openbsd", "plan9", "solaris", "windows", "zos", "wasip1"]
        func normalizeOS(_ os: String) -> String { os.lowercased() == "macos" ? "darwin" : os.lowercased() }
        func normalizeArch(_ arch: String) -> String? {
            switch arch.lowercased() {
            case "i386", "386": return "386"
            case "x86_64", "x86-64", "amd64": return "amd64"
            case "aarch64", "arm64": return "arm64"
            case "armhf", "armel", "arm": return "arm"
            case "ppc64le", "s390x", "riscv64", "mips64", "mips64le", "loong64", "ppc64", "mips", "mipsle", "wasm": return arch.lowercased()
            default: return nil
            }
        }
        if parts.count == 1 {
            if knownOS.contains(normalizeOS(parts[0])) { return (normalizeOS(parts[0]), "amd64") }
            if let arch = normalizeArch(parts[0]) { return ("linux", arch) }
            return nil
        }
        return (normalizeOS(parts[0]), normalizeArch(parts[1]) ?? parts[1].lowercased())
    }
}
