import Railway
import Snapshot
import Testing
@testable import Build

/// Resolve + build an in-memory repository (shared by the Build-stage suites).
enum BT {
    static func build(_ files: [String: String], root: String = "/", variables: [String: String] = [:], startCommand: String? = nil,
                      builder: BuilderKind? = nil) throws -> BuildResult {
        let settings = ServiceSettings(name: "svc", rootDirectory: root,
                                       variables: variables.sorted { $0.key < $1.key }.map { ServiceVariable(name: $0.key, value: $0.value) },
                                       builder: builder, startCommand: startCommand)
        let snapshot = RepoSnapshot.inMemory(files)
        return ImageBuilder.build(try ServiceResolver.resolve(settings, in: snapshot, options: .testDay), snapshot: snapshot)
    }

    static func start(_ result: BuildResult) -> String? { result.startCommand?.display }

    static func env(_ result: BuildResult) -> [String: String] {
        Dictionary(result.image?.environment.map { ($0.name, $0.value) } ?? [], uniquingKeysWith: { $1 })
    }
}

/// Railpack provider detection and the Python provider (railpack.md §1.6, §2; rules 1–3, 8–11, 15–17).
@Suite struct RailpackTests {
    @Test(arguments: [
        (["index.php": ""], "php"), (["composer.json": "{}"], "php"),
        (["go.mod": "module x"], "golang"), (["go.work": ""], "golang"), (["main.go": ""], "golang"),
        (["pom.xml": ""], "java"), (["gradlew": ""], "java"), (["pom.yaml": ""], "java"),
        (["Cargo.toml": ""], "rust"), (["Gemfile": ""], "ruby"), (["mix.exs": ""], "elixir"),
        (["main.py": ""], "python"), (["deno.json": "{}"], "deno"), (["deno.jsonc": "{}"], "deno"),
        (["App.csproj": ""], "dotnet"), (["package.json": "{}"], "node"), (["gleam.toml": ""], "gleam"),
        (["CMakeLists.txt": ""], "cpp"), (["meson.build": ""], "cpp"),
        (["index.html": ""], "staticfile"), (["public/index.html": ""], "staticfile"), (["Staticfile": "root: dist\n"], "staticfile"),
        (["start.sh": "#!/bin/bash\n"], "shell"),
    ])
    func everyProviderIsDetected(files: [String: String], provider: String) throws {
        let result = try BT.build(files)
        #expect(result.plan.provider == provider)
        if provider != "python" {
            // Planned by its own provider; start-up is simulated for Python only, and an app with
            // nothing to start fails for want of a start command first (as on Railway).
            #expect(result.failure?.kind == .unsupported || result.failure?.kind == .noStartCommand)
            #expect(result.notes.contains { if case .nonPythonProvider = $0 { return true }; return false })
        }
    }

    @Test(arguments: [
        // railpack:core/providers/provider.go order; ruby above python on purpose (commit 28d29884).
        (["main.py": "", "requirements.txt": "flask\n", "Gemfile": ""], "ruby"),
        (["main.py": "", "go.mod": ""], "golang"),
        (["app.py": "", "main.go": ""], "golang"),
        (["requirements.txt": "", "composer.json": "{}"], "php"),
        (["main.py": "", "Cargo.toml": ""], "rust"),
        (["main.py": "", "mix.exs": ""], "elixir"),
        (["main.py": "", "pom.xml": ""], "java"),
        (["main.py": "", "package.json": "{}"], "python"),
        (["requirements.txt": "", "deno.json": "{}", "index.html": ""], "python"),
        (["deno.json": "{}", "package.json": "{}"], "deno"),
        (["package.json": "{}", "index.html": "", "start.sh": ""], "node"),
        (["index.html": "", "start.sh": ""], "staticfile"),
        (["CMakeLists.txt": "", "gleam.toml": ""], "gleam"),
    ])
    func detectionOrder(files: [String: String], provider: String) throws {
        #expect(try BT.build(files).plan.provider == provider)
    }

