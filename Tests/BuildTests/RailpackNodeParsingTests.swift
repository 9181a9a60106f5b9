import Railway
import Testing
@testable import Build

/// How the Node provider reads manifests, YAML, config text and templates, each as Railpack's Go
/// code reads it (railpack:core/providers/node/package_json.go, package_manager.go, vite.go, …).
@Suite struct RailpackNodeParsingTests {
    static func decode(_ json: String) throws -> NodePackageJson {
        try NodePackageJsonDecoder.decode(try ConfigDocumentParser.parseJSONWithComments(json, file: "package.json"))
    }

    /// Keys match case-insensitively, `null` keeps defaults, unknown keys are ignored, comments
    /// and trailing commas are fine (encoding/json after hujson).
    @Test func decodesLikeGo() throws {
        let json = try Self.decode("""
            {
              // a comment
              "Name": "app", "MAIN": "srv.js", "scripts": {"start": "node srv.js", "x": null,},
              "packageManager": "pnpm@9.1.0+sha512.abc", "engines": null, "private": true, "version": null,
            }
            """)
        #expect(json.name == "app")
        #expect(json.main == "srv.js")
        #expect(json.scripts == ["start": "node srv.js", "x": ""])
        #expect(json.packageManagerInfo == ("pnpm", "9.1.0"))
        #expect(json.engines == [:])
        #expect(try Self.decode("null") == NodePackageJson())
    }

