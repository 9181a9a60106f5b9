/// The checks BuildKit runs while dispatching each instruction (dockerfile2llb/convert.go `dispatch`
/// and the `dispatch*` functions), only for the stages the target needs: UndefinedVar on expanded
/// words, LegacyKeyValueFormat, SecretsUsedInArgOrEnv, WorkdirRelativePath, JSONArgsRecommended,
/// MultipleInstructionsDisallowed, ExposeProtoCasing, ExposeInvalidFormat and CopyIgnoredFile.
extension DockerfileLint {
    /// What the checks need of one stage's state (convert.go `dispatchState`).
    struct StageState {
        var env = Scope()
        /// False when the base image's ENV is unknown to railsim: UndefinedVar cannot be decided there.
        var envKnown = true
        /// The image config has a SHELL (set here, or inherited from a stage).
        var shellSet = false
        /// A WORKDIR ran in this stage or the stage it is built FROM (`dispatchState.workdirSet`).
        var workdirSet = false
        /// ARG names declared so far (`dispatchState.buildArgs`): never reported as undefined.
        var buildArgs: Set<String> = []
        var onbuild: [DockerInstruction] = []
        var imageName = ""
    }

    /// Trackers for MultipleInstructionsDisallowed (validations.go `instructionTracker`), one per stage.
    struct UsedOnce {
        var lines: [String: Int] = [:]
    }

    /// convert.go `nonEnvArgs`: never reported by UndefinedVar.
    static let nonEnvArgs: Set<String> = ["BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"]

    /// The PATH BuildKit sets when the image has none (convert.go `dispatchStages`, system.DefaultPathEnv).
    static let defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    /// Official distribution images whose Dockerfiles set no ENV (docker-library: alpine, busybox, debian and
    /// ubuntu are `FROM scratch` + rootfs + CMD), so their config Env is the default PATH alone.
    static let pathOnlyImages: Set<String> = ["alpine", "busybox", "debian", "ubuntu"]

    /// `alpine` for `alpine`, `alpine:3.20`, `docker.io/library/alpine@sha256:…`.
    static func repository(of image: String) -> String {
        var name = Substring(image)
        if let at = name.firstIndex(of: "@") { name = name[..<at] }
        if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") { name = name[..<colon] }
        for prefix in ["docker.io/library/", "index.docker.io/library/", "library/"] where name.hasPrefix(prefix) {
            name = name.dropFirst(prefix.count)
        }
        return String(name)
    }

    mutating func checkDispatch() {
        guard let (global, _) = metaScope(withBuildArgs: true) else { return }
        let graph: DockerStageGraph
        do {
            graph = try DockerStageGraph(dockerfile) { [lexer] in (try? lexer.processWord($0, environment: global.values)) ?? $0 }
        } catch { return }
        let reachable = graph.reachableFromTarget
        var bodies: [[DockerInstruction]] = []
        for instruction in dockerfile.instructions.drop(while: { $0.keyword != "FROM" }) {
            if instruction.keyword == "FROM" { bodies.append([]) } else if !bodies.isEmpty { bodies[bodies.count - 1].append(instruction) }
        }
        var states: [Int: StageState] = [:]
        let froms = fromInstructions
        for index in froms.indices where reachable.contains(index) {
            let from = froms[index]
            var state: StageState
            var triggers: [DockerInstruction] = []
            let rawImage = Self.fromWords(from).first ?? ""
            let image = (try? lexer.processWord(rawImage, environment: global.values)) ?? rawImage
            if index < graph.stages.count, let base = graph.stages[index].base, let inherited = states[base] {
                // convert.go dispatchState.init: env, SHELL, workdirSet and ARGs come from the base stage;
                // its ONBUILD triggers run first, at this FROM line.
                state = inherited
                state.onbuild = []
                triggers = inherited.onbuild.map { trigger in
                    var placed = trigger
                    placed.startLine = from.startLine
                    placed.endLine = from.endLine
                    placed.comments = []
                    return placed
                }
            } else {
                state = StageState()
                state.imageName = image
                if image.lowercased() == "scratch" {
                    state.env.set("PATH", Self.defaultPath)
                } else if let base = BaseImageCatalog.lookup(image) {
                    for entry in base.environment { state.env.set(entry.name, entry.value) }
                    if state.env.values["PATH"] == nil { state.env.set("PATH", Self.defaultPath) }
                } else if Self.pathOnlyImages.contains(Self.repository(of: image)) {
                    state.env.set("PATH", Self.defaultPath)
                } else {
                    state.envKnown = false
                }
            }
            var used = UsedOnce()
            for instruction in triggers + (index < bodies.count ? bodies[index] : []) {
                guard dispatch(instruction, state: &state, used: &used) else { return }
            }
            states[index] = state
        }
    }