    @Test(arguments: ["main.py", "app.py", "start.py", "bot.py", "hello.py", "server.py", "requirements.txt", "pyproject.toml", "Pipfile"])
    func pythonDetectionFiles(name: String) throws {
        #expect(try BT.build([name: ""]).plan.provider == "python")
    }

    @Test(arguments: [
        ["setup.py": ""], ["uv.lock": ""], ["runtime.txt": "python-3.11"], ["src/main.py": ""], ["README.md": ""],
        ["Staticfile": "# no root\n"], ["dotnet/App.csproj": ""],
    ])
    func noProvider(files: [String: String]) throws {
        let result = try BT.build(files)
        #expect(result.failure == BuildFailure(.noProvider, message: "Railpack could not determine how to build the app."))
        #expect(result.image == nil)
    }

    @Test func versionFileAloneFailsForWantOfAStartCommand() throws {
        // No provider, but the mise step copies .python-version and runs `mise install`, so the
        // plan has a command (railpack:core/generate/mise_step_builder.go Build;
        // core/validate.go validateCommands) and fails on the missing start command instead.
        let result = try BT.build([".python-version": "3.12"])
        #expect(result.failure == BuildFailure(.noStartCommand, message: "No start command detected. Specify a start command: https://railpack.com/config/file#deploy"))
        #expect(result.railpackPlan?.steps.map(\.name) == ["packages:mise"])
    }

    @Test func emptyRootDirectoryHasNoProvider() throws {
        let result = try BT.build(["api/main.py": "", "web/x.txt": ""], root: "web")
        #expect(result.failure?.kind == .noProvider)
    }

    @Test func providerDetectionLooksAtTheRootDirectoryOnly() throws {
        let result = try BT.build(["Gemfile": "", "api/main.py": ""], root: "/api")
        #expect(result.plan.provider == "python")
    }

    @Test(arguments: [
        (["requirements.txt": "", "pyproject.toml": "", "uv.lock": ""], "pip"),
        (["pyproject.toml": "", "uv.lock": ""], "uv"),
        (["pyproject.toml": "", "uv.lock": "", "poetry.lock": ""], "uv"),
        (["pyproject.toml": "", "poetry.lock": ""], "poetry"),
        (["pyproject.toml": "", "pdm.lock": ""], "pdm"),
        (["Pipfile": ""], "pipenv"),
        (["pyproject.toml": "", "Pipfile": ""], "pipenv"),
        (["uv.lock": "", "main.py": ""], "none"),
        (["pyproject.toml": ""], "none"),
        (["main.py": "", "setup.py": ""], "none"),
    ])
    func packageManagerChoice(files: [String: String], manager: String) throws {
        // python.go Plan: the first matching branch wins (railpack.md §2.2).
        var files = files
        files["main.py"] = ""
        #expect(try BT.build(files).plan.packageManager == manager)
    }

    @Test func pipenvWithAndWithoutLock() throws {
        #expect(try BT.build(["Pipfile": "", "main.py": ""]).plan.installCommands == ["pipenv install --skip-lock"])
        #expect(try BT.build(["Pipfile": "", "Pipfile.lock": "{}", "main.py": ""]).plan.installCommands == ["pipenv install --deploy --ignore-pipfile"])
    }

