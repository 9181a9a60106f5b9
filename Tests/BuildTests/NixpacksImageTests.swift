import Railway
import Snapshot
import Testing
import TestSupport
@testable import Build

/// The image NixpacksBuilder derives from the plan: it must say what the plan says.
@Suite struct NixpacksImageTests {
    static let nixpacks = "[build]\nbuilder = \"NIXPACKS\"\n"

    static func build(_ files: [String: String], root: String = "/", variables: [String: String] = [:],
                      startCommand: String? = nil) throws -> BuildResult {
        var all = files
        all["railway.toml"] = all["railway.toml"] ?? nixpacks
        let settings = ServiceSettings(name: "svc", rootDirectory: root,
                                       variables: variables.sorted { $0.key < $1.key }.map { ServiceVariable(name: $0.key, value: $0.value) },
                                       startCommand: startCommand)
        let snapshot = RepoSnapshot.inMemory(all)
        return ImageBuilder.build(try ServiceResolver.resolve(settings, in: snapshot, options: .testDay), snapshot: snapshot)
    }

    static func env(_ result: BuildResult) -> [String: String] {
        Dictionary(result.image?.environment.map { ($0.name, $0.value) } ?? [], uniquingKeysWith: { $1 })
    }

    @Test func planVariablesBecomeImageVariables() throws {
        let result = try Self.build(["main.py": "", "requirements.txt": "flask\n"], variables: ["SECRET": "s"])
        let env = Self.env(result)
        #expect(env["NIXPACKS_METADATA"] == "python")
        #expect(env["PYTHONUNBUFFERED"] == "1")
        #expect(env["SECRET"] == "s")
        #expect(env["NIXPACKS_PATH"] == "/opt/venv/bin:")
        #expect(env["PATH"]?.hasPrefix("/opt/venv/bin:/nix/var/nix/profiles/default/bin") == true)
        #expect(result.plan.installCommands == ["python -m venv --copies /opt/venv && . /opt/venv/bin/activate && pip install -r requirements.txt"])
        #expect(result.image?.python?.version == PythonVersion(3, 11))
        #expect(result.log.first == "Nixpacks v1.39.0 (emulated)")
    }

    @Test func poetryInstallsTheLockedPackages() throws {
        let lock = "[[package]]\nname = \"flask\"\nversion = \"3.0.0\"\n"
        let result = try Self.build(["main.py": "", "pyproject.toml": "[tool.poetry]\nname = \"x\"\n", "poetry.lock": lock])
        #expect(result.plan.packageManager == "poetry")
        #expect(result.image?.distributions.contains { $0.name == "flask" && $0.sitePackages == "/opt/venv/lib/python3.11/site-packages" } == true)
        #expect(Self.env(result)["NIXPACKS_POETRY_VERSION"] == "1.3.1")
    }

    @Test func customInstallCommandHasNoVenv() throws {
        let result = try Self.build(["main.py": "", "requirements.txt": "flask\n"], variables: ["NIXPACKS_INSTALL_CMD": "pip install flask"])
        #expect(result.image?.virtualEnvironment == nil)
        #expect(result.plan.installCommands == ["pip install flask"])
        #expect(result.notes.contains(.runNotModelled(command: "pip install flask", location: SourceLocation(file: "Nixpacks install phase"))))
    }

    @Test func pythonFromConfiguredNixPackages() throws {
        let toml = "[phases.setup]\nnixPkgs = [\"python312\", \"gcc\"]\n"
        let result = try Self.build(["main.py": "", "nixpacks.toml": toml])
        #expect(result.image?.python?.version == PythonVersion(3, 12))
        #expect(result.image?.python?.versionSource.contains("python312") == true)
        let none = try Self.build(["main.py": "", "nixpacks.toml": "[phases.setup]\nnixPkgs = [\"gcc\"]\n"])
        #expect(none.failure?.kind == .unsupported)
    }

    @Test func startCommandSources() throws {
        let procfile = try Self.build(["main.py": "", "Procfile": "web: python web.py\n"])
        #expect(procfile.startCommand?.source == "Procfile:1 (web)")
        let toml = try Self.build(["main.py": "", "nixpacks.toml": "# start\n[start]\ncmd = \"python toml.py\"\n"])
        #expect(toml.startCommand?.display == "python toml.py")
        #expect(toml.startCommand?.source == "nixpacks.toml:3")
        let variable = try Self.build(["main.py": ""], variables: ["NIXPACKS_START_CMD": "python var.py"])
        #expect(variable.startCommand?.source == "NIXPACKS_START_CMD")
        let provider = try Self.build(["main.py": ""])
        #expect(provider.startCommand?.source == "Nixpacks' Python provider")
        #expect(provider.image?.cmd == ["python main.py"])
        #expect(provider.image?.entrypoint == ["/bin/bash", "-l", "-c"])
    }

    @Test func startUserAndRunImage() throws {
        let user = try Self.build(["main.py": "", "nixpacks.toml": "[start]\nuser = \"app\"\n"])
        #expect(user.image?.user == "app")
        #expect(user.startCommand?.display == "python main.py")
        let runImage = try Self.build(["main.py": "", "nixpacks.toml": "[start]\nrunImage = \"ubuntu:noble\"\n"])
        #expect(runImage.failure?.kind == .unsupported)
    }

    @Test func subdirectoryBecomesTheApp() throws {
        let result = try Self.build(["README.md": "", "backend/main.py": "", "backend/requirements.txt": "flask\n"])
        #expect(result.failure == nil)
        #expect(result.image?.fileSystem.isFile("/app/main.py") == true)
        #expect(result.log.contains("Using subdirectory \"backend\""))
    }

    @Test func dockerignoreAppliesToTheCopy() throws {
        let result = try Self.build(["main.py": "", "local_settings.py": "", ".dockerignore": "local_settings.py\n"])
        #expect(result.image?.fileSystem.isFile("/app/main.py") == true)
        #expect(result.image?.fileSystem.isFile("/app/local_settings.py") == false)
    }

    @Test func rootDirectoryIsTheApp() throws {
        let result = try Self.build(["svc/main.py": "", "svc/requirements.txt": "flask\n", "package.json": "{}"], root: "svc")
        #expect(result.failure == nil)
        #expect(result.startCommand?.display == "python main.py")
    }

    @Test func nodeAndPythonIsNotEmulated() throws {
        let toml = "providers = [\"node\", \"python\"]\n[start]\ncmd = \"python --version\"\n"
        let result = try Self.build(["nixpacks.toml": toml])
        #expect(result.failure == BuildFailure(.unsupported, message: "railsim simulates Python services; Nixpacks detected Node"))
        #expect(result.notes.contains(.nonPythonProvider("Node")))
    }

    @Test func nixpacksFailuresFailTheBuild() throws {
        let django = try Self.build(["manage.py": "", "requirements.txt": "django\n", "main.py": ""])
        #expect(django.failure == BuildFailure(.unsupported, message: "Failed to find your WSGI_APPLICATION django setting. Add this to continue."))
        let toml = try Self.build(["main.py": "", "nixpacks.toml": "[start]\ncmd = 1\n"])
        #expect(toml.failure?.kind == .configInvalid)
        #expect(toml.failure?.location?.file == "nixpacks.toml")
        let procfile = try Self.build(["main.py": "", "Procfile": "web: a: b\n"])
        #expect(procfile.failure?.message.hasPrefix("Reading Procfile") == true)
    }
}
