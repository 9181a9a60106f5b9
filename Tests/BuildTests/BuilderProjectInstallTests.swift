import Railway
import Snapshot
import Testing
import TestSupport
@testable import Build

/// Railpack's and Nixpacks' install steps installing the repository's own project (ProjectInstall),
/// with the files each step sees: what reaches the venv, and a backend error failing the build.
@Suite struct BuilderProjectInstallTests {
    static let uvBuild = "[build-system]\nrequires = [\"uv_build>=0.9.0,<0.10.0\"]\nbuild-backend = \"uv_build\"\n"
    static let hatchling = "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n"
    static let project = "[project]\nname = \"shop\"\nversion = \"0.1.0\"\nrequires-python = \">=3.11\"\ndependencies = []\n"
    static func uvLock(_ source: String) -> String {
        "version = 1\nrevision = 3\nrequires-python = \">=3.11\"\n\n[[package]]\nname = \"shop\"\nversion = \"0.1.0\"\nsource = { \(source) = \".\" }\n"
    }
    static let railpackSite = "/app/.venv/lib/python3.13/site-packages"
    static let nixpacksSite = "/opt/venv/lib/python3.11/site-packages"
    static let start = "python -c 'import shop'"

    static func railpack(_ files: [String: String]) throws -> BuildResult {
        try BT.build(files, startCommand: start)
    }

    // MARK: Railpack

    @Test func railpackUvInstallsAPackagedProjectAsAWheelInTheBuildStep() throws {
        let result = try Self.railpack(["pyproject.toml": Self.uvBuild + Self.project, "uv.lock": Self.uvLock("editable"),
                                        "src/shop/__init__.py": "NAME = 1\n"])
        #expect(result.failure == nil)
        let image = try #require(result.image)
        let shop = try #require(image.distributions.first { $0.name == "shop" })
        #expect(shop.nameRule == .project && shop.importNames == ["shop"] && shop.sitePackages == Self.railpackSite)
        // --no-editable: the package is copied into site-packages, no .pth.
        #expect(image.fileSystem.isFile(Self.railpackSite + "/shop/__init__.py"))
        #expect(!image.fileSystem.exists(Self.railpackSite + "/shop.pth"))
        #expect(result.log.contains("uv sync --locked --no-dev --no-editable: shop built by uv_build → \(Self.railpackSite) [shop]"))
        // The build step has the whole context: nothing to explain.
        #expect(!result.notes.contains { if case .projectBuiltFromInstallFiles = $0 { return true }; return false })
    }

    @Test func railpackUvSkipsAProjectWithoutBuildSystem() throws {
        // docs.astral.sh/uv/concepts/projects/config/#project-packaging: no [build-system] → virtual.
        let result = try Self.railpack(["pyproject.toml": Self.project, "uv.lock": Self.uvLock("virtual"), "src/shop/__init__.py": ""])
        #expect(result.failure == nil)
        let image = try #require(result.image)
        #expect(!image.distributions.contains { $0.name == "shop" })
        #expect(!image.fileSystem.exists(Self.railpackSite + "/shop"))
        #expect(!result.log.contains { $0.contains("built by") })
        // tool.uv.package = true packages it anyway, with setuptools' legacy backend (src layout found).
        let forced = try Self.railpack(["pyproject.toml": Self.project + "[tool.uv]\npackage = true\n", "uv.lock": Self.uvLock("editable"),
                                        "src/shop/__init__.py": ""])
        #expect(forced.image?.fileSystem.isFile(Self.railpackSite + "/shop/__init__.py") == true)
    }

    @Test func railpackBackendErrorFailsTheBuild() throws {
        // hatchling finds no `shop` package (the code is in app/), as `uv sync` in Railpack's build step would.
        let result = try Self.railpack(["pyproject.toml": Self.hatchling + Self.project, "uv.lock": Self.uvLock("editable"),
                                        "app/__init__.py": "", "main.py": ""])
        let failure = try #require(result.failure)
        #expect(failure.kind == .builderError)
        #expect(failure.message.hasPrefix("ValueError: Unable to determine which files to ship inside the wheel"))
        #expect(failure.location == SourceLocation(file: "pyproject.toml"))
        #expect(result.image == nil)
    }

