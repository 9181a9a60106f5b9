import Testing
@testable import Build

/// The Go text/template subset that renders Railpack's templated config files
/// (railpack:core/generate/template.go; https://pkg.go.dev/text/template).
@Suite struct RailpackPhpTemplateTests {
    static let data: [String: GoTextTemplate.Value] = ["ROOT": .string("/app/public"), "LARAVEL": .bool(true), "EMPTY": .string("")]

    @Test(arguments: [
        ("root {{.ROOT}}", "root /app/public"),
        ("{{ .LARAVEL }}", "true"),
        ("{{.MISSING}}", "<no value>"),
        ("a{{if .LARAVEL}}b{{else}}c{{end}}d", "abd"),
        ("a{{if .EMPTY}}b{{else if .ROOT}}c{{else}}d{{end}}", "ac"),
        ("a{{if not .MISSING}}b{{end}}", "ab"),
        ("x  \n\t{{- .ROOT -}}  \n  y", "x/app/public" + "y"),
        ("a {{/* note */}} b", "a  b"),
        ("a {{- /* note */ -}} b", "ab"),
        ("{$PORT:80} {", "{$PORT:80} {"),
        ("\n  {{if .ROOT}}\n    root * {{.ROOT}}\n  {{else}}\n    root * /app\n  {{end}}\n", "\n  \n    root * /app/public\n  \n"),
    ] as [(String, String)])
    func renders(source: String, output: String) throws {
        #expect(try GoTextTemplate(parsing: source, name: "t").render(Self.data) == output)
    }

    @Test(arguments: [
        ("{{else}}", "template: t:1: unexpected {{else}}"),
        ("{{if .A}}{{else}}{{else}}{{end}}", "template: t:1: expected end; found {{else}}"),
        ("{{}}", "template: t:1: missing value for command"),
        ("{{if}}{{end}}", "template: t:1: missing value for if"),
        ("a\n{{/* open", "template: t:2: unclosed comment"),
        ("{{printf \"%s\" .ROOT}}", "template: t:1: railsim does not emulate the template action {{printf \"%s\" .ROOT}}"),
        ("{{if eq .ROOT \"x\"}}{{end}}", "template: t:1: railsim does not emulate the template condition `eq .ROOT \"x\"`"),
    ] as [(String, String)])
    func refuses(source: String, message: String) {
        #expect(throws: GoTextTemplate.Failure(message: message)) { try GoTextTemplate(parsing: source, name: "t") }
    }
}