    @Test(arguments: [
        (["main.py": "", "requirements.txt": "fastapi\nuvicorn[standard]\n"], "uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}"),
        (["app.py": "", "requirements.txt": "fastapi\nuvicorn\n"], "uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}"),
        (["server.py": "", "requirements.txt": "Flask==3.0\ngunicorn\n"], "gunicorn --bind 0.0.0.0:${PORT:-8000} main:app"),
        (["main.py": "", "requirements.txt": "flask\n"], "python main.py"),
        (["main.py": "", "requirements.txt": "fastapi\n"], "python main.py"),
        (["main.py": "", "requirements.txt": "fastapi\nflask\ngunicorn\nuvicorn\n"], "gunicorn --bind 0.0.0.0:${PORT:-8000} main:app"),
        (["main.py": "", "requirements.txt": "python-fasthtml\nuvicorn\n"], "uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}"),
        // usesDep is a case-insensitive substring search over every manifest, comments included.
        (["app.py": "", "requirements.txt": "fastapi-ipware\n# UVICORN later\n"], "uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}"),
        (["main.py": "", "requirements.txt": "uvicorn\n", "docs/requirements.txt": "fastapi\n"], "uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}"),
        (["bot.py": "", "start.py": ""], "python start.py"),
        (["hello.py": "", "server.py": ""], "python hello.py"),
        (["app.py": "", "main.py": ""], "python main.py"),
    ])
    func providerStartCommand(files: [String: String], command: String) throws {
        let result = try BT.build(files)
        #expect(result.failure == nil)
        #expect(BT.start(result) == command)
        #expect(result.startCommand?.form == .shell(interpreter: ["/bin/bash", "-c"], command: command))
        #expect(result.startCommand?.source == "Railpack's Python provider")
    }

    static let django: [String: String] = [
        "manage.py": "", "requirements.txt": "Django>=5\ngunicorn\n",
        "mysite/settings.py": "DEBUG = False\nWSGI_APPLICATION = 'mysite.wsgi.application'\n", "mysite/wsgi.py": "",
    ]

