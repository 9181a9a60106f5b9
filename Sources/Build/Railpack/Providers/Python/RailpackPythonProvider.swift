/// Railpack's Python provider (railpack:core/providers/python/python.go PythonProvider): tools
/// through mise, one install step per package manager, a build step over the whole context, and
/// a deploy of the mise tools, the virtualenv and the app.
struct RailpackPythonProvider: RailpackLanguageProvider {
    let name = "python"  // railpack:core/providers/python/python.go Name

    // railpack:core/providers/python/python.go constants
    static let defaultPythonVersion = "3.13"
    static let uvCacheDirectory = "/opt/uv-cache"
    static let pipCacheDirectory = "/opt/pip-cache"
    static let venvPath = "/app/.venv"
    static let localBinPath = "/root/.local/bin"
    static let playwrightCacheDirectory = "/root/.cache/ms-playwright"
    static let playwrightInstallVariable = "PYTHON_PLAYWRIGHT_INSTALL"

    /// A main file, requirements.txt, pyproject.toml or a Pipfile at the root (python.go Detect).
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool {
        let app = ctx.app
        return PythonProject.mainFileNames.contains { app.hasFile($0) } || app.hasFile("requirements.txt")
            || app.hasFile("pyproject.toml") || app.hasFile("Pipfile")
    }

    /// railpack:core/providers/python/python.go Plan
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        let project = PythonProject(app: ctx.app)
        installMisePackages(&ctx, project: project)

        var install = ctx.newCommandStep("install")
        addBuilderDependencies(&ctx, project: project)
        install.addInput(.step(ctx.mise.name))
        // Only the variables a Python install reads reach it as secrets.
        install.secrets = []
        install.useSecrets(withPrefixes: ["PYTHON", "PIP", "PIPX", "UV", "PDM", "POETRY"], from: ctx.env)

        var build = ctx.newCommandStep("build")
        var installOutputs: [String] = []
        switch project.packageManager {
        case .pip: installOutputs = installPip(&ctx, &install, project: project)
        case .uv:
            installOutputs = installUv(&ctx, &install, project: project)
            // The project itself needs its source, so it is installed in the build step.
            build.addCommand(.exec("uv sync --locked --no-dev --no-editable"))
        case .poetry: installOutputs = installPoetry(&ctx, &install, project: project)
        case .pdm: installOutputs = installPDM(&ctx, &install, project: project)
        case .pipenv: installOutputs = installPipenv(&ctx, &install, project: project)
        case .none: break
        }

        // Browsers are opt-in: automatic installs broke an existing user (python.go Plan).
        let installPlaywright = ctx.env.isConfigVariableTruthy(Self.playwrightInstallVariable)
        if project.usesProductionDependency("playwright"), !installPlaywright {
            ctx.logSuggestion("Set `RAILPACK_PYTHON_PLAYWRIGHT_INSTALL=1` to install Playwright browsers", docs: "/languages/python#playwright")
        }
        if installPlaywright {
            ctx.logInfo("Installing Playwright chromium browser")
            install.addCommand(.exec("playwright install --only-shell"))
            installOutputs.append(Self.playwrightCacheDirectory)
        }

        addMetadata(&ctx, project: project)

        build.addInput(.step(install.name))
        build.addInput(.local)

        let start = startCommand(&ctx, project: project)
        ctx.deploy.startCommand = start
        if !start.isEmpty { ctx.startCommandOrigin = "Railpack's Python provider" }
        ctx.deploy.variables.merge(Self.pythonEnvironment) { $1 }

        addRuntimeDependencies(&ctx, project: project)
        ctx.deploy.addInputs([
            ctx.mise.layer(app: ctx.app),
            .step(build.name, include: installOutputs),
            .step(build.name, include: ["."], exclude: [".venv"]),  // VENV_PATH without its /app/ prefix
        ])
        ctx.store(install)
        ctx.store(build)
    }

    /// railpack:core/providers/python/python.go StartCommandHelp
    var startCommandHelp: String {
        "To start your Python application, Railpack will automatically:\n\n"
            + "1. Start FastHTML projects with uvicorn\n"
            + "2. Start FastAPI projects with uvicorn\n"
            + "3. Start Flask projects with gunicorn\n"
            + "4. Start Django projects with the gunicorn production server\n\n"
            + "Otherwise, it will run the main.py or app.py file in your project root"
    }

    /// The six variables set for installs and the image (python.go GetPythonEnvVars).
    static let pythonEnvironment: [String: String] = [
        "PYTHONFAULTHANDLER": "1", "PYTHONUNBUFFERED": "1", "PYTHONHASHSEED": "random",
        "PYTHONDONTWRITEBYTECODE": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_DEFAULT_TIMEOUT": "100",
    ]

    /// `pythonPackageManager` (poetry > pdm > uv > pip, by lock file alone, so it can disagree with
    /// what is installed) and `pythonRuntime` metadata (python.go addMetadata, getRuntime).
    private func addMetadata(_ ctx: inout RailpackGenerateContext, project: PythonProject) {
        let manager = project.hasPoetryLock ? "poetry" : project.hasPdmLock ? "pdm" : project.hasUvLock ? "uv" : "pip"
        ctx.setMetadata("pythonPackageManager", manager)
        let runtime = project.isDjango ? "django" : project.usesDependency("flask") ? "flask"
            : project.usesDependency("fastapi") ? "fastapi" : project.usesDependency("python-fasthtml") ? "fasthtml" : "python"
        ctx.setMetadata("pythonRuntime", runtime)
    }
}
