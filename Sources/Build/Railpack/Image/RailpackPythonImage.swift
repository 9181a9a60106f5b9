import Railway
import Snapshot

/// The runtime image of a Python app, derived from its Railpack plan so the predicted start-up
/// and the plan cannot disagree: the deploy layers decide what is under /app, whether the
/// virtualenv and the mise Python are there, the environment, and the command.
enum RailpackPythonImage {
    struct Derived {
        var image: Image
        var notes: [BuildNote] = []
        var assumptions: [Assumption] = []
        /// Lines for the build log (the project installs).
        var log: [String] = []
        /// A project install whose build backend stops the build.
        var failure: BuildFailure?
    }

    static func derive(plan: RailpackPlan, planned: RailpackPlanResult, project: PythonProject) -> Derived {
        let app = project.app
        let root = app.root
        let snapshot = app.snapshot
        let (version, versionSource) = pythonVersion(planned)
        let prefix = "/mise/installs/python/\(version)"
        let python = PythonInstallation(version: version, prefix: prefix, siteDirectories: ["\(prefix)/lib/python\(version.short)/site-packages"],
                                        versionSource: versionSource)
        var notes: [BuildNote] = []
        var assumptions: [Assumption] = []
        if version.patch == nil {
            assumptions.append(Assumption(
                name: "railpack-python-patch", value: version.short, alternatives: ["the newest \(version.short).x at build time"],
                evidence: "mise resolves Railpack's Python \(version.short) to the newest patch release at least 14 days old (railpack core/mise minimum_release_age), which cannot be known offline; paths show \(prefix)"))
        }

        var fileSystem = ImageFileSystem(snapshot: snapshot)
        let manager = project.packageManager
        var venv: VirtualEnvironment? = nil
        var venvStep: String? = nil
        var distributions: [InstalledDistribution] = []
        for layer in plan.deploy.inputs where !layer.step.isEmpty {
            if layer.include.contains("/mise/installs") {
                // The mise layer: the Python install and its shims (core/generate/mise_step_builder.go GetOutputPaths).
                fileSystem.addNodes(InterpreterLayout.nodes(prefix: prefix, version: version, origin: "mise python \(version)", withPythonLink: true))
                fileSystem.addNodes(["/mise/shims/python": .file(.baseImage("mise shim")), "/mise/shims/python3": .file(.baseImage("mise shim"))])
            }
            if layer.include.contains(RailpackPythonProvider.venvPath), manager != .none {
                let environment = VirtualEnvironment(path: RailpackPythonProvider.venvPath, version: version)
                fileSystem.addNodes(InterpreterLayout.venvNodes(environment, base: python, createdBy: "python -m venv \(environment.path)"))
                distributions = installedDistributions(manager, app: app, sitePackages: environment.sitePackages, python: version, notes: &notes)
                fileSystem.addNodes(PythonDependencies.nodes(for: distributions, binDirectory: environment.path + "/bin"))
                venv = environment
                venvStep = layer.step
            }
            if layer.include.contains("."), RailpackImageEnvironment.hasLocalContext(layer.step, in: plan) {
                fileSystem.add(contextLayer(plan: plan, layerExclude: layer.exclude, snapshot: snapshot, root: root))
            }
        }
        if manager == .none, project.hasPyproject, let path = app.path("pyproject.toml") { notes.append(.pyprojectWithoutLock(path)) }

        var image = Image(fileSystem: fileSystem, base: plan.deploy.base.image.isEmpty ? RailpackRelease.runtimeImage : plan.deploy.base.image)
        image.python = python
        image.virtualEnvironment = venv
        image.distributions = distributions
        // railpack:buildkit/convert.go ConvertPlanToLLB: WorkingDir /app, `bash -c <start>`.
        image.workingDirectory = "/app"
        image.entrypoint = ["/bin/bash", "-c"]
        for (name, value) in RailpackImageEnvironment.variables(of: plan) { image.setEnvironment(name, value) }
        image.environment.sort { $0.name < $1.name }

        var derived = Derived(image: image, notes: notes, assumptions: assumptions)
        if let venv, let venvStep {
            // The build step sees the context minus plan.exclude (its local input), not the deploy layer's excludes.
            let context = contextLayer(plan: plan, layerExclude: [], snapshot: snapshot, root: root)
            for step in RailpackProjectInstall.steps(plan: plan, venvStep: venvStep, app: app, venv: venv, context: context) {
                let applied = step.apply(to: &derived.image)
                derived.log += applied.log
                derived.notes += applied.notes
                if let failure = applied.failure {
                    derived.failure = failure
                    break
                }
            }
        }
        return derived
    }

