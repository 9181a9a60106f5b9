import Snapshot
import Testing
@testable import Build

/// Helpers for planning in-memory apps.
enum NT {
    static func plan(_ files: [String: String], variables: [String: String] = [:], root: String = "",
                     options: NixpacksPlanOptions = NixpacksPlanOptions()) throws(NixpacksPlanError) -> NixpacksPlan {
        try NixpacksPlanner.plan(snapshot: .inMemory(files), root: RepoPath(root) ?? .root, variables: variables, options: options)
    }

    /// A snapshot with raw bytes, for files that are not UTF-8.
    static func snapshot(_ files: [String: [UInt8]]) -> RepoSnapshot {
        var bytes: [RepoPath: [UInt8]] = [:]
        var entries: [RepoPath: SnapshotEntryKind] = [:]
        for (raw, content) in files {
            guard let path = RepoPath(raw) else { continue }
            bytes[path] = content
            entries[path] = .file(size: content.count)
            var parent = path.parent
            while let directory = parent, !directory.isRoot {
                entries[directory] = .directory
                parent = directory.parent
            }
        }
        return RepoSnapshot(source: InMemoryByteSource(displayName: "bytes", files: bytes), entries: entries)
    }

    static func install(_ plan: NixpacksPlan) -> [String] { plan.phases?["install"]?.cmds ?? [] }
    static func packages(_ plan: NixpacksPlan) -> [String] { plan.phases?["setup"]?.nixPkgs ?? [] }

    static func error(_ body: () throws(NixpacksPlanError) -> NixpacksPlan) -> NixpacksPlanError? {
        do { _ = try body(); return nil } catch { return error }
    }
}

/// The generator: provider order, layers, merging, pinning and the subdirectory fallback
/// (nixpacks:src/nixpacks/plan/generator.rs, merge.rs, mod.rs).
@Suite struct NixpacksPlannerTests {
    @Test func packageJsonMakesItNode() throws {
        // lib.rs get_providers: node precedes python, and only one provider is detected.
        let plan = try NT.plan(["package.json": "{}", "requirements.txt": "flask\n", "main.py": ""])
        #expect(plan.context.providers == ["node"])
        #expect(plan.context.unemulatedProviders == ["node"])
        #expect(plan.variables?["NIXPACKS_METADATA"] == "node")
        #expect(plan.phases?["install"] == nil)
    }

    @Test func nodeIsNotMistakenForAnEmptyRoot() throws {
        // No subdirectory fallback when an unemulated provider was detected.
        let plan = try NT.plan(["package.json": "{}", "api/main.py": ""])
        #expect(plan.context.appDirectory == .root)
        #expect(plan.context.unemulatedProviders == ["node"])
    }

    @Test(arguments: [
        ("Gemfile", "ruby"), ("go.mod", "go"), ("composer.json", "php"), ("mix.exs", "elixir"), ("shard.yml", "crystal"),
        ("src/App.csproj", "c#"), ("build.sbt", "scala"), ("pom.xml", "java"), ("deno.json", "deno"), ("haunt.scm", "scheme"),
    ])
    func providersBeforePythonWin(file: String, provider: String) throws {
        let plan = try NT.plan([file: "", "requirements.txt": "flask\n"])
        #expect(plan.context.providers == [provider])
    }

    @Test func providersAfterPythonLose() throws {
        let plan = try NT.plan(["Cargo.toml": "", "main.py": "", "index.html": ""])
        #expect(plan.context.providers == ["python"])
        #expect(try NT.plan(["Cargo.toml": ""]).context.unemulatedProviders == ["rust"])
    }

    @Test func denoImportInAScriptMakesItDeno() throws {
        // deno.rs detect: any .ts/.js file importing from deno.land, before Python in the order.
        let script = "import { serve } from \"https://deno.land/std@0.140.0/http/server.ts\";\n"
        #expect(try NT.plan(["static/app.js": script, "main.py": ""]).context.providers == ["deno"])
        #expect(try NT.plan(["static/app.js": "import x from './x.js';\n", "main.py": ""]).context.providers == ["python"])
    }

