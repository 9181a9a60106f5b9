import Testing
@testable import Build

/// Console scripts written by a project install ([project.scripts]).
@Suite struct ProjectConsoleScriptsTests {
    @Test func binDirectoryFollowsTheSitePackages() {
        #expect(ProjectConsoleScripts.prefix(ofSitePackages: "/usr/local/lib/python3.12/site-packages") == "/usr/local")
        #expect(ProjectConsoleScripts.prefix(ofSitePackages: "/app/.venv/lib/python3.13/site-packages") == "/app/.venv")
        #expect(ProjectConsoleScripts.prefix(ofSitePackages: "/deps") == nil)  // --target: no scripts here
        let nodes = ProjectConsoleScripts.nodes([("shop-serve", "shop.cli:main"), ("bad", "no-colon")],
                                                sitePackages: "/opt/venv/lib/python3.12/site-packages", origin: "test")
        #expect(Set(nodes.keys) == ["/opt/venv/bin/shop-serve"])
    }

    @Test func wrapperPutsTheImportOnLineFiveAsPipDoes() throws {
        // [EXP] pip 23.2.1 `pip install .` of a project with `shop-serve = "shop.cli:nope"`: the traceback
        // through the script reads `File ".../bin/shop-serve", line 5, in <module>` / `from shop.cli import nope`.
        let text = try #require(ProjectConsoleScripts.wrapper(target: "shop.cli:nope", interpreter: "/usr/local/bin/python3"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "#!/usr/local/bin/python3")
        #expect(lines[4] == "from shop.cli import nope")
        #expect(text.contains("sys.exit(nope())"))
        #expect(lines[7] == "    sys.exit(nope())")  // pip's line 8
        // [EXP] uv 0.13.9 `uv pip install`: the import on line 4, the call on line 10.
        let uv = try #require(ProjectConsoleScripts.wrapper(target: "shop.cli:nope", interpreter: "/app/.venv/bin/python", installer: .uv))
        let uvLines = uv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(uvLines[3] == "from shop.cli import nope")
        #expect(uvLines[9] == "    sys.exit(nope())")
        #expect(ProjectConsoleScripts.Installer(command: "uv sync --locked --no-dev --no-editable") == .uv)
        #expect(ProjectConsoleScripts.Installer(command: "pip install .") == .pip)
        let nested = try #require(ProjectConsoleScripts.wrapper(target: "shop.cli:App.run", interpreter: "/x/bin/python"))
        #expect(nested.contains("from shop.cli import App\n") && nested.contains("sys.exit(App.run())"))
    }
}
