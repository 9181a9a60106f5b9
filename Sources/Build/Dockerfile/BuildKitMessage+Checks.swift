/// BuildKit's build checks (the Dockerfile linter, frontend/dockerfile/linter): each rule's name,
/// description and documentation URL (`…Rule`, the fields of its composite-literal variable in
/// ruleset.go), the detail its `Format` writes (the entry named after the rule), the warning line
/// `docker build` prints, and the error `# check=error=true` fails the build with. Same citation rules
/// as `BuildKitMessage`. Rules and details are in ruleset.go's order.
extension BuildKitMessage {
    // MARK: The warning line and the failure (frontend/dockerfile/linter/linter.go)

    /// `LintFormatShort`: the line `docker build` prints for a warning; the line number only when
    /// BuildKit has one.
    // BuildKit frontend/dockerfile/linter/linter.go LintFormatShort: "%s: %s"
    // BuildKit frontend/dockerfile/linter/linter.go LintFormatShort: "%s (line %d)"
    static func checkWarning(rule: String, detail: String, line: Int) -> String {
        line > 0 ? "\(rule): \(detail) (line \(line))" : "\(rule): \(detail)"
    }
    /// `Linter.Error`, when `error=true` and any rule reported. BuildKit lists the rules from a Go map,
    /// so their order varies between runs; railsim passes them in first-report order.
    // BuildKit frontend/dockerfile/linter/linter.go Linter.Error: "lint violation found for rules: %s"
    // BuildKit frontend/dockerfile/linter/linter.go Linter.Error: ", "
    static func lintViolation(rules: [String]) -> String { "lint violation found for rules: " + rules.joined(separator: ", ") }

