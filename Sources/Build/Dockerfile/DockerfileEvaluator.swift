import Railway
import Snapshot

/// Walks a parsed Dockerfile stage by stage and computes each stage's image, like BuildKit's
/// dockerfile2llb would, but on railsim's virtual filesystem and without running anything.
struct DockerfileEvaluator {
    let snapshot: RepoSnapshot
    let context: RepoPath
    let dockerfilePath: RepoPath
    let dockerfile: Dockerfile
    let variables: [ServiceVariable]
    let lexer: DockerShellLexer
    let ignore: DockerIgnoreRules

    var stages: [DockerStage] = []
    var metaArgs: [String: String] = [:]
    var log: [String] = []
    var notes: [BuildNote] = []
    var assumptions: [Assumption] = []
    var failure: BuildFailure?
    var finalImage: Image? { stages.last?.image }

    init(snapshot: RepoSnapshot, context: RepoPath, dockerfilePath: RepoPath, dockerfile: Dockerfile, variables: [ServiceVariable],
         platform: BuildPlatform = BuildPlatform(BuildPlatform.assumed)) {
        self.snapshot = snapshot
        self.context = context
        self.dockerfilePath = dockerfilePath
        self.dockerfile = dockerfile
        self.variables = variables
        self.lexer = DockerShellLexer(escapeToken: dockerfile.escapeToken)
        self.ignore = DockerIgnoreRules.forContext(snapshot: snapshot, context: context, dockerfile: dockerfilePath)
        // The global scope starts with BuildKit's predefined platform ARGs, each replaceable by a build-arg
        // of the same name (dockerfile2llb/platform.go `defaultArgs`); the target is the last stage.
        let lastStage = dockerfile.instructions.last { $0.keyword == "FROM" }.flatMap { from -> String? in
            guard case .words(let words) = from.arguments, words.count == 3 else { return nil }
            return words[2].lowercased()
        }
        for (name, value) in platform.predefinedArgs(targetStage: lastStage) {
            metaArgs[name] = variables.last { $0.name == name }?.value ?? value
        }
        if let used = BuildPlatform.argNames.first(where: { name in dockerfile.instructions.contains { $0.original.contains(name) } }) {
            assumptions.append(Assumption(name: AssumptionCatalog.buildPlatform, value: platform.name,
                                          alternatives: (AssumptionCatalog.entry(AssumptionCatalog.buildPlatform)?.values ?? []).filter { $0 != platform.name },
                                          evidence: "the Dockerfile uses \(used), and Railway does not document the platform it builds for; railsim assumes \(BuildPlatform.assumed)"))
        }
    }

    func location(_ instruction: DockerInstruction) -> SourceLocation { SourceLocation(dockerfilePath, line: instruction.startLine) }

    /// Build-arg values Railway supplies: every service variable (matched against ARG names).
    func buildArg(_ name: String) -> String? { variables.last { $0.name == name }?.value }

    mutating func run() {
        if let file = ignore.file { log.append("using ignore file \(file)") }
        var reachable: Set<Int>? = nil
        var skipping = false
        for instruction in dockerfile.instructions {
            if failure != nil { return }
            if instruction.keyword == "FROM" {
                // All meta ARGs precede the first FROM, so the stage graph can be built here.
                if reachable == nil {
                    do {
                        let graph = try DockerStageGraph(dockerfile) { [metaArgs, lexer] in (try? lexer.processWord($0, environment: metaArgs)) ?? $0 }
                        reachable = graph.reachableFromTarget
                    } catch {
                        failure = BuildFailure(.dockerfileSyntax, message: error.message, location: SourceLocation(dockerfilePath, line: error.line))
                        return
                    }
                }
                skipping = !(reachable?.contains(stages.count) ?? true)
                if skipping { skipStage(instruction) } else { startStage(instruction) }
                continue
            }
            if skipping { continue }
            guard !stages.isEmpty else {
                if instruction.keyword == "ARG" { declareMetaArgs(instruction); continue }
                // An instruction before the first FROM (the parser's checks already reject it).
                fail(.dockerfileSyntax, BuildKitMessage.noBuildStage, instruction)
                return
            }
            var stage = stages.removeLast()
            apply(instruction, to: &stage)
            stages.append(stage)
        }
        if failure == nil { noteDistributionsLeftBehind() }
    }

