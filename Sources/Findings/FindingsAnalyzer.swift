import Build
import Railway
import Runtime
import Snapshot

/// Turns the facts each stage noticed into findings with root causes in repository terms. It is
/// the one place that sees the repository, the platform settings, the image and the start-up
/// together, which is what "why" needs.
struct FindingsAnalyzer {
    let snapshot: RepoSnapshot
    let service: ResolvedService
    let build: BuildResult
    let runtime: RuntimeResult

    func findings() -> [Finding] {
        var result: [Finding] = []
        result += railwayFindings()
        result += buildFindings()
        result += requiresPythonFindings()
        result += staleUvLockFindings()
        result += literalMainAppFindings()
        result += runtimeFindings()
        // Errors first; stable within a severity by rule, file and line, so output never reorders.
        return result.enumerated().sorted { a, b in
            (a.element.severity.rank, a.offset) < (b.element.severity.rank, b.offset)
        }.map(\.element)
    }

    /// Keys people expect from other platforms, with what Railway does instead
    /// (docs:content/docs/deployments/healthchecks.md: the probe retries until a 200 arrives or
    /// the `healthcheckTimeout` window, default 300 s, ends; there is no interval or initial delay).
    static let misconceivedKeys: [String: (explanation: String, fix: String)] = [
        "healthcheckInterval": ("Railway has no healthcheck interval: it retries the probe on its own schedule until the window ends.",
                                "Remove the line; only `healthcheckPath` and `healthcheckTimeout` configure the healthcheck."),
        "initialDelaySeconds": ("Railway has no initial delay: the healthcheck starts when the container starts and keeps retrying for `healthcheckTimeout` seconds.",
                                "Remove the line; to give a slow start more time, raise `healthcheckTimeout` (default 300)."),
    ]

    var rootName: String { service.rootDirectory.isRoot ? "/" : service.rootDirectory.description }

    // MARK: Railway

