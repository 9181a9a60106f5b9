/// The install step per package manager: caches, variables, copies of the install files and the
/// install command, each returning what of the build reaches the image (railpack:core/providers/python/python.go
/// InstallPip, InstallUv, InstallPoetry, InstallPDM, InstallPipenv).
extension RailpackPythonProvider {
    typealias Provider = RailpackPythonProvider

    func installPip(_ ctx: inout RailpackGenerateContext, _ install: inout CommandStepBuilder, project: PythonProject) -> [String] {
        ctx.logInfo("Using pip")
        install.addCache(ctx.caches.addCache("pip", directory: Provider.pipCacheDirectory))
        install.addEnvVars(Provider.pythonEnvironment)
        install.addEnvVars(["PIP_CACHE_DIR": Provider.pipCacheDirectory, "VIRTUAL_ENV": Provider.venvPath])
        install.addCommands([.exec("python -m venv \(Provider.venvPath)"), .path(Provider.venvPath + "/bin")])
        copyInstallFiles(&install, project: project)
        install.addCommand(.exec("pip install -r requirements.txt"))
        return [Provider.venvPath]
    }

    func installUv(_ ctx: inout RailpackGenerateContext, _ install: inout CommandStepBuilder, project: PythonProject) -> [String] {
        ctx.logInfo("Using uv")
        install.addCache(ctx.caches.addCache("uv", directory: Provider.uvCacheDirectory))
        install.addEnvVars(["UV_COMPILE_BYTECODE": "1", "UV_LINK_MODE": "copy", "UV_CACHE_DIR": Provider.uvCacheDirectory,
                            "UV_PYTHON_DOWNLOADS": "never", "VIRTUAL_ENV": Provider.venvPath])
        install.addEnvVars(Provider.pythonEnvironment)
        copyInstallFiles(&install, project: project)
        // Without the project source the lock's frozen check would fail for workspace members,
        // which is why those get the whole context (copyInstallFiles) and the project is
        // installed in the build step.
        install.addCommands([.path(Provider.localBinPath), .path(Provider.venvPath + "/bin"),
                             .exec("uv sync --locked --no-dev --no-install-project")])
        return [Provider.venvPath]
    }

    func installPipenv(_ ctx: inout RailpackGenerateContext, _ install: inout CommandStepBuilder, project: PythonProject) -> [String] {
        ctx.logInfo("Using pipenv")
        install.addEnvVars(Provider.pythonEnvironment)
        install.addEnvVars(["PIPENV_CHECK_UPDATE": "false", "PIPENV_VENV_IN_PROJECT": "1", "PIPENV_IGNORE_VIRTUALENVS": "1"])
        install.addCommands([.path(Provider.localBinPath), .path(Provider.venvPath + "/bin")])
        if ctx.app.hasFile("Pipfile.lock") {
            install.addCommands([.copy("Pipfile"), .copy("Pipfile.lock"), .exec("pipenv install --deploy --ignore-pipfile")])
        } else {
            install.addCommands([.copy("Pipfile"), .exec("pipenv install --skip-lock")])
        }
        return [Provider.venvPath]
    }

    func installPDM(_ ctx: inout RailpackGenerateContext, _ install: inout CommandStepBuilder, project: PythonProject) -> [String] {
        ctx.logInfo("Using pdm")
        install.addEnvVars(Provider.pythonEnvironment)
        install.addEnvVars(["PDM_CHECK_UPDATE": "false"])
        copyInstallFiles(&install, project: project)
        install.addCommands([.path(Provider.localBinPath), .path(Provider.venvPath + "/bin"), .exec("pdm install --check --prod --no-editable")])
        return [Provider.venvPath]
    }

    func installPoetry(_ ctx: inout RailpackGenerateContext, _ install: inout CommandStepBuilder, project: PythonProject) -> [String] {
        ctx.logInfo("Using poetry")
        install.addEnvVars(Provider.pythonEnvironment)
        install.addEnvVars(["VIRTUAL_ENV": Provider.venvPath, "POETRY_VIRTUALENVS_PATH": Provider.venvPath, "POETRY_VIRTUALENVS_IN_PROJECT": "true"])
        copyInstallFiles(&install, project: project)
        install.addCommands([.path(Provider.localBinPath), .path(Provider.venvPath + "/bin"),
                             .exec("poetry install --no-interaction --no-ansi --only main --no-root")])
        return [Provider.venvPath]
    }

    /// Copies the root install files that exist, in a fixed order, or, when local packages are
    /// referenced, makes the whole context an input instead (python.go copyInstallFiles).
    func copyInstallFiles(_ install: inout CommandStepBuilder, project: PythonProject) {
        if installNeedsAllFiles(project.app) {
            install.addInput(.local)
            return
        }
        for file in ["requirements.txt", "pyproject.toml", "Pipfile", "poetry.lock", "uv.lock", "pdm.lock"] {
            for match in project.app.findFiles(file) { install.addCommand(.copy(match)) }
        }
    }

    /// `file://` in requirements.txt (which alone decides when present), or in pyproject.toml
    /// `file://`, `path = ` or a `[tool.uv.workspace]` table (python.go installNeedsAllFiles).
    func installNeedsAllFiles(_ app: RailpackApp) -> Bool {
        if let requirements = app.readFile("requirements.txt") { return requirements.contains("file://") }
        if let pyproject = app.readFile("pyproject.toml"), pyproject.contains("file://") || pyproject.contains("path = ") { return true }
        let tool = app.readTOML("pyproject.toml")?.members?.first { $0.key == "tool" }?.value.members
        let uv = tool?.first { $0.key == "uv" }?.value.members
        return uv?.contains { $0.key == "workspace" } ?? false
    }
}