    /// Distributions a RUN installed in an earlier stage that the last stage does not have, so an
    /// import of them can be explained as "installed, but in another stage".
    mutating func noteDistributionsLeftBehind() {
        guard let final = stages.last else { return }
        let present = Set(final.image.distributions.map { PythonPackageName.normalize($0.name) })
        var seen: Set<String> = []
        for stage in stages.dropLast() {
            for distribution in stage.image.distributions where distribution.requiredAt != nil {
                let name = PythonPackageName.normalize(distribution.name)
                guard !present.contains(name), seen.insert(name).inserted else { continue }
                notes.append(.installedInAnotherStage(distribution: distribution.name, importNames: distribution.importNames,
                                                      stage: stage.name ?? "\(stage.index)", sitePackages: distribution.sitePackages,
                                                      requiredAt: distribution.requiredAt))
            }
        }
    }

    mutating func fail(_ kind: BuildFailure.Kind, _ message: String, _ instruction: DockerInstruction) {
        failure = BuildFailure(kind, message: message, location: location(instruction))
    }

    func expand(_ word: String, in stage: DockerStage) -> String {
        (try? lexer.processWord(word, environment: stage.buildEnvironment)) ?? word
    }

    /// Unset parameters referenced by `word` (for "`$PYTHONPATH` was unset" notes).
    func unsetReferences(_ word: String, environment: [String: String]) -> [String] {
        ((try? lexer.expand(word, environment: environment))?.unset).map { $0.sorted() } ?? []
    }

    // MARK: ARG and FROM

    mutating func declareMetaArgs(_ instruction: DockerInstruction) {
        guard case .keyValues(let pairs) = instruction.arguments else { return }
        for pair in pairs {
            // A build-arg for a declared meta ARG replaces its value (convert.go `buildMetaArgs`).
            if let supplied = buildArg(pair.key) { metaArgs[pair.key] = supplied } else if let value = pair.value {
                metaArgs[pair.key] = (try? lexer.processWord(value, environment: metaArgs)) ?? value
            }
        }
    }

