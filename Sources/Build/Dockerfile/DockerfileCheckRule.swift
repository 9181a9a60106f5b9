/// One of BuildKit's build checks (the Dockerfile linter), with the name, description and URL
/// BuildKit attaches to every warning it prints, so railsim's warnings read exactly like `docker build`'s.
/// The values, cited from BuildKit frontend/dockerfile/linter/ruleset.go, are `BuildKitMessage`'s
/// (BuildKitMessage+Checks.swift); the names here forward to them.
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

    // The rules themselves, with their texts, are catalogued in BuildKitMessage+Checks.swift.
    static let stageNameCasing = BuildKitMessage.stageNameCasingRule
    static let fromAsCasing = BuildKitMessage.fromAsCasingRule
    static let noEmptyContinuation = BuildKitMessage.noEmptyContinuationRule
    static let consistentInstructionCasing = BuildKitMessage.consistentInstructionCasingRule
    static let duplicateStageName = BuildKitMessage.duplicateStageNameRule
    static let reservedStageName = BuildKitMessage.reservedStageNameRule
    static let jsonArgsRecommended = BuildKitMessage.jsonArgsRecommendedRule
    static let maintainerDeprecated = BuildKitMessage.maintainerDeprecatedRule
    static let undefinedArgInFrom = BuildKitMessage.undefinedArgInFromRule
    static let workdirRelativePath = BuildKitMessage.workdirRelativePathRule
    static let undefinedVar = BuildKitMessage.undefinedVarRule
    static let multipleInstructionsDisallowed = BuildKitMessage.multipleInstructionsDisallowedRule
    static let legacyKeyValueFormat = BuildKitMessage.legacyKeyValueFormatRule
    static let invalidBaseImagePlatform = BuildKitMessage.invalidBaseImagePlatformRule
    static let redundantTargetPlatform = BuildKitMessage.redundantTargetPlatformRule
    static let secretsUsedInArgOrEnv = BuildKitMessage.secretsUsedInArgOrEnvRule
    static let invalidDefaultArgInFrom = BuildKitMessage.invalidDefaultArgInFromRule
    static let fromPlatformFlagConstDisallowed = BuildKitMessage.fromPlatformFlagConstDisallowedRule
    static let copyIgnoredFile = BuildKitMessage.copyIgnoredFileRule
    static let invalidDefinitionDescription = BuildKitMessage.invalidDefinitionDescriptionRule
    static let exposeProtoCasing = BuildKitMessage.exposeProtoCasingRule
    static let exposeInvalidFormat = BuildKitMessage.exposeInvalidFormatRule

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