    @Test func railpackPdmBuildsTheProjectFromTheCopiedInstallFilesOnly() throws {
        // InstallPDM runs in the install step, which has only pyproject.toml and pdm.lock (copyInstallFiles).
        let pdmBackend = "[build-system]\nrequires = [\"pdm-backend\"]\nbuild-backend = \"pdm.backend\"\n"
        let result = try Self.railpack(["pyproject.toml": pdmBackend + Self.project, "pdm.lock": "", "src/shop/__init__.py": ""])
        #expect(result.failure == nil)
        let shop = try #require(result.image?.distributions.first { $0.name == "shop" })
        #expect(shop.importNames.isEmpty)
        #expect(result.image?.fileSystem.exists(Self.railpackSite + "/shop") == false)
        #expect(result.notes.contains { note in
            if case .projectBuiltFromInstallFiles("shop", "Railpack install step", let files) = note { return files.contains("pyproject.toml") && !files.contains("src") }
            return false
        })
        // hatchling stops on the same empty tree.
        let hatch = try Self.railpack(["pyproject.toml": Self.hatchling + Self.project, "pdm.lock": "", "src/shop/__init__.py": ""])
        #expect(hatch.failure?.message.contains("Unable to determine which files to ship") == true)
        // tool.pdm.distribution = false: the project is not installed.
        let app = try Self.railpack(["pyproject.toml": Self.hatchling + Self.project + "[tool.pdm]\ndistribution = false\n", "pdm.lock": "",
                                     "src/shop/__init__.py": ""])
        #expect(app.failure == nil)
        #expect(app.image?.distributions.contains { $0.name == "shop" } == false)
    }

    @Test func railpackPoetryAndPipInstallNoProject() throws {
        let poetry = try Self.railpack(["pyproject.toml": Self.hatchling + Self.project, "poetry.lock": "", "src/shop/__init__.py": ""])
        #expect(poetry.failure == nil)
        #expect(poetry.image?.distributions.contains { $0.name == "shop" } == false)
        let pip = try Self.railpack(["pyproject.toml": Self.hatchling + Self.project, "requirements.txt": "", "src/shop/__init__.py": ""])
        #expect(pip.failure == nil)
        #expect(pip.image?.distributions.contains { $0.name == "shop" } == false)
    }

    @Test func railpackCommandModes() {
        let packaged = ProjectInstallRules.document(Self.uvBuild + Self.project, file: "p") ?? []
        #expect(RailpackProjectInstall.mode(of: "uv sync --locked --no-dev --no-install-project", pyproject: packaged) == nil)
        #expect(RailpackProjectInstall.mode(of: "uv sync --locked --no-dev --no-editable", pyproject: packaged) == .regular)
        #expect(RailpackProjectInstall.mode(of: "uv sync", pyproject: packaged) == .editable)
        #expect(RailpackProjectInstall.mode(of: "pdm install --check --prod --no-editable", pyproject: packaged) == .regular)
        #expect(RailpackProjectInstall.mode(of: "poetry install --no-interaction --no-ansi --only main --no-root", pyproject: packaged) == nil)
        #expect(RailpackProjectInstall.mode(of: "pip install -r requirements.txt", pyproject: packaged) == nil)
    }

    // MARK: Nixpacks

    @Test func nixpacksPipInstallSeesOnlyPyproject() throws {
        // python.rs PipSetuptools: add_file_dependency("pyproject.toml"), so `pip install .` builds from it alone
        // (railwayapp/nixpacks#514): setuptools finds nothing to ship, the app still imports from /app.
        let setuptools = "[build-system]\nrequires = [\"setuptools>=64\"]\nbuild-backend = \"setuptools.build_meta\"\n"
        let result = try NixpacksImageTests.build(["pyproject.toml": setuptools + Self.project, "src/shop/__init__.py": "", "main.py": ""])
        #expect(result.failure == nil)
        let shop = try #require(result.image?.distributions.first { $0.name == "shop" })
        #expect(shop.importNames.isEmpty)
        // hatchling stops there.
        let hatch = try NixpacksImageTests.build(["pyproject.toml": Self.hatchling + Self.project, "src/shop/__init__.py": "", "main.py": ""])
        let failure = try #require(hatch.failure)
        #expect(failure.kind == .builderError && failure.message.contains("Unable to determine which files to ship"))
        #expect(hatch.image == nil)
    }

    @Test func nixpacksUvSyncInstallsThePackagedProjectEditable() throws {
        let result = try NixpacksImageTests.build(["pyproject.toml": Self.uvBuild + Self.project, "uv.lock": Self.uvLock("editable"),
                                                   "src/shop/__init__.py": "", "main.py": ""])
        #expect(result.failure == nil)
        let image = try #require(result.image)
        #expect(image.distributions.contains { $0.name == "shop" && $0.sitePackages == Self.nixpacksSite })
        #expect(try image.fileSystem.contents(of: Self.nixpacksSite + "/shop.pth") == Array("/app/src\n".utf8))
        let virtual = try NixpacksImageTests.build(["pyproject.toml": Self.project, "uv.lock": Self.uvLock("virtual"), "src/shop/__init__.py": "", "main.py": ""])
        #expect(virtual.image?.distributions.contains { $0.name == "shop" } == false)
    }

    @Test func nixpacksPoetryAndPdmInstallTheProjectEditable() throws {
        let poetryCore = "[build-system]\nrequires = [\"poetry-core\"]\nbuild-backend = \"poetry.core.masonry.api\"\n"
        let poetry = try NixpacksImageTests.build(["pyproject.toml": poetryCore + "[tool.poetry]\nname = \"shop\"\nversion = \"0.1.0\"\n",
                                                   "poetry.lock": "", "shop/__init__.py": "", "main.py": ""])
        #expect(try poetry.image?.fileSystem.contents(of: Self.nixpacksSite + "/shop.pth") == Array("/app\n".utf8))
        // Poetry 1.3 leaves a project without its package uninstalled and succeeds.
        let app = try NixpacksImageTests.build(["pyproject.toml": "[tool.poetry]\nname = \"shop\"\nversion = \"0.1.0\"\n", "poetry.lock": "", "main.py": ""])
        #expect(app.failure == nil)
        #expect(app.log.contains { $0.hasPrefix("pip install poetry") == false && $0.contains("the project itself is not installed") })
        let pdmBackend = "[build-system]\nrequires = [\"pdm-backend\"]\nbuild-backend = \"pdm.backend\"\n"
        let pdm = try NixpacksImageTests.build(["pyproject.toml": pdmBackend + Self.project, "pdm.lock": "", "src/shop/__init__.py": "", "main.py": ""])
        #expect(try pdm.image?.fileSystem.contents(of: Self.nixpacksSite + "/_editable_impl_shop.pth") == Array("/app/src\n".utf8))
    }
}
