/// One of BuildKit's build checks (the Dockerfile linter), with the name, description and URL
/// BuildKit attaches to every warning it prints, so railsim's warnings read exactly like `docker build`'s.
/// Facts from BuildKit frontend/dockerfile/linter/ruleset.go (moby/buildkit 73ed6825).
public struct DockerfileCheckRule: Sendable, Hashable {
    public let name: String
    public let description: String
    /// nil for the one rule BuildKit gives no documentation page (InvalidBaseImagePlatform).
    public let url: String?
    /// BuildKit runs experimental rules only when `# check=experimental=` names them (linter.go `Run`).
    public let experimental: Bool

    init(_ name: String, _ description: String, url: String?, experimental: Bool = false) {
        self.name = name
        self.description = description
        self.url = url
        self.experimental = experimental
    }

    private static func doc(_ slug: String) -> String { "https://docs.docker.com/go/dockerfile/rule/\(slug)/" }

    // ruleset.go RuleStageNameCasing
    static let stageNameCasing = DockerfileCheckRule("StageNameCasing", "Stage names should be lowercase", url: doc("stage-name-casing"))
    // ruleset.go RuleFromAsCasing
    static let fromAsCasing = DockerfileCheckRule("FromAsCasing", "The 'as' keyword should match the case of the 'from' keyword", url: doc("from-as-casing"))
    // ruleset.go RuleNoEmptyContinuation
    static let noEmptyContinuation = DockerfileCheckRule("NoEmptyContinuation", "Empty continuation lines will become errors in a future release",
                                                         url: doc("no-empty-continuation"))
    // ruleset.go RuleConsistentInstructionCasing
    static let consistentInstructionCasing = DockerfileCheckRule("ConsistentInstructionCasing",
                                                                 "All commands within the Dockerfile should use the same casing (either upper or lower)",
                                                                 url: doc("consistent-instruction-casing"))
    // ruleset.go RuleDuplicateStageName
    static let duplicateStageName = DockerfileCheckRule("DuplicateStageName", "Stage names should be unique", url: doc("duplicate-stage-name"))
    // ruleset.go RuleReservedStageName
    static let reservedStageName = DockerfileCheckRule("ReservedStageName", "Reserved words should not be used as stage names", url: doc("reserved-stage-name"))
    // ruleset.go RuleJSONArgsRecommended
    static let jsonArgsRecommended = DockerfileCheckRule("JSONArgsRecommended",
                                                         "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals",
                                                         url: doc("json-args-recommended"))
    // ruleset.go RuleMaintainerDeprecated
    static let maintainerDeprecated = DockerfileCheckRule("MaintainerDeprecated",
                                                          "The MAINTAINER instruction is deprecated, use a label instead to define an image author",
                                                          url: doc("maintainer-deprecated"))
    // ruleset.go RuleUndefinedArgInFrom
    static let undefinedArgInFrom = DockerfileCheckRule("UndefinedArgInFrom", "FROM command must use declared ARGs", url: doc("undefined-arg-in-from"))
    // ruleset.go RuleWorkdirRelativePath
    static let workdirRelativePath = DockerfileCheckRule("WorkdirRelativePath",
                                                         "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes",
                                                         url: doc("workdir-relative-path"))
    // ruleset.go RuleUndefinedVar
    static let undefinedVar = DockerfileCheckRule("UndefinedVar", "Variables should be defined before their use", url: doc("undefined-var"))
    // ruleset.go RuleMultipleInstructionsDisallowed
    static let multipleInstructionsDisallowed = DockerfileCheckRule("MultipleInstructionsDisallowed",
                                                                    "Multiple instructions of the same type should not be used in the same stage",
                                                                    url: doc("multiple-instructions-disallowed"))
    // ruleset.go RuleLegacyKeyValueFormat
    static let legacyKeyValueFormat = DockerfileCheckRule("LegacyKeyValueFormat", "Legacy key/value format with whitespace separator should not be used",
                                                          url: doc("legacy-key-value-format"))
    // ruleset.go RuleInvalidBaseImagePlatform (no URL in BuildKit)
    static let invalidBaseImagePlatform = DockerfileCheckRule("InvalidBaseImagePlatform", "Base image platform does not match expected target platform", url: nil)
    // ruleset.go RuleRedundantTargetPlatform
    static let redundantTargetPlatform = DockerfileCheckRule("RedundantTargetPlatform",
                                                             "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior",
                                                             url: doc("redundant-target-platform"))
    // ruleset.go RuleSecretsUsedInArgOrEnv
    static let secretsUsedInArgOrEnv = DockerfileCheckRule("SecretsUsedInArgOrEnv", "Sensitive data should not be used in the ARG or ENV commands",
                                                           url: doc("secrets-used-in-arg-or-env"))
    // ruleset.go RuleInvalidDefaultArgInFrom
    static let invalidDefaultArgInFrom = DockerfileCheckRule("InvalidDefaultArgInFrom",
                                                             "Default value for global ARG results in an empty or invalid base image name",
                                                             url: doc("invalid-default-arg-in-from"))
    // ruleset.go RuleFromPlatformFlagConstDisallowed
    static let fromPlatformFlagConstDisallowed = DockerfileCheckRule("FromPlatformFlagConstDisallowed", "FROM --platform flag should not use a constant value",
                                                                     url: doc("from-platform-flag-const-disallowed"))
    // ruleset.go RuleCopyIgnoredFile
    static let copyIgnoredFile = DockerfileCheckRule("CopyIgnoredFile", "Attempting to Copy file that is excluded by .dockerignore", url: doc("copy-ignored-file"))
    // ruleset.go RuleInvalidDefinitionDescription (Experimental: true)
    static let invalidDefinitionDescription = DockerfileCheckRule(
        "InvalidDefinitionDescription",
        "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.",
        url: doc("invalid-definition-description"), experimental: true)
    // ruleset.go RuleExposeProtoCasing
    static let exposeProtoCasing = DockerfileCheckRule("ExposeProtoCasing", "Protocol in EXPOSE instruction should be lowercase", url: doc("expose-proto-casing"))
    // ruleset.go RuleExposeInvalidFormat
    static let exposeInvalidFormat = DockerfileCheckRule(
        "ExposeInvalidFormat",
        "IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release",
        url: doc("expose-invalid-format"))

    /// Every rule in ruleset.go, in its order.
    public static let all: [DockerfileCheckRule] = [
        stageNameCasing, fromAsCasing, noEmptyContinuation, consistentInstructionCasing, duplicateStageName, reservedStageName,
        jsonArgsRecommended, maintainerDeprecated, undefinedArgInFrom, workdirRelativePath, undefinedVar, multipleInstructionsDisallowed,
        legacyKeyValueFormat, invalidBaseImagePlatform, redundantTargetPlatform, secretsUsedInArgOrEnv, invalidDefaultArgInFrom,
        fromPlatformFlagConstDisallowed, copyIgnoredFile, invalidDefinitionDescription, exposeProtoCasing, exposeInvalidFormat,
    ]

    /// Rules railsim never evaluates, and why; reported with `error=true` so a clean result is not read
    /// as "BuildKit would pass".
    public static let notChecked: [(rule: DockerfileCheckRule, reason: String)] = [
        (invalidBaseImagePlatform, "needs the platform of the pulled base image"),
        (invalidDefinitionDescription, "experimental; railsim does not evaluate it even when enabled"),
    ]
}
