import Snapshot
import Testing
@testable import Build

/// Nixpacks' Python provider (nixpacks:src/providers/python.rs), case by case.
@Suite struct NixpacksPythonProviderTests {
    static let venv = "python -m venv --copies /opt/venv && . /opt/venv/bin/activate && "

    @Test(arguments: [
        (["requirements.txt": "flask\n"], "pip install -r requirements.txt"),
        (["pyproject.toml": "", "poetry.lock": ""], "pip install poetry==$NIXPACKS_POETRY_VERSION && poetry install --no-dev --no-interaction --no-ansi"),
        (["pyproject.toml": "", "pdm.lock": ""], "pip install pdm==$NIXPACKS_PDM_VERSION && pdm install --prod"),
        (["pyproject.toml": "", "uv.lock": ""], "pip install uv==$NIXPACKS_UV_VERSION && uv sync --no-dev --frozen"),
        (["pyproject.toml": ""], "pip install --upgrade build setuptools && pip install ."),
        (["Pipfile": "", "Pipfile.lock": "{}"], "PIPENV_VENV_IN_PROJECT=1 pipenv install --deploy"),
        (["Pipfile": ""], "PIPENV_VENV_IN_PROJECT=1 pipenv install --skip-lock"),
        // poetry beats pdm beats uv, and requirements.txt beats all (PackageManager::resolve).
        (["requirements.txt": "", "pyproject.toml": "", "poetry.lock": "", "uv.lock": ""], "pip install -r requirements.txt"),
        (["pyproject.toml": "", "poetry.lock": "", "uv.lock": "", "pdm.lock": ""], "pip install poetry==$NIXPACKS_POETRY_VERSION && poetry install --no-dev --no-interaction --no-ansi"),
    ])
    func packageManagers(files: [String: String], command: String) throws {
        var all = files
        all["main.py"] = ""
        #expect(NT.install(try NT.plan(all)) == [Self.venv + command])
    }

    @Test func packageManagerVariable() throws {
        let files = ["main.py": "", "requirements.txt": "", "pyproject.toml": "", "uv.lock": ""]
        #expect(NT.install(try NT.plan(files, variables: ["NIXPACKS_PYTHON_PACKAGE_MANAGER": "UV"])).first?.hasSuffix("uv sync --no-dev --frozen") == true)
        #expect(try NT.plan(files, variables: ["NIXPACKS_PYTHON_PACKAGE_MANAGER": "skip"]).phases?["install"]?.cmds == nil)
        let unknown = try NT.plan(files, variables: ["NIXPACKS_PYTHON_PACKAGE_MANAGER": "conda"])
        #expect(NT.install(unknown) == [Self.venv + "pip install -r requirements.txt"])
        #expect(unknown.context.warnings == ["Warning: Unknown package manager 'conda'. Using auto-detection."])
    }

    @Test func toolVersionsPinPoetry() throws {
        let plan = try NT.plan(["main.py": "", "pyproject.toml": "", "poetry.lock": "", ".tool-versions": "poetry 1.8.2\n"])
        #expect(plan.variables?["NIXPACKS_POETRY_VERSION"] == "1.8.2")
        #expect(plan.variables?["NIXPACKS_METADATA"] == "python,poetry")
        #expect(try NT.plan(["main.py": "", "pdm.lock": ""]).variables?["NIXPACKS_PDM_VERSION"] == "2.13.3")
    }

    @Test(arguments: [
        ("3.13", "python313"), ("3.12.4", "python312"), ("python-3.11.2", "python311"), ("3.10", "python310"),
        ("3.9", "python39"), ("3.8", "python38"), ("3.7.1", "python37"), ("2.7", "python27"),
        ("3", "python3"), ("3.14", "python3"), ("3.12.1rc1", "python3"), ("pypy3.10", "python310"),
        ("\"3.11\"", "python311"), ("3.11\n3.10\n", "python3"),
    ])
    func pythonVersionFile(request: String, package: String) throws {
        #expect(NT.packages(try NT.plan(["main.py": "", ".python-version": request])).first == package)
    }

    @Test func legacyVersionsUseTheLegacyArchive() throws {
        #expect(try NT.plan(["main.py": "", "runtime.txt": "python-2.7"]).phases?["setup"]?.nixpkgsArchive == "5148520bfab61f99fd25fb9ff7bfbb50dad3c9db")
        #expect(try NT.plan(["main.py": ""]).phases?["setup"]?.nixpkgsArchive == "bc8f8d1be58e8c8383e683a06e1e1e57893fff87")
    }

    @Test func versionPrecedenceQuirks() throws {
        // The variable wins over .python-version ...
        #expect(NT.packages(try NT.plan(["main.py": "", ".python-version": "3.12"], variables: ["NIXPACKS_PYTHON_VERSION": "3.10"])).first == "python310")
        // ... but a Pipfile replaces it, and one without a version falls back to python3.
        #expect(NT.packages(try NT.plan(["main.py": "", "Pipfile": "[packages]\n"], variables: ["NIXPACKS_PYTHON_VERSION": "3.10"])).first == "python3")
        // .python-version beats runtime.txt when the variable is unset.
        #expect(NT.packages(try NT.plan(["main.py": "", ".python-version": "3.12", "runtime.txt": "python-3.10"])).first == "python312")
        // .tool-versions only when nothing else is there; x.y.z is cut to x.y.
        #expect(NT.packages(try NT.plan(["main.py": "", ".tool-versions": "python 3.13.1\n"])).first == "python313")
        #expect(NT.packages(try NT.plan(["main.py": "", ".tool-versions": "python 3.13.1\n", "runtime.txt": "3.10"])).first == "python310")
    }

