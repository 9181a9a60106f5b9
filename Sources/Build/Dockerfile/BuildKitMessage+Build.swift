/// BuildKit texts from past the parser: variable substitution, COPY sources, `.dockerignore`
/// patterns, and the Go standard library errors BuildKit passes through unchanged. Same citation
/// rules as `BuildKitMessage`.
extension BuildKitMessage {
    // MARK: Variable substitution (frontend/dockerfile/shell/lex.go)

    /// `errors.Wrapf(err, "failed to process %q", source)`: pkg/errors joins message and cause with ": ".
    // BuildKit frontend/dockerfile/shell/lex.go shellWord.process: "failed to process %q"
    // BuildKit vendor/github.com/pkg/errors/errors.go withMessage.Error: ": "
    static func failedToProcess(_ source: String, _ reason: String) -> String {
        "failed to process " + DockerGoText.quote(source) + ": " + reason
    }
    // BuildKit frontend/dockerfile/shell/lex.go shellWord.processStopOn: "unexpected end of statement while looking for matching %s"
    static func unexpectedEndLookingFor(_ stop: Character) -> String { "unexpected end of statement while looking for matching " + String(stop) }
    // BuildKit frontend/dockerfile/shell/lex.go shellWord.processSingleQuote: "unexpected end of statement while looking for matching single-quote"
    static let unterminatedSingleQuote = "unexpected end of statement while looking for matching single-quote"
    // BuildKit frontend/dockerfile/shell/lex.go shellWord.processDoubleQuote: "unexpected end of statement while looking for matching double-quote"
    static let unterminatedDoubleQuote = "unexpected end of statement while looking for matching double-quote"
    // BuildKit frontend/dockerfile/shell/lex.go shellWord.processDollar: "syntax error: missing '}'"
    static let missingBrace = "syntax error: missing '}'"
    // BuildKit frontend/dockerfile/shell/lex.go shellWord.processDollar: "syntax error: bad substitution"
    static let badSubstitution = "syntax error: bad substitution"
    // BuildKit frontend/dockerfile/shell/lex.go shellWord.processDollar: "syntax error: missing '/' in ${}"
    static let missingSlash = "syntax error: missing '/' in ${}"
    // BuildKit frontend/dockerfile/shell/lex.go shellWord.processDollar: "unsupported modifier (%s) in substitution"
    static func unsupportedModifier(_ modifier: String) -> String { "unsupported modifier (" + modifier + ") in substitution" }
    /// `${name:?word}` / `${name?word}`: the word, or BuildKit's default when the word is empty.
    // BuildKit frontend/dockerfile/shell/lex.go shellWord.processDollar: "%s: %s"
    static func requiredVariable(_ name: String, _ message: String) -> String { name + ": " + message }
    // BuildKit frontend/dockerfile/shell/lex.go shellWord.processDollar: "is not allowed to be unset"
    static let notAllowedUnset = "is not allowed to be unset"
    // BuildKit frontend/dockerfile/shell/lex.go shellWord.processDollar: "is not allowed to be empty"
    static let notAllowedEmpty = "is not allowed to be empty"
    // BuildKit frontend/dockerfile/shell/lex.go shellWord.processDollar: "invalid pattern (%s) in substitution: %s"
    static func invalidPattern(_ pattern: String, _ reason: String) -> String { "invalid pattern (" + pattern + ") in substitution: " + reason }
    // BuildKit frontend/dockerfile/shell/lex.go convertShellPatternToRegex: "invalid escape '\\%c'"
    static func invalidPatternEscape(_ c: Character) -> String { "invalid escape '\\" + String(c) + "'" }

    // MARK: COPY/ADD sources (solver, cache/contenthash)

    /// A COPY/ADD source missing from the context (or the `--from` stage): the cache-key step wraps the
    /// checksum error twice. `path` is the cleaned absolute source path; `ref` is BuildKit's ref id,
    /// which railsim cannot know, so it prints the placeholder `<ref>` there.
    // BuildKit solver/edge.go edge.computeCacheKeyFromDep: "failed to compute cache key"
    // BuildKit vendor/github.com/pkg/errors/errors.go withMessage.Error: ": "
    // BuildKit solver/llbsolver/ops/opsutils/contenthash.go NewContentHashFunc: "failed to calculate checksum of ref %s"
    // BuildKit vendor/github.com/pkg/errors/errors.go withMessage.Error: ": "
    // BuildKit cache/contenthash/checksum.go cacheContext.checksum: "%q"
    // BuildKit vendor/github.com/pkg/errors/errors.go withMessage.Error: ": "
    // BuildKit cache/contenthash/checksum.go errNotFound: "not found"
    static func copySourceNotFound(path: String, ref: String = "<ref>") -> String {
        "failed to compute cache key: failed to calculate checksum of ref \(ref): \(DockerGoText.quote(path)): not found"
    }

    // MARK: RUN (solver)

    /// A RUN whose process exits non-zero; `argv` is the step's Meta.Args (the shell and the command text
    /// for the shell form), joined by spaces and Go-quoted.
    // BuildKit solver/llbsolver/ops/exec.go ExecOp.Exec: "process %q did not complete successfully"
    // BuildKit vendor/github.com/pkg/errors/errors.go withMessage.Error: ": "
    // BuildKit frontend/gateway/pb/exit.go ExitError.Error: "exit code: %d"
    static func processDidNotComplete(_ argv: [String], exitCode: Int) -> String {
        "process " + DockerGoText.quote(argv.joined(separator: " ")) + " did not complete successfully: exit code: \(exitCode)"
    }

