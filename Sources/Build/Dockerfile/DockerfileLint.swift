import Snapshot

/// BuildKit's build checks over a parsed Dockerfile, run in the order dockerfile2llb runs them
/// (convert.go `toDispatchState`): parser warnings, per-instruction parse checks, stage-name and casing
/// checks over the whole file, FROM checks for every stage, then the dispatch checks for the stages the
/// target needs. Nothing is executed; rules that need the pulled base image are listed as not checked.
public struct DockerfileLint {
    let dockerfile: Dockerfile
    /// Build args as BuildKit receives them (Railway: every service variable), last value wins.
    let buildArgs: [String: String]
    let platform: BuildPlatform
    /// The context's .dockerignore, for CopyIgnoredFile.
    let ignore: DockerPatternMatcher?
    let lexer: DockerShellLexer
    var recorder: DockerfileCheckRecorder

    init(dockerfile: Dockerfile, config: DockerfileCheckConfig, buildArgs: [String: String], platform: BuildPlatform, ignore: DockerPatternMatcher?) {
        self.dockerfile = dockerfile
        self.buildArgs = buildArgs
        self.platform = platform
        self.ignore = ignore
        self.lexer = DockerShellLexer(escapeToken: dockerfile.escapeToken)
        self.recorder = DockerfileCheckRecorder(config: config)
    }

    /// The config BuildKit uses: the BUILDKIT_DOCKERFILE_CHECK build-arg when set, else the `# check=`
    /// directive (convert.go `newRuleLinter`). The error text is BuildKit's, wrapped as it wraps it.
    public static func config(bytes: [UInt8], buildArgs: [String: String]) throws(DockerfileCheckConfig.ParseError) -> DockerfileCheckConfig {
        if let value = buildArgs[DockerfileCheckConfig.buildArgName] {
            do { return try DockerfileCheckConfig.parse(value) } catch {
                throw DockerfileCheckConfig.ParseError(message: BuildKitMessage.failedToParseCheckBuildArg(error.message))
            }
        }
        do { return try DockerfileCheckConfig.parse(DockerfileCheckConfig.directiveValue(in: bytes) ?? "") } catch {
            throw DockerfileCheckConfig.ParseError(message: BuildKitMessage.failedToParseCheckOptions(error.message))
        }
    }

    /// Runs every check railsim implements and returns the warnings and, under `error=true`, BuildKit's error.
    static func run(dockerfile: Dockerfile, config: DockerfileCheckConfig, buildArgs: [String: String], platform: BuildPlatform,
                    ignore: DockerPatternMatcher?) -> DockerfileCheckResult {
        var lint = DockerfileLint(dockerfile: dockerfile, config: config, buildArgs: buildArgs, platform: platform, ignore: ignore)
        lint.checkAll()
        return lint.recorder.finish()
    }

    mutating func checkAll() {
        // convert.go toDispatchState: the parser's empty-continuation warnings, under the file-wide config.
        for warning in dockerfile.warnings where warning.rule == DockerfileCheckRule.noEmptyContinuation.name {
            recorder.report(.noEmptyContinuation, line: warning.line, BuildKitMessage.noEmptyContinuation)
        }
        checkParsedInstructions()
        checkStageNames()
        checkCommandCasing()
        guard checkFromLines() else { return }
        checkDispatch()
    }

    /// FROM instructions with their index among stages.
    var fromInstructions: [DockerInstruction] { dockerfile.instructions.filter { $0.keyword == "FROM" } }

    /// FROM's words as BuildKit's parse request sees them: image, `AS` as written, stage name.
    static func fromWords(_ instruction: DockerInstruction) -> [String] {
        if case .words(let words) = instruction.arguments { return words }
        return []
    }

    /// instructions/parse.go `ParseInstructionWithLinter`: MAINTAINER, stage-name casing and FROM/AS casing,
    /// each under the config as changed by a `# check=` comment right above the instruction.
    mutating func checkParsedInstructions() {
        for instruction in dockerfile.instructions {
            let config = recorder.config.merged(withComments: instruction.comments)
            switch instruction.keyword {
            case "MAINTAINER":
                // parse.go: RuleMaintainerDeprecated on every MAINTAINER
                recorder.report(.maintainerDeprecated, line: instruction.startLine, BuildKitMessage.maintainerDeprecated, config: config)
            case "FROM":
                let words = Self.fromWords(instruction)
                guard words.count == 3 else { continue }
                // parse.go isLowerCaseStageName
                if words[2] != words[2].lowercased() {
                    recorder.report(.stageNameCasing, line: instruction.startLine, BuildKitMessage.stageNameCasing(words[2]), config: config)
                }
                // parse.go doesFromCaseMatchAsCase: only when FROM itself is all-lower or all-upper
                let from = instruction.keywordAsWritten
                let mismatch = from == from.lowercased() ? words[1] != words[1].lowercased()
                    : from == from.uppercased() ? words[1] != words[1].uppercased() : false
                if mismatch {
                    recorder.report(.fromAsCasing, line: instruction.startLine, BuildKitMessage.fromAsCasing(from: from, as: words[1]), config: config)
                }
            default:
                continue
            }
        }
    }

    /// validations.go `validateStageNames`, under the file-wide config.
    mutating func checkStageNames() {
        var seen: Set<String> = []
        for from in fromInstructions {
            let words = Self.fromWords(from)
            guard words.count == 3 else { continue }
            let name = words[2].lowercased()  // parse.go parseBuildStageName stores it lowercased
            if name == "context" || name == "scratch" {
                recorder.report(.reservedStageName, line: from.startLine, BuildKitMessage.reservedStageName(name))
            }
            if !seen.insert(name).inserted {
                recorder.report(.duplicateStageName, line: from.startLine, BuildKitMessage.duplicateStageName(name))
            }
        }
    }

    /// validations.go `validateCommandCasing`: the majority casing over every stage's FROM and commands
    /// (meta ARGs before the first FROM are not counted), then each mixed or minority-cased word.
    mutating func checkCommandCasing() {
        var words: [(String, Int)] = []
        var inStage = false
        for instruction in dockerfile.instructions {
            if instruction.keyword == "FROM" { inStage = true }
            if inStage { words.append((instruction.keywordAsWritten, instruction.startLine)) }
        }
        var lower = 0, upper = 0
        for (word, _) in words where word == word.lowercased() || word == word.uppercased() {
            if word == word.lowercased() { lower += 1 } else { upper += 1 }
        }
        let majorityLower = lower > upper
        for (word, line) in words {
            var casing = ""
            if majorityLower && word.lowercased() != word {
                casing = BuildKitMessage.majorityLowercase
            } else if !majorityLower && word.uppercased() != word {
                casing = BuildKitMessage.majorityUppercase
            }
            if !casing.isEmpty {
                recorder.report(.consistentInstructionCasing, line: line, BuildKitMessage.consistentInstructionCasing(word, casing))
            }
        }
    }

    /// util/suggest `Search`: the closest option at edit distance below 3 (first wins on ties; BuildKit's
    /// options often come from a Go map, so its tie-break varies), "" for an exact match or none.
    static func suggestion(for value: String, among options: [String], caseSensitive: Bool) -> String {
        let val = caseSensitive ? value : value.lowercased()
        var best = ""
        var minDistance = 3
        for option in options {
            let opt = caseSensitive ? option : option.lowercased()
            if val == opt { return "" }
            let distance = DockerGoText.levenshtein(val, opt)
            if distance < minDistance {
                minDistance = distance
                best = opt
            }
        }
        return best
    }
}
