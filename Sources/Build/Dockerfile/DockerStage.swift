import Snapshot

/// The state of one Dockerfile stage while it is being built.
struct DockerStage {
    var name: String?
    var index: Int
    var image: Image
    /// The build environment: config Env plus ARG values (ARGs never reach the config;
    /// BuildKit dockerfile2llb/convert.go `dispatchArg`).
    var buildEnvironment: [String: String]
    /// Names declared with ARG in this stage (Railway passes a service variable to a Dockerfile
    /// build only through a matching ARG in the stage: docs:content/docs/builds/dockerfiles.md).
    var declaredArgs: Set<String> = []
    var shell: [String] = ["/bin/sh", "-c"]
    /// Whether a CMD appeared in this stage; an ENTRYPOINT resets an inherited CMD otherwise
    /// (convert.go `dispatchEntrypoint`).
    var cmdSetInStage = false
    /// This stage's own ONBUILD triggers, run by a later stage built FROM it (dockerfile.md rule 44).
    var onbuildTriggers: [DockerInstruction] = []

    mutating func setEnvironment(_ name: String, _ value: String) {
        image.setEnvironment(name, value)
        buildEnvironment[name] = value
    }
}
