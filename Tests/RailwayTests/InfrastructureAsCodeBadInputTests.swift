import Snapshot
import Testing
@testable import Railway

/// A `.railway/railway.ts` that does not tokenize or parse is a `ProjectSourceError` with the file,
/// the line and a one-line message; one that parses but leaves the subset gets "cannot evaluate
/// statically" notes. Nothing crashes or hangs, however deep the nesting.
@Suite struct InfrastructureAsCodeBadInputTests {
    static func error(_ text: String) throws -> ProjectSourceError {
        do {
            _ = try InfrastructureAsCodeReader.read(.inMemory([IaC.file: text]), environment: "production")
        } catch {
            return error
        }
        Issue.record("expected a ProjectSourceError")
        throw CancellationError()
    }

    static let prefix = "import { defineRailway, project, service } from \"railway/iac\";\n"

    @Test(arguments: [
        // Unterminated literals and comments: the line where they start.
        (prefix + "const a = service(\"web\", {\n  start: \"python main.py,\n});\n", 3, "unterminated string literal"),
        (prefix + "const a = 'it\\'s\n", 2, "unterminated string literal"),
        (prefix + "const a = 1;\nconst b = `line one\nline two ${a}\n", 3, "unterminated template literal"),
        (prefix + "const b = `${ `inner ${ \"x\" }` \n\n", 2, "unterminated template literal"),
        (prefix + "\n/* a comment\n that never ends\n", 3, "unterminated block comment"),
        (prefix + "const r = /abc\n/;\n", 2, "unterminated regular expression literal"),
        // Brackets: the bracket that is wrong, or the one never closed.
        (prefix + "export default defineRailway(() => {\n  const web = service(\"web\", {\n    start: \"x\",\n  );\n});\n", 5,
         "expected '}' to close '{' from line 3, found ')'"),
        (prefix + "export default defineRailway(() => {\n  return project(\"p\", { resources: [] });\n", 2, "'{' is never closed"),
        (prefix + "const a = 1;\n}\n", 3, "unmatched '}'"),
        (prefix + "const a = [1, 2;\n", 2, "'[' is never closed"),
        (prefix + "const a = [1, 2};\n", 2, "expected ']' to close '[' from line 2, found '}'"),
        // Grammar.
        (prefix + "const web = service(\"web\", {\n  start: \n});\n", 4, "expected an expression, found '}'"),
        (prefix + "const web = service(\"web\", {\n  start: \"a\"\n  build: \"b\",\n});\n", 4, "expected ',' or '}' in the object, found 'build'"),
        (prefix + "const web = service(\"web\" \"x\");\n", 2, "expected ',' or ')' in the arguments, found a string"),
        (prefix + "const = 1;\n", 2, "expected a name to declare, found '='"),
        (prefix + "import { a } \"railway/iac\";\n", 2, "expected 'from' in the import, found a string"),
        (prefix + "const a = 1 2;\n", 2, "expected ';' after the declaration, found a number"),
        (prefix + "export default defineRailway(() => project(\"p\", { resources: [] }) x);\n", 2,
         "expected ',' or ')' in the arguments, found 'x'"),
        // Tokens.
        (prefix + "const a = \"\\x4\";\n", 2, "invalid \\x escape sequence"),
        (prefix + "const a = \"\\u{110000}\";\n", 2, "\\u{…} escape is beyond U+10FFFF"),
        (prefix + "const a = \"\\07\";\n", 2, "octal escape sequences are not allowed in modules"),
        (prefix + "const a = 3in;\n", 2, "an identifier starts immediately after a numeric literal"),
        (prefix + "const a = 1;\nconst b = a \u{5C} 2;\n", 3, "unexpected character '\\'"),
    ])
    func syntaxErrors(text: String, line: Int, message: String) throws {
        let error = try Self.error(text)
        #expect(error == ProjectSourceError(location: IaC.at(line), message: message))
        #expect(error.description == ".railway/railway.ts:\(line): \(message)")
    }

