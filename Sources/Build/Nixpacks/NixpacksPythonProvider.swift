import Snapshot

/// Nixpacks' Python provider (nixpacks:src/providers/python.rs): the setup phase (interpreter and
/// system packages), the install phase (a venv at /opt/venv and the package manager's command),
/// the start command and the variables, in the order python.rs computes them, since the first
/// failure ends the plan.
enum NixpacksPythonProvider {
    static let venv = "/opt/venv"                                                   // python.rs VENV_LOCATION
    static let poetryVersion = "1.3.1"                                              // python.rs POETRY_VERSION
    static let pdmVersion = "2.13.3"                                                // python.rs PDM_VERSION
    static let uvVersion = "0.4.30"                                                 // python.rs UV_VERSION

    /// python.rs `get_build_plan`.
    static func plan(_ app: NixpacksApp, environment: NixpacksEnvironment,
                     context: inout NixpacksPlanContext) throws(NixpacksPlanError) -> NixpacksPlan {
        var plan = NixpacksPlan()
        plan.addPhase(try setup(app, environment: environment, context: &context))
        plan.addPhase(install(app, environment: environment, warnings: &context.warnings))
        if let command = try start(app) { plan.start = NixpacksStartPhase(cmd: command) }
        plan.addVariables(defaultVariables)
        if app.includesFile("poetry.lock") {
            var version = poetryVersion
            if app.includesFile(".tool-versions"), let pinned = NixpacksToolVersions.parse(try app.readFile(".tool-versions"))["poetry"] {
                version = pinned                                                    // python.rs parse_tool_versions_poetry_version
            }
            plan.addVariables(["NIXPACKS_POETRY_VERSION": version])
        }
        if app.includesFile("pdm.lock") {
            plan.addVariables(["NIXPACKS_PDM_VERSION": pdmVersion])
        }
        if app.includesFile("uv.lock") {
            var version = uvVersion
            if app.includesFile(".tool-versions"), let pinned = NixpacksToolVersions.parse(try app.readFile(".tool-versions"))["uv"] {
                version = pinned                                                    // python.rs parse_tool_versions_uv_version
            }
            plan.addVariables(["NIXPACKS_UV_VERSION": version, "UV_PROJECT_ENVIRONMENT": venv])
        }
        return plan
    }

    /// python.rs `metadata`: the labels that follow "python" in NIXPACKS_METADATA.
    static func metadata(_ app: NixpacksApp) throws(NixpacksPlanError) -> [String] {
        var labels: [String] = []
        if try isDjango(app) { labels.append("django") }
        if try usesPostgres(app) { labels.append("postgres") }
        if app.includesFile("poetry.lock") { labels.append("poetry") }
        if app.includesFile("pdm.lock") { labels.append("pdm") }
        return labels
    }

    /// python.rs `default_python_environment_variables`.
    static let defaultVariables: [String: String] = [
        "PYTHONFAULTHANDLER": "1", "PYTHONUNBUFFERED": "1", "PYTHONHASHSEED": "random", "PYTHONDONTWRITEBYTECODE": "1",
        "PIP_NO_CACHE_DIR": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_DEFAULT_TIMEOUT": "100",
    ]

    /// python.rs `setup`.
    static func setup(_ app: NixpacksApp, environment: NixpacksEnvironment,
                      context: inout NixpacksPlanContext) throws(NixpacksPlanError) -> NixpacksPhase {
        let python = try NixpacksPythonVersion.resolve(app, environment: environment, warnings: &context.warnings)
        context.pythonPackage = python.package
        context.pythonVersionSource = python.source
        var packages = [python.package]
        if try usesPostgres(app) { packages.append("postgresql_16.dev") }
        if try isDjango(app), try usesMySQL(app) { packages.append("libmysqlclient.dev") }
        if app.includesFile("Pipfile") { packages.append("pipenv") }
        var setup = NixpacksPhase.setup(nil)
        setup.addNixPackages(packages)
        setup.nixpkgsArchive = python.archive
        if usesDependency(app, "cairo") { setup.addNixLibraries(["cairo"]) }
        if usesDependency(app, "pydub") { setup.addNixPackages(["ffmpeg-headless"]) }  // pydub shells out to ffmpeg
        if usesDependency(app, "pdf2image") { setup.addNixPackages(["poppler_utils"]) }  // pdf2image shells out to pdfinfo
        setup.addNixLibraries(["zlib", "stdenv.cc.cc.lib"])
        setup.addNixPackages(["gcc"])
        return setup
    }