    @Test func djangoCommand() throws {
        let result = try BT.build(Self.django)
        #expect(BT.start(result) == "python manage.py migrate && gunicorn --bind 0.0.0.0:${PORT:-8000} mysite.wsgi:application")
        #expect(result.log.contains("↳ Using Django app: mysite.wsgi"))
        var named = Self.django
        named["mysite/settings.py"] = "WSGI_APPLICATION = \"config.wsgi.application\"\n"
        #expect(BT.start(try BT.build(named, variables: ["RAILPACK_DJANGO_APP_NAME": "other.wsgi"]))
                == "python manage.py migrate && gunicorn --bind 0.0.0.0:${PORT:-8000} other.wsgi:application")
        #expect(BT.start(try BT.build(named)) == "python manage.py migrate && gunicorn --bind 0.0.0.0:${PORT:-8000} config.wsgi:application")
    }

    @Test func djangoLosesToFlaskAndFallsBackWithoutWSGI() throws {
        var flask = Self.django
        flask["main.py"] = ""
        flask["requirements.txt"] = "django\nflask\ngunicorn\n"
        #expect(BT.start(try BT.build(flask)) == "gunicorn --bind 0.0.0.0:${PORT:-8000} main:app")
        var noWSGI = Self.django
        noWSGI["mysite/settings.py"] = "DEBUG = True\n"
        noWSGI["app.py"] = ""
        #expect(BT.start(try BT.build(noWSGI)) == "python app.py")
    }

    @Test func noStartCommand() throws {
        // railpack:core/validate.go; fatal on Railway (--error-missing-start).
        for files in [["requirements.txt": "requests\n"], ["pyproject.toml": "[project]\nname = \"x\"\n"], Self.django.merging(["mysite/settings.py": ""]) { $1 }] {
            let result = try BT.build(files)
            #expect(result.failure == BuildFailure(.noStartCommand, message: "No start command detected. Specify a start command: https://railpack.com/config/file#deploy"))
            #expect(result.startCommand == nil)
        }
    }

    @Test func startCommandPrecedence() throws {
        // Procfile > provider; RAILPACK_START_CMD > Procfile; railpack.json > RAILPACK_START_CMD
        // (railpack.md rule 10); Railway's own start command is used over all of them.
        var files = ["main.py": "", "Procfile": "release: python migrate.py\nworker: python worker.py\nweb: gunicorn app:app\n"]
        var result = try BT.build(files)
        #expect(BT.start(result) == "gunicorn app:app")
        #expect(result.startCommand?.source == "Procfile:3 (web)")
        files["Procfile"] = "release: python migrate.py\nworker: python worker.py\n"
        #expect(BT.start(try BT.build(files)) == "python worker.py")
        files["Procfile"] = "release: python migrate.py\n"
        #expect(BT.start(try BT.build(files)) == "python migrate.py")
        result = try BT.build(files, variables: ["RAILPACK_START_CMD": "  python env.py  "])
        #expect(BT.start(result) == "python env.py")
        files["railpack.json"] = "{\n  // JSONC comments are allowed\n  \"deploy\": {\"startCommand\": \"python file.py\",},\n}\n"
        result = try BT.build(files, variables: ["RAILPACK_START_CMD": "python env.py"])
        #expect(BT.start(result) == "python file.py")
        #expect(result.startCommand?.source == "railpack.json")
        result = try BT.build(files, variables: ["RAILPACK_START_CMD": "python env.py"], startCommand: "python railway.py")
        #expect(BT.start(result) == "python railway.py")
        #expect(result.startCommand?.source == "service settings")
        #expect(result.image?.cmd == ["python railway.py"])
        #expect(result.image?.entrypoint == ["/bin/bash", "-c"])
    }

    @Test func railpackConfigFileVariable() throws {
        let files = ["main.py": "", "deploy/railpack.prod.json": #"{"deploy": {"startCommand": "python prod.py"}}"#]
        let result = try BT.build(files, variables: ["RAILPACK_CONFIG_FILE": "deploy/railpack.prod.json"])
        #expect(BT.start(result) == "python prod.py")
        #expect(result.startCommand?.source == "deploy/railpack.prod.json")
        // A named file that is missing is a hard failure (core.go GenerateConfigFromFile).
        let missing = try BT.build(["api/main.py": ""], root: "api", variables: ["RAILPACK_CONFIG_FILE": "railpack.prod.json"])
        #expect(missing.failure == BuildFailure(.configInvalid, message: "config file \"/api/railpack.prod.json\" not found"))
    }

    @Test func invalidRailpackJSONFailsTheBuild() throws {
        let result = try BT.build(["main.py": "", "railpack.json": "{\n  \"deploy\": {\"startCommand\": }\n}"])
        #expect(result.failure?.kind == .configInvalid)
        #expect(result.failure?.message.hasPrefix("Failed to read config file `railpack.json`") == true)
        #expect(result.failure?.location?.description == "railpack.json:2")
    }

    @Test(arguments: [
        ([".python-version": "3.11.11\n"], [String: String](), "3.11.11", ".python-version"),
        ([".python-version": "# pinned\n3.12\n"], [:], "3.12", ".python-version"),
        ([".tool-versions": "nodejs 20\npython 3.10.4\n"], [:], "3.10.4", ".tool-versions"),
        (["mise.toml": "[tools]\npython = \"3.14\"\n"], [:], "3.14", "mise.toml"),
        (["runtime.txt": "python-3.11.4\n"], [:], "3.11.4", "runtime.txt"),
        (["Pipfile": "[requires]\npython_version = \"3.9\"\npython_full_version = \"3.9.18\"\n"], [:], "3.9.18", "Pipfile python_full_version"),
        (["Pipfile": "[requires]\npython_version = \"3.10\"\n"], [:], "3.10", "Pipfile python_version"),
        (["pyproject.toml": "[project]\nrequires-python = \">=3.9\"\n"], [:], "3.13", "Railpack's default Python (python.go DEFAULT_PYTHON_VERSION)"),
        (["runtime.txt": "python-3.11.4\n", ".python-version": "3.12\n"], [:], "3.12", ".python-version"),
        ([".python-version": "3.12\n"], ["RAILPACK_PYTHON_VERSION": "3.10"], "3.10", "RAILPACK_PYTHON_VERSION"),
        ([".python-version": "3.12\n"], ["RAILPACK_PYTHON_VERSION": "3.10", "RAILPACK_PACKAGES": "node@22 python@3.11"], "3.11", "RAILPACK_PACKAGES"),
        (["railpack.json": #"{"packages": {"python": "3.9"}}"#], ["RAILPACK_PACKAGES": "python@3.11"], "3.9", "railpack.json packages.python"),
    ])
    func pythonVersionPrecedence(files: [String: String], variables: [String: String], version: String, source: String) throws {
        var files = files
        files["main.py"] = ""
        let result = try BT.build(files, variables: variables)
        let python = try #require(result.image?.python)
        #expect(python.version.description == version)
        #expect(python.versionSource == source)
        #expect(python.prefix == "/mise/installs/python/\(version)")
        #expect(result.image?.fileSystem.isFile("/mise/installs/python/\(version)/bin/python\(python.version.short)") == true)
    }

    @Test func imageLayoutForPip() throws {
        let result = try BT.build(["main.py": "import flask\n", "requirements.txt": "flask\n", ".venv/bin/python": "", "static/a.css": "",
                                   ".dockerignore": "secrets/\n", "secrets/key": "x"])
        let image = try #require(result.image)
        #expect(image.workingDirectory == "/app")
        #expect(image.fileSystem.isFile("/app/main.py"))
        #expect(image.fileSystem.isFile("/app/static/a.css"))
        #expect(!image.fileSystem.exists("/app/secrets/key"))
        // The repository's own .venv is excluded; the built one replaces it (python.go Plan).
        #expect(image.fileSystem.origin(of: "/app/.venv/bin/python") == nil)
        #expect(image.fileSystem.isFile("/app/.venv/pyvenv.cfg"))
        #expect(image.virtualEnvironment?.sitePackages == "/app/.venv/lib/python3.13/site-packages")
        #expect(image.distributions.contains { $0.name == "flask" && $0.sitePackages == "/app/.venv/lib/python3.13/site-packages" })
        let env = BT.env(result)
        #expect(env["PATH"] == "/app/.venv/bin:/mise/shims:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        #expect(env["VIRTUAL_ENV"] == "/app/.venv")
        #expect(env["PIP_CACHE_DIR"] == "/opt/pip-cache")
        #expect(env["PYTHONPATH"] == nil)
        for (name, value) in [("PYTHONFAULTHANDLER", "1"), ("PYTHONUNBUFFERED", "1"), ("PYTHONHASHSEED", "random"), ("PYTHONDONTWRITEBYTECODE", "1"),
                              ("PIP_DISABLE_PIP_VERSION_CHECK", "1"), ("PIP_DEFAULT_TIMEOUT", "100"), ("MISE_SHIMS_DIR", "/mise/shims")] {
            #expect(env[name] == value)
        }
        #expect(env["RAILPACK_VERSION"] == RailpackBuilder.emulatedVersion)
        let names = image.environment.map(\.name)
        #expect(names == names.sorted())
    }

    @Test(arguments: [
        ("uv", ["pyproject.toml": "", "uv.lock": ""], "/app/.venv/bin:/mise/shims:/root/.local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
         ["UV_LINK_MODE": "copy", "VIRTUAL_ENV": "/app/.venv"]),
        ("poetry", ["pyproject.toml": "", "poetry.lock": ""], "/app/.venv/bin:/mise/shims:/root/.local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
         ["POETRY_VIRTUALENVS_IN_PROJECT": "true", "VIRTUAL_ENV": "/app/.venv"]),
        ("pdm", ["pyproject.toml": "", "pdm.lock": ""], "/app/.venv/bin:/mise/shims:/root/.local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
         ["PDM_CHECK_UPDATE": "false"]),
        ("pipenv", ["Pipfile": ""], "/app/.venv/bin:/mise/shims:/root/.local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
         ["PIPENV_VENV_IN_PROJECT": "1"]),
        ("none", ["pyproject.toml": ""], "/mise/shims:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", [:]),
    ])
    func imagePathAndVariablesPerManager(manager: String, files: [String: String], path: String, variables: [String: String]) throws {
        var files = files
        files["main.py"] = ""
        let result = try BT.build(files)
        #expect(result.plan.packageManager == manager)
        let env = BT.env(result)
        #expect(env["PATH"] == path)
        for (name, value) in variables { #expect(env[name] == value) }
        if manager == "pdm" || manager == "pipenv" || manager == "none" { #expect(env["VIRTUAL_ENV"] == nil) }
        #expect((result.image?.virtualEnvironment == nil) == (manager == "none"))
    }

    @Test func malformedRequirementsLineDoesNotCrash() throws {
        let result = try BT.build(["main.py": "", "requirements.txt": "flask\n==1.0\n-r missing.txt\nrequests[security\n"])
        #expect(result.failure == nil)
        #expect(result.notes.contains { if case .requirementNotModelled(_, let location) = $0 { return location.line == 2 }; return false })
        #expect(result.image?.distributions.contains { $0.name == "flask" } == true)
    }

    @Test func rootDirectoryMissing() throws {
        let result = try BT.build(["main.py": ""], root: "/backend")
        #expect(result.failure == BuildFailure(.rootDirectoryMissing, message: "Root Directory `/backend` does not exist in the repository"))
    }

    @Test func configSyntaxErrorStopsTheBuild() throws {
        let result = try BT.build(["main.py": "", "railway.json": "{\n\"deploy\": {,}}"])
        #expect(result.failure?.kind == .configInvalid)
        #expect(result.failure?.location?.description == "railway.json:2")
    }
}

/// Railpack's 23 Python examples (railpack.md §4 snapshot table), recreated as small layouts with
/// the same key files: the start command and package manager must match the snapshots.
@Suite struct RailpackExampleTests {
    static let mainApp = "print('hi')\n"
    static let examples: [(name: String, files: [String: String], manager: String, start: String)] = [
        ("python-bot-only", ["bot.py": mainApp], "none", "python bot.py"),
        ("python-compiled", ["main.py": mainApp, "requirements.txt": "cython\n", "pyproject.toml": "[project]\nname = \"c\"\n", "mise.toml": "[tools]\npython = \"3.12\"\n"], "pip", "python main.py"),
        ("python-django", ["manage.py": "", "hello.py": "", ".python-version": "3.11\n", "uv.lock": "version = 1\n",
                           "pyproject.toml": "[project]\nname = \"d\"\ndependencies = [\"django>=5\", \"gunicorn\", \"psycopg2\"]\n",
                           "mysite/settings.py": "WSGI_APPLICATION = 'mysite.wsgi.application'\n", "mysite/wsgi.py": ""],
         "uv", "python manage.py migrate && gunicorn --bind 0.0.0.0:${PORT:-8000} mysite.wsgi:application"),
        ("python-fastapi", ["main.py": mainApp, "uv.lock": "", "pyproject.toml": "[project]\ndependencies = [\"fastapi\", \"uvicorn[standard]\"]\n"],
         "uv", "uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}"),
        ("python-fasthtml", ["main.py": mainApp, "requirements.txt": "python-fasthtml\nuvicorn>=0.29\n"], "pip", "uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}"),
        ("python-flask", ["main.py": mainApp, "requirements.txt": "Flask==3.1\ngunicorn==23\n"], "pip", "gunicorn --bind 0.0.0.0:${PORT:-8000} main:app"),
        ("python-freethreaded", ["main.py": mainApp, "mise.toml": "[tools]\npython = \"3.13t\"\n", "pyproject.toml": "[project]\nname = \"f\"\n"], "none", "python main.py"),
        ("python-latest-psycopg", ["main.py": mainApp, ".python-version": "3.13\n", "uv.lock": "", "pyproject.toml": "[project]\ndependencies = [\"psycopg>=3.2\"]\n"], "uv", "python main.py"),
        ("python-latest", ["main.py": mainApp, "mise.toml": "[tools]\npython = \"latest\"\n", "pyproject.toml": "[project]\nname = \"l\"\n"], "none", "python main.py"),
        ("python-oldest", ["main.py": mainApp, "mise.toml": "[tools]\npython = \"3.9\"\n", "pyproject.toml": "[project]\nname = \"o\"\n"], "none", "python main.py"),
        ("python-pdm", ["main.py": mainApp, "pdm.lock": "", "pyproject.toml": "[project]\ndependencies = [\"requests\"]\n"], "pdm", "python main.py"),
        ("python-pip", ["app.py": mainApp, ".python-version": "3.11.11\n",
                        "requirements.txt": "numpy\n# a git dependency\nfastapi-ipware @ git+https://example.invalid/fastapi-ipware.git\n"], "pip", "python app.py"),
        ("python-pipfile", ["main.py": mainApp, "Pipfile": "[packages]\nrequests = \"*\"\n", "Pipfile.lock": "{}"], "pipenv", "python main.py"),
        ("python-playwright", ["main.py": mainApp, "uv.lock": "", "mise.toml": "", "pyproject.toml": "[project]\ndependencies = [\"playwright\"]\n"], "uv", "python main.py"),
        ("python-poetry", ["main.py": mainApp, "poetry.lock": "", "pyproject.toml": "[tool.poetry.dependencies]\nflask = \"^3\"\n"], "poetry", "python main.py"),
        ("python-psycopg-binary", ["main.py": mainApp, ".python-version": "3.12\n", "uv.lock": "", "pyproject.toml": "[project]\ndependencies = [\"psycopg[binary]\"]\n"], "uv", "python main.py"),
        ("python-system-deps", ["main.py": mainApp, ".python-version": "3.12\n", "requirements.txt": "pdf2image\npydub\npycairo\n", "test.pdf": ""], "pip", "python main.py"),
        ("python-uv-latest-locked", ["main.py": mainApp, "uv.lock": "", "mise.toml": "", "mise.lock": "", "pyproject.toml": "[project]\nname = \"u\"\n"], "uv", "python main.py"),
        ("python-uv-packaged", [".python-version": "3.12\n", "uv.lock": "", "pyproject.toml": "[project]\nname = \"pkg\"\n[project.scripts]\npkg = \"pkg:main\"\n",
                                "railpack.json": "{\n  \"$schema\": \"https://schema.railpack.com\",\n  \"deploy\": {\"startCommand\": \"python-uv-packaged\"}\n}\n"],
         "uv", "python-uv-packaged"),
        ("python-uv-tool-versions", ["main.py": mainApp, ".tool-versions": "python 3.12.1\n", "uv.lock": "", "pyproject.toml": "[project]\nname = \"t\"\n"], "uv", "python main.py"),
        ("python-uv-workspace-postgres", ["main.py": mainApp, "uv.lock": "", "db-package/pyproject.toml": "[project]\nname = \"db\"\n",
                                          "pyproject.toml": "[tool.uv.workspace]\nmembers = [\"db-package\"]\n"], "uv", "python main.py"),
        ("python-uv-workspace", ["main.py": mainApp, ".python-version": "3.12\n", "uv.lock": "", "workspace-package/pyproject.toml": "[project]\nname = \"w\"\n",
                                 "pyproject.toml": "[tool.uv.workspace]\nmembers = [\"workspace-package\"]\n"], "uv", "python main.py"),
        ("python-uv", ["main.py": mainApp, ".python-version": "3.12\n", "uv.lock": "", "pyproject.toml": "[project]\ndependencies = [\"flask\", \"gunicorn\"]\n"],
         "uv", "gunicorn --bind 0.0.0.0:${PORT:-8000} main:app"),
    ]

    @Test func thereAreTwentyThree() {
        #expect(Self.examples.count == 23)
        #expect(Set(Self.examples.map(\.name)).count == 23)
    }

    @Test(arguments: examples.map(\.name))
    func example(name: String) throws {
        let example = try #require(Self.examples.first { $0.name == name })
        let result = try BT.build(example.files)
        #expect(result.plan.provider == "python")
        #expect(result.plan.packageManager == example.manager)
        #expect(BT.start(result) == example.start)
        #expect(result.failure == nil)
    }
}