    // MARK: StageNameCasing

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleStageNameCasing: "StageNameCasing"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleStageNameCasing: "Stage names should be lowercase"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleStageNameCasing: "https://docs.docker.com/go/dockerfile/rule/stage-name-casing/"
    static let stageNameCasingRule = DockerfileCheckRule(
        "StageNameCasing",
        "Stage names should be lowercase",
        url: "https://docs.docker.com/go/dockerfile/rule/stage-name-casing/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleStageNameCasing: "Stage name '%s' should be lowercase"
    static func stageNameCasing(_ stage: String) -> String { "Stage name '\(stage)' should be lowercase" }

    // MARK: FromAsCasing

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleFromAsCasing: "FromAsCasing"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleFromAsCasing: "The 'as' keyword should match the case of the 'from' keyword"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleFromAsCasing: "https://docs.docker.com/go/dockerfile/rule/from-as-casing/"
    static let fromAsCasingRule = DockerfileCheckRule(
        "FromAsCasing",
        "The 'as' keyword should match the case of the 'from' keyword",
        url: "https://docs.docker.com/go/dockerfile/rule/from-as-casing/")
    /// Go passes (from, as) and prints `as` first.
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleFromAsCasing: "'%s' and '%s' keywords' casing do not match"
    static func fromAsCasing(from: String, as asWord: String) -> String { "'\(asWord)' and '\(from)' keywords' casing do not match" }

    // MARK: NoEmptyContinuation

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleNoEmptyContinuation: "NoEmptyContinuation"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleNoEmptyContinuation: "Empty continuation lines will become errors in a future release"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleNoEmptyContinuation: "https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/"
    static let noEmptyContinuationRule = DockerfileCheckRule(
        "NoEmptyContinuation",
        "Empty continuation lines will become errors in a future release",
        url: "https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleNoEmptyContinuation: "Empty continuation line"
    static let noEmptyContinuation = "Empty continuation line"

    // MARK: ConsistentInstructionCasing

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleConsistentInstructionCasing: "ConsistentInstructionCasing"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleConsistentInstructionCasing: "All commands within the Dockerfile should use the same casing (either upper or lower)"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleConsistentInstructionCasing: "https://docs.docker.com/go/dockerfile/rule/consistent-instruction-casing/"
    static let consistentInstructionCasingRule = DockerfileCheckRule(
        "ConsistentInstructionCasing",
        "All commands within the Dockerfile should use the same casing (either upper or lower)",
        url: "https://docs.docker.com/go/dockerfile/rule/consistent-instruction-casing/")
    /// `casing` is `majorityLowercase` or `majorityUppercase`.
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleConsistentInstructionCasing: "Command '%s' should match the case of the command majority (%s)"
    static func consistentInstructionCasing(_ command: String, _ casing: String) -> String {
        "Command '\(command)' should match the case of the command majority (\(casing))"
    }
    /// The casing `consistentInstructionCasing` asks for (validations.go `validateCaseMatch`).
    // BuildKit frontend/dockerfile/dockerfile2llb/validations.go validateCaseMatch: "lowercase"
    static let majorityLowercase = "lowercase"
    // BuildKit frontend/dockerfile/dockerfile2llb/validations.go validateCaseMatch: "uppercase"
    static let majorityUppercase = "uppercase"

    // MARK: DuplicateStageName

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleDuplicateStageName: "DuplicateStageName"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleDuplicateStageName: "Stage names should be unique"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleDuplicateStageName: "https://docs.docker.com/go/dockerfile/rule/duplicate-stage-name/"
    static let duplicateStageNameRule = DockerfileCheckRule(
        "DuplicateStageName",
        "Stage names should be unique",
        url: "https://docs.docker.com/go/dockerfile/rule/duplicate-stage-name/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleDuplicateStageName: "Duplicate stage name %q, stage names should be unique"
    static func duplicateStageName(_ stage: String) -> String { "Duplicate stage name \(DockerGoText.quote(stage)), stage names should be unique" }

    // MARK: ReservedStageName

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleReservedStageName: "ReservedStageName"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleReservedStageName: "Reserved words should not be used as stage names"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleReservedStageName: "https://docs.docker.com/go/dockerfile/rule/reserved-stage-name/"
    static let reservedStageNameRule = DockerfileCheckRule(
        "ReservedStageName",
        "Reserved words should not be used as stage names",
        url: "https://docs.docker.com/go/dockerfile/rule/reserved-stage-name/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleReservedStageName: "Stage name should not use the same name as reserved stage %q"
    static func reservedStageName(_ stage: String) -> String {
        "Stage name should not use the same name as reserved stage \(DockerGoText.quote(stage))"
    }

    // MARK: JSONArgsRecommended

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleJSONArgsRecommended: "JSONArgsRecommended"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleJSONArgsRecommended: "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleJSONArgsRecommended: "https://docs.docker.com/go/dockerfile/rule/json-args-recommended/"
    static let jsonArgsRecommendedRule = DockerfileCheckRule(
        "JSONArgsRecommended",
        "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals",
        url: "https://docs.docker.com/go/dockerfile/rule/json-args-recommended/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleJSONArgsRecommended: "JSON arguments recommended for %s to prevent unintended behavior related to OS signals"
    static func jsonArgsRecommended(_ instruction: String) -> String {
        "JSON arguments recommended for \(instruction) to prevent unintended behavior related to OS signals"
    }

    // MARK: MaintainerDeprecated

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleMaintainerDeprecated: "MaintainerDeprecated"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleMaintainerDeprecated: "The MAINTAINER instruction is deprecated, use a label instead to define an image author"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleMaintainerDeprecated: "https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/"
    static let maintainerDeprecatedRule = DockerfileCheckRule(
        "MaintainerDeprecated",
        "The MAINTAINER instruction is deprecated, use a label instead to define an image author",
        url: "https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleMaintainerDeprecated: "Maintainer instruction is deprecated in favor of using label"
    static let maintainerDeprecated = "Maintainer instruction is deprecated in favor of using label"

    // MARK: UndefinedArgInFrom

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleUndefinedArgInFrom: "UndefinedArgInFrom"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleUndefinedArgInFrom: "FROM command must use declared ARGs"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleUndefinedArgInFrom: "https://docs.docker.com/go/dockerfile/rule/undefined-arg-in-from/"
    static let undefinedArgInFromRule = DockerfileCheckRule(
        "UndefinedArgInFrom",
        "FROM command must use declared ARGs",
        url: "https://docs.docker.com/go/dockerfile/rule/undefined-arg-in-from/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleUndefinedArgInFrom: "FROM argument '%s' is not declared"
    static func undefinedArgInFrom(_ arg: String, suggest: String) -> String {
        "FROM argument '\(arg)' is not declared" + undefinedArgInFromSuggestion(suggest)
    }
    /// What `undefinedArgInFrom` appends; nothing when there is no suggestion.
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleUndefinedArgInFrom: " (did you mean %s?)"
    static func undefinedArgInFromSuggestion(_ suggest: String) -> String { suggest.isEmpty ? "" : " (did you mean \(suggest)?)" }

    // MARK: WorkdirRelativePath

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleWorkdirRelativePath: "WorkdirRelativePath"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleWorkdirRelativePath: "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleWorkdirRelativePath: "https://docs.docker.com/go/dockerfile/rule/workdir-relative-path/"
    static let workdirRelativePathRule = DockerfileCheckRule(
        "WorkdirRelativePath",
        "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes",
        url: "https://docs.docker.com/go/dockerfile/rule/workdir-relative-path/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleWorkdirRelativePath: "Relative workdir %q can have unexpected results if the base image changes"
    static func workdirRelativePath(_ workdir: String) -> String {
        "Relative workdir \(DockerGoText.quote(workdir)) can have unexpected results if the base image changes"
    }

    // MARK: UndefinedVar

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleUndefinedVar: "UndefinedVar"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleUndefinedVar: "Variables should be defined before their use"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleUndefinedVar: "https://docs.docker.com/go/dockerfile/rule/undefined-var/"
    static let undefinedVarRule = DockerfileCheckRule(
        "UndefinedVar",
        "Variables should be defined before their use",
        url: "https://docs.docker.com/go/dockerfile/rule/undefined-var/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleUndefinedVar: "Usage of undefined variable '$%s'"
    static func undefinedVar(_ name: String, suggest: String) -> String { "Usage of undefined variable '$\(name)'" + undefinedVarSuggestion(suggest) }
    /// What `undefinedVar` appends; nothing when there is no suggestion.
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleUndefinedVar: " (did you mean $%s?)"
    static func undefinedVarSuggestion(_ suggest: String) -> String { suggest.isEmpty ? "" : " (did you mean $\(suggest)?)" }

    // MARK: MultipleInstructionsDisallowed

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleMultipleInstructionsDisallowed: "MultipleInstructionsDisallowed"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleMultipleInstructionsDisallowed: "Multiple instructions of the same type should not be used in the same stage"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleMultipleInstructionsDisallowed: "https://docs.docker.com/go/dockerfile/rule/multiple-instructions-disallowed/"
    static let multipleInstructionsDisallowedRule = DockerfileCheckRule(
        "MultipleInstructionsDisallowed",
        "Multiple instructions of the same type should not be used in the same stage",
        url: "https://docs.docker.com/go/dockerfile/rule/multiple-instructions-disallowed/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleMultipleInstructionsDisallowed: "Multiple %s instructions should not be used in the same stage because only the last one will be used"
    static func multipleInstructionsDisallowed(_ instruction: String) -> String {
        "Multiple \(instruction) instructions should not be used in the same stage because only the last one will be used"
    }

    // MARK: LegacyKeyValueFormat

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleLegacyKeyValueFormat: "LegacyKeyValueFormat"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleLegacyKeyValueFormat: "Legacy key/value format with whitespace separator should not be used"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleLegacyKeyValueFormat: "https://docs.docker.com/go/dockerfile/rule/legacy-key-value-format/"
    static let legacyKeyValueFormatRule = DockerfileCheckRule(
        "LegacyKeyValueFormat",
        "Legacy key/value format with whitespace separator should not be used",
        url: "https://docs.docker.com/go/dockerfile/rule/legacy-key-value-format/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleLegacyKeyValueFormat: "\"%s key=value\" should be used instead of legacy \"%s key value\" format"
    static func legacyKeyValueFormat(_ command: String) -> String {
        "\"\(command) key=value\" should be used instead of legacy \"\(command) key value\" format"
    }

    // MARK: InvalidBaseImagePlatform

    /// No URL in BuildKit; railsim never evaluates this rule (`DockerfileCheckRule.notChecked`), so its Format text is not here.
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleInvalidBaseImagePlatform: "InvalidBaseImagePlatform"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleInvalidBaseImagePlatform: "Base image platform does not match expected target platform"
    static let invalidBaseImagePlatformRule = DockerfileCheckRule(
        "InvalidBaseImagePlatform",
        "Base image platform does not match expected target platform",
        url: nil)

    // MARK: RedundantTargetPlatform

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleRedundantTargetPlatform: "RedundantTargetPlatform"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleRedundantTargetPlatform: "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleRedundantTargetPlatform: "https://docs.docker.com/go/dockerfile/rule/redundant-target-platform/"
    static let redundantTargetPlatformRule = DockerfileCheckRule(
        "RedundantTargetPlatform",
        "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior",
        url: "https://docs.docker.com/go/dockerfile/rule/redundant-target-platform/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleRedundantTargetPlatform: "Setting platform to predefined %s in FROM is redundant as this is the default behavior"
    static func redundantTargetPlatform(_ platformVar: String) -> String {
        "Setting platform to predefined \(platformVar) in FROM is redundant as this is the default behavior"
    }

    // MARK: SecretsUsedInArgOrEnv

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleSecretsUsedInArgOrEnv: "SecretsUsedInArgOrEnv"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleSecretsUsedInArgOrEnv: "Sensitive data should not be used in the ARG or ENV commands"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleSecretsUsedInArgOrEnv: "https://docs.docker.com/go/dockerfile/rule/secrets-used-in-arg-or-env/"
    static let secretsUsedInArgOrEnvRule = DockerfileCheckRule(
        "SecretsUsedInArgOrEnv",
        "Sensitive data should not be used in the ARG or ENV commands",
        url: "https://docs.docker.com/go/dockerfile/rule/secrets-used-in-arg-or-env/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleSecretsUsedInArgOrEnv: "Do not use ARG or ENV instructions for sensitive data (%s %q)"
    static func secretsUsedInArgOrEnv(_ instruction: String, _ key: String) -> String {
        "Do not use ARG or ENV instructions for sensitive data (\(instruction) \(DockerGoText.quote(key)))"
    }

    // MARK: InvalidDefaultArgInFrom

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleInvalidDefaultArgInFrom: "InvalidDefaultArgInFrom"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleInvalidDefaultArgInFrom: "Default value for global ARG results in an empty or invalid base image name"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleInvalidDefaultArgInFrom: "https://docs.docker.com/go/dockerfile/rule/invalid-default-arg-in-from/"
    static let invalidDefaultArgInFromRule = DockerfileCheckRule(
        "InvalidDefaultArgInFrom",
        "Default value for global ARG results in an empty or invalid base image name",
        url: "https://docs.docker.com/go/dockerfile/rule/invalid-default-arg-in-from/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleInvalidDefaultArgInFrom: "Default value for ARG %v results in empty or invalid base image name"
    static func invalidDefaultArgInFrom(_ baseName: String) -> String {
        "Default value for ARG \(baseName) results in empty or invalid base image name"
    }

    // MARK: FromPlatformFlagConstDisallowed

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleFromPlatformFlagConstDisallowed: "FromPlatformFlagConstDisallowed"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleFromPlatformFlagConstDisallowed: "FROM --platform flag should not use a constant value"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleFromPlatformFlagConstDisallowed: "https://docs.docker.com/go/dockerfile/rule/from-platform-flag-const-disallowed/"
    static let fromPlatformFlagConstDisallowedRule = DockerfileCheckRule(
        "FromPlatformFlagConstDisallowed",
        "FROM --platform flag should not use a constant value",
        url: "https://docs.docker.com/go/dockerfile/rule/from-platform-flag-const-disallowed/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleFromPlatformFlagConstDisallowed: "FROM --platform flag should not use constant value %q"
    static func fromPlatformFlagConstDisallowed(_ platform: String) -> String {
        "FROM --platform flag should not use constant value \(DockerGoText.quote(platform))"
    }

    // MARK: CopyIgnoredFile

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleCopyIgnoredFile: "CopyIgnoredFile"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleCopyIgnoredFile: "Attempting to Copy file that is excluded by .dockerignore"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleCopyIgnoredFile: "https://docs.docker.com/go/dockerfile/rule/copy-ignored-file/"
    static let copyIgnoredFileRule = DockerfileCheckRule(
        "CopyIgnoredFile",
        "Attempting to Copy file that is excluded by .dockerignore",
        url: "https://docs.docker.com/go/dockerfile/rule/copy-ignored-file/")
    /// `command` is `copyCommandName` or `addCommandName`.
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleCopyIgnoredFile: "Attempting to %s file %q that is excluded by .dockerignore"
    static func copyIgnoredFile(_ command: String, _ file: String) -> String {
        "Attempting to \(command) file \(DockerGoText.quote(file)) that is excluded by .dockerignore"
    }
    /// The command word `copyIgnoredFile` names (validations.go `validateCopySourcePath`).
    // BuildKit frontend/dockerfile/dockerfile2llb/validations.go validateCopySourcePath: "Copy"
    static let copyCommandName = "Copy"
    // BuildKit frontend/dockerfile/dockerfile2llb/validations.go validateCopySourcePath: "Add"
    static let addCommandName = "Add"

    // MARK: InvalidDefinitionDescription

    /// Experimental in BuildKit; railsim never evaluates it (`DockerfileCheckRule.notChecked`), so its Format text is not here.
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleInvalidDefinitionDescription: "InvalidDefinitionDescription"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleInvalidDefinitionDescription: "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment."
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleInvalidDefinitionDescription: "https://docs.docker.com/go/dockerfile/rule/invalid-definition-description/"
    static let invalidDefinitionDescriptionRule = DockerfileCheckRule(
        "InvalidDefinitionDescription",
        "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.",
        url: "https://docs.docker.com/go/dockerfile/rule/invalid-definition-description/", experimental: true)

    // MARK: ExposeProtoCasing

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleExposeProtoCasing: "ExposeProtoCasing"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleExposeProtoCasing: "Protocol in EXPOSE instruction should be lowercase"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleExposeProtoCasing: "https://docs.docker.com/go/dockerfile/rule/expose-proto-casing/"
    static let exposeProtoCasingRule = DockerfileCheckRule(
        "ExposeProtoCasing",
        "Protocol in EXPOSE instruction should be lowercase",
        url: "https://docs.docker.com/go/dockerfile/rule/expose-proto-casing/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleExposeProtoCasing: "Defined protocol '%s' in EXPOSE instruction should be lowercase"
    static func exposeProtoCasing(_ port: String) -> String { "Defined protocol '\(port)' in EXPOSE instruction should be lowercase" }

    // MARK: ExposeInvalidFormat

    // BuildKit frontend/dockerfile/linter/ruleset.go RuleExposeInvalidFormat: "ExposeInvalidFormat"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleExposeInvalidFormat: "IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release"
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleExposeInvalidFormat: "https://docs.docker.com/go/dockerfile/rule/expose-invalid-format/"
    static let exposeInvalidFormatRule = DockerfileCheckRule(
        "ExposeInvalidFormat",
        "IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release",
        url: "https://docs.docker.com/go/dockerfile/rule/expose-invalid-format/")
    // BuildKit frontend/dockerfile/linter/ruleset.go RuleExposeInvalidFormat: "EXPOSE instruction should not define an IP address or host-port mapping, found '%s'"
    static func exposeInvalidFormat(_ port: String) -> String {
        "EXPOSE instruction should not define an IP address or host-port mapping, found '\(port)'"
    }
}