    func railwayFindings() -> [Finding] {
        var result: [Finding] = []
        if let missing = service.configDiscovery.missingCustomPath {
            result.append(Finding(.configSyntax, message: "the Railway Config File `\(missing)` does not exist in the repository", file: missing,
                                  fix: "Set the Config File path to an existing file, relative to the repository root (e.g. `/health-service/railway.toml`)."))
        }
        if let error = service.configError {
            result.append(Finding(.configSyntax, message: error.message, file: error.location.file, line: error.location.line,
                                  explanation: "Railway cannot read this config-as-code file, so the deployment fails before it builds."))
        }
        for note in service.notes {
            switch note {
            case .unknownKey(let key, let location, let nearest):
                let known = Self.misconceivedKeys[String(key.split(separator: ".").last ?? "")]
                result.append(Finding(.configUnknownKey, message: "`\(key)` is not a Railway config key; Railway ignores it", file: location.file, line: location.line,
                                      explanation: "Railway's config-as-code schema has no such key (docs.railway.com/reference/config-as-code), and unknown keys are reportedly ignored silently, so this setting has no effect." + (known.map { " " + $0.explanation } ?? ""),
                                      fix: known?.fix ?? nearest.map { "Did you mean `\($0)`? Otherwise remove the line." } ?? "Remove the line."))
            case .unconfirmedKey(let key, let location):
                result.append(Finding(.configUnconfirmedKey, message: "`\(key)` appears in Railway's merged config, but whether a config file may set it is unconfirmed", file: location.file, line: location.line))
            case .invalidValue(let key, let location, let expected, let found):
                result.append(Finding(.configInvalidValue, message: "`\(key)` must be \(expected), not \(found)", file: location.file, line: location.line))
            case .configAsCodeDeprecated(let file):
                result.append(Finding(.configDeprecated, message: "\(file) is config as code, which Railway deprecated: it stops being read on \(SimulationOptions.configAsCodeCutoff)",
                                      file: file.description,
                                      explanation: "Railway replaced railway.toml/railway.json with Infrastructure as Code (`.railway/railway.ts`); legacy services keep working until the 2026-12-01 cutoff (docs.railway.com/config-as-code).",
                                      fix: "Run `railway config migrate` to generate `.railway/railway.ts`, then remove the file."))
            case .configAsCodeIgnoredAfterCutoff(let file, let asOf, let settings):
                let what = settings.isEmpty ? "It sets nothing that applies to this service." : "These settings no longer apply: " + settings.map { "`\($0)`" }.joined(separator: ", ") + "."
                result.append(Finding(.configIgnoredAfterCutoff, message: "\(file) is not read as of \(asOf): Railway stopped reading config as code on \(SimulationOptions.configAsCodeCutoff)",
                                      file: file.description,
                                      explanation: "Existing config-as-code files stop being read on \(SimulationOptions.configAsCodeCutoff) (docs.railway.com/infrastructure-as-code), so the service runs with its dashboard settings alone. " + what,
                                      fix: "Run `railway config migrate` to write these settings into `.railway/railway.ts` (or set them in the service settings), then delete \(file)."))
            case .managedByConfigAndInfrastructure(let file, let declaration):
                result.append(Finding(.managedTwice, message: "this service is declared in \(declaration) and also managed by \(file)",
                                      file: file.description,
                                      explanation: "A service cannot be managed by both Config as Code and Infrastructure as Code; `railway config plan` stops until the service is migrated (docs.railway.com/infrastructure-as-code). Until then the deploy still reads \(file), which overrides the service settings.",
                                      fix: "Run `railway config migrate --apply` for this service, or delete \(file) once its settings are in .railway/railway.ts."))
            case .repoRootConfigApplies(let file, let root):
                result.append(Finding(.repoRootConfigApplies, message: "the repo-root \(file) applies to this service although its root directory is `\(root)`",
                                      file: file.description,
                                      explanation: "Railway's scanner accepts a config file directly in the root directory or directly in the repository root (`acceptChildOfRepoRoot`), so every setting in \(file) — builder, start command, healthcheck — also applies to `\(root)`.",
                                      fix: "Give `\(root)` its own `\(root)/railway.toml`, or keep service-specific settings (like a start command) out of the repo-root file."))
            case .configFileIgnored(let file, let chosen):
                result.append(Finding(.configFileIgnored, message: "\(file) is ignored because the service's Config File is set to \(chosen)", file: file.description))
            case .dockerfilePathIgnored(let path, let builder, let reason):
                result.append(Finding(.dockerfilePathIgnored, message: "dockerfilePath `\(path)` has no effect: the builder is \(builder.rawValue) (\(reason))"))
            case .detectedDockerfileOverridesBuilder(let builder, let source):
                result.append(Finding(.detectedDockerfileWins, message: "a `Dockerfile` in the root directory overrides `builder = \(builder.rawValue.uppercased())` (\(source))",
                                      fix: "Rename the Dockerfile (e.g. `Dockerfile.prod`) if it should not be used."))
            case .dockerfileOutsideContext(let dockerfile, let context):
                result.append(Finding(.dockerfileOutsideContext, message: "\(dockerfile) lies outside the build context `\(context.isRoot ? "/" : context.description)`",
                                      file: dockerfile.description,
                                      explanation: "The Dockerfile path only selects the file; the build context is always the Root Directory `\(context.isRoot ? "/" : context.description)`, so `COPY` sees only that directory, not the one the Dockerfile sits in.",
                                      fix: "Set the Root Directory to the directory the Dockerfile expects as its context (often `/`), and point the Config File at the service's config (e.g. `/\(context.description)/railway.toml`)."))
            case .nixpacksDeprecated:
                result.append(Finding(.nixpacksDeprecated, message: "Nixpacks is deprecated; new services build with Railpack",
                                      fix: "Set `builder = \"RAILPACK\"` when convenient."))
            }
        }
        return result
    }

    // MARK: Build