    // MARK: Build-check options (frontend/dockerfile/linter)

    // BuildKit frontend/dockerfile/linter/linter.go ParseLintOptions: "invalid check option %q"
    static func invalidCheckOption(_ part: String) -> String { "invalid check option " + DockerGoText.quote(part) }
    /// `error=<not a bool>`: strconv.ParseBool's `*NumError` wrapped by ParseLintOptions.
    // BuildKit frontend/dockerfile/linter/linter.go ParseLintOptions: "failed to parse check option %q"
    // BuildKit vendor/github.com/pkg/errors/errors.go withMessage.Error: ": "
    // Go strconv/atoi.go NumError.Error: "strconv."
    // Go strconv/atob.go ParseBool: "ParseBool"
    // Go strconv/atoi.go NumError.Error: ": "
    // Go strconv/atoi.go NumError.Error: "parsing "
    // Go strconv/atoi.go NumError.Error: ": "
    // Go strconv/atoi.go ErrSyntax: "invalid syntax"
    static func checkOptionNotBool(_ part: String, _ value: String) -> String {
        "failed to parse check option " + DockerGoText.quote(part) + ": strconv.ParseBool: parsing " + DockerGoText.quote(value) + ": invalid syntax"
    }
    // BuildKit frontend/dockerfile/dockerfile2llb/convert.go newRuleLinter: "failed to parse check options"
    // BuildKit vendor/github.com/pkg/errors/errors.go withMessage.Error: ": "
    static func failedToParseCheckOptions(_ reason: String) -> String { "failed to parse check options: " + reason }
    /// The BUILDKIT_DOCKERFILE_CHECK build-arg; `%s` is `keyDockerfileLintArg`.
    // BuildKit frontend/dockerui/config.go Client.init: "failed to parse %s"
    // BuildKit frontend/dockerui/config.go keyDockerfileLintArg: "build-arg:BUILDKIT_DOCKERFILE_CHECK"
    // BuildKit vendor/github.com/pkg/errors/errors.go withMessage.Error: ": "
    static func failedToParseCheckBuildArg(_ reason: String) -> String { "failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: " + reason }

    // MARK: Stage graph (frontend/dockerfile/dockerfile2llb)

    // BuildKit frontend/dockerfile/dockerfile2llb/convert.go toCommand: "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround"
    static let variableInCopyFrom = "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround"
    // BuildKit frontend/dockerfile/dockerfile2llb/convert.go dispatchStates.findStateByIndex: "invalid stage index %d"
    static func invalidStageIndex(_ index: Int) -> String { "invalid stage index \(index)" }
    // BuildKit frontend/dockerfile/dockerfile2llb/validations.go validateCircularDependency: "circular dependency detected on stage: %s"
    static func circularDependency(_ stage: String) -> String { "circular dependency detected on stage: " + stage }

    // MARK: .dockerignore patterns (moby/patternmatcher, vendored by BuildKit)

    // moby/patternmatcher patternmatcher.go New: "illegal exclusion pattern: \"!\""
    static let illegalExclusionPattern = "illegal exclusion pattern: \"!\""

    // MARK: Go standard library errors BuildKit returns as they are

    // Go path/filepath/match.go ErrBadPattern: "syntax error in pattern"
    static let badPattern = "syntax error in pattern"
    // Go bufio/scan.go ErrTooLong: "bufio.Scanner: token too long"
    static let scannerTokenTooLong = "bufio.Scanner: token too long"
    /// `time.ParseDuration` failures; `quoted` is Go's `time.quote` of the input (`DockerGoDuration.quote`).
    // Go time/format.go ParseDuration: "time: invalid duration "
    static func invalidDuration(quoted: String) -> String { "time: invalid duration " + quoted }
    // Go time/format.go ParseDuration: "time: missing unit in duration "
    static func missingDurationUnit(quoted: String) -> String { "time: missing unit in duration " + quoted }
    // Go time/format.go ParseDuration: "time: unknown unit "
    // Go time/format.go ParseDuration: " in duration "
    static func unknownDurationUnit(quotedUnit: String, quoted: String) -> String { "time: unknown unit " + quotedUnit + " in duration " + quoted }
    /// `strconv.ParseInt` failures (HEALTHCHECK `--retries`): `*NumError` with Func "ParseInt".
    // Go strconv/atoi.go NumError.Error: "strconv."
    // Go strconv/atoi.go ParseInt: "ParseInt"
    // Go strconv/atoi.go NumError.Error: ": "
    // Go strconv/atoi.go NumError.Error: "parsing "
    // Go strconv/atoi.go NumError.Error: ": "
    // Go strconv/atoi.go ErrSyntax: "invalid syntax"
    static func parseIntSyntax(_ s: String) -> String { "strconv.ParseInt: parsing " + DockerGoText.quote(s) + ": invalid syntax" }
    // Go strconv/atoi.go NumError.Error: "strconv."
    // Go strconv/atoi.go ParseInt: "ParseInt"
    // Go strconv/atoi.go NumError.Error: ": "
    // Go strconv/atoi.go NumError.Error: "parsing "
    // Go strconv/atoi.go NumError.Error: ": "
    // Go strconv/atoi.go ErrRange: "value out of range"
    static func parseIntRange(_ s: String) -> String { "strconv.ParseInt: parsing " + DockerGoText.quote(s) + ": value out of range" }
}
