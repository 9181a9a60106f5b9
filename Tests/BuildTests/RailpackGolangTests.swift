import Snapshot
import Testing
@testable import Build

/// Railpack's Go provider (railpack:core/providers/golang/golang.go): fixtures under
/// fixtures/railpack/go-*/ and the rules that need no fixture.
@Suite struct RailpackGolangTests {
    @Test func cgoAndANamedCommand() throws {
        // GetBuilder adds the C toolchain, Plan adds libc6 to the image and InstallGoDeps leaves
        // CGO_ENABLED alone; RAILPACK_GO_BIN picks cmd/<name> (Build).
        let planned = try RailpackFixturePlans.check("go-cgo-bin")
        #expect(planned.result.resolvedPackages["go"]?.requestedVersion == "1.22.3")
        #expect(planned.result.metadata["goCGO"] == "true")
    }

    @Test func aLoneMainFileHasNoModuleStep() throws {
        // Without go.mod or go.work nothing is copied or downloaded (InstallGoDeps), and main.go
        // is built directly (Build).
        let planned = try RailpackFixturePlans.check("go-main-only")
        #expect(planned.result.resolvedPackages["go"]?.requestedVersion == "1.25")
        #expect(planned.result.startCommandOrigin == "Railpack's Go provider")
    }

    @Test func nestedModulesAreCopiedAndRootFilesBuilt() throws {
        // GoWorkspacePackages lists every nested go.mod even outside a workspace; root .go files
        // win over cmd/ (Build).
        let planned = try RailpackFixturePlans.check("go-nested-modules")
        #expect(planned.result.metadata["goGin"] == "true")
        #expect(planned.result.metadata["goWorkspace"] == nil)  // SetBool records true only
    }

    @Test(arguments: [
        ("module m\n\ngo 1.21.4\ntoolchain go1.22.0\n", "1.21.4"),
        ("module m\ngo 1.22 // pinned\n", "1.22 // pinned"),
        // The prefix is cut from the untrimmed line, so an indented directive keeps `go `.
        ("module m\n  go 1.20\n", "go 1.20"),
        ("module m\ngolang 1.2\n", nil),
    ] as [(String, String?)])
    func goModVersion(text: String, version: String?) {
        let app = RailpackApp(snapshot: .inMemory(["go.mod": text]), root: .root)
        #expect(GoProject(app: app).goModVersion == version)
    }

    @Test func workspaceModuleVariableWinsOverBin() throws {
        let snapshot = RepoSnapshot.inMemory(["go.work": "go 1.23\nuse ./api\n", "api/go.mod": "module api\n", "api/main.go": "package main\n"])
        let result = RailpackPlanner.generate(RailpackPlanRequest(
            snapshot: snapshot, environment: RailpackEnvironment(["RAILPACK_GO_WORKSPACE_MODULE": "svc", "RAILPACK_GO_BIN": "x"]), railpackVersion: "dev"))
        #expect(result.plan?.step(named: "build")?.commands == [.exec("go build -ldflags=\"-w -s\" -o out ./svc")])
    }

    @Test func workspaceWithoutVariableBuildsTheFirstModuleWithAMain() throws {
        let snapshot = RepoSnapshot.inMemory(["go.work": "go 1.23\n", "lib/go.mod": "module lib\n", "svc/go.mod": "module svc\n", "svc/main.go": ""])
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: snapshot, railpackVersion: "dev"))
        #expect(result.plan?.step(named: "build")?.commands == [.exec("go build -ldflags=\"-w -s\" -o out ./svc")])
        #expect(result.plan?.step(named: "install")?.commands.contains(.copy("lib/go.mod")) == true)
    }
}
