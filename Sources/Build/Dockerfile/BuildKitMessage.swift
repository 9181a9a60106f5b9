/// The error and warning texts railsim prints as BuildKit's, one entry per message, so that each one
/// is spelled once, next to where it comes from. Every entry is preceded by one citation line per Go
/// string literal it is built from, in output order:
///
///     // <origin> <path> <function>: "<the Go literal, escapes as written in the Go source>"
///
/// `origin` is `BuildKit` (a path in moby/buildkit, vendored code included), `moby/patternmatcher`,
/// or `Go` (a path under the Go distribution's `src/`). Go verbs stand for the formatted values:
/// `%q` and `%#v` of a string are `DockerGoText.quote`, `%s`/`%v`/`%d` the plain value.
/// `scripts/buildkit-message-audit.py` checks each quoted literal against the cited function in the
/// sources; `BuildKitMessageCatalogueTests` checks that each entry still produces what its citations
/// say. Texts railsim writes itself about a BuildKit situation are not here and never borrow these.
enum BuildKitMessage {
    // MARK: Whole file (frontend/dockerfile/dockerfile2llb)

    // BuildKit frontend/dockerfile/dockerfile2llb/convert.go toDispatchState: "the Dockerfile cannot be empty"
    static let emptyDockerfile = "the Dockerfile cannot be empty"
    // BuildKit frontend/dockerfile/dockerfile2llb/convert.go toDispatchState: "dockerfile contains no stages to build"
    static let noStagesToBuild = "dockerfile contains no stages to build"

    // MARK: AST layer (frontend/dockerfile/parser)

    // BuildKit frontend/dockerfile/parser/parser.go directives.setEscapeToken: "invalid escape token '%s' does not match ` or \\"
    static func invalidEscapeToken(_ value: String) -> String { "invalid escape token '\(value)' does not match ` or \\" }
    // BuildKit frontend/dockerfile/parser/directives.go DirectiveParser.ParseLine: "only one %s parser directive can be used"
    static func duplicateDirective(_ name: String) -> String { "only one \(name) parser directive can be used" }
    // BuildKit frontend/dockerfile/parser/parser.go Parse: "Empty continuation line found in: "
    static func emptyContinuationLine(_ line: String) -> String { "Empty continuation line found in: " + line }
    // BuildKit frontend/dockerfile/parser/parser.go Parse: "unterminated heredoc"
    static let unterminatedHeredoc = "unterminated heredoc"
    // BuildKit frontend/dockerfile/parser/parser.go Parse: "file with no instructions"
    static let fileWithNoInstructions = "file with no instructions"
    // BuildKit frontend/dockerfile/parser/parser.go handleScannerError: "dockerfile line greater than max allowed size of %d"
    static func lineTooLong(max: Int) -> String { "dockerfile line greater than max allowed size of \(max)" }
    // BuildKit frontend/dockerfile/parser/parser.go heredocFromMatch: "internal lexing of heredoc produced inconsistent results: %s"
    static func heredocLexingInconsistent(_ rest: String) -> String { "internal lexing of heredoc produced inconsistent results: " + rest }
    // BuildKit frontend/dockerfile/parser/line_parsers.go errDockerfileNotStringArray: "when using JSON array syntax, arrays must be comprised of strings only"
    static let jsonArrayNotStrings = "when using JSON array syntax, arrays must be comprised of strings only"
    // BuildKit frontend/dockerfile/parser/line_parsers.go parseNameVal: "%s must have two arguments"
    static func mustHaveTwoArguments(_ key: String) -> String { "\(key) must have two arguments" }
    // BuildKit frontend/dockerfile/parser/line_parsers.go parseNameVal: "Syntax error - can't find = in %q. Must be of the form: name=value"
    static func missingEquals(_ word: String) -> String {
        "Syntax error - can't find = in \(DockerGoText.quote(word)). Must be of the form: name=value"
    }

    // MARK: Instruction layer (frontend/dockerfile/instructions)

