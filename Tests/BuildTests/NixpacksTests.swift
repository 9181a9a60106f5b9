import Railway
import Testing
@testable import Build

/// Legacy Nixpacks, Python provider (railpack.md §5, rule 21).
@Suite struct NixpacksTests {
    static let nixpacks = "[build]\nbuilder = \"NIXPACKS\"\n"

    @Test func pythonAppWithRequirements() throws {
        let result = try BT.build(["railway.toml": Self.nixpacks, "main.py": "", "requirements.txt": "flask\n"])
        #expect(result.builder == .nixpacks)
        #expect(result.failure == nil)
        #expect(result.plan.packageManager == "pip")
        #expect(BT.start(result) == "python main.py")
        #expect(result.startCommand?.form == .shell(interpreter: ["/bin/bash", "-l", "-c"], command: "python main.py"))
        let image = try #require(result.image)
        #expect(image.workingDirectory == "/app")
        #expect(image.fileSystem.isFile("/app/main.py"))
        #expect(image.virtualEnvironment?.path == "/opt/venv")
        #expect(BT.env(result)["PATH"]?.hasPrefix("/opt/venv/bin:") == true)
        #expect(image.distributions.contains { $0.name == "flask" && $0.sitePackages.hasPrefix("/opt/venv/") })
    }

    @Test func nodeWinsOverPython() throws {
        let result = try BT.build(["railway.toml": Self.nixpacks, "main.py": "", "package.json": "{}"])
        #expect(result.failure?.kind == .unsupported)
    }

    @Test func noPlan() throws {
        let result = try BT.build(["railway.toml": Self.nixpacks, "README.md": ""])
        #expect(result.failure == BuildFailure(.noProvider, message: "Nixpacks was unable to generate a build plan for this app."))
    }

    @Test func noStartCommand() throws {
        let result = try BT.build(["railway.toml": Self.nixpacks, "requirements.txt": "flask\n"])
        #expect(result.failure == BuildFailure(.noStartCommand, message: "No start command could be found"))
    }

    @Test func procfileAndCustomStart() throws {
        let files = ["railway.toml": Self.nixpacks, "main.py": "", "Procfile": "web: gunicorn main:app\n"]
        #expect(BT.start(try BT.build(files)) == "gunicorn main:app")
        #expect(BT.start(try BT.build(files, startCommand: "python other.py")) == "python other.py")
    }

    @Test func versionSources() throws {
        let files = ["railway.toml": Self.nixpacks, "main.py": "", ".python-version": "3.12\n", "runtime.txt": "python-3.10.2"]
        #expect(try BT.build(files).image?.python?.version == PythonVersion(3, 12))
        // python.rs get_nix_python_package reads `.python-version` only when the variable is unset, but
        // its `else if runtime.txt` branch runs either way, so runtime.txt replaces the variable.
        #expect(try BT.build(files, variables: ["NIXPACKS_PYTHON_VERSION": "3.9"]).image?.python?.version == PythonVersion(3, 10))
        let withoutRuntime = files.filter { $0.key != "runtime.txt" }
        #expect(try BT.build(withoutRuntime, variables: ["NIXPACKS_PYTHON_VERSION": "3.9"]).image?.python?.version == PythonVersion(3, 9))
    }
}
