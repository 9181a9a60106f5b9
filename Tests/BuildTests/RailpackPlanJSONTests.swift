import Testing
@testable import Build

/// The plan's JSON: Railpack's json tags and omissions (railpack:core/plan/*.go) and Go's
/// encoding/json string escaping and key order.
@Suite struct RailpackPlanJSONTests {
    @Test func emptyPlanKeepsDeployAndBase() {
        // `deploy` and `deploy.base` have no omitempty (railpack:core/plan/plan.go).
        #expect(RailpackPlan().jsonValue == .object(["deploy": .object(["base": .object([:])])]))
        #expect(RailpackPlan().railpackPlanOutput() == "{\n  \"$schema\": \"https://schema.railpack.com\",\n  \"deploy\": {\n    \"base\": {}\n  }\n}\n")
    }

    @Test func commandShapes() {
        #expect(RailpackPlan.Command.exec("ls").jsonValue == .object(["cmd": .string("ls")]))
        #expect(RailpackPlan.Command.shell("echo hi").jsonValue == .object(["cmd": .string("sh -c 'echo hi'"), "customName": .string("echo hi")]))
        #expect(RailpackPlan.Command.path("/bin").jsonValue == .object(["path": .string("/bin")]))
        #expect(RailpackPlan.Command.copy("a").jsonValue == .object(["src": .string("a"), "dest": .string("a")]))
        #expect(RailpackPlan.Command.copy(src: "/x", dest: "/y", image: "alpine").jsonValue
                == .object(["src": .string("/x"), "dest": .string("/y"), "image": .string("alpine")]))
        #expect(RailpackPlan.Command.file(path: "/etc/a", name: "a", mode: 0o755, customName: "").jsonValue
                == .object(["path": .string("/etc/a"), "name": .string("a"), "mode": .number(493)]))
    }

    @Test func layerShapes() {
        #expect(RailpackPlan.Layer.local.jsonValue == .object(["local": .bool(true), "include": .array([.string(".")])]))
        #expect(RailpackPlan.Layer(spread: true).jsonValue == .object(["spread": .bool(true)]))
        #expect(RailpackPlan.Layer.step("build", include: ["."], exclude: [".venv"]).jsonValue
                == .object(["step": .string("build"), "include": .array([.string(".")]), "exclude": .array([.string(".venv")])]))
        // An empty include list is omitted (omitempty), so the layer copies the whole step.
        #expect(RailpackPlan.Layer.step("build", include: []).jsonValue == .object(["step": .string("build")]))
    }

    @Test func stepOmitsEmptyFields() {
        var step = RailpackPlan.Step(name: "install", secrets: [])
        #expect(step.jsonValue == .object(["name": .string("install")]))
        step.secrets = ["*"]
        step.caches = ["pip"]
        #expect(step.jsonValue == .object(["name": .string("install"), "secrets": .array([.string("*")]), "caches": .array([.string("pip")])]))
    }

    @Test func goEscaping() {
        // encoding/json escapes <, >, & (HTML-safe), U+2028/2029 and control characters.
        let text = RailpackJSONValue.string("a && b <c> \u{2028}\u{01}\t\"\\").rendered(indent: "  ")
        #expect(text == "\"a \\u0026\\u0026 b \\u003cc\\u003e \\u2028\\u0001\\t\\\"\\\\\"")
    }

    @Test func keysSortByBytes() {
        let text = RailpackJSONValue.object(["b": .number(1), "B": .number(2), "a": .array([])]).rendered(indent: " ")
        #expect(text == "{\n \"B\": 2,\n \"a\": [],\n \"b\": 1\n}")
    }
}