    /// The prefix `instructions.Parse` puts on errors of the per-instruction parsers (not on the
    /// AST layer's, nor on "no build stage in current context").
    // BuildKit frontend/dockerfile/instructions/parse.go parseError.Error: "dockerfile parse error on line %d: %v"
    static func parseErrorOnLine(_ line: Int, _ message: String) -> String { "dockerfile parse error on line \(line): \(message)" }
    // BuildKit frontend/dockerfile/instructions/commands.go CurrentStage: "no build stage in current context"
    static let noBuildStage = "no build stage in current context"
    // BuildKit frontend/dockerfile/instructions/parse.go UnknownInstructionError.Error: "unknown instruction: %s"
    static func unknownInstruction(_ word: String) -> String { "unknown instruction: " + word }
    /// util/suggest `WrapError`: the closest option, appended to another message.
    // BuildKit util/suggest/error.go suggestError.Error: " (did you mean "
    // BuildKit util/suggest/error.go suggestError.Error: "?)"
    static func didYouMean(_ message: String, _ match: String) -> String { message + " (did you mean " + match + "?)" }
    // BuildKit frontend/dockerfile/instructions/parse.go errAtLeastOneArgument: "%s requires at least one argument"
    static func atLeastOneArgument(_ command: String) -> String { "\(command) requires at least one argument" }
    // BuildKit frontend/dockerfile/instructions/parse.go errExactlyOneArgument: "%s requires exactly one argument"
    static func exactlyOneArgument(_ command: String) -> String { "\(command) requires exactly one argument" }
    // BuildKit frontend/dockerfile/instructions/parse.go errNoDestinationArgument: "%s requires at least two arguments, but only one was provided. Destination could not be determined"
    static func noDestination(_ command: String) -> String {
        "\(command) requires at least two arguments, but only one was provided. Destination could not be determined"
    }
    // BuildKit frontend/dockerfile/instructions/parse.go errBadHeredoc: "%s cannot accept a heredoc as %s"
    // BuildKit frontend/dockerfile/instructions/parse.go parseSourcesAndDest: "a destination"
    static func heredocDestination(_ command: String) -> String { "\(command) cannot accept a heredoc as a destination" }
    // BuildKit frontend/dockerfile/instructions/parse.go errBlankCommandNames: "%s names can not be blank"
    static func blankNames(_ command: String) -> String { "\(command) names can not be blank" }
    // BuildKit frontend/dockerfile/instructions/parse.go parseOnBuild: "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"
    static let chainedOnbuild = "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"
    // BuildKit frontend/dockerfile/instructions/parse.go parseOnBuild: "%s isn't allowed as an ONBUILD trigger"
    static func onbuildTriggerNotAllowed(_ trigger: String) -> String { "\(trigger) isn't allowed as an ONBUILD trigger" }
    // BuildKit frontend/dockerfile/instructions/commands_runnetwork.go runNetworkPostHook: "invalid network mode %q"
    static func invalidNetworkMode(_ mode: String) -> String { "invalid network mode " + DockerGoText.quote(mode) }
    // BuildKit frontend/dockerfile/instructions/commands_runsecurity.go runSecurityPostHook: "security %q is not valid"
    static func invalidSecurity(_ value: String) -> String { "security " + DockerGoText.quote(value) + " is not valid" }
    // BuildKit frontend/dockerfile/instructions/parse.go parseVolume: "VOLUME specified can not be an empty string"
    static let emptyVolume = "VOLUME specified can not be an empty string"
    // BuildKit frontend/dockerfile/instructions/errors_unix.go errNotJSON: "%s requires the arguments to be in JSON form"
    static func notJSON(_ command: String) -> String { "\(command) requires the arguments to be in JSON form" }
    // BuildKit frontend/dockerfile/instructions/parse.go parseBuildStageName: "invalid name for build stage: %q, name can't start with a number or contain symbols"
    static func invalidStageName(_ name: String) -> String {
        "invalid name for build stage: \(DockerGoText.quote(name)), name can't start with a number or contain symbols"
    }
    // BuildKit frontend/dockerfile/instructions/parse.go parseBuildStageName: "FROM requires either one or three arguments"
    static let fromArity = "FROM requires either one or three arguments"
    // BuildKit frontend/dockerfile/instructions/parse.go parseHealthcheck: "HEALTHCHECK NONE takes no arguments"
    static let healthcheckNoneArguments = "HEALTHCHECK NONE takes no arguments"
    // BuildKit frontend/dockerfile/instructions/parse.go parseHealthcheck: "Unknown type %#v in HEALTHCHECK (try CMD)"
    static func healthcheckUnknownType(_ kind: String) -> String { "Unknown type \(DockerGoText.quote(kind)) in HEALTHCHECK (try CMD)" }
    // BuildKit frontend/dockerfile/instructions/parse.go parseHealthcheck: "Missing command after HEALTHCHECK CMD"
    static let healthcheckMissingCommand = "Missing command after HEALTHCHECK CMD"
    /// `minimum` is Go's `time.Duration.String()` of the minimum (BuildKit's is `time.Millisecond`: "1ms").
    // BuildKit frontend/dockerfile/instructions/parse.go parseOptInterval: "Interval %#v cannot be less than %s"
    static func intervalTooShort(flag: String, minimum: String) -> String {
        "Interval \(DockerGoText.quote(flag)) cannot be less than \(minimum)"
    }
    // BuildKit frontend/dockerfile/instructions/parse.go parseHealthcheck: "--retries cannot be negative (%d)"
    static func negativeRetries(_ n: Int32) -> String { "--retries cannot be negative (\(n))" }

    // MARK: Instruction flags (frontend/dockerfile/instructions/bflag.go)

    // BuildKit frontend/dockerfile/instructions/bflag.go BFlags.Parse: "arg should start with -- : %s"
    static func flagWithoutDashes(_ arg: String) -> String { "arg should start with -- : " + arg }
    // BuildKit frontend/dockerfile/instructions/bflag.go BFlags.Parse: "unknown flag: %s"
    static func unknownFlag(_ flag: String) -> String { "unknown flag: " + flag }
    // BuildKit frontend/dockerfile/instructions/bflag.go BFlags.Parse: "duplicate flag specified: %s"
    static func duplicateFlag(_ flag: String) -> String { "duplicate flag specified: " + flag }
    // BuildKit frontend/dockerfile/instructions/bflag.go BFlags.Parse: "missing a value on flag: %s"
    static func missingFlagValue(_ flag: String) -> String { "missing a value on flag: " + flag }
    // BuildKit frontend/dockerfile/instructions/bflag.go BFlags.Parse: "expecting boolean value for flag %s, not: %s"
    static func notBoolean(_ flag: String, _ value: String) -> String { "expecting boolean value for flag \(flag), not: \(value)" }
}