    /// A field of the wrong type fails the whole read, worded like Go's UnmarshalTypeError.
    @Test(arguments: [
        (#"{"engines": {"node": 18}}"#, "json: cannot unmarshal number 18 into Go struct field .engines.node of type string"),
        (#"{"main": ["a.js"]}"#, "json: cannot unmarshal array into Go struct field .main of type string"),
        (#"{"packageManager": false}"#, "json: cannot unmarshal bool into Go struct field .packageManager of type *string"),
        (#"{"scripts": "build"}"#, "json: cannot unmarshal string into Go struct field .scripts of type map[string]string"),
        ("[]", "json: cannot unmarshal array into Go value of type node.PackageJson"),
    ])
    func typeErrors(json: String, message: String) {
        #expect(throws: NodeJSONTypeError(message: message)) { try Self.decode(json) }
    }

    /// `workspaces` as a list (non-strings become ""), or an object's `packages`
    /// (package_json.go UnmarshalJSON).
    @Test func workspaces() throws {
        #expect(try Self.decode(#"{"workspaces": ["a/*", 3]}"#).workspaces == ["a/*", ""])
        #expect(try Self.decode(#"{"workspaces": {"packages": ["b/*"], "nohoist": ["**/x"]}}"#).workspaces == ["b/*"])
        #expect(try Self.decode(#"{"workspaces": {"packages": [1]}}"#).workspaces == [])
        #expect(try Self.decode(#"{"workspaces": "c/*"}"#).workspaces == [])
    }

    /// Exactly one `@`, anything after `+` dropped (package_json.go GetPackageManagerInfo).
    @Test func packageManagerInfo() {
        func info(_ field: String?) -> String {
            var json = NodePackageJson()
            json.packageManager = field
            let (name, version) = json.packageManagerInfo
            return name + "|" + version
        }
        #expect(info(" yarn@4.5.3+sha224.x ") == "yarn|4.5.3")
        #expect(info("@scope/pm@1.0.0") == "|")
        #expect(info("pnpm") == "|")
        #expect(info(nil) == "|")
    }

    /// workspace.go convertWorkspacePattern
    @Test(arguments: [("packages/*", "packages/*/package.json"), ("packages/**", "packages/**/package.json"),
                      ("./apps/web/", "apps/web/package.json"), ("tools", "tools/package.json")])
    func workspacePattern(pattern: String, glob: String) {
        #expect(NodeWorkspace.manifestPattern(pattern) == glob)
    }

    @Test func pnpmWorkspaceYAMLWins() throws {
        let app = RailpackApp(snapshot: .inMemory([
            "package.json": #"{"workspaces": ["ignored/*"]}"#, "pnpm-workspace.yaml": "packages: ['apps/*']\n",
            "apps/a/package.json": #"{"name": "a"}"#, "apps/b/package.json": "not json", "ignored/c/package.json": "{}",
        ]), root: .root)
        let workspace = try NodeWorkspace(app: app)
        #expect(workspace.packages.map(\.path) == ["apps/a"])
    }

    /// The three small YAML files, read as yaml.v2 would fill the struct.
    @Test func yaml() {
        #expect(NodeYAML.topLevelScalars("nodeLinker: 'node-modules'\nyarnPath: .yarn/releases/yarn.cjs\n")?["nodeLinker"] == "node-modules")
        #expect(NodeYAML.topLevel("packages:\n  - \"apps/*\"\n  - packages/** # all\n")?["packages"] == .sequence(["apps/*", "packages/**"]))
        #expect(NodeYAML.topLevel("packages:\n- a\n- b\n")?["packages"] == .sequence(["a", "b"]))
        #expect(NodeYAML.topLevel("- a\n") == nil)
        #expect(NodeYAML.topLevelScalars("nodeLinker:\n  - pnp\n") == nil)
        #expect(NodeYarnRc(app: RailpackApp(snapshot: .inMemory([".yarnrc.yml": "nodeLinker: [x]\n"]), root: .root)) == NodeYarnRc(app: RailpackApp(snapshot: .inMemory([:]), root: .root)))
        #expect(NodeStaticfile.indexFallback(RailpackApp(snapshot: .inMemory(["Staticfile": "index_fallback: off\n"]), root: .root)) == false)
        #expect(NodeStaticfile.indexFallback(RailpackApp(snapshot: .inMemory(["Staticfile": "index_fallback: maybe\n"]), root: .root)) == nil)
        #expect(NodeStaticfile.indexFallback(RailpackApp(snapshot: .inMemory(["Staticfile": "root:\n  - a\nindex_fallback: true\n"]), root: .root)) == nil)
    }

    /// `outDir:\s*['"](.+?)['"]` and friends (astro.go, vite.go, next.go, react_router.go).
    @Test func quotedConfigValues() {
        #expect(NodeConfigScan.quotedValue(after: "outDir", in: "build: {\n  outDir:   \"../server/public\",\n}") == "../server/public")
        #expect(NodeConfigScan.quotedValue(after: "outDir", in: "outDir: path.join(x)\nbuild: { outDir: 'www' }") == "www")
        #expect(NodeConfigScan.quotedValue(after: "distDir", in: "distDir: 'build\n'") == nil)
        #expect(NodeConfigScan.quotedValue(after: "distDir", in: "distDir: \"a'b\"") == "a")
    }

    /// vite.go's build-script regexp, flags and all.
    @Test(arguments: [
        ("vite build --outDir build", "build"), ("tsc && vite build --mode prod --outDir out; echo", nil),
        ("vite build -m x --outDir out", nil), ("vite build --emptyOutDir --outDir web-dist", "web"),
        ("vite  build --outDir a --outDir b", "a"), ("vite build --outDir --outDir b", "b"), ("vite build --outDir=dist", nil), ("vite build --outDir -x", nil),
    ] as [(String, String?)])
    func viteOutDir(script: String, outDir: String?) {
        #expect(NodeConfigScan.viteOutDir(inBuildScript: script) == outDir)
    }

    /// react_router.go reactRouterSPAConfigRegex
    @Test(arguments: [("export default { ssr: false }", true), ("{\n  \"ssr\" : false,\n}", true), ("  ssr:false", true),
                      ("{ ssr: falsey }", false), ("{ ssr: true }", false), ("{ x: y ssr: false }", false), ("// ssr: false", false)])
    func reactRouterSSR(config: String, disabled: Bool) {
        #expect(NodeConfigScan.disablesSSR(config) == disabled)
    }

    /// Masterminds/semver ordering as the pnpm rules use it.
    @Test func semver() {
        #expect(NodeSemver("v11") == NodeSemver(11, 0, 0))
        #expect(NodeSemver("8.15.6-rc.1")! < NodeSemver(8, 15, 6))
        #expect(NodeSemver("11.5.x") == nil)
        #expect(NodeSemver("1.2.3.4") == nil)
        #expect(NodePnpm.usesBinSubdirectory("11.0.0-beta.1") == false)
        #expect(NodePnpm.usesBinSubdirectory(" 11 ") == true)
    }

    /// Go text/template: fields, conditionals, trims, comments, and errors.
    @Test func goTemplate() throws {
        let data: [String: GoTextTemplate.Value] = ["A": .string("x"), "On": .bool(true), "Off": .bool(false)]
        #expect(try GoTextTemplate.render("[{{.A}}]{{if .Off}}1{{else if .On}}2{{else}}3{{end}}{{.Missing}}", name: "t", data: data) == "[x]2<no value>")
        #expect(try GoTextTemplate.render("a  {{- /* note */ -}}  b\n{{if .On -}}\n  c\n{{- end}}", name: "t", data: data) == "ab\nc")
        #expect(try GoTextTemplate.render("{$PORT:80} { root * {{.A}} }", name: "t", data: data) == "{$PORT:80} { root * x }")
        #expect(throws: GoTextTemplate.Failure(message: "template: t:2: unclosed action")) { try GoTextTemplate.render("a\n{{.A", name: "t", data: data) }
        #expect(throws: GoTextTemplate.Failure(message: "template: t:1: unexpected {{end}}")) { try GoTextTemplate.render("{{end}}", name: "t", data: data) }
        #expect(throws: GoTextTemplate.Failure.self) { try GoTextTemplate.render("{{if .On}}x", name: "t", data: data) }
    }
}
