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
        // Railway's own variables reach the build too, through ARG like any other
        // (docs:content/docs/builds/dockerfiles.md `ARG RAILWAY_ENVIRONMENT`).
        let variables = service.settings.variables + service.settings.railwayVariables
        let buildArgs = Dictionary(variables.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        let platform = BuildPlatform(service.options.choice(AssumptionCatalog.buildPlatform) ?? BuildPlatform.assumed)
        // The build-check config is read before the file is parsed (dockerfile2llb/convert.go `toDispatchState`).
        let checkConfig: DockerfileCheckConfig
        do { checkConfig = try DockerfileLint.config(bytes: bytes, buildArgs: buildArgs) } catch {
            result.failure = BuildFailure(.builderError, message: error.message, location: SourceLocation(dockerfilePath))
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
        let checks = DockerfileLint.run(dockerfile: dockerfile, config: checkConfig, buildArgs: buildArgs, platform: platform,
                                        ignore: DockerIgnoreRules.forContext(snapshot: snapshot, context: choice.buildContext, dockerfile: dockerfilePath).matcher)
        for warning in checks.warnings {
            result.notes.append(.dockerfileWarning(warning, location: SourceLocation(dockerfilePath, line: warning.line)))
        }
        if checkConfig.returnAsError { result.assumptions.append(checkCoverage(checks)) }
        var evaluator = DockerfileEvaluator(snapshot: snapshot, context: choice.buildContext, dockerfilePath: dockerfilePath,
                                            dockerfile: dockerfile, variables: variables, platform: platform)
        if let error = evaluator.ignore.error, let file = evaluator.ignore.file {
            // BuildKit dockerfile2llb/convert.go dispatchStages: patternmatcher.New's error fails the build as it is.
            result.failure = BuildFailure(.builderError, message: error, location: SourceLocation(file))
            return result
        }
        evaluator.run()
        result.log += evaluator.log
        result.notes += evaluator.notes
        result.assumptions += evaluator.assumptions
        if let failure = evaluator.failure, failure.kind == .dockerfileSyntax || checks.error == nil {
            // Conversion errors come before the lint verdict; solve-time ones (missing COPY source, RUN)
            // never happen when `error=true` already stopped the build (convert.go `finalizeResultImage`).
            result.failure = failure
            return result
        }
        if let error = checks.error {
            result.failure = BuildFailure(.builderError, message: error, location: SourceLocation(dockerfilePath, line: checks.warnings.first?.line))
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

    /// Under `# check=error=true` a clean lint is a claim that BuildKit would pass; say which rules
    /// railsim could not evaluate so it is not over-read.
    static func checkCoverage(_ checks: DockerfileCheckResult) -> Assumption {
        let skipped = DockerfileCheckRule.notChecked.map { "\($0.rule.name) (\($0.reason))" } + checks.notChecked
        return Assumption(name: "dockerfile-build-checks", value: "error=true, evaluated by railsim",
                          alternatives: [],
                          evidence: "BuildKit fails the build on any build-check violation (linter.go `Error`); railsim evaluates its build checks except: "
                              + skipped.joined(separator: "; "))
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