    @Test func nonUTF8ScriptFailsDenoDetection() {
        // app.rs find_match reads every candidate with read_to_string, so bad UTF-8 fails the plan.
        let snapshot = NT.snapshot(["main.py": [], "vendor/old.js": [0x66, 0xFF, 0x0A]])
        let error = NT.error { () throws(NixpacksPlanError) in try NixpacksPlanner.plan(snapshot: snapshot, variables: [:]) }
        #expect(error?.kind == .nixpacks)
        #expect(error?.message.hasPrefix("Error reading vendor/old.js") == true)
    }

    @Test func configuredProvidersFillTheDetectedOne() throws {
        let toml = "providers = [\"...\", \"python\"]\n"
        let plan = try NT.plan(["package.json": "{}", "nixpacks.toml": toml, "main.py": ""])
        #expect(plan.context.providers == ["node", "python"])
        #expect(plan.phases?["python:setup"] != nil)
        #expect(plan.phases?["python:install"]?.dependsOn == ["python:setup"])
        #expect(plan.variables?["NIXPACKS_METADATA"] == "node,python")
        // Without the placeholder the list replaces detection.
        #expect(try NT.plan(["package.json": "{}", "nixpacks.toml": "providers = [\"python\"]\n", "main.py": ""]).context.providers == ["python"])
    }

    @Test func unknownProviderFails() {
        let error = NT.error { () throws(NixpacksPlanError) in try NT.plan(["main.py": "", "nixpacks.toml": "providers = [\"cobolt\"]\n"]) }
        #expect(error?.message == "Provider cobolt not found")
    }

    @Test func providersAndBuildImageArePinned() throws {
        let plan = try NT.plan(["main.py": ""])
        #expect(plan.providers == [])
        #expect(plan.buildImage == "ghcr.io/railwayapp/nixpacks:ubuntu-1745885067")
        #expect(try NT.plan(["main.py": ""], variables: ["NIXPACKS_DEBIAN": "1"]).buildImage == "ghcr.io/railwayapp/nixpacks:debian-1745885067")
        #expect(try NT.plan(["main.py": "", "nixpacks.json": "{\"buildImage\": \"custom:1\"}"]).buildImage == "custom:1")
    }

    @Test func everyVariableReachesThePlan() throws {
        let plan = try NT.plan(["main.py": ""], variables: ["DATABASE_URL": "postgres://x", "EMPTY": "", "PIP_DEFAULT_TIMEOUT": "5"])
        #expect(plan.variables?["DATABASE_URL"] == "postgres://x")
        #expect(plan.variables?["EMPTY"] == nil)  // environment.rs from_envs: `NAME=` reads Nixpacks' own environment
        #expect(plan.variables?["PIP_DEFAULT_TIMEOUT"] == "5")  // the service's value beats the provider's default
        // environment.rs from_envs splits `NAME=VALUE` with a regex whose name stops at the first other character.
        #expect(try NT.plan(["main.py": ""], variables: ["A.B": "1"]).variables?["A"] == ".B=1")
    }

    @Test func noProviderAndNoDirectoryGivesAnEmptyPlan() throws {
        let plan = try NT.plan(["README.md": "", "docs/a.md": "", "notes/b.md": ""])
        #expect(plan.phases == [:])
        #expect(plan.json() == "{\n  \"providers\": [],\n  \"buildImage\": \"ghcr.io/railwayapp/nixpacks:ubuntu-1745885067\",\n  \"phases\": {}\n}")
    }

    @Test func singleSubdirectoryFallback() throws {
        let plan = try NT.plan(["README.md": "", "service/main.py": ""])
        #expect(plan.context.appDirectory == RepoPath("service"))
        #expect(plan.start?.cmd == "python main.py")
    }