    func buildFindings() -> [Finding] {
        var result: [Finding] = []
        for note in build.notes {
            switch note {
            case .runNotModelled(let command, let location):
                result.append(Finding(.runNotModelled, message: "RUN `\(command)` is not modelled; its effect on the image is unknown", file: location.file, line: location.line))
            case .unknownBaseImage(let image, let location):
                result.append(Finding(.unknownBaseImage, message: "railsim has no catalogue entry for `\(image)`; the image contents are what the Dockerfile itself adds", file: location.file, line: location.line))
            case .requirementGuessed(let distribution, let importName, let location):
                result.append(Finding(.requirementGuessed, message: "`\(distribution)` is not in railsim's distribution catalogue; assuming it provides `import \(importName)`", file: location?.file, line: location?.line))
            case .requirementNotModelled(let text, let location):
                result.append(Finding(.requirementNotModelled, message: "requirement `\(text)` is not modelled", file: location.file, line: location.line))
            case .dependenciesUnknown(let distribution, let location):
                result.append(Finding(.dependenciesUnknown, message: "the dependencies of `\(distribution)` are unknown to railsim; pip also installs them, so modules they provide may be missing from the simulated image", file: location?.file, line: location?.line))
            case .unsetVariableExpanded(let name, let instruction, let location):
                result.append(Finding(.unsetVariable, message: "`$\(name)` is unset where `\(instruction)` expands it, so it becomes empty", file: location.file, line: location.line,
                                      explanation: name == "PYTHONPATH" ? "An empty PYTHONPATH entry (`/app:`) makes Python add the working directory to sys.path." : nil))
            case .dockerfileWarning(let warning, let location):
                // BuildKit prints the short form; `docker build --debug` adds the description and URL.
                result.append(Finding(.dockerfileWarning, message: warning.short, file: location.file, line: location.line,
                                      explanation: warning.description + (warning.url.map { " (\($0))" } ?? "")))
            case .nonPythonProvider(let provider):
                result.append(otherProviderFinding(provider))
            case .pyprojectWithoutLock(let path):
                result.append(Finding(.pyprojectWithoutLock, message: "\(path) has no lock file next to it, so Railpack installs no dependencies", file: path.description,
                                      fix: "Commit a `uv.lock` or `poetry.lock`, or add a requirements.txt."))
            case .installedInAnotherStage, .removedByRun, .projectBuiltFromInstallFiles:
                continue  // explain an import failure (RS401/RS414), reported only when one happens
            }
        }
        if let failure = build.failure { result.append(buildFailureFinding(failure)) }
        return result
    }

    func buildFailureFinding(_ failure: BuildFailure) -> Finding {
        switch failure.kind {
        case .configInvalid:
            return Finding(.configSyntax, message: failure.message, file: failure.location?.file, line: failure.location?.line)
        case .rootDirectoryMissing:
            return Finding(.rootDirectoryMissing, message: failure.message, fix: "Set Root Directory to a directory that exists in the repository.")
        case .dockerfileMissing:
            return Finding(.dockerfileMissing, message: failure.message,
                           explanation: "The Dockerfile builder was selected, but no file exists at `\(service.builder.dockerfileRequested ?? "Dockerfile")` relative to the root directory `\(rootName)` or the repository root.",
                           fix: "Set `dockerfilePath` to the Dockerfile's path, or switch the builder back to Railpack.")
        case .dockerfileSyntax:
            return Finding(.dockerfileSyntax, message: failure.message, file: failure.location?.file, line: failure.location?.line)
        case .copySourceMissing(let path):
            var explanation = "`\(path)` is not in the build context `\(rootName)`."
            if let outside = RepoPath(String(path.dropFirst())), snapshot.exists(outside), !service.rootDirectory.isRoot {
                explanation = "`\(outside)` exists at the repository root, but the build context is the root directory `\(rootName)`, so COPY cannot see it."
            }
            return Finding(.copySourceMissing, message: failure.message, file: failure.location?.file, line: failure.location?.line,
                           explanation: explanation, fix: "Copy paths relative to the root directory, or set the Root Directory to the directory the Dockerfile expects.")
        case .noProvider:
            return Finding(.noProvider, message: failure.message,
                           explanation: "Railpack looks only at the root of `\(rootName)` for a language's marker files (requirements.txt, pyproject.toml, main.py, package.json, …).",
                           fix: "Set the Root Directory to the directory that holds the app, or add its manifest there.")
        case .noStartCommand:
            return Finding(.noStartCommand, message: failure.message,
                           explanation: "Railpack's Python provider starts `main.py`, `app.py`, `start.py`, `bot.py`, `hello.py` or `server.py` in the root directory, or a framework command; none applies here.",
                           fix: "Set a start command (`deploy.startCommand` or the service's Start Command).")
        case .unsupported, .builderError:
            return Finding(.buildFailed, message: failure.message, file: failure.location?.file, line: failure.location?.line)
        }
    }

    // MARK: Runtime

