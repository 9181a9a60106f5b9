/// Everything a provider reads and shapes while Railpack plans a build: the app's files, the
/// environment, the merged config, the ordered step builders, the deploy section, caches, secrets,
/// metadata, requested tool versions and the log (railpack:core/generate/context.go GenerateContext).
///
/// Providers receive it `inout`. Step builders are values: `newCommandStep` registers a step at
/// its place in the order and returns a copy to fill in, and `store` writes the copy back.
public struct RailpackGenerateContext: Sendable {
    /// `var` because Elixir points it at `assets/` while the Node provider plans Phoenix assets
    /// (railpack:core/providers/elixir/elixir.go InstallNode).
    var app: RailpackApp
    let env: RailpackEnvironment
    var config: RailpackConfig
    private(set) var steps: [StepBuilder] = []
    var deploy = DeployBuilder()
    var caches = CacheContext()
    var secrets: [String] = []
    /// Railpack's metadata (`providers`, `pythonPackageManager`, …; railpack:core/generate/metadata.go).
    private(set) var metadata: [String: String] = [:]
    var resolver = PackageResolver()
    private(set) var logs: [RailpackLog] = []
    var subContexts: [String] = []
    /// railsim's provenance for `deploy.startCommand` as it stands ("Railpack's Python provider",
    /// "Procfile:3 (web)", …); empty while no start command is set.
    var startCommandOrigin = ""
    let dockerignoreExcludes: [String]
    /// Where each config package came from, for railsim's provenance ("railpack.json packages.python").
    let configPackageOrigins: [String: String]

    /// railpack:core/generate/context.go NewGenerateContext: the `.dockerignore` is parsed (a file
    /// that cannot be read fails the plan), the main mise step is created first, and config
    /// packages seed it.
    init(app: RailpackApp, env: RailpackEnvironment, config: RailpackConfig, configPackageOrigins: [String: String] = [:],
         logs: [RailpackLog] = []) throws(RailpackPlanFailure) {
        self.app = app
        self.env = env
        self.config = config
        self.logs = logs
        self.configPackageOrigins = configPackageOrigins
        var excludes: [String] = []
        var hasDockerignore = false
        if app.hasFile(".dockerignore") {
            guard let path = app.path(".dockerignore"), let bytes = try? app.snapshot.read(path) else {
                throw .error("failed to parse .dockerignore: error reading .dockerignore")
            }
            do throws(DockerIgnoreFile.ReadError) {
                excludes = try DockerIgnoreFile.readAll(bytes)
            } catch {
                throw .error("failed to parse .dockerignore: \(error.message)")
            }
            hasDockerignore = true
        }
        dockerignoreExcludes = excludes
        if hasDockerignore { logInfo("Found .dockerignore file, applying filters") }
        steps.append(.mise(MiseStepBuilder(name: MiseStepBuilder.mainName)))
        applyPackagesFromConfig()
        if hasDockerignore { metadata["dockerIgnore"] = "true" }
    }

    // MARK: Log and metadata

    mutating func logInfo(_ message: String) { logs.append(RailpackLog(.info, message)) }
    mutating func logWarn(_ message: String) { logs.append(RailpackLog(.warn, message)) }
    mutating func logError(_ message: String) { logs.append(RailpackLog(.error, message)) }
    mutating func logDeprecation(_ message: String) { logs.append(RailpackLog(.deprecation, message)) }
    mutating func logSuggestion(_ message: String, docs: String = "") { logs.append(RailpackLog(.suggestion, message, docsPath: docs)) }

    /// Empty values are not recorded (railpack:core/generate/metadata.go Set).
    mutating func setMetadata(_ key: String, _ value: String) {
        if !value.isEmpty { metadata[key] = value }
    }

    /// Only `true` is recorded, as "true" (railpack:core/generate/metadata.go SetBool).
    mutating func setMetadata(_ key: String, _ flag: Bool) {
        if flag { metadata[key] = "true" }
    }

    /// Steps created inside a sub-context get `:<sub>` appended, e.g. per workspace package
    /// (railpack:core/generate/context.go EnterSubContext, ExitSubContext).
    mutating func enterSubContext(_ name: String) { subContexts.append(name) }
    mutating func exitSubContext() { if !subContexts.isEmpty { subContexts.removeLast() } }

    // MARK: Steps

    /// The step name with any sub-contexts appended (railpack:core/generate/context.go GetStepName).
    func stepName(_ name: String) -> String {
        subContexts.isEmpty ? name : name + ":" + subContexts.joined(separator: ":")
    }