    /// The build context at /app as a step sees it: `include: ["."]` copies the step's /app, i.e.
    /// the context minus `plan.exclude` (.dockerignore + config) and the layer's own excludes
    /// (railpack:buildkit/convert.go, build_llb/layers.go). Both are walked as fsutil sends the
    /// context (filter.go Walk) and copies a layer (copy/copy.go, also MatchesUsingParentResults),
    /// see DockerContextFilter: a `!` exception below an excluded directory is kept.
    static func contextLayer(plan: RailpackPlan, layerExclude: [String], snapshot: RepoSnapshot, root: RepoPath) -> ImageFileSystem.Layer {
        let contextRules = (try? DockerPatternMatcher(patterns: plan.exclude)).flatMap { try? DockerContextFilter(matcher: $0, snapshot: snapshot, root: root) }
        let layerRules = (try? DockerPatternMatcher(patterns: layerExclude)).flatMap { try? DockerContextFilter(matcher: $0, snapshot: snapshot, root: root) }
        return .mount(target: "/app", source: root, excluded: ExcludedPaths { path in
            guard let relative = path.relative(to: root), !relative.isRoot else { return false }
            return contextRules?.keeps(relative) == false || layerRules?.keeps(relative) == false
        })
    }

    /// The version mise is asked for, with railsim's provenance. A request mise alone can resolve
    /// (`latest`, a range) is shown as Railpack's default series.
    static func pythonVersion(_ planned: RailpackPlanResult) -> (PythonVersion, String) {
        let fallback = PythonVersion(3, 13)  // railpack:core/providers/python/python.go DEFAULT_PYTHON_VERSION
        guard let package = planned.resolvedPackages["python"] else { return (fallback, defaultSource) }
        let source = package.origin == PackageResolver.defaultSource ? defaultSource : package.origin
        guard let version = PythonVersion(parsing: package.resolvedVersion) else {
            return (fallback, "\(source) asks for \"\(package.requestedVersion)\", which mise resolves at build time; railsim assumes 3.13")
        }
        return (version, source)
    }

    static let defaultSource = "Railpack's default Python (python.go DEFAULT_PYTHON_VERSION)"

    static func installedDistributions(_ manager: PythonProject.PackageManager, app: RailpackApp, sitePackages: String,
                                       python: PythonVersion?, notes: inout [BuildNote]) -> [InstalledDistribution] {
        func path(_ name: String) -> RepoPath { app.path(name) ?? app.root }
        switch manager {
        case .pip:
            // `python -m venv` bootstraps pip into the venv (ensurepip).
            return [InstalledDistribution(name: "pip", importNames: ["pip"], nameRule: .catalogue, sitePackages: sitePackages, requiredAt: nil)]
                + PythonDependencies.fromRequirements(path("requirements.txt"), in: app.snapshot, sitePackages: sitePackages, python: python, notes: &notes)
        case .uv: return PythonDependencies.fromLockFile(path("uv.lock"), in: app.snapshot, sitePackages: sitePackages, notes: &notes)
        case .poetry: return PythonDependencies.fromLockFile(path("poetry.lock"), in: app.snapshot, sitePackages: sitePackages, notes: &notes)
        case .pdm: return PythonDependencies.fromLockFile(path("pdm.lock"), in: app.snapshot, sitePackages: sitePackages, notes: &notes)
        case .pipenv: return PythonDependencies.fromPipfile(path("Pipfile"), in: app.snapshot, sitePackages: sitePackages, python: python, notes: &notes)
        case .none: return []
        }
    }
}