    func runtimeFindings() -> [Finding] {
        var result: [Finding] = []
        var assumedCount = 0
        for note in runtime.notes {
            switch note {
            case .importFailed(let module, let location, _):
                result.append(withUnmodelledRunCaveat(importFailureFinding(module: module, location: location), module: module))
            case .assumedFromDistribution:
                assumedCount += 1
            case .lazyImportWouldFail(let module, let location):
                result.append(Finding(.lazyImport, message: "`import \(module)` inside a function would fail when it runs: no module named '\(module)' in the image",
                                      file: location.file, line: location.line))
            case .conditionalImport(let module, let location):
                result.append(Finding(.conditionalImport, message: "`\(module)` is imported under a condition railsim cannot evaluate, and it is not in the image",
                                      file: location.file, line: location.line))
            case .literalVariable(let name, let argument):
                if build.startCommand?.source == "image ENTRYPOINT/CMD" {
                    // The exec form runs no shell, so no variable substitution (docs.docker.com/reference/dockerfile/#cmd).
                    result.append(Finding(.literalVariable, message: "`\(argument)` reaches the program literally: no shell expands `$\(name)`",
                                          explanation: "The Dockerfile's exec-form CMD/ENTRYPOINT (JSON array) runs the program without a shell, so `$\(name)` is not expanded (docs.docker.com/reference/dockerfile/#cmd).",
                                          fix: "Use the shell form, or wrap it: `CMD [\"sh\", \"-c\", \"exec … $\(name)\"]`, or read the variable in the app."))
                } else {
                    result.append(Finding(.literalVariable, message: "`\(argument)` reaches the program literally: no shell expands `$\(name)`",
                                          explanation: "On Dockerfile builds Railway execs a custom start command without a shell (docs.railway.com/deployments/start-command).",
                                          fix: "Wrap it: `/bin/sh -c \"exec … $\(name)\"`, or read the variable in the app."))
                }
            case .notListeningOnPort(let detail, let location):
                result.append(Finding(.notListening, message: detail, file: location?.file, line: location?.line,
                                      fix: "Listen on 0.0.0.0 and the port in the PORT variable (e.g. `--host 0.0.0.0 --port $PORT`)."))
            case .healthcheckRouteMissing(let path, let routes, let location):
                result.append(Finding(.healthcheckRoute, message: "the healthcheck path `\(path)` is not a route of the app (routes: \(routes.joined(separator: ", ")))",
                                      file: location?.file, line: location?.line, fix: "Add a route for `\(path)` or change healthcheckPath."))
            case .syntaxError(let file, let line, let message):
                result.append(Finding(.syntaxError, message: "SyntaxError: \(message)", file: file, line: line))
            case .notSimulated(let what):
                result.append(Finding(.notSimulated, message: what))
            case .missingEnvironmentVariable(let name, let location):
                let file = location?.file
                result.append(Finding(.environmentVariableMissing, message: "`\(name)` is read at start-up but the service does not set it",
                                      file: file, line: location?.line,
                                      explanation: "Module-level code reads `\(name)` from the environment while the app starts; the process has no such variable (image ENV, service variables and Railway's own), so start-up fails.",
                                      fix: "Set `\(name)` in the service's variables (or give it a default in the code)."))
            case .serving, .repositoryHasModuleOutsideImage, .missingDistribution:
                continue
            }
        }
        if assumedCount > 0 {
            result.append(Finding(.assumedDistribution, message: "\(assumedCount) submodule import(s) of installed distributions are assumed to exist (railsim knows distributions' top-level names, not their files)"))
        }
        if let failure = runtime.failure, failure.phase == .start, !runtime.notes.contains(where: {
            switch $0 {
            case .importFailed, .missingEnvironmentVariable: return true
            default: return false
            }
        }) {
            result.append(startFailureFinding(failure))
        }
        return result
    }

