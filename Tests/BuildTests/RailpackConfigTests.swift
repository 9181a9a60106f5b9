import Railway
import Snapshot
import Testing
@testable import Build

/// railpack.json as Go's encoding/json reads it, config layering, and `"..."` spreads
/// (railpack:core/config/config.go, core/core.go GetConfig, core/plan/{layer,command,spread}.go).
@Suite struct RailpackConfigTests {
    static func decode(_ json: String) throws -> RailpackConfig {
        try RailpackConfigDecoder.decode(try ConfigDocumentParser.parseJSONWithComments(json, file: "railpack.json"))
    }

    @Test func stringCommandsSeeTheRawJSONText() throws {
        // UnmarshalStringCommand gets the JSON text with its quotes, so `RUN:` never matches as a
        // prefix and the whole string becomes `sh -c '…'`.
        let config = try Self.decode(#"{"steps": {"build": {"commands": ["npm run build", "RUN:echo hi", "RUN#named:echo hi", {"path": "/x"}]}}}"#)
        #expect(config.steps["build"]?.commands == [
            .shell("npm run build"),
            .shell("RUN:echo hi"),
            .exec(cmd: "sh -c 'RUN#named:echo hi'", customName: "named"),
            .path("/x"),
        ])
    }

    @Test func objectCommandsByKeys() throws {
        let config = try Self.decode(#"{"steps": {"s": {"commands": [{"cmd": "ls", "customName": "list"}, {"path": "/etc/x", "name": "asset", "mode": 420}, {"src": "a", "dest": "b"}, "..."]}}}"#)
        let commands = try #require(config.steps["s"]?.commands)
        #expect(commands[0] == .exec(cmd: "ls", customName: "list"))
        #expect(commands[1] == .file(path: "/etc/x", name: "asset", mode: 420, customName: ""))
        #expect(commands[2] == .copy(src: "a", dest: "b", image: ""))
        #expect(commands[3].isSpread)
    }

    @Test func layerShorthands() throws {
        let config = try Self.decode(#"{"deploy": {"inputs": [".", "...", "$build", {"step": "install", "include": ["/app/.venv"]}]}}"#)
        #expect(config.deploy?.inputs == [.local, RailpackPlan.Layer(spread: true), .step("build"), .step("install", include: ["/app/.venv"])])
        #expect(throws: RailpackConfigDecoder.DecodeError.self) { try Self.decode(#"{"deploy": {"inputs": ["build"]}}"#) }
    }

    @Test func keysMatchCaseInsensitivelyAndUnknownKeysAreIgnored() throws {
        let config = try Self.decode(#"{"$schema": "x", "Deploy": {"StartCommand": "python a.py"}, "unknown": 1}"#)
        #expect(config.deploy?.startCommand == "python a.py")
    }

    @Test func wrongTypesFailTheBuild() throws {
        #expect(throws: RailpackConfigDecoder.DecodeError.self) { try Self.decode(#"{"provider": 3}"#) }
        #expect(throws: RailpackConfigDecoder.DecodeError.self) { try Self.decode(#"{"packages": {"python": 3.12}}"#) }
        #expect(throws: RailpackConfigDecoder.DecodeError.self) { try Self.decode(#"{"secrets": "A"}"#) }
    }

    @Test func fileBeatsEnvironmentBeatsOptions() {
        let options = RailpackConfig.fromOptions(buildCommand: "make", startCommand: "./railway-start")
        let environment = RailpackConfig.fromEnvironment(RailpackEnvironment(["RAILPACK_START_CMD": " ./env-start ", "RAILPACK_PACKAGES": "node@22 python"]))
        var file = RailpackConfig()
        file.deploy?.startCommand = "./file-start"
        #expect(RailpackConfig.merged([options, environment]).deploy?.startCommand == "./env-start")
        #expect(RailpackConfig.merged([options, environment, file]).deploy?.startCommand == "./file-start")
        #expect(environment.packages == ["node": "22", "python": "latest"])
        // `--build-cmd` and RAILPACK_BUILD_CMD make a build step that copies the context first, using every secret.
        #expect(options.steps["build"]?.commands == [.copy("."), .shell("make")])
        #expect(options.steps["build"]?.secrets == ["*"])
        // Every variable is a secret, sorted.
        #expect(environment.secrets == ["RAILPACK_PACKAGES", "RAILPACK_START_CMD"])
    }

    @Test func spreads() {
        #expect(RailpackSpread.strings(nil, ["a"]) == ["a"])
        #expect(RailpackSpread.strings(["x"], ["a"]) == ["x"])
        #expect(RailpackSpread.strings(["x", "...", "y"], ["a", "b"]) == ["x", "a", "b", "y"])
        #expect(RailpackSpread.strings([], ["a"]) == [])
    }

    @Test func fuzzyVersions() {
        // railpack:core/resolver/version.go resolveToFuzzyVersion
        for (input, output) in [("", "latest"), ("*", "latest"), (">=3.9", "3"), (">= 22 <23", "22"), ("^3.11.2", "3"), ("~3.12", "3.12"),
                                ("v20.1", "20.1"), ("3.x", "3"), ("3.12.", "3.12"), ("3.13t", "3.13t")] {
            #expect(PackageResolver.fuzzy(input) == output)
        }
    }
}
