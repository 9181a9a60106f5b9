import Foundation
import Snapshot
import Testing
import TestSupport
@testable import Build

/// The generate context's rules: doublestar globbing, mise config files, normalisation and
/// validation (railpack:core/app/app.go, core/generate/*.go, core/plan/plan.go, core/validate.go).
@Suite struct RailpackGenerateTests {
    static func app(_ files: [String: String], root: String = "") -> RailpackApp {
        RailpackApp(snapshot: RepoSnapshot.inMemory(files), root: RepoPath(root) ?? .root)
    }

    @Test func doublestarWalkOrder() {
        // A directory's own matches first, then its subdirectories depth first; hidden names match.
        let app = Self.app(["z.py": "", "a.py": "", "mysite/settings.py": "", "mysite/sub/x.py": "", ".hidden/h.py": "", "b/c.txt": ""])
        #expect(app.findFiles("**/*.py") == ["a.py", "z.py", ".hidden/h.py", "mysite/settings.py", "mysite/sub/x.py"])
        #expect(app.findFiles("*") == ["a.py", "z.py"])
        #expect(app.findDirectories("*") == [".hidden", "b", "mysite"])
        // Alternatives come back sorted and without duplicates.
        #expect(Self.app(["pyproject.toml": "", "x/requirements.txt": "", "Pipfile": ""]).findFiles("**/{requirements.txt,pyproject.toml,Pipfile}")
                == ["Pipfile", "pyproject.toml", "x/requirements.txt"])
        #expect(Self.app(["pom.xml": "", "pom.yml": ""]).hasMatch("pom.{xml,atom,clj,groovy,rb,scala,yaml,yml}"))
        #expect(RailpackGlob.matchSegment("mise.*.toml", "mise.production.toml"))
        #expect(!RailpackGlob.matchSegment("*.csproj", "a.csproj.bak"))
        #expect(RailpackGlob.matchSegment("[a-c]?.py", "bz.py"))
    }

    @Test func appPathsStayInTheAnalysedDirectory() {
        let app = Self.app(["api/main.py": "", "secret.txt": "x"], root: "api")
        #expect(app.hasFile("main.py"))
        #expect(!app.hasFile("../secret.txt"))
        #expect(app.readFile("../secret.txt") == nil)
    }

    @Test func miseConfigFilesInRailpacksOrder() {
        let app = Self.app([".python-version": "3.12", "mise.toml": "", ".tool-versions": "", "mise.production.toml": "",
                            ".config/mise/conf.d/a.toml": "", "mise.lock": "", "Gemfile": ""])
        #expect(MiseConfigFiles.supporting(in: app) == ["mise.toml", ".tool-versions", ".python-version", "Gemfile", "mise.production.toml",
                                                        ".config/mise/conf.d/a.toml", "mise.lock"])
    }

    @Test func miseTomlLikeBurntSushi() {
        var settings = MiseSettings()
        settings.set("python.compile", .bool(false))
        settings.set("paranoid", .bool(true))
        settings.set("pipx.uvx", .bool(true))
        #expect(MiseToml.render(tools: ["python": "3.13", "pipx:pdm": "latest"], settings: settings)
                == "[tools]\n  \"pipx:pdm\" = \"latest\"\n  python = \"3.13\"\n\n[settings]\n  paranoid = true\n  [settings.pipx]\n    uvx = true\n  [settings.python]\n    compile = false\n")
    }

    @Test func normalizeDropsUnreachableSteps() {
        var plan = RailpackPlan()
        plan.steps = [RailpackPlan.Step(name: "a"), RailpackPlan.Step(name: "b"), RailpackPlan.Step(name: "c")]
        plan.steps[1].inputs = [.step("a"), RailpackPlan.Layer()]
        plan.deploy.inputs = [.step("b"), RailpackPlan.Layer()]
        plan.normalize()
        #expect(plan.steps.map(\.name) == ["a", "b"])
        #expect(plan.steps[1].inputs == [.step("a")])
        #expect(plan.deploy.inputs == [.step("b")])
        // With no reference at all, every step stays.
        var unreferenced = RailpackPlan()
        unreferenced.steps = [RailpackPlan.Step(name: "x")]
        unreferenced.normalize()
        #expect(unreferenced.steps.count == 1)
    }

    @Test func noProviderMessageListsLanguagesAndTree() {
        let message = RailpackValidation.noProviderMessage(Self.app(["notes.txt": "", "docs/a.md": ""]))
        #expect(message.hasPrefix("Railpack could not determine how to build the app.\n\nThe following languages are supported:\n- Php\n- Golang\n"))
        #expect(message.contains("- Elixir\n- Python\n"))
        #expect(message.contains("./\n├── docs/\n└── notes.txt\n"))
        #expect(message.hasSuffix("Check out the docs for more information: https://railpack.com"))
    }

    @Test func everyProviderIsRegisteredOnceInOrder() {
        #expect(RailpackProviders.languageProviders().map(\.name)
                == ["php", "golang", "java", "rust", "ruby", "Elixir", "python", "deno", "Dotnet", "node", "gleam", "cpp", "staticfile", "shell"])
        #expect(RailpackProviders.provider(named: "PYTHON")?.name == "python")
    }

    /// Every provider plans: none is reported as not emulated any more.
    @Test func everyProviderPlans() {
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: RepoSnapshot.inMemory(["package.json": "{}"])))
        #expect(result.failure != .notEmulated(provider: "Node"))
        #expect(result.detectedProvider == "node")
    }

    @Test func configProviderOverridesDetection() {
        let files = ["main.py": "", "package.json": "{}", "railpack.json": #"{"provider": "python"}"#]
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: RepoSnapshot.inMemory(files)))
        #expect(result.detectedProvider == "python")
        #expect(result.provider == "python")
        #expect(result.logs.contains(RailpackLog(.info, "Using provider Python from config")))
    }

    @Test func configStepsWithoutAProvider() throws {
        // A config step runs on the mise step and reaches the image as `include: ["."]`
        // (railpack:core/generate/context.go applyConfig).
        let files = ["run.sh": "", "railpack.json": #"{"steps": {"hello": {"commands": ["./run.sh"]}}, "deploy": {"startCommand": "./run.sh"}}"#]
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: RepoSnapshot.inMemory(files), railpackVersion: "dev"))
        let plan = try #require(result.plan)
        #expect(plan.steps.map(\.name) == ["packages:mise", "hello"])
        #expect(plan.step(named: "hello")?.inputs == [.step("packages:mise")])
        #expect(plan.deploy.inputs == [.step("hello", include: ["."])])
        #expect(plan.deploy.variables == ["RAILPACK_VERSION": "dev"])
        #expect(result.provider == nil)
    }

    @Test func missingStartCommandIsAnErrorOnRailway() {
        let files = ["requirements.txt": "requests\n"]
        let railway = RailpackPlanner.generate(RailpackPlanRequest(snapshot: RepoSnapshot.inMemory(files)))
        guard case .noStartCommand(let message)? = railway.failure else { Issue.record("expected a missing start command"); return }
        #expect(message.hasPrefix("No start command detected. Specify a start command: https://railpack.com/config/file#deploy\n\nTo start your Python application"))
        let local = RailpackPlanner.generate(RailpackPlanRequest(snapshot: RepoSnapshot.inMemory(files), errorMissingStartCommand: false))
        #expect(local.plan != nil)
        #expect(local.logs.contains { $0.level == .warn && $0.message.hasPrefix("No start command detected") })
    }

    @Test func disabledCaches() throws {
        let files = ["main.py": "", "requirements.txt": "flask\n"]
        let one = RailpackPlanner.generate(RailpackPlanRequest(snapshot: RepoSnapshot.inMemory(files), environment: RailpackEnvironment(["RAILPACK_DISABLE_CACHES": "pip"])))
        #expect(try #require(one.plan).caches.isEmpty)
        #expect(try #require(one.plan).step(named: "install")?.caches == [])
    }
}

