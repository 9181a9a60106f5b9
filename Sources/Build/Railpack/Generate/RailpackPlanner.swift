import Railway
import Snapshot

/// What Railpack is asked to plan: a directory, its build environment and the CLI options, which
/// is where Railway puts a service's build and start commands (railpack:core/core.go
/// GenerateBuildPlanOptions; railway-platform.md §4, railpack issue #711).
public struct RailpackPlanRequest: Sendable {
    public var snapshot: RepoSnapshot
    /// The analysed directory (the service's Root Directory).
    public var root: RepoPath
    public var environment: RailpackEnvironment
    /// `--build-cmd` (Railway's build command).
    public var buildCommand: String?
    /// `--start-cmd` (Railway's start command).
    public var startCommand: String?
    /// Where `startCommand` comes from, for railsim's provenance.
    public var startCommandOrigin: String?
    /// `--config-file`, relative to the analysed directory.
    public var configFile: String?
    /// Baked into `deploy.variables.RAILPACK_VERSION`; Railpack's own snapshot tests use "dev"
    /// (railpack:core/core.go GenerateBuildPlan).
    public var railpackVersion: String
    /// `--error-missing-start`, which a comment in railpack:core/core.go says is "enabled on railway".
    public var errorMissingStartCommand: Bool
    /// `--previous name@version`.
    public var previousVersions: [String: String]
    /// The mise release Railpack's builder and runtime images are tagged with
    /// (railpack:core/mise/version.txt); `railsim plan --mise-version` overrides the emulated pin.
    public var miseVersion: String = RailpackRelease.miseVersion

    public init(snapshot: RepoSnapshot, root: RepoPath = .root, environment: RailpackEnvironment = RailpackEnvironment(),
                buildCommand: String? = nil, startCommand: String? = nil, startCommandOrigin: String? = nil, configFile: String? = nil,
                railpackVersion: String = RailpackRelease.version, errorMissingStartCommand: Bool = true,
                previousVersions: [String: String] = [:]) {
        self.snapshot = snapshot
        self.root = root
        self.environment = environment
        self.buildCommand = buildCommand
        self.startCommand = startCommand
        self.startCommandOrigin = startCommandOrigin
        self.configFile = configFile
        self.railpackVersion = railpackVersion
        self.errorMissingStartCommand = errorMissingStartCommand
        self.previousVersions = previousVersions
    }
}

/// Railpack's answer (railpack:core/core.go BuildResult), plus railsim's provenance.
public struct RailpackPlanResult: Sendable {
    /// The plan, when planning succeeded.
    public var plan: RailpackPlan?
    public var failure: RailpackPlanFailure?
    public var logs: [RailpackLog] = []
    /// Railpack's name of the provider whose detection matched (`Name()`: "python", "Elixir", …).
    public var detectedProvider: String?
    /// The provider that planned the app (the detected one, or config `provider`).
    public var provider: String?
    public var metadata: [String: String] = [:]
    public var resolvedPackages: [String: ResolvedPackage] = [:]
    /// Where `plan.deploy.startCommand` comes from, in railsim's words.
    public var startCommandOrigin: String?

    public var success: Bool { plan != nil }
}