    /// Registers a command step at the end of the order, replacing one of the same name
    /// (railpack:core/generate/command_step_builder.go NewCommandStep). Fill in the copy, then `store` it.
    mutating func newCommandStep(_ name: String) -> CommandStepBuilder {
        let step = CommandStepBuilder(name: stepName(name))
        if let index = steps.firstIndex(where: { $0.name == step.name }) { steps.remove(at: index) }
        steps.append(.command(step))
        return step
    }

    /// Writes a step builder back in place (matched by name); a step not registered is appended.
    mutating func store(_ step: CommandStepBuilder) { replace(.command(step)) }
    mutating func store(_ step: MiseStepBuilder) { replace(.mise(step)) }
    mutating func store(_ step: InstallBinStepBuilder) { replace(.installBin(step)) }
    mutating func store(_ step: ImageStepBuilder) { replace(.image(step)) }

    private mutating func replace(_ builder: StepBuilder) {
        if let index = steps.firstIndex(where: { $0.name == builder.name }) { steps[index] = builder } else { steps.append(builder) }
    }

    func step(named name: String) -> StepBuilder? { steps.first { $0.name == name } }

    func commandStep(named name: String) -> CommandStepBuilder? {
        if case .command(let step)? = step(named: name) { return step }
        return nil
    }

    /// The main mise step, `packages:mise` (railpack:core/generate/context.go GetMiseStepBuilder).
    var mise: MiseStepBuilder {
        get { miseStep(named: MiseStepBuilder.mainName) ?? MiseStepBuilder(name: MiseStepBuilder.mainName) }
        set { store(newValue) }
    }

    func miseStep(named name: String) -> MiseStepBuilder? {
        if case .mise(let step)? = step(named: name) { return step }
        return nil
    }

    /// Another mise step, e.g. a runtime-only one (railpack:core/generate/mise_step_builder.go NewMiseStepBuilder).
    mutating func newMiseStep(_ name: String) -> MiseStepBuilder {
        let step = MiseStepBuilder(name: name)
        steps.append(.mise(step))
        return step
    }

    /// railpack:core/generate/install_bin_builder.go NewInstallBinStepBuilder
    mutating func newInstallBinStep(_ name: String) -> InstallBinStepBuilder {
        let step = InstallBinStepBuilder(name: stepName(name))
        steps.append(.installBin(step))
        return step
    }

    /// railpack:core/generate/image_step_builder.go NewImageStep
    mutating func newImageStep(_ name: String, resolveImage: @escaping @Sendable ([String: ResolvedPackage]) -> String) -> ImageStepBuilder {
        let step = ImageStepBuilder(name: stepName(name), resolveImage: resolveImage)
        steps.append(.image(step))
        return step
    }

    // MARK: Tool versions

    /// `MiseStepBuilder.Default`: a package already in the step keeps its version; otherwise it is
    /// (re)registered at `version` (railpack:core/generate/mise_step_builder.go Default).
    @discardableResult
    mutating func defaultMisePackage(_ name: String, _ version: String, step stepName: String = MiseStepBuilder.mainName) -> String {
        guard var step = miseStep(named: stepName) else { return name }
        if step.misePackages.contains(name) { return name }
        resolver.setDefault(name, version: version)
        step.misePackages.append(name)
        store(step)
        return name
    }

    /// `Version` (railpack:core/resolver/resolver.go): a later call wins.
    mutating func setVersion(_ name: String, _ version: String, source: String, origin: String? = nil) {
        resolver.setVersion(name, version, source: source, origin: origin)
    }

    mutating func skipMiseInstall(_ name: String) { resolver.setSkipMiseInstall(name) }

    /// `UseMiseVersions`: versions pinned by mise files in the app override those of the listed
    /// packages the step has (railpack:core/generate/mise_step_builder.go UseMiseVersions).
    mutating func useMiseVersions(_ names: [String], step stepName: String = MiseStepBuilder.mainName) {
        guard let step = miseStep(named: stepName) else { return }
        let pins = MiseVersionFiles.pins(in: app)
        for name in names {
            guard let pin = pins[name], step.misePackages.contains(name) else { continue }
            setVersion(name, pin.version, source: pin.file, origin: pin.file)
        }
    }

    /// Config packages seed the main mise step with source "custom config"
    /// (railpack:core/generate/context.go applyPackagesFromConfig).
    mutating func applyPackagesFromConfig() {
        for name in config.packages.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let version = config.packages[name] ?? ""
            defaultMisePackage(name, version)
            setVersion(name, version, source: "custom config", origin: configPackageOrigins[name] ?? "custom config")
        }
    }
}

extension RailpackLog {
    init(_ level: Level, _ message: String, docsPath: String) {
        self.init(level, message)
        self.docsPath = docsPath
    }
}