    /// One instruction; false where BuildKit would stop with an error (an expansion that fails).
    mutating func dispatch(_ instruction: DockerInstruction, state: inout StageState, used: inout UsedOnce) -> Bool {
        let config = recorder.config.merged(withComments: instruction.comments)
        let line = instruction.startLine
        let name = instruction.keywordAsWritten
        // convert.go dispatch: every word of an expanding instruction sees the env as it was before it.
        let before = state
        func expand(_ word: String) -> String? { expandWord(word, lexer: lexer, state: before, line: line, config: config) }
        switch instruction.keyword {
        case "ENV", "LABEL":
            guard case .keyValues(let pairs) = instruction.arguments else { return true }
            var expanded: [(String, String)] = []
            for pair in pairs {
                guard let key = expand(pair.key), let value = expand(pair.value ?? "") else { return false }
                expanded.append((key, value))
            }
            for (pair, (key, value)) in zip(pairs, expanded) {
                // convert.go dispatchEnv / dispatchLabel: RuleLegacyKeyValueFormat for `KEY value`
                if pair.separator.isEmpty {
                    recorder.report(.legacyKeyValueFormat, line: line, BuildKitMessage.legacyKeyValueFormat(name), config: config)
                }
                if instruction.keyword == "ENV" {
                    // convert.go dispatchEnv → validations.go validateNoSecretKey("ENV", key)
                    checkSecret("ENV", key, line: line, config: config)
                    state.env.set(key, value)
                }
            }
        case "ARG":
            guard case .keyValues(let pairs) = instruction.arguments else { return true }
            for pair in pairs {
                // convert.go dispatchArg → validateNoSecretKey("ARG", key)
                checkSecret("ARG", pair.key, line: line, config: config)
                var value = pair.value
                if let supplied = buildArgs[pair.key] {
                    value = supplied
                } else if let raw = pair.value {
                    guard let result = try? lexer.expand(raw, environment: state.env.values) else { return false }
                    reportUnmatched(result.unset, state: state, line: line, config: config)
                    value = result.value
                } else if let global = metaScope(withBuildArgs: true)?.scope.values[pair.key] {
                    value = global
                }
                if let value, !Self.nonEnvArgs.contains(pair.key) { state.env.set(pair.key, value) }
                state.buildArgs.insert(pair.key)
            }
        case "WORKDIR", "USER", "STOPSIGNAL":
            guard let raw = singleWord(instruction), let value = expand(raw) else { return false }
            // convert.go dispatchWorkdir: only the first WORKDIR of the build line is checked
            if instruction.keyword == "WORKDIR" {
                if !state.workdirSet && !value.hasPrefix("/") {
                    recorder.report(.workdirRelativePath, line: line, BuildKitMessage.workdirRelativePath(value), config: config)
                }
                state.workdirSet = true
            }
        case "VOLUME":
            switch instruction.arguments {
            case .words(let words), .exec(let words):
                for word in words { guard expand(word) != nil else { return false } }
            default: break
            }
        case "COPY", "ADD":
            return dispatchCopy(instruction, state: state, config: config)
        case "CMD", "ENTRYPOINT", "HEALTHCHECK":
            // validations.go validateUsedOnce: the earlier instruction is the one reported
            if let earlier = used.lines[instruction.keyword] {
                recorder.report(.multipleInstructionsDisallowed, line: earlier, BuildKitMessage.multipleInstructionsDisallowed(name), config: config)
            }
            used.lines[instruction.keyword] = line
            // convert.go dispatchCmd / dispatchEntrypoint: shell form with no SHELL in the image config
            if instruction.keyword != "HEALTHCHECK", !instruction.isJSONForm, !state.shellSet {
                recorder.report(.jsonArgsRecommended, line: line, BuildKitMessage.jsonArgsRecommended(name), config: config)
            }
        case "SHELL":
            state.shellSet = true
        case "EXPOSE":
            checkExpose(instruction, state: state, config: config)
        case "ONBUILD":
            if let trigger = instruction.onbuildTrigger?.instruction { state.onbuild.append(trigger) }
        default:
            break
        }
        return true
    }

    /// Expands one word as `dispatch` does and reports the names it found unset; nil when BuildKit would fail.
    mutating func expandWord(_ word: String, lexer: DockerShellLexer, state: StageState, line: Int, config: DockerfileCheckConfig) -> String? {
        guard let result = try? lexer.expand(word, environment: state.env.values) else { return nil }
        reportUnmatched(result.unset, state: state, line: line, config: config)
        return result.value
    }

    func singleWord(_ instruction: DockerInstruction) -> String? {
        switch instruction.arguments {
        case .words(let words): return words.joined(separator: " ")
        case .shell(let text): return text
        default: return nil
        }
    }

    /// validations.go `reportUnmatchedVariables`: names neither in the env nor declared with ARG.
    mutating func reportUnmatched(_ unset: Set<String>, state: StageState, line: Int, config: DockerfileCheckConfig) {
        let names = unset.subtracting(state.buildArgs).subtracting(Self.nonEnvArgs).sorted()
        guard !names.isEmpty else { return }
        guard state.envKnown else {
            recorder.notChecked("UndefinedVar in stages built FROM \(state.imageName): railsim does not know that image's ENV")
            return
        }
        for name in names {
            let suggest = Self.suggestion(for: name, among: state.env.keys, caseSensitive: true)
            recorder.report(.undefinedVar, line: line, BuildKitMessage.undefinedVar(name, suggest: suggest), config: config)
        }
    }

    /// validations.go `validateNoSecretKey`: a `_`-delimited word from the deny list and none from the allow list.
    mutating func checkSecret(_ instruction: String, _ key: String, line: Int, config: DockerfileCheckConfig) {
        let deny: Set<String> = ["apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token"]
        let allow: Set<String> = ["public", "file", "version"]
        // The patterns `(?i)(?:_|^)(?:word)(?:_|$)` only look at the first and last `_`-separated words and
        // at words surrounded by `_`, i.e. at any `_`-separated word.
        let words = key.lowercased().split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        if words.contains(where: deny.contains), !words.contains(where: allow.contains) {
            recorder.report(.secretsUsedInArgOrEnv, line: line, BuildKitMessage.secretsUsedInArgOrEnv(instruction, key), config: config)
        }
    }
}
