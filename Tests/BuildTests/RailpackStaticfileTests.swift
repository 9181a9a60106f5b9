import Snapshot
import Testing
@testable import Build

/// Railpack's static-site provider (railpack:core/providers/staticfile/staticfile.go): fixtures
/// under fixtures/railpack/staticfile-*/, the Staticfile's YAML and the template subset.
@Suite struct RailpackStaticfileTests {
    /// railsim does not carry Railpack's default Caddyfile (upstream code; RailpackEmbeddedFile),
    /// so the data the template gets is observed through an app template that prints it.
    static let probe = "root={{.StaticFileRoot}} fallback={{if .IndexFallback}}on{{else}}off{{end}}\n"

    static func probed(_ files: [String: String], environment: [String: String] = [:]) -> String {
        var files = files
        files["Caddyfile.template"] = probe
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: .inMemory(files), environment: RailpackEnvironment(environment), railpackVersion: "dev"))
        return result.plan?.step(named: "build")?.assets["Caddyfile"] ?? ""
    }

    static func probedFixture(_ name: String) throws -> String {
        let app = try DirectorySnapshot.load(RailpackFixturePlans.directory(name).appendingPathComponent("app").path)
        var files: [String: String] = [:]
        for path in app.descendants(of: .root) where app.isFile(path) { files[path.description] = try app.readText(path) }
        return probed(files)
    }

    @Test func defaultCaddyfileIsMarked() throws {
        let planned = try RailpackFixturePlans.check("staticfile-yaml")
        #expect(planned.result.plan?.step(named: "build")?.assets["Caddyfile"] == "[railpack embedded file: core/providers/staticfile/Caddyfile.template]")
    }

    @Test func staticfileRootAndYAML11Booleans() throws {
        // A comment and `---` before the mapping, a quoted root and `yes` (a YAML 1.1 boolean,
        // which yaml.v2 accepts) turn index fallback on.
        let planned = try RailpackFixturePlans.check("staticfile-yaml")
        #expect(try Self.probedFixture("staticfile-yaml") == "root=site fallback=on\n")
        #expect(planned.result.resolvedPackages["caddy"]?.requestedVersion == "2")
    }

    @Test func customCaddyfileTemplateIsRendered() throws {
        let planned = try RailpackFixturePlans.check("staticfile-custom-caddyfile")
        #expect(planned.result.logs.contains { $0.message == "Using custom Caddyfile: Caddyfile.template" })
    }

    @Test func undecodableStaticfileIsIgnored() throws {
        // `root` as a sequence cannot fill a string, so the whole file is ignored and the
        // `public` directory wins over index.html (getRootDir).
        _ = try RailpackFixturePlans.check("staticfile-bad-yaml")
        #expect(try Self.probedFixture("staticfile-bad-yaml") == "root=public fallback=off\n")
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
        #expect(Self.probed(files) == "root=. fallback=off\n")
        #expect(result.logs.contains { $0.level == .warn && $0.message.contains("anchors") })
    }

    @Test func variableRootWins() {
        let files = ["Staticfile": "root: dist\n", "index.html": ""]
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: .inMemory(files), environment: RailpackEnvironment(["RAILPACK_STATIC_FILE_ROOT": " build "]),
                                                                  railpackVersion: "dev"))
        #expect(Self.probed(files, environment: ["RAILPACK_STATIC_FILE_ROOT": " build "]) == "root=build fallback=off\n")
        _ = result
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

    /// Go's own messages for templates it rejects (text/template/parse); `range` is valid Go that
    /// railsim does not render, so it must fail rather than print something wrong.
    @Test(arguments: [("{{if .X}}", "template: t:1: unexpected EOF"),
                      ("{{end}}", "template: t:1: unexpected {{end}}"),
                      ("{{.X", "template: t:1: unclosed action"),
                      ("{{range .X}}{{end}}", nil)])
    func templateErrors(source: String, message: String?) {
        do {
            _ = try GoTextTemplate.render(source, name: "t", data: ["X": .string("1")])
            Issue.record("\(source) rendered")
        } catch {
            if let message { #expect(error.message == message) }
        }
    }
}