    @Test func toolVersionsWithoutADotPanics() {
        let error = NT.error { () throws(NixpacksPlanError) in try NT.plan(["main.py": "", ".tool-versions": "python 3\n"]) }
        #expect(error?.kind == .nixpacks)
        #expect(error?.message.contains("panicked") == true)
        let warned = try? NT.plan(["main.py": "", ".tool-versions": "python 3.12.1.4\n"])
        #expect(warned.map(NT.packages)?.first == "python312")
        #expect(warned?.context.warnings.first?.hasPrefix("Could not find a python version string") == true)
    }

    @Test func usesDependencyIsASubstring() throws {
        // python.rs uses_dep: "django-environ" counts as Django; comments count too.
        let plan = try NT.plan(["manage.py": "", "requirements.txt": "# no django here\nflask\n", "app/settings.py": "WSGI_APPLICATION = 'app.wsgi.application'\n"])
        #expect(plan.start?.cmd == "python manage.py migrate && gunicorn app.wsgi")
        #expect(try NT.plan(["main.py": "", "pyproject.toml": "[project]\ndependencies = [\"psycopg[binary]\"]\n"]).phases?["setup"]?.nixPkgs?.contains("postgresql_16.dev") == true)
    }

    @Test func djangoNeedsManagePy() throws {
        let plan = try NT.plan(["requirements.txt": "django\n", "main.py": "", "app/settings.py": "WSGI_APPLICATION = 'app.wsgi.application'\n"])
        #expect(plan.start?.cmd == "python main.py")
    }

    @Test func wsgiCaptureIsGreedyAndQuoteAgnostic() throws {
        // `(.*).application["|']`: greedy, so the last `.application` on the line ends the capture.
        let settings = "WSGI_APPLICATION = 'config.wsgi.application' # see config.wsgi.application\"\n"
        let plan = try NT.plan(["manage.py": "", "requirements.txt": "Django\n", "config/settings.py": settings])
        #expect(plan.start?.cmd == "python manage.py migrate && gunicorn config.wsgi.application' # see config.wsgi")
    }

    @Test func postgresByEngineString() throws {
        let settings = "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql'}}\nWSGI_APPLICATION = 'site.wsgi.application'\n"
        let plan = try NT.plan(["manage.py": "", "requirements.txt": "django\n", "site/settings.py": settings])
        #expect(plan.variables?["NIXPACKS_METADATA"] == "python,django,postgres")
        #expect(NT.packages(plan) == ["python3", "postgresql_16.dev", "gcc"])
    }

    @Test func mysqlOnlyForDjango() throws {
        let settings = "ENGINE = 'django.db.backends.mysql'\n"
        #expect(!NT.packages(try NT.plan(["main.py": "", "requirements.txt": "flask\n", "db.py": settings])).contains("libmysqlclient.dev"))
    }

    @Test func nonUTF8PythonFileFailsPostgresDetection() {
        let snapshot = NT.snapshot(["main.py": Array("print(1)\n".utf8), "legacy/latin1.py": [0x23, 0xE9, 0x0A]])
        let error = NT.error { () throws(NixpacksPlanError) in try NixpacksPlanner.plan(snapshot: snapshot, variables: [:]) }
        #expect(error?.message == "Error reading legacy/latin1.py: stream did not contain valid UTF-8")
    }

    @Test(arguments: [
        ("[project]\nname = \"app\"\npackages = [\"pkg\"]\npy_modules = [\"mod\"]\n", "python -m pkg"),
        ("[project]\nname = \"app\"\npackages = []\npy_modules = [\"mod\"]\n", "python -m mod"),
        ("[project]\nname = \"my-app\"\n", "python -m my-app"),
        ("[project]\nname = \"app\"\npy-modules = [\"mod\"]\n", "python -m app"),
        ("[project]\nname = 3\n", nil),
        ("[project]\nname = \"app\"\nentry_points = { a = 1 }\n", nil),
        ("[tool.poetry]\nname = \"app\"\n", nil),
        ("[project\n", nil),
    ] as [(String, String?)])
    func pyprojectEntryModule(pyproject: String, start: String?) throws {
        #expect(try NT.plan(["pyproject.toml": pyproject]).start?.cmd == start)
    }

    @Test func mainPyBeatsPyproject() throws {
        #expect(try NT.plan(["pyproject.toml": "[project]\nname = \"app\"\n", "main.py": ""]).start?.cmd == "python main.py")
    }

    @Test func symlinkedManifestCounts() throws {
        // app.rs includes_file follows symlinks (Path::is_file).
        var entries: [RepoPath: SnapshotEntryKind] = [:]
        let requirements = try #require(RepoPath("deps/requirements.txt"))
        entries[requirements] = .file(size: 6)
        entries[try #require(RepoPath("deps"))] = .directory
        entries[try #require(RepoPath("requirements.txt"))] = .symlink(target: "deps/requirements.txt")
        let main = try #require(RepoPath("main.py"))
        entries[main] = .file(size: 0)
        let snapshot = RepoSnapshot(source: InMemoryByteSource(displayName: "links", files: [requirements: Array("flask\n".utf8), main: []]),
                                    entries: entries)
        let plan = try NixpacksPlanner.plan(snapshot: snapshot, variables: [:])
        #expect(NT.install(plan) == [Self.venv + "pip install -r requirements.txt"])
    }
}
