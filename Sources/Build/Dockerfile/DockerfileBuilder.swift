import Railway
import Snapshot

/// Emulates a BuildKit build of the service's Dockerfile against its build context (the root
/// directory) and returns the final image. Rules and sources: dockerfile.md (numbered rules).
public enum DockerfileBuilder {
    public static func build(_ service: ResolvedService, snapshot: RepoSnapshot) -> BuildResult {
        var result = BuildResult(builder: .dockerfile)
        let choice = service.builder
        guard let dockerfilePath = choice.dockerfile else {
            // Railway's message when the Dockerfile builder finds no file ([idx:23165911149]).
            result.failure = BuildFailure(.dockerfileMissing, message: "Dockerfile `\(choice.dockerfileRequested ?? "Dockerfile")` does not exist")
            return result
        }
        if case .detectedDockerfile = choice.reason { result.log.append("Using detected Dockerfile!") }
        result.log.append("load build definition from \(dockerfilePath)")
        let bytes: [UInt8]
        do { bytes = try snapshot.read(dockerfilePath) } catch {
            // railsim's own text: the snapshot lists the file but cannot read it (BuildKit never gets this far).
            result.failure = BuildFailure(.dockerfileMissing, message: "railsim could not read the Dockerfile at `\(dockerfilePath)`")
            return result
        }
        let dockerfile: Dockerfile
        do {
            dockerfile = try DockerfileParser.parse(bytes)
        } catch {
            // Only instruction-layer errors carry the "dockerfile parse error on line N: " prefix; the
            // AST layer's and the stage check's are printed bare (`DockerfileParseError.description`).
            result.failure = BuildFailure(.dockerfileSyntax, message: error.description,
                                          location: SourceLocation(dockerfilePath, line: error.line))
            return result
        }
        for warning in dockerfile.warnings {
            result.notes.append(.dockerfileWarning(warning.message, location: SourceLocation(dockerfilePath, line: warning.line)))
        }
        var evaluator = DockerfileEvaluator(snapshot: snapshot, context: choice.buildContext, dockerfilePath: dockerfilePath,
                                            dockerfile: dockerfile,
                                            // Railway's own variables reach the build too, through ARG like any other
                                            // (docs:content/docs/builds/dockerfiles.md `ARG RAILWAY_ENVIRONMENT`).
                                            variables: service.settings.variables + service.settings.railwayVariables,
                                            platform: BuildPlatform(service.options.choice(AssumptionCatalog.buildPlatform) ?? BuildPlatform.assumed))
        if let error = evaluator.ignore.error, let file = evaluator.ignore.file {
            // BuildKit dockerfile2llb/convert.go dispatchStages: patternmatcher.New's error fails the build as it is.
            result.failure = BuildFailure(.builderError, message: error, location: SourceLocation(file))
            return result
        }
        evaluator.run()
        result.log += evaluator.log
        result.notes += evaluator.notes
        result.assumptions += evaluator.assumptions
        if let failure = evaluator.failure {
            result.failure = failure
            return result
        }
        guard var image = evaluator.finalImage else {
            // Only ARGs: instructions.Parse found no stage.
            result.failure = BuildFailure(.dockerfileSyntax, message: BuildKitMessage.noStagesToBuild, location: SourceLocation(dockerfilePath))
            return result
        }
        result.startCommand = startCommand(service: service, image: image, result: &result)
        if case .exec(let argv)? = result.startCommand?.form, service.config.effectiveStartCommand != nil {
            image.entrypoint = argv
            image.cmd = nil
        }
        result.image = image
        return result
    }

    /// A custom start command replaces ENTRYPOINT and is exec'd without a shell
    /// (docs:content/docs/deployments/start-command.md); otherwise ENTRYPOINT ++ CMD
    /// (docs:content/docs/builds/build-and-start-commands.md; BuildKit reference CMD/ENTRYPOINT table).
    static func startCommand(service: ResolvedService, image: Image, result: inout BuildResult) -> StartCommandSpec? {
        if let command = service.config.effectiveStartCommand, let source = service.config.startCommand?.source {
            let argv: [String]
            let splitting = service.options.choice(AssumptionCatalog.customStartWordSplitting) ?? "shell-words"
            if splitting == "whitespace" {
                argv = command.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
            } else {
                do { argv = try ShellParser.splitWords(command) } catch {
                    result.failure = BuildFailure(.unsupported, message: "start command cannot be split into words: \(error.message)")
                    return nil
                }
            }
            result.assumptions.append(Assumption(
                name: AssumptionCatalog.customStartWordSplitting, value: splitting,
                alternatives: splitting == "whitespace" ? ["shell-words"] : ["whitespace"],
                evidence: "Railway documents that a custom start command on a Dockerfile build is exec'd without a shell (docs.railway.com/deployments/start-command) but not how it is split into words, nor whether the image's CMD is kept; Docker and Kubernetes both drop CMD when the entrypoint is overridden"))
            return StartCommandSpec(form: .exec(argv), source: source.description, display: command)
        }
        let argv = (image.entrypoint ?? []) + (image.cmd ?? [])
        guard !argv.isEmpty else { return nil }
        return StartCommandSpec(form: .exec(argv), source: "image ENTRYPOINT/CMD", display: argv.joined(separator: " "))
    }
}
