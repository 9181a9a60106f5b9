/// The detail text of each build-check warning: the `Format` functions of BuildKit
/// frontend/dockerfile/linter/ruleset.go (moby/buildkit 73ed6825), word for word.
enum DockerfileCheckMessage {
    static func stageNameCasing(_ stage: String) -> String { "Stage name '\(stage)' should be lowercase" }
    static func fromAsCasing(from: String, as asWord: String) -> String { "'\(asWord)' and '\(from)' keywords' casing do not match" }
    static let noEmptyContinuation = "Empty continuation line"
    static func consistentInstructionCasing(_ command: String, _ casing: String) -> String {
        "Command '\(command)' should match the case of the command majority (\(casing))"
    }
    static func duplicateStageName(_ stage: String) -> String { "Duplicate stage name \(DockerGoText.quote(stage)), stage names should be unique" }
    static func reservedStageName(_ stage: String) -> String { "Stage name should not use the same name as reserved stage \(DockerGoText.quote(stage))" }
    static func jsonArgsRecommended(_ instruction: String) -> String {
        "JSON arguments recommended for \(instruction) to prevent unintended behavior related to OS signals"
    }
    static let maintainerDeprecated = "Maintainer instruction is deprecated in favor of using label"
    static func undefinedArgInFrom(_ arg: String, suggest: String) -> String {
        "FROM argument '\(arg)' is not declared" + (suggest.isEmpty ? "" : " (did you mean \(suggest)?)")
    }
    static func workdirRelativePath(_ workdir: String) -> String {
        "Relative workdir \(DockerGoText.quote(workdir)) can have unexpected results if the base image changes"
    }
    static func undefinedVar(_ name: String, suggest: String) -> String {
        "Usage of undefined variable '$\(name)'" + (suggest.isEmpty ? "" : " (did you mean $\(suggest)?)")
    }
    static func multipleInstructionsDisallowed(_ instruction: String) -> String {
        "Multiple \(instruction) instructions should not be used in the same stage because only the last one will be used"
    }
    static func legacyKeyValueFormat(_ command: String) -> String {
        "\"\(command) key=value\" should be used instead of legacy \"\(command) key value\" format"
    }
    static func redundantTargetPlatform(_ platformVar: String) -> String {
        "Setting platform to predefined \(platformVar) in FROM is redundant as this is the default behavior"
    }
    static func secretsUsedInArgOrEnv(_ instruction: String, _ key: String) -> String {
        "Do not use ARG or ENV instructions for sensitive data (\(instruction) \(DockerGoText.quote(key)))"
    }
    static func invalidDefaultArgInFrom(_ baseName: String) -> String { "Default value for ARG \(baseName) results in empty or invalid base image name" }
    static func fromPlatformFlagConstDisallowed(_ platform: String) -> String {
        "FROM --platform flag should not use constant value \(DockerGoText.quote(platform))"
    }
    static func copyIgnoredFile(_ command: String, _ file: String) -> String {
        "Attempting to \(command) file \(DockerGoText.quote(file)) that is excluded by .dockerignore"
    }
    static func exposeProtoCasing(_ port: String) -> String { "Defined protocol '\(port)' in EXPOSE instruction should be lowercase" }
    static func exposeInvalidFormat(_ port: String) -> String {
        "EXPOSE instruction should not define an IP address or host-port mapping, found '\(port)'"
    }

    /// linter.go `LintFormatShort`: the one-line form `docker build` prints.
    static func short(rule: String, detail: String, line: Int) -> String {
        line > 0 ? "\(rule): \(detail) (line \(line))" : "\(rule): \(detail)"
    }
}