/// Railpack's `GenerateBuildPlan`, step for step: config from three sources, the generate
/// context, the first matching provider, the Procfile pass, generation, the version variable,
/// disabled caches, validation (railpack:core/core.go GenerateBuildPlan).
public enum RailpackPlanner {
    public static func generate(_ request: RailpackPlanRequest) -> RailpackPlanResult {
        var result = RailpackPlanResult()
        let app = RailpackApp(snapshot: request.snapshot, root: request.root)
        var logs: [RailpackLog] = []
        let config: RailpackConfig
        let origins: ConfigOrigins
        do throws(RailpackPlanFailure) {
            (config, origins) = try RailpackConfigLoader.load(app: app, env: request.environment, request: request, logs: &logs)
        } catch {
            return failed(error, logs: logs + [RailpackLog(.error, error.message)])
        }

        var ctx: RailpackGenerateContext
        do throws(RailpackPlanFailure) {
            ctx = try RailpackGenerateContext(app: app, env: request.environment, config: config,
                                              configPackageOrigins: origins.packages, logs: logs)
        } catch {
            return failed(error, logs: logs + [RailpackLog(.error, error.message)])
        }
        ctx.resolver.previousVersions = request.previousVersions

        let (chosen, detected) = chooseProvider(&ctx, config: config)
        result.detectedProvider = detected
        result.provider = chosen?.name
        ctx.setMetadata("providers", detected ?? "")

        if let provider = chosen {
            do throws(RailpackPlanFailure) {
                try provider.plan(&ctx)
            } catch {
                ctx.logError(error.message)
                var failedResult = failed(error, logs: ctx.logs)
                failedResult.detectedProvider = detected
                failedResult.provider = provider.name
                return failedResult
            }
        }
        do throws(RailpackPlanFailure) {
            try RailpackProcfile.apply(&ctx)
        } catch {
            ctx.logError(error.message)
            var failedResult = failed(error, logs: ctx.logs)
            failedResult.detectedProvider = detected
            failedResult.provider = chosen?.name
            return failedResult
        }
        if let start = config.deploy?.startCommand, !start.isEmpty { ctx.startCommandOrigin = origins.startCommand }

        var (plan, resolved) = ctx.generate()
        // The builder version is baked into the runtime image for observability (core.go).
        plan.deploy.variables["RAILPACK_VERSION"] = request.railpackVersion
        chosen?.cleansePlan(&plan)
        disableCaches(&plan, ctx: &ctx)

        result.metadata = ctx.metadata
        result.resolvedPackages = resolved
        if let failure = RailpackValidation.validate(plan, ctx: &ctx, provider: chosen, errorMissingStartCommand: request.errorMissingStartCommand) {
            result.failure = failure
            result.logs = ctx.logs
            return result
        }
        result.plan = plan.pinningMise(request.miseVersion)
        result.logs = ctx.logs
        result.startCommandOrigin = plan.deploy.startCommand.isEmpty ? nil : ctx.startCommandOrigin
        return result
    }

    private static func failed(_ failure: RailpackPlanFailure, logs: [RailpackLog]) -> RailpackPlanResult {
        var result = RailpackPlanResult()
        result.failure = failure
        result.logs = logs
        return result
    }

    /// Detection runs in order and stops at the first match; a provider that fails to initialise
    /// is skipped with a warning. A config `provider` is used instead when it names a known one
    /// (railpack:core/core.go getProviders).
    static func chooseProvider(_ ctx: inout RailpackGenerateContext, config: RailpackConfig) -> ((any RailpackLanguageProvider)?, String?) {
        var chosen: (any RailpackLanguageProvider)? = nil
        var detected: String? = nil
        for var provider in RailpackProviders.languageProviders() where provider.detect(&ctx) {
            detected = provider.name
            if config.provider == nil {
                do throws(RailpackPlanFailure) {
                    try provider.initialize(&ctx)
                } catch {
                    ctx.logWarn("Failed to initialize provider `\(provider.name)`: \(error.message)")
                    continue
                }
                ctx.logInfo("Detected \(RailpackValidation.capitalizedFirst(provider.name))")
                chosen = provider
            }
            break
        }
        if let name = config.provider {
            guard var provider = RailpackProviders.provider(named: name) else {
                ctx.logWarn("Provider `\(name)` not found")
                return (chosen, detected)
            }
            do throws(RailpackPlanFailure) {
                try provider.initialize(&ctx)
            } catch {
                ctx.logWarn("Failed to initialize provider `\(name)`: \(error.message)")
                return (chosen, detected)
            }
            ctx.logInfo("Using provider \(RailpackValidation.capitalizedFirst(name)) from config")
            chosen = provider
        }
        return (chosen, detected)
    }

    /// `RAILPACK_DISABLE_CACHES`: named caches go, `*` removes them all (railpack:core/core.go disablePlanCaches).
    static func disableCaches(_ plan: inout RailpackPlan, ctx: inout RailpackGenerateContext) {
        guard let disabled = ctx.env.configVariableList("DISABLE_CACHES") else { return }
        if disabled.count > 1 && disabled.contains("*") {
            ctx.logWarn("RAILPACK_DISABLE_CACHES contains `*`; all other cache keys will be ignored.")
        }
        if disabled.contains("*") {
            plan.caches = [:]
            for index in plan.steps.indices { plan.steps[index].caches = [] }
            return
        }
        for name in disabled { plan.caches[name] = nil }
        for index in plan.steps.indices { plan.steps[index].caches.removeAll { disabled.contains($0) } }
    }
}