    /// 10,000 levels of nesting of each kind: a clear error at the first level past the limit,
    /// never a stack overflow.
    @Test(arguments: [
        ("arrays", "const a = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + ";\n"),
        ("parentheses", "const a = " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + ";\n"),
        ("objects", "const a = " + String(repeating: "{ a: ", count: 10_000) + "1" + String(repeating: " }", count: 10_000) + ";\n"),
        ("blocks", String(repeating: "{", count: 10_000) + String(repeating: "}", count: 10_000) + "\n"),
        ("negations", "const a = " + String(repeating: "!", count: 10_000) + "true;\n"),
        ("ternaries", "const a = " + String(repeating: "x ? y : ", count: 10_000) + "z;\n"),
        ("additions", "const a = " + Array(repeating: "1", count: 10_000).joined(separator: " + ") + ";\n"),
        ("members", "const a = b" + String(repeating: ".c", count: 10_000) + ";\n"),
        ("calls", "const a = f" + String(repeating: "()", count: 10_000) + ";\n"),
        ("powers", "const a = " + Array(repeating: "2", count: 10_000).joined(separator: " ** ") + ";\n"),
        ("arrows", "const a = " + String(repeating: "() => ", count: 10_000) + "1;\n"),
        ("templates", "const a = " + String(repeating: "`${", count: 10_000) + "1" + String(repeating: "}`", count: 10_000) + ";\n"),
    ])
    func deepNesting(kind: String, body: String) throws {
        let error = try Self.error(body)
        #expect(error.location == IaC.at(1), "\(kind)")
        #expect(error.message == "nesting deeper than 200 levels", "\(kind)")
    }

    /// Types are skipped by counting brackets, without recursion, so deep ones are simply read.
    @Test func deepTypesAreSkipped() throws {
        let text = Self.prefix + "const a: " + String(repeating: "Array<", count: 10_000) + "string" + String(repeating: ">", count: 10_000)
            + " = [];\nexport default defineRailway(() => project(\"p\", { resources: [service(\"web\")] }));\n"
        #expect(try IaC.read(text).services.map(\.name) == ["web"])
    }

    @Test func nestingAtTheLimitIsRead() throws {
        let text = Self.prefix + "const a = " + String(repeating: "[", count: 150) + "\"x\"" + String(repeating: "]", count: 150) + ";\n"
            + "export default defineRailway(() => project(\"p\", { resources: [service(\"web\")] }));\n"
        #expect(try IaC.read(text).services.map(\.name) == ["web"])
    }

    /// Valid TypeScript outside the subset is never a syntax error: the parts railsim cannot
    /// evaluate are noted at their line, and the setting they feed stays unset.
    @Test func valuesOutsideTheSubsetAreNoted() throws {
        let text = """
        import { defineRailway, project, service } from "railway/iac";
        import { readFileSync } from "node:fs";

        const port = Number(process.env.PORT ?? "8000");
        const key = process.env.KEY_NAME;
        export default defineRailway(() => {
          const web = service("web", {
            start: /python/,
            build: readFileSync("build.sh", "utf8"),
            healthcheck: `/health/${new Date().getFullYear()}`,
            healthcheckTimeout: port,
            env: { [key]: "computed", NAMES: ["a", "b"].join(",") },
          });
          return project("p", { resources: [web] });
        });
        """
        let definition = try IaC.read(text)
        #expect(definition == ProjectDefinition(services: [IaC.service("web", line: 7, notes: [
            .notEvaluated(location: IaC.at(8), what: "start: `/python/` (a regular expression literal is outside railsim's TypeScript subset)"),
            .notEvaluated(location: IaC.at(10), what:
                "healthcheck: `` `/health/${new Date().getFullYear()}` `` (a 'new' expression is outside railsim's TypeScript subset)"),
            .notEvaluated(location: IaC.at(4), what:
                "healthcheckTimeout: `Number(process.env.PORT ?? \"8000\")` (Number is a JavaScript runtime global, known only when the file runs)"),
            .notEvaluated(location: IaC.at(9), what:
                "build: `readFileSync(\"build.sh\", \"utf8\")` (imported from \"node:fs\", which railsim does not read)"),
            .notEvaluated(location: IaC.at(5), what:
                "env: `process.env.KEY_NAME` (process is a JavaScript runtime global, known only when the file runs)"),
        ])]))
    }

    /// Control flow railsim does not follow is reported where it is; what follows is still read.
    @Test func statementsOutsideTheSubset() throws {
        let text = """
        import { defineRailway, project, service } from "railway/iac";

        type Env = "production" | "staging";
        interface Options { start: string }
        function helper(name: string): string { return name; }
        export default defineRailway((ctx) => {
          const services = [];
          for (const name of ["a", "b"]) {
            services.push(service(name));
          }
          try { console.log("x"); } catch (e) {}
          const web = service("web", { start: helper("x") });
          return project("p", { resources: [web, ...services] });
        });
        """
        let definition = try IaC.read(text)
        #expect(definition.notes == [
            .notEvaluated(location: IaC.at(8), what: "a for loop: railsim does not follow this control flow"),
            .notEvaluated(location: IaC.at(11), what: "a try statement: railsim does not follow this control flow"),
            // The loop may have added to `services`, so its value is no longer known.
            .notEvaluated(location: IaC.at(8), what:
                "a resource of the project: `services` (it may be changed by a for loop at line 8, which railsim does not follow)"),
        ])
        #expect(definition.services == [IaC.service("web", line: 12, notes: [
            .notEvaluated(location: IaC.at(12), what:
                "start: `helper(\"x\")` (function helper at line 5: railsim does not evaluate function, class or enum declarations)"),
        ])])
    }

    /// Reassigning a `let` is followed; what railsim cannot follow makes the names it may change
    /// unknown, so no stale value is used.
    @Test func assignmentsAndMutations() throws {
        let text = """
        import { defineRailway, project, service } from "railway/iac";
        export default defineRailway((ctx) => {
          let start = "python app.py";
          start = "python main.py";
          const build = "make";
          build = "make all";
          let health = "/health";
          if (process.env.CI) { health = "/ready"; }
          const env = { A: "1" };
          env.B = "2";
          return project("p", { resources: [service("web", { start, build, healthcheck: health, env })] });
        });
        """
        let definition = try IaC.read(text)
        #expect(definition.notes == [
            .notEvaluated(location: IaC.at(6), what: "`build = \"make all\"` (assigns to the constant build, a TypeError when the file runs)"),
            .notEvaluated(location: IaC.at(8), what:
                "the condition of `if (process.env.CI)` (process is a JavaScript runtime global, known only when the file runs); railsim follows neither branch"),
            .notEvaluated(location: IaC.at(10), what: "`env.B = \"2\"` (an assignment, which railsim does not follow)"),
        ])
        #expect(definition.services == [IaC.service("web", line: 11, start: "python main.py", notes: [
            .notEvaluated(location: IaC.at(8), what:
                "healthcheck: `health` (it may be changed by the if statement at line 8, which railsim does not follow)"),
            .notEvaluated(location: IaC.at(6), what:
                "build: `build` (it may be changed by `build = \"make all\"` at line 6, which railsim does not follow)"),
            .notEvaluated(location: IaC.at(10), what:
                "env: `env` (it may be changed by `env.B = \"2\"` at line 10, which railsim does not follow)"),
        ])])
    }

    /// Files that would take exponential time or memory to evaluate stop at railsim's limits.
    @Test func exponentialFilesStop() throws {
        let head = "import { project, service } from \"railway/iac\";\n"
        var strings = head + "const s0 = \"x\";\n"
        for level in 1...40 { strings += "const s\(level) = s\(level - 1) + s\(level - 1);\n" }
        strings += "export default project(\"p\", { resources: [service(\"api\", { start: s40 })] });\n"
        let stringDefinition = try IaC.read(strings)
        #expect(stringDefinition.services.first?.notes == [
            .notEvaluated(location: IaC.at(23), what: "start: `s20 + s20` (a string longer than 1048576 bytes)"),
        ])

        var arrays = head + "const a0 = [service(\"web\")];\n"
        for level in 1...40 { arrays += "const a\(level) = [a\(level - 1), a\(level - 1)];\n" }
        arrays += "export default project(\"p\", { resources: [a40] });\n"
        let arrayDefinition = try IaC.read(arrays)
        #expect(arrayDefinition.services.map(\.name) == ["web"])
        #expect(arrayDefinition.notes == [
            .notEvaluated(location: IaC.at(43), what: "the project lists more than 100000 entries; railsim reads the first ones"),
        ])

        let calls = head + "const f = (n) => n > 0 ? [f(n - 1), f(n - 1), f(n - 1), f(n - 1)] : 1;\nconst g = f(15);\n"
            + "export default project(\"p\", { resources: [service(\"web\")] });\n"
        #expect(try IaC.read(calls) == ProjectDefinition(notes: [
            .notEvaluated(location: IaC.at(4), what:
                "the project definition: `project(\"p\", {…})` (the file takes more than 1000000 evaluation steps)"),
        ]))
    }

    /// Every prefix of a valid file, and the file with any one character removed, is read or
    /// rejected with a one-line error: never a crash or a hang.
    @Test func damagedFilesNeverCrash() throws {
        let text = """
        import { defineRailway, github, project, service } from "railway/iac";
        // The seed incident.
        export default defineRailway((ctx) => {
          const api = service("api", { source: github("acme/repo", { rootDirectory: "/" }), env: { A: `a${1}` } });
          const health = service("health-service", {
            source: github("acme/repo", { rootDirectory: "health-service" }),
            start: ctx.isEnvironment("production") ? "python main.py" : 'python -X dev main.py',
          });
          return project("p", { resources: [api, health] });
        });
        """
        let scalars = Array(text.unicodeScalars)
        var variants: [String] = []
        for cut in 0..<scalars.count {
            variants.append(String(String.UnicodeScalarView(scalars[..<cut])))
            var removed = scalars
            removed.remove(at: cut)
            variants.append(String(String.UnicodeScalarView(removed)))
        }
        var rejected = 0
        for variant in variants {
            do {
                _ = try InfrastructureAsCodeReader.read(text: variant, environment: "production")
            } catch {
                rejected += 1
                #expect(!error.message.isEmpty && !error.message.contains("\n"))
                #expect((error.location.line ?? 0) >= 1 && (error.location.line ?? 0) <= 10)
            }
        }
        #expect(rejected > 0 && rejected < variants.count)
    }

    @Test func defaultExportMissingOrWrong() throws {
        let none = try IaC.read("import { service } from \"railway/iac\";\nconst web = service(\"web\");\n")
        #expect(none == ProjectDefinition(notes: [
            .notEvaluated(location: IaC.at(1), what: "the file has no `export default`, so it declares no resources"),
        ]))
        let wrong = try IaC.read("export default 42;\n")
        #expect(wrong == ProjectDefinition(notes: [
            .notEvaluated(location: IaC.at(1), what: "the default export gives a number, not a project definition"),
        ]))
        let unknown = try IaC.read("import config from \"./config\";\nexport default config;\n")
        #expect(unknown == ProjectDefinition(notes: [
            .notEvaluated(location: IaC.at(1), what: "the project definition: `config` (imported from \"./config\", which railsim does not read)"),
        ]))
    }

    /// A function calling itself stops at the call-depth limit instead of recursing forever.
    @Test func runawayRecursionStops() throws {
        let text = """
        import { defineRailway, project, service } from "railway/iac";
        const loop = (n) => loop(n + 1);
        export default defineRailway(() => project("p", { resources: [service("web", { start: loop(0) })] }));
        """
        let definition = try IaC.read(text)
        #expect(definition.services == [IaC.service("web", line: 3, notes: [
            .notEvaluated(location: IaC.at(2), what: "start: `loop(n + 1)` (calls nested more than 16 deep)"),
        ])])
    }
}