    mutating func startStage(_ instruction: DockerInstruction) {
        guard case .words(let words) = instruction.arguments, let rawImage = words.first else {
            fail(.dockerfileSyntax, BuildKitMessage.parseErrorOnLine(instruction.startLine, BuildKitMessage.fromArity), instruction)
            return
        }
        let imageName = (try? lexer.processWord(rawImage, environment: metaArgs)) ?? rawImage
        let stageName = words.count == 3 ? words[2].lowercased() : nil
        log.append("[stage \(stages.count)] FROM \(imageName)\(stageName.map { " AS \($0)" } ?? "")")
        var fileSystem = ImageFileSystem(snapshot: snapshot)
        var stage: DockerStage
        if let base = stages.last(where: { $0.name != nil && $0.name == imageName.lowercased() }) {
            // FROM an earlier stage inherits its filesystem, config and ARGs (convert.go `addState`).
            stage = base
            stage.name = stageName
            stage.index = stages.count
            stage.declaredArgs = base.declaredArgs
            stage.cmdSetInStage = false
            stage.onbuildTriggers = []
            runOnbuildTriggers(base.onbuildTriggers, from: base.name ?? "\(base.index)", at: instruction, in: &stage)
        } else if imageName.lowercased() == "scratch" {
            var image = Image(fileSystem: fileSystem, base: "scratch")
            image.setEnvironment("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")  // dockerfile2llb/image.go emptyImage
            stage = DockerStage(name: stageName, index: stages.count, image: image, buildEnvironment: [:])
        } else if let base = BaseImageCatalog.lookup(imageName) {
            if let caveat = base.caveat {
                assumptions.append(Assumption(name: "base-image:\(imageName)", value: "catalogue layout", alternatives: [], evidence: caveat))
            }
            if let python = base.python {
                fileSystem.addNodes(InterpreterLayout.nodes(prefix: python.prefix, version: python.version, origin: imageName, withPythonLink: true))
                fileSystem.addNodes(["/usr/local/bin/pip": .file(.baseImage(imageName)), "/usr/local/bin/pip3": .file(.baseImage(imageName))])
            }
            var image = Image(fileSystem: fileSystem, base: imageName)
            image.python = base.python
            image.cmd = base.cmd
            image.entrypoint = base.entrypoint
            // An empty WorkingDir/User in the config means `/` and root (image-spec config.md).
            image.workingDirectory = base.workingDirectory.isEmpty ? "/" : base.workingDirectory
            image.user = base.user.isEmpty ? "root" : base.user
            for entry in base.environment { image.setEnvironment(entry.name, entry.value) }
            if let python = base.python, let site = python.siteDirectories.first {
                image.distributions = base.preinstalled.map {
                    InstalledDistribution(name: $0, importNames: $0 == "setuptools" ? ["setuptools", "pkg_resources", "_distutils_hack"] : [$0],
                                          nameRule: .catalogue, sitePackages: site, requiredAt: nil)
                }
                image.fileSystem.addNodes(PythonDependencies.nodes(for: image.distributions, binDirectory: "\(python.prefix)/bin"))
            }
            var environment: [String: String] = [:]
            for entry in image.environment { environment[entry.name] = entry.value }
            stage = DockerStage(name: stageName, index: stages.count, image: image, buildEnvironment: environment)
        } else {
            notes.append(.unknownBaseImage(imageName, location: location(instruction)))
            var image = Image(fileSystem: fileSystem, base: imageName)
            image.setEnvironment("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
            stage = DockerStage(name: stageName, index: stages.count, image: image, buildEnvironment: ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"])
        }
        stages.append(stage)
    }

    /// A stage the target does not need: BuildKit never dispatches it (convert.go `dispatchStages`), so
    /// its base image is not resolved and its instructions neither change anything nor fail. It keeps
    /// its slot so stage indexes stay BuildKit's.
    mutating func skipStage(_ instruction: DockerInstruction) {
        guard case .words(let words) = instruction.arguments, let rawImage = words.first else { return }
        let imageName = (try? lexer.processWord(rawImage, environment: metaArgs)) ?? rawImage
        let stageName = words.count == 3 ? words[2].lowercased() : nil
        log.append("[stage \(stages.count)] FROM \(imageName)\(stageName.map { " AS \($0)" } ?? ""): not built (the last stage does not need it)")
        stages.append(DockerStage(name: stageName, index: stages.count, image: Image(fileSystem: ImageFileSystem(snapshot: snapshot), base: imageName),
                                  buildEnvironment: [:]))
    }

    /// A stage built FROM another stage runs that stage's own ONBUILD triggers before its own
    /// instructions, at the location of its FROM line, and does not pass them on
    /// (convert.go `resolveStages` → `initOnBuildTriggers`; `dispatchState.init` clears Config.OnBuild).
    mutating func runOnbuildTriggers(_ triggers: [DockerInstruction], from base: String, at fromInstruction: DockerInstruction, in stage: inout DockerStage) {
        for trigger in triggers {
            if failure != nil { return }
            var placed = trigger
            placed.startLine = fromInstruction.startLine
            placed.endLine = fromInstruction.endLine
            log.append("ONBUILD trigger of stage \(base) (\(dockerfilePath):\(trigger.startLine)): \(trigger.original)")
            apply(placed, to: &stage)
        }
    }

    // MARK: instructions

    mutating func apply(_ instruction: DockerInstruction, to stage: inout DockerStage) {
        switch instruction.keyword {
        case "ENV":
            guard case .keyValues(let pairs) = instruction.arguments else { return }
            // All words of one instruction see the env as it was before it (convert.go `dispatch`).
            let before = stage.buildEnvironment
            for pair in pairs {
                let raw = pair.value ?? ""
                for name in unsetReferences(raw, environment: before) {
                    notes.append(.unsetVariableExpanded(name: name, instruction: "ENV \(pair.key)=\(raw)", location: location(instruction)))
                }
                let value = (try? lexer.processWord(raw, environment: before)) ?? raw
                let key = (try? lexer.processWord(pair.key, environment: before)) ?? pair.key
                stage.setEnvironment(key, value)
            }
        case "ARG":
            guard case .keyValues(let pairs) = instruction.arguments else { return }
            for pair in pairs {
                stage.declaredArgs.insert(pair.key)
                // build-arg, else the global value, else the default expanded (convert.go `dispatchArg`).
                if let supplied = buildArg(pair.key) {
                    stage.buildEnvironment[pair.key] = supplied
                } else if let value = pair.value {
                    stage.buildEnvironment[pair.key] = expand(value, in: stage)
                } else if let global = metaArgs[pair.key] {
                    stage.buildEnvironment[pair.key] = global
                }
            }
        case "WORKDIR":
            guard let raw = singleArgument(instruction) else { return }
            let path = ImagePath.join(stage.image.workingDirectory, expand(raw, in: stage))
            stage.image.workingDirectory = path
            if path != "/", !stage.image.fileSystem.isDirectory(path) {
                stage.image.fileSystem.addNodes([path: .directory(nil)])
            }
        case "USER":
            if let raw = singleArgument(instruction) { stage.image.user = expand(raw, in: stage) }
        case "CMD":
            stage.image.cmd = commandForm(instruction.arguments, shell: stage.shell)
            stage.cmdSetInStage = true
        case "ENTRYPOINT":
            let form = commandForm(instruction.arguments, shell: stage.shell)
            stage.image.entrypoint = (form?.isEmpty ?? true) ? nil : form
            if !stage.cmdSetInStage { stage.image.cmd = nil }
        case "SHELL":
            if case .exec(let words) = instruction.arguments { stage.shell = words }
        case "COPY", "ADD":
            var copier = DockerCopy(evaluator: self, instruction: instruction)
            copier.apply(to: &stage, stages: stages)
            notes += copier.notes
            log += copier.log
            if let failure = copier.failure { self.failure = failure }
        case "RUN":
            var runner = DockerRun(evaluator: self, instruction: instruction)
            runner.apply(to: &stage)
            notes += runner.notes
            log += runner.log
            if var failure = runner.failure {
                // The tool's own output, then BuildKit's line for the failed step, as a build log shows them.
                if let code = runner.failureExitCode, let argv = commandForm(instruction.arguments, shell: stage.shell) {
                    failure.message += "\n" + BuildKitMessage.processDidNotComplete(argv, exitCode: code)
                }
                self.failure = failure
            }
        case "ONBUILD":
            // Recorded in the image config; it runs only in a stage built FROM this one (rule 44).
            if let trigger = instruction.onbuildTrigger?.instruction { stage.onbuildTriggers.append(trigger) }
        case "EXPOSE", "LABEL", "VOLUME", "STOPSIGNAL", "HEALTHCHECK", "MAINTAINER":
            break  // image metadata that does not change how the process starts
        default:
            fail(.dockerfileSyntax, BuildKitMessage.parseErrorOnLine(instruction.startLine, BuildKitMessage.unknownInstruction(instruction.keywordAsWritten)), instruction)
        }
    }

    func singleArgument(_ instruction: DockerInstruction) -> String? {
        switch instruction.arguments {
        case .words(let words): return words.joined(separator: " ")
        case .shell(let text): return text
        default: return nil
        }
    }

    /// Exec form as given; shell form wrapped in the stage's SHELL (convert.go `withShell`).
    func commandForm(_ arguments: DockerArguments, shell: [String]) -> [String]? {
        switch arguments {
        case .exec(let words): return words
        case .shell(let text): return shell + [text]
        case .none: return []
        default: return nil
        }
    }
}