/// Hostile layouts must not crash the planner.
@Suite struct RailpackHostileInputTests {
    @Test func symlinkLoopsAndOddFiles() throws {
        let directory = try ProcessRunner.temporaryDirectory("railpack-hostile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let manager = FileManager.default
        try manager.createDirectory(at: directory.appendingPathComponent("pkg"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: directory.appendingPathComponent("pkg/loop").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: directory.appendingPathComponent("self").path, withDestinationPath: "self")
        try manager.createDirectory(at: directory.appendingPathComponent("requirements.txt"), withIntermediateDirectories: true)
        try Data("\u{FEFF}web: python main.py\r\n".utf8).write(to: directory.appendingPathComponent("Procfile"))
        try Data("[tool.uv.workspace\n".utf8).write(to: directory.appendingPathComponent("pyproject.toml"))
        try Data([0xFF, 0xFE, 0x00]).write(to: directory.appendingPathComponent("main.py"))
        let snapshot = try DirectorySnapshot.load(directory.path)
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: snapshot, errorMissingStartCommand: false))
        #expect(result.provider == "python")
        #expect(result.plan != nil)
    }

    @Test func malformedRailpackJSONIsAnError() {
        for text in ["{", "[]", #"{"steps": {"a": {"inputs": [1]}}}"#, #"{"deploy": {"base": "nope"}}"#, #"{"steps": 3}"#] {
            let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: RepoSnapshot.inMemory(["main.py": "", "railpack.json": text])))
            guard case .config? = result.failure else { Issue.record("\(text) was accepted"); continue }
        }
    }
}