    /// python.rs `install`: the manager from `NIXPACKS_PYTHON_PACKAGE_MANAGER` or the files.
    static func install(_ app: NixpacksApp, environment: NixpacksEnvironment, warnings: inout [String]) -> NixpacksPhase {
        guard let manager = NixpacksPythonPackageManager.resolve(app, environment: environment, warnings: &warnings) else {
            return NixpacksPhase.install(nil)
        }
        var install = NixpacksPhase.install(manager.installCommand(app))
        if manager == .setuptools { install.addFileDependency("pyproject.toml") }
        install.addPath("\(venv)/bin")
        for directory in manager.cacheDirectories { install.addCacheDirectory(directory) }
        return install
    }

    /// python.rs `start`: Django, then main.py, then the module pyproject.toml names. Django's WSGI
    /// lookup runs before any Procfile or configured command can override it, so its failure
    /// fails the plan regardless.
    static func start(_ app: NixpacksApp) throws(NixpacksPlanError) -> String? {
        if try isDjango(app) {
            return "python manage.py migrate && gunicorn \(try djangoApplication(app))"
        }
        if app.includesFile("main.py") { return "python main.py" }
        if app.includesFile("pyproject.toml"), let module = NixpacksPyproject.entryModule(app) {
            return "python -m \(module)"
        }
        return nil
    }

    /// python.rs `is_django`: a manage.py and "django" in a dependency file.
    static func isDjango(_ app: NixpacksApp) throws(NixpacksPlanError) -> Bool {
        app.includesFile("manage.py") && usesDependency(app, "django")
    }

    /// python.rs `is_using_postgres`: the Django engine string in any .py file, or psycopg.
    static func usesPostgres(_ app: NixpacksApp) throws(NixpacksPlanError) -> Bool {
        try NixpacksPatterns.anyFile(pythonFiles(app), in: app, matches: NixpacksPatterns.djangoPostgres, containing: "postgresql")
            || usesDependency(app, "psycopg2") || usesDependency(app, "psycopg")
    }

    /// python.rs `is_using_mysql` (django_psdb_engine is PlanetScale's MySQL engine).
    static func usesMySQL(_ app: NixpacksApp) throws(NixpacksPlanError) -> Bool {
        try NixpacksPatterns.anyFile(pythonFiles(app), in: app, matches: NixpacksPatterns.djangoMySQL, containing: "django")
    }

    /// python.rs `get_django_app_name`: the first `WSGI_APPLICATION = "<x>.application"` in walk order.
    static func djangoApplication(_ app: NixpacksApp) throws(NixpacksPlanError) -> String {
        for file in pythonFiles(app) {
            let text = try app.readFile(at: file)
            if NixpacksText.contains(text, "WSGI_APPLICATION = "),
               let groups = NixpacksPatterns.captures(NixpacksPatterns.wsgiApplication, text), groups.count > 1, let name = groups[1] {
                return name
            }
        }
        throw NixpacksPlanError(.nixpacks, "Failed to find your WSGI_APPLICATION django setting. Add this to continue.")
    }

    /// app.rs `find_files("/**/*.py")`: the pattern is absolute, so `Path::join` drops the app
    /// directory and every file under the walk whose path ends in `.py` matches.
    static func pythonFiles(_ app: NixpacksApp) -> [RepoPath] {
        app.walkFiles { $0.name.hasSuffix(".py") }
    }

    /// python.rs `uses_dep`: a lower-cased substring of requirements.txt, pyproject.toml or Pipfile
    /// (an unreadable file counts as empty), so "django" also matches "django-environ".
    static func usesDependency(_ app: NixpacksApp, _ dependency: String) -> Bool {
        ["requirements.txt", "pyproject.toml", "Pipfile"].contains { file in
            app.includesFile(file) && NixpacksText.contains(((try? app.readFile(file)) ?? "").lowercased(), dependency)
        }
    }
}