    @Test func cliLayerWinsOverEverything() throws {
        let files = ["main.py": "", "Procfile": "web: python web.py\n", "nixpacks.toml": "[start]\ncmd = \"python toml.py\"\n"]
        #expect(try NT.plan(files).start?.cmd == "python toml.py")
        #expect(try NT.plan(files).context.startSource == .configFile(RepoPath("nixpacks.toml") ?? .root, line: 2))
        #expect(try NT.plan(files, variables: ["NIXPACKS_START_CMD": "python env.py"]).start?.cmd == "python env.py")
        let options = NixpacksPlanOptions(buildCommand: "make", startCommand: "python cli.py")
        let plan = try NT.plan(files, variables: ["NIXPACKS_START_CMD": "python env.py"], options: options)
        #expect(plan.start?.cmd == "python cli.py")
        #expect(plan.context.startSource == .options)
        #expect(plan.phases?["build"]?.cmds == ["make"])
        #expect(plan.phases?["build"]?.dependsOn == ["install"])
    }

    @Test func configFileErrors() {
        let bad = NT.error { () throws(NixpacksPlanError) in try NT.plan(["main.py": "", "nixpacks.toml": "[start\n"]) }
        #expect(bad?.kind == .configFile)
        #expect(bad?.message.hasPrefix("Failed to parse Nixpacks config file `nixpacks.toml`") == true)
        let wrongType = NT.error { () throws(NixpacksPlanError) in try NT.plan(["main.py": "", "nixpacks.toml": "[variables]\nPORT = 8080\n"]) }
        #expect(wrongType?.kind == .configFile)
        #expect(wrongType?.line == 2)
        let duplicate = NT.error { () throws(NixpacksPlanError) in
            try NT.plan(["main.py": "", "nixpacks.toml": "[phases.setup]\nnixPkgs = [\"a\"]\nnixPackages = [\"b\"]\n"])
        }
        #expect(duplicate?.message.hasSuffix("duplicate field `nixPkgs`") == true)
        let missing = NT.error { () throws(NixpacksPlanError) in try NT.plan(["main.py": ""], variables: ["NIXPACKS_CONFIG_FILE": "ci/nixpacks.toml"]) }
        #expect(missing?.message == "Config file ci/nixpacks.toml does not exist")
        let unknownType = NT.error { () throws(NixpacksPlanError) in
            try NT.plan(["main.py": "", "ci/plan.yaml": "a: b\n"], variables: ["NIXPACKS_CONFIG_FILE": "ci/plan.yaml"])
        }
        #expect(unknownType?.message == "Unknown file type: ci/plan.yaml")
    }

    @Test func configFileAliasesAndJSON() throws {
        let json = "{\"phases\": {\"setup\": {\"nixPackages\": [\"...\", \"ffmpeg\"], \"aptPackages\": [\"curl\"]}, \"install\": {\"commands\": [\"pip install .\"]}}}"
        let plan = try NT.plan(["main.py": "", "nixpacks.json": json])
        #expect(NT.packages(plan) == ["python3", "gcc", "ffmpeg"])
        #expect(plan.phases?["setup"]?.aptPkgs == ["curl"])
        #expect(NT.install(plan) == ["pip install ."])
    }

    @Test func releasePhaseKeepsProviderCommandsAfterPlaceholder() throws {
        let plan = try NT.plan(["main.py": "", "Procfile": "web: python main.py\nrelease: python migrate.py\n"])
        #expect(plan.phases?["release"]?.cmds == ["python migrate.py"])
        #expect(plan.phases?["release"]?.dependsOn == ["setup", "install", "build"])
    }

    @Test func sortedPhasesFollowDependencies() throws {
        let plan = try NT.plan(["main.py": "", "Procfile": "web: x\nrelease: y\n"], options: NixpacksPlanOptions(buildCommand: "make"))
        #expect(plan.sortedPhases?.compactMap(\.name) == ["setup", "install", "build", "release"])
        var cyclic = NixpacksPlan()
        var a = NixpacksPhase(name: "a"); a.dependsOn = ["b"]
        var b = NixpacksPhase(name: "b"); b.dependsOn = ["a"]
        cyclic.addPhase(a); cyclic.addPhase(b)
        #expect(cyclic.sortedPhases == nil)
    }
}