    /// The heart of the seed incident: a module missing from the image although the repository
    /// has it — usually because the root directory (the build context) excludes it.
    func importFailureFinding(module: String, location: SourceLocation?) -> Finding {
        let top = String(module.split(separator: ".").first ?? "")
        let message = "No module named '\(module)'" + (location.map { " (imported at \($0))" } ?? "")
        if let inRepo = repositoryModule(named: top) {
            let root = service.rootDirectory
            if !root.isRoot, !inRepo.hasPrefix(root) {
                let kind = snapshot.isDirectory(inRepo) ? "`\(inRepo)/`" : "`\(inRepo)`"
                return Finding(.moduleNotInImage, message: message, file: location?.file, line: location?.line,
                               explanation: "\(kind) exists in the repository, but the root directory `\(rootName)` is the build context, so it is not in the image.",
                               fix: "Build from the repository root: set Root Directory to `/`, point the service's Config File at its own config (e.g. `/\(root)/railway.toml`) with a Dockerfile that copies the whole repository, and keep a start command that reaches `\(top)`; or move `\(inRepo)` into `\(root)/`.")
            }
            if let exclusion = ContextExclusion.of(inRepo, context: service.builder.buildContext,
                                                   dockerfile: service.builder.kind == .dockerfile ? service.builder.dockerfile : nil, snapshot: snapshot) {
                return Finding(.moduleNotInImage, message: message, file: location?.file, line: location?.line,
                               explanation: "`\(inRepo)` is in the repository, but line \(exclusion.line) of \(exclusion.ignoreFile) (`\(exclusion.pattern)`) excludes it from the build context, so no COPY can put it in the image.",
                               fix: "Remove that line from \(exclusion.ignoreFile.name) (or add `!\(inRepo.relative(to: service.builder.buildContext)?.description ?? top)` after it).")
            }
            if let (project, step, files) = installFilesOnlyBuild(without: top) {
                return Finding(.moduleNotInImage, message: message, file: location?.file, line: location?.line,
                               explanation: "`\(inRepo)` is in the repository and the image, but the \(step) built the project `\(project)` from only \(files.map { "`\($0)`" }.joined(separator: ", ")), so its build backend found no `\(top)` to install, and nothing else puts `\(inRepo)`'s parent directory on sys.path.",
                               fix: "Put the package's parent directory on sys.path (e.g. the service variable `PYTHONPATH=/app/src` for a src layout), or install with a package manager whose install runs after the source is copied (uv on Railpack).")
            }
            if let project = build.image?.distributions.first(where: { $0.nameRule == .project && !$0.importNames.contains(top) }), let installedAt = project.requiredAt {
                return Finding(.moduleNotInImage, message: message, file: location?.file, line: location?.line,
                               explanation: "`\(inRepo)` is in the repository and the build context, but the install of the project `\(project.name)` at \(installedAt) did not include `\(top)`: its build backend found no such package in the image when that RUN ran (the source is copied later, or its layout hides it), and nothing else puts it on sys.path.",
                               fix: "Copy the package's source before installing the project (e.g. `COPY . .` before `RUN pip install .`), or tell the build backend where the package is.")
            }
            if let removal = removalExplanation(top: top) {
                return Finding(.moduleNotInImage, message: message, file: location?.file, line: location?.line,
                               explanation: removal, fix: "Remove `\(top)` from that `rm`, or copy it again after it.")
            }
            return Finding(.moduleNotInImage, message: message, file: location?.file, line: location?.line,
                           explanation: "`\(inRepo)` is in the repository and the build context, but not on the process's sys.path (\(runtime.sysPath.prefix(3).joined(separator: ", ")), …).",
                           fix: "Start the app from the directory that contains `\(top)`, or add that directory to PYTHONPATH.")
        }
        // A distribution whose own dependencies railsim does not know might provide the module.
        let unknownDependencies = build.notes.compactMap { note -> String? in
            if case .dependenciesUnknown(let distribution, _) = note { return distribution }
            return nil
        }
        let caveat = unknownDependencies.isEmpty ? "" :
            " Caveat: railsim does not know the dependencies of \(unknownDependencies.map { "`\($0)`" }.joined(separator: ", ")); if one of them provides `\(top)`, this import succeeds."
        if let offPath = installedOffSysPathFinding(top: top, message: message, location: location) { return offPath }
        let distributions = DistributionCatalog.shared.distributions(providingImport: top)
        if let distribution = distributions.first {
            return Finding(.missingDistribution, message: message, file: location?.file, line: location?.line,
                           explanation: "`\(top)` is provided by the distribution `\(distribution)`, which the build does not install." + caveat,
                           fix: "Add `\(distribution)` to the requirements file the build installs.")
        }
        return Finding(.moduleNotInImage, message: message, file: location?.file, line: location?.line,
                       explanation: "Neither the image, the repository nor railsim's distribution catalogue has a module `\(top)`." + caveat)
    }

    /// A directory or `.py` file named `name` anywhere in the repository (closest to the root first).
    func repositoryModule(named name: String) -> RepoPath? {
        var best: RepoPath? = nil
        for path in snapshot.descendants(of: .root) where path.name == name || path.name == name + ".py" {
            if snapshot.isDirectory(path) || path.name.hasSuffix(".py") {
                if best == nil || path.components.count < (best?.components.count ?? .max) { best = path }
            }
        }
        return best
    }

