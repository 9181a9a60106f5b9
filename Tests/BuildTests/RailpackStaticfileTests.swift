import Snapshot
import Testing
@testable import Build

/// Railpack's static-site provider (railpack:core/providers/staticfile/staticfile.go): fixtures
/// under fixtures/railpack/staticfile-*/, the Staticfile's YAML and the template subset.
@Suite struct RailpackStaticfileTests {
    @Test func staticfileRootAndYAML11Booleans() throws {
        // A comment and `---` before the mapping, a quoted root and `yes` (a YAML 1.1 boolean,
        // which yaml.v2 accepts) turn index fallback on.
        let planned = try RailpackFixturePlans.check("staticfile-yaml")
        let caddyfile = planned.result.plan?.step(named: "build")?.assets["Caddyfile"] ?? ""
        #expect(caddyfile.contains("\troot * site\n"))
        #expect(caddyfile.contains("\t# Try files with HTML extension and handle SPA routing\n"))
        #expect(caddyfile.contains("\ttry_files {path} {path}.html {path}/index.html /index.html\n"))
        #expect(planned.result.resolvedPackages["caddy"]?.requestedVersion == "2")
    }

    @Test func customCaddyfileTemplateIsRendered() throws {
        let planned = try RailpackFixturePlans.check("staticfile-custom-caddyfile")
        #expect(planned.result.logs.contains { $0.message == "Using custom Caddyfile: Caddyfile.template" })
    }

    @Test func undecodableStaticfileIsIgnored() throws {
        // `root` as a sequence cannot fill a string, so the whole file is ignored and the
        // `public` directory wins over index.html (getRootDir).
        let planned = try RailpackFixturePlans.check("staticfile-bad-yaml")
        #expect(planned.result.plan?.step(named: "build")?.assets["Caddyfile"]?.contains("\troot * public\n") == true)
    }

    @Test(arguments: [
        ("root: dist\n", StaticfileConfig(root: "dist")),
        ("root: 'my dir' # c\nindex_fallback: false\n", StaticfileConfig(root: "my dir", indexFallback: false)),
        ("root: dist\nroot: build\n", StaticfileConfig(root: "build")),
        ("index_fallback: ~\n", StaticfileConfig()),
        ("index_fallback: NULL\n", StaticfileConfig(indexFallback: false)),
        ("pushstate: enabled\nlocation_include:\n  - a.conf\n  - b.conf\nroot: out\n", StaticfileConfig(root: "out")),
        ("", StaticfileConfig()),
        ("# only a comment\n", StaticfileConfig()),
    ])
    func decodes(text: String, config: StaticfileConfig) {
        let app = RailpackApp(snapshot: .inMemory(["Staticfile": text]), root: .root)
        #expect(StaticfileConfig.read(app) == .config(config))
    }

    @Test(arguments: ["index_fallback: \"true\"\n", "index_fallback: 1\n", "dist\n", "root: a: b\n", "- a\nroot: b\n", "  root: a\nother: b\n", "root: {a: 1}\n"])
    func invalid(text: String) {
        let app = RailpackApp(snapshot: .inMemory(["Staticfile": text]), root: .root)
        guard case .invalid = StaticfileConfig.read(app) else {
            Issue.record("expected invalid: \(StaticfileConfig.read(app))")
            return
        }
    }

    @Test func anchorsAreUnsupportedAndLogged() {
        let files = ["Staticfile": "root: &r dist\n", "index.html": ""]
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: .inMemory(files), railpackVersion: "dev"))
        #expect(result.plan?.step(named: "build")?.assets["Caddyfile"]?.contains("\troot * .\n") == true)
        #expect(result.logs.contains { $0.level == .warn && $0.message.contains("anchors") })
    }

    @Test func variableRootWins() {
        let files = ["Staticfile": "root: dist\n", "index.html": ""]
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: .inMemory(files), environment: RailpackEnvironment(["RAILPACK_STATIC_FILE_ROOT": " build "]),
                                                                  railpackVersion: "dev"))
        #expect(result.plan?.step(named: "build")?.assets["Caddyfile"]?.contains("\troot * build\n") == true)
    }

    @Test(arguments: [
        ("a {{.X}} b", "a 1 b"),
        ("{{if .F}}yes{{else}}no{{end}}", "no"),
        ("{{if .Missing}}y{{else if .X}}x{{end}}", "x"),
        ("{{.Missing}}", "<no value>"),
        ("a  {{- /* c */ -}}  b", "ab"),
        ("{{.F}}", "false"),
    ])
    func templateRenders(source: String, output: String) throws {
        #expect(try GoTextTemplate.render(source, name: "t", data: ["X": .string("1"), "F": .bool(false)]) == output)
    }

    @Test(arguments: [("{{if .X}}", GoTextTemplate.Failure.parse("template: t: unexpected EOF")),
                      ("{{end}}", .parse("template: t:1: unexpected {{end}}")),
                      ("{{.X", .parse("template: t:1: unclosed action")),
                      ("{{range .X}}{{end}}", .unsupported("the template action {{range .X}} (line 1)"))])
    func templateErrors(source: String, failure: GoTextTemplate.Failure) {
        #expect(throws: failure) { try GoTextTemplate.render(source, name: "t", data: ["X": .string("1")]) }
    }
}
