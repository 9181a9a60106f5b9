import Snapshot
import Testing
@testable import Build

/// Railpack's Deno provider (railpack:core/providers/deno/deno.go).
@Suite struct RailpackDenoTests {
    @Test func firstSourceFileWithoutAMainFile() throws {
        // No root main.*: the first **/*.{ts,js,mjs,mts} in doublestar's sorted alternatives
        // order is the entry point; RAILPACK_DENO_VERSION is applied after mise files.
        let planned = try RailpackFixturePlans.check("deno-glob-main")
        #expect(planned.result.resolvedPackages["deno"]?.requestedVersion == "2.1")
    }

    @Test(arguments: [
        (["deno.json": "{}", "main.mts": "", "main.js": ""], "main.js"),
        (["deno.json": "{}", "main.ts/x": "", "a.ts": ""], "a.ts"),
    ])
    func mainFile(files: [String: String], main: String) {
        let app = RailpackApp(snapshot: .inMemory(files), root: .root)
        #expect(RailpackDenoProvider.findMainFile(app) == main)
    }

    @Test func noSourceMeansNoBuildCommandAndNoStart() {
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: .inMemory(["deno.json": "{}"]), railpackVersion: "dev",
                                                                  errorMissingStartCommand: false))
        #expect(result.plan?.step(named: "build")?.commands == [])
        #expect(result.plan?.deploy.startCommand == "")
    }
}
