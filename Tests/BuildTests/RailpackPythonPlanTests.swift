import Snapshot
import Testing
@testable import Build

/// Python provider details the Railpack examples do not cover (railpack:core/providers/python/*.go).
@Suite struct RailpackPythonPlanTests {
    static func plan(_ files: [String: String], env: [String: String] = [:]) throws -> RailpackPlanResult {
        RailpackPlanner.generate(RailpackPlanRequest(snapshot: RepoSnapshot.inMemory(files), environment: RailpackEnvironment(env), errorMissingStartCommand: false))
    }

    @Test func wsgiApplicationIsGreedyWithinTheLine() {
        // `WSGI_APPLICATION = ["'](.*).application["']`: `.` is any character.
        #expect(RailpackPythonProvider.wsgiApplication(in: "WSGI_APPLICATION = 'mysite.wsgi.application'\n") == "mysite.wsgi")
        #expect(RailpackPythonProvider.wsgiApplication(in: "WSGI_APPLICATION = \"a.application\" # b.application'\n") == "a.application\" # b")
        #expect(RailpackPythonProvider.wsgiApplication(in: "WSGI_APPLICATION='x.application'\nWSGI_APPLICATION = 'y_application'") == "y")
        #expect(RailpackPythonProvider.wsgiApplication(in: "WSGI_APPLICATION = get_wsgi()\n") == nil)
    }

    @Test func pipfileAndRuntimeVersions() {
        let app = RailpackGenerateTests.app(["Pipfile": "[requires]\npython_version = \"3.10\"\npython_full_version = '3.10.4'\n"])
        #expect(RailpackPythonProvider.pipfileVersion(app)! == ("3.10.4", "python_full_version"))
        #expect(RailpackPythonProvider.pipfileVersion(RailpackGenerateTests.app(["Pipfile": "python_full_version = \"\"\npython_version = \"3.9\""])) == nil)
        #expect(RailpackPythonProvider.extractSemver("python-3.11.4\n") == "3.11.4")
        #expect(RailpackPythonProvider.extractSemver("3") == "3")
        #expect(RailpackPythonProvider.extractSemver("none") == "")
    }

    @Test func versionPrecedence() throws {
        let files = ["main.py": "", "runtime.txt": "python-3.10.2", ".python-version": "3.11\n", "Pipfile": "[requires]\npython_version = \"3.9\"\n"]
        #expect(try Self.plan(files).resolvedPackages["python"]?.requestedVersion == "3.11")
        #expect(try Self.plan(files, env: ["RAILPACK_PYTHON_VERSION": "3.12"]).resolvedPackages["python"]?.source == "RAILPACK_PYTHON_VERSION")
        // Config packages are applied again after the provider (context.go applyConfig), so they win.
        let configured = try Self.plan(files, env: ["RAILPACK_PYTHON_VERSION": "3.12", "RAILPACK_PACKAGES": "python@3.13.1"])
        #expect(configured.resolvedPackages["python"]?.requestedVersion == "3.13.1")
        #expect(configured.resolvedPackages["python"]?.source == "custom config")
    }

    @Test func installFilesAndLocalPackages() throws {
        // requirements.txt with `file://` makes the whole context the install input (installNeedsAllFiles).
        let local = try #require(try Self.plan(["main.py": "", "requirements.txt": "./libs/x @ file:///app/libs/x\n"]).plan)
        #expect(local.step(named: "install")?.inputs == [.step("packages:mise"), .local])
        #expect(!(local.step(named: "install")?.commands.contains { if case .copy = $0 { return true }; return false } ?? true))
        // pyproject `path = ` does too, for poetry.
        let poetry = try #require(try Self.plan(["main.py": "", "pyproject.toml": "[tool.poetry.dependencies]\nlib = { path = \"../lib\" }\n", "poetry.lock": ""]).plan)
        #expect(poetry.step(named: "install")?.inputs.last == .local)
    }

    @Test func pipenvAndPdmTools() throws {
        let pipenv = try #require(try Self.plan(["main.py": "", "Pipfile": ""]).plan)
        #expect(pipenv.step(named: "install")?.commands.suffix(2) == [.copy("Pipfile"), .exec("pipenv install --skip-lock")])
        guard case .exec(_, let name)? = pipenv.step(named: "packages:mise")?.commands.last else { Issue.record("no mise install"); return }
        #expect(name == "install mise packages: pipx, pipx:pipenv, python, uv")
        let pdm = try #require(try Self.plan(["main.py": "", "pyproject.toml": "", "pdm.lock": ""]).plan)
        guard case .exec(_, let pdmName)? = pdm.step(named: "packages:mise")?.commands.last else { Issue.record("no mise install"); return }
        #expect(pdmName == "install mise packages: pipx, pipx:pdm, python, uv")
        #expect(pdm.step(named: "packages:mise")?.assets["generated-mise-toml"]?.contains("[settings.pipx]\n    uvx = true\n") == true)
    }

    @Test func playwrightOptIn() throws {
        let files = ["main.py": "", "requirements.txt": "playwright==1.49\n"]
        let suggested = try Self.plan(files)
        #expect(suggested.logs.contains(RailpackLog(.suggestion, "Set `RAILPACK_PYTHON_PLAYWRIGHT_INSTALL=1` to install Playwright browsers", docsPath: "/languages/python#playwright")))
        let installed = try #require(try Self.plan(files, env: ["RAILPACK_PYTHON_PLAYWRIGHT_INSTALL": "true"]).plan)
        #expect(installed.step(named: "install")?.commands.last == .exec("playwright install --only-shell"))
        #expect(installed.deploy.inputs[1].include == ["/app/.venv", "/root/.cache/ms-playwright"])
        #expect(installed.step(named: "packages:apt:runtime") != nil)
    }

    @Test func mysqlFromDjangoSettings() throws {
        let files = ["manage.py": "", "requirements.txt": "django\n", "site/settings.py": "ENGINE = 'django.db.backends.mysql'\n"]
        let plan = try #require(try Self.plan(files).plan)
        #expect(plan.step(named: "packages:apt:build")?.commands == [BuildStepOptions.aptInstallCommand(["default-libmysqlclient-dev"])])
        #expect(plan.step(named: "packages:apt:runtime")?.commands == [BuildStepOptions.aptInstallCommand(["default-mysql-client"])])
        #expect(plan.deploy.startCommand.isEmpty)  // no WSGI_APPLICATION and no main file
    }
}

/// The Procfile pass (railpack:core/providers/procfile/procfile.go).
@Suite struct RailpackProcfileTests {
    static func start(_ procfile: String) -> (String?, RailpackPlanFailure?) {
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: RepoSnapshot.inMemory(["main.py": "", "Procfile": procfile])))
        return (result.plan?.deploy.startCommand, result.failure)
    }

    @Test func webThenWorkerThenAnyNonEmpty() {
        #expect(Self.start("release: ./migrate\nworker: python worker.py\nweb: \"gunicorn app:app\"\n").0 == "gunicorn app:app")
        #expect(Self.start("web:\nworker: python worker.py # the queue\n").0 == "python worker.py")
        #expect(Self.start("# comment\nclock: python clock.py\n").0 == "python clock.py")
        #expect(Self.start("\n").0 == "python main.py")
    }

    @Test func notAMapFailsThePlan() {
        guard case .error(let message)? = Self.start("web:python main.py\n").1 else { Issue.record("accepted"); return }
        #expect(message.hasPrefix("error reading Procfile as YAML"))
    }
}
