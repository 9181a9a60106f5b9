import Railway
import Snapshot
import Testing
@testable import Build

/// RUN forms that install Python packages, each against the tool's documented install location.
@Suite struct DockerRunInstallTests {
    static let site312 = "/usr/local/lib/python3.12/site-packages"

    func built(_ dockerfile: String, _ files: [String: String] = [:]) throws -> (Image, BuildResult) {
        var all = files
        all["Dockerfile"] = dockerfile
        let result = try BT.build(all)
        return (try #require(result.image, "build failed: \(result.failure?.message ?? "")"), result)
    }

    func sites(_ image: Image, _ name: String) -> Set<String> { Set(image.distributions.filter { $0.name == name }.map(\.sitePackages)) }

    func notModelled(_ result: BuildResult) -> [String] {
        result.notes.compactMap { if case .runNotModelled(let command, _) = $0 { command } else { nil } }
    }

    @Test func pipInstallNoDepsInstallsOnlyTheNamedDistribution() throws {
        // pip.pypa.io/en/stable/cli/pip_install/#cmdoption-no-deps: "Don't install package dependencies."
        let (with, _) = try built("FROM python:3.12-slim\nRUN pip install flask\n")
        let (without, _) = try built("FROM python:3.12-slim\nRUN pip install --no-deps flask\n")
        #expect(with.distributions.contains { $0.name == "werkzeug" })  // Flask's Requires-Dist
        #expect(without.distributions.map(\.name).filter { $0 != "pip" } == ["flask"])
    }

    @Test func pipInstallDotInstallsTheProjectsDependencies() throws {
        // pip_install: a local project directory is built and installed with its [project] dependencies.
        let files = ["pyproject.toml": "[project]\nname = \"app\"\nversion = \"1\"\ndependencies = [\"flask\"]\n", "app/__init__.py": ""]
        for form in ["pip install .", "pip install -e .", "python -m pip install ./"] {
            let (image, result) = try built("FROM python:3.12-slim\nWORKDIR /src\nCOPY . .\nRUN \(form)\n", files)
            #expect(sites(image, "flask") == [Self.site312], "\(form)")
            #expect(notModelled(result).isEmpty, "\(form)")
            #expect(image.distributions.contains { $0.name == "app" && $0.importNames == ["app"] }, "\(form)")
        }
        let (bare, _) = try built("FROM python:3.12-slim\nWORKDIR /src\nCOPY . .\nRUN pip install --no-deps .\n", files)
        #expect(sites(bare, "flask").isEmpty)
    }

    @Test func pipInstallUserTargetPrefix() throws {
        // dockerfile.md §8 (sysconfig posix_user / posix_prefix; pip --target).
        let (user, _) = try built("FROM python:3.12-slim\nRUN pip install --user flask\n")
        #expect(sites(user, "flask") == ["/root/.local/lib/python3.12/site-packages"])
        let (target, _) = try built("FROM python:3.12-slim\nRUN pip install --target /deps flask\n")
        #expect(sites(target, "flask") == ["/deps"])
        let (prefix, _) = try built("FROM python:3.12-slim\nRUN pip install --prefix=/install flask\n")
        #expect(sites(prefix, "flask") == ["/install/lib/python3.12/site-packages"])
    }

    @Test func venvThenPathThenPip() throws {
        // docs.python.org/3/library/venv.html: a venv's bin/pip installs into <venv>/lib/python3.X/site-packages.
        let (image, _) = try built("FROM python:3.12-slim\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install flask\n")
        #expect(sites(image, "flask") == ["/opt/venv/lib/python3.12/site-packages"])
        #expect(image.fileSystem.isFile("/opt/venv/pyvenv.cfg"))
    }

    @Test func builderStageVenvCopiedIntoTheFinalStage() throws {
        let dockerfile = """
        FROM python:3.12-slim AS builder
        RUN python -m venv /opt/venv
        RUN /opt/venv/bin/pip install flask
        FROM python:3.12-slim
        COPY --from=builder /opt/venv /opt/venv
        ENV PATH=/opt/venv/bin:$PATH
        """
        let (image, _) = try built(dockerfile + "\n")
        #expect(image.fileSystem.isFile("/opt/venv/pyvenv.cfg"))
        #expect(image.fileSystem.exists("/opt/venv/lib/python3.12/site-packages/flask"))
    }

    @Test func uvPipInstall() throws {
        // docs.astral.sh/uv/pip/environments/: --system → the interpreter's site-packages; else VIRTUAL_ENV or .venv; else an error.
        let (system, _) = try built("FROM python:3.12-slim\nRUN uv pip install --system flask\n")
        #expect(sites(system, "flask") == [Self.site312])
        let (active, _) = try built("FROM python:3.12-slim\nRUN uv venv /opt/venv\nENV VIRTUAL_ENV=/opt/venv\nRUN uv pip install flask\n")
        #expect(sites(active, "flask") == ["/opt/venv/lib/python3.12/site-packages"])
        let (dotVenv, _) = try built("FROM python:3.12-slim\nWORKDIR /app\nRUN uv venv && uv pip install flask\n")
        #expect(sites(dotVenv, "flask") == ["/app/.venv/lib/python3.12/site-packages"])
        let failed = try BT.build(["Dockerfile": "FROM python:3.12-slim\nRUN uv pip install flask\n"])
        #expect(failed.failure?.message.hasPrefix("error: No virtual environment found") == true)
    }

    static let uvProject = ["pyproject.toml": "[project]\nname = \"app\"\nversion = \"1\"\ndependencies = [\"flask\"]\n", "main.py": ""]

    @Test func uvSync() throws {
        // docs.astral.sh/uv/concepts/projects/config/#project-environment-path: `.venv` unless UV_PROJECT_ENVIRONMENT.
        let (image, _) = try built("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync\n", Self.uvProject)
        #expect(sites(image, "flask") == ["/app/.venv/lib/python3.12/site-packages"])
        let (moved, _) = try built("FROM python:3.12-slim\nENV UV_PROJECT_ENVIRONMENT=/opt/venv\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen\n", Self.uvProject)
        #expect(sites(moved, "flask") == ["/opt/venv/lib/python3.12/site-packages"])
    }

    @Test func poetryInstall() throws {
        // python-poetry.org/docs/configuration/: virtualenvs.create=false → system; in-project → {project}/.venv.
        let (system, _) = try built("FROM python:3.12-slim\nENV POETRY_VIRTUALENVS_CREATE=false\nWORKDIR /app\nCOPY . .\nRUN poetry install --no-root\n", Self.uvProject)
        #expect(sites(system, "flask") == [Self.site312])
        let (inProject, _) = try built("FROM python:3.12-slim\nENV POETRY_VIRTUALENVS_IN_PROJECT=true\nWORKDIR /app\nCOPY . .\nRUN poetry install\n", Self.uvProject)
        #expect(sites(inProject, "flask") == ["/app/.venv/lib/python3.12/site-packages"])
        // Default: a venv in Poetry's cache directory, named with a hash: recorded as not modelled.
        let (_, cached) = try built("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN poetry install\n", Self.uvProject)
        #expect(notModelled(cached).contains("poetry install"))
    }
}

extension DockerRunInstallTests {
    @Test func commandAssignmentsAndExportsApplyWithinTheRun() throws {
        // POSIX Shell Command Language §2.9.1: `NAME=value cmd` sets the variable for that command only.
        let (inline, _) = try built("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN POETRY_VIRTUALENVS_CREATE=false poetry install\n", Self.uvProject)
        #expect(sites(inline, "flask") == [Self.site312])
        let (exported, result) = try built("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN export UV_PROJECT_ENVIRONMENT=/venv && uv sync\n", Self.uvProject)
        #expect(sites(exported, "flask") == ["/venv/lib/python3.12/site-packages"])
        // Neither reaches later instructions or the image config.
        #expect(BT.env(result)["UV_PROJECT_ENVIRONMENT"] == nil)
    }
}

extension DockerRunInstallTests {
    @Test func uvSystemInstallRespectsPEP668() throws {
        // PEP 668 + uv docs: a Debian python3 (EXTERNALLY-MANAGED, Debian 12) refuses `uv pip install --system`.
        let base = "FROM debian:bookworm\nRUN apt-get update && apt-get install -y python3\n"
        let refused = try BT.build(["Dockerfile": base + "RUN uv pip install --system flask\n"])
        let message = try #require(refused.failure?.message)
        #expect(message.hasPrefix("error: The interpreter at /usr is externally managed, and indicates the following:\n\n  To install Python packages system-wide, try apt install\n"))
        let (allowed, _) = try built(base + "RUN uv pip install --system --break-system-packages flask\n")
        #expect(sites(allowed, "flask") == ["/usr/local/lib/python3.11/dist-packages"])
    }
}

extension DockerRunInstallTests {
    @Test func theProjectItselfIsInstalledUnlessExcluded() throws {
        // uv docs (projects/config/#project-packaging): no [build-system] → a virtual project, not installed.
        let (virtual, uvAll) = try built("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync\n", Self.uvProject)
        #expect(notModelled(uvAll).isEmpty)
        #expect(!virtual.distributions.contains { $0.name == "app" })
        // With a build backend the project is installed editable: hatchling's `_app.pth` names /app/src.
        let packaged = ["pyproject.toml": "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n[project]\nname = \"app\"\nversion = \"1\"\n",
                        "src/app/__init__.py": ""]
        let (editable, _) = try built("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync\n", packaged)
        let site = "/app/.venv/lib/python3.12/site-packages"
        #expect(try editable.fileSystem.contents(of: site + "/_app.pth") == Array("/app/src\n".utf8))
        #expect(editable.distributions.contains { $0.name == "app" && $0.nameRule == .project && $0.importNames == ["app"] })
        // --no-editable: the package itself is copied into site-packages.
        let (wheel, _) = try built("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync --no-editable\n", packaged)
        #expect(wheel.fileSystem.isFile(site + "/app/__init__.py") && !wheel.fileSystem.exists(site + "/_app.pth"))
        let (deps, uvDeps) = try built("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync --no-install-project\n", packaged)
        #expect(notModelled(uvDeps).isEmpty && !deps.fileSystem.exists(site + "/_app.pth"))
        let (_, poetryDeps) = try built("FROM python:3.12-slim\nENV POETRY_VIRTUALENVS_CREATE=false\nWORKDIR /app\nCOPY . .\nRUN poetry install --no-root\n", Self.uvProject)
        #expect(notModelled(poetryDeps).isEmpty)
        // poetry install: the root package editable, poetry-core's `<module>.pth` of its include roots.
        let poetry = ["pyproject.toml": "[build-system]\nrequires = [\"poetry-core\"]\nbuild-backend = \"poetry.core.masonry.api\"\n[project]\nname = \"my-app\"\nversion = \"1\"\n",
                      "my_app/__init__.py": ""]
        let (rooted, _) = try built("FROM python:3.12-slim\nENV POETRY_VIRTUALENVS_CREATE=false\nWORKDIR /srv\nCOPY . .\nRUN poetry install\n", poetry)
        #expect(try rooted.fileSystem.contents(of: "/usr/local/lib/python3.12/site-packages/my_app.pth") == Array("/srv\n".utf8))
    }

    @Test func editableBeforeTheSourceIsCopied() throws {
        // The backend sees the image as it is when the RUN runs: setuptools without src/ finds a flat
        // layout with nothing in it, so the install succeeds and the package stays unimportable.
        let files = ["pyproject.toml": "[project]\nname = \"svc\"\nversion = \"1\"\n", "src/svc/__init__.py": ""]
        let (image, result) = try built("FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml .\nRUN pip install -e .\nCOPY . .\n", files)
        #expect(result.failure == nil)
        let site = "/usr/local/lib/python3.12/site-packages"
        #expect(image.fileSystem.isFile(site + "/__editable__.svc-1.pth"))
        #expect(image.distributions.first { $0.name == "svc" }?.importNames == [])
    }

    @Test func setuptoolsFlatLayoutRefusal() throws {
        // setuptools/discovery.py _ensure_no_accidental_inclusion stops the build.
        let files = ["pyproject.toml": "[project]\nname = \"svc\"\nversion = \"1\"\n", "api/__init__.py": "", "static/app.css": ""]
        let result = try BT.build(files.merging(["Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install .\n"]) { $1 })
        #expect(result.failure?.message.hasPrefix("error: Multiple top-level packages discovered in a flat-layout: ['api', 'static'].") == true)
    }
}