    func startFailureFinding(_ failure: Failure) -> Finding {
        if failure.message.contains("can't open file"), let process = runtime.process?.program,
           let script = process.dropFirst().first(where: { $0.hasSuffix(".py") }) {
            var explanation = missingScriptExplanation(script)
            if let next = nextFailure(replacingScript: script) { explanation += " " + next }
            return Finding(.startFileMissing, message: failure.message, explanation: explanation,
                           fix: "Use the path the file has in the image, or change the build so the file lands where the start command expects it.")
        }
        if let file = failure.location?.file, let script = consoleScriptExplanation(file) {
            return Finding(.startCrash, message: failure.message, file: file, line: failure.location?.line,
                           explanation: script, fix: "Point the `[project.scripts]` entry at a function the module defines (`module:function`).")
        }
        return Finding(.startCrash, message: failure.message, file: failure.location?.file, line: failure.location?.line)
    }

    /// A traceback through a console script the project install wrote: say which `[project.scripts]`
    /// entry it comes from, since that is where the target is named.
    func consoleScriptExplanation(_ path: String) -> String? {
        guard path.hasPrefix("/"), case .generated(_, let by)? = build.image?.fileSystem.origin(of: path),
              by.contains("install of") else { return nil }
        return "`\(ImagePath.basename(path))` is the console script the project install wrote for the `[project.scripts]` entry of that name in pyproject.toml; the import it runs fails."
    }

    /// When the script exists at another image path, simulates the start with that path and
    /// says what would fail next: fixing only the path is often not enough (the seed's report fix).
    func nextFailure(replacingScript script: String) -> String? {
        guard let image = build.image, let start = build.startCommand else { return nil }
        let components = ImagePath.components(script)
        var moved: String? = nil
        for index in 0..<components.count {
            guard let repoPath = RepoPath(components[index...].joined(separator: "/")), snapshot.isFile(repoPath) else { continue }
            moved = image.fileSystem.imagePaths(of: repoPath).first
            break
        }
        guard let moved else { return nil }
        var alternative = build
        switch start.form {
        case .exec(let argv):
            alternative.startCommand = StartCommandSpec(form: .exec(argv.map { $0 == script ? moved : $0 }), source: start.source, display: start.display)
        case .shell(let interpreter, let command):
            alternative.startCommand = StartCommandSpec(form: .shell(interpreter: interpreter, command: command.replacingOccurrences(of: script, with: moved)),
                                                        source: start.source, display: start.display)
        }
        var service = self.service
        if let command = service.config.effectiveStartCommand, let source = service.config.startCommand?.source {
            service.config.startCommand = Sourced(command.replacingOccurrences(of: script, with: moved), source)
        }
        let retried = StartupSimulator.simulate(service, build: alternative)
        guard let failure = retried.failure, failure.phase == .start else {
            return "With `\(moved)` instead, railsim predicts the service would start."
        }
        var text = "Even with `\(moved)` instead, the start would fail: \(failure.exception.map { "\($0): " } ?? "")\(failure.message)"
        if let location = failure.location { text += " (\(location))" }
        for note in retried.notes {
            if case .importFailed(let module, let location, _) = note, let why = importFailureFinding(module: module, location: location).explanation {
                text += ", because " + why.prefix(1).lowercased() + why.dropFirst()
                break
            }
        }
        return text.hasSuffix(".") ? text : text + "."
    }

    /// Where the script the start command names actually is in the image, if anywhere.
    func missingScriptExplanation(_ script: String) -> String {
        guard let image = build.image else { return "The file is not in the image." }
        let components = ImagePath.components(script)
        for start in 0..<components.count {
            guard let repoPath = RepoPath(components[start...].joined(separator: "/")), snapshot.isFile(repoPath) else { continue }
            if let imagePath = image.fileSystem.imagePaths(of: repoPath).first {
                return "`\(repoPath)` is in the image at `\(imagePath)`, not `\(script)`: the build context is `\(rootName)`, so its contents land directly under the copy destination."
            }
            return "`\(repoPath)` exists in the repository but not in the image: it is outside the build context `\(rootName)`."
        }
        return "`\(script)` is not in the image."
    }
}
