import Snapshot
import Testing
@testable import Railway

/// `ctx` is evaluated for the environment railsim simulates (docs:content/docs/infrastructure-as-code/
/// reference.md "Environment context"; railway-ts-sdk:src/iac/sdk.ts `createRailwayContext`).
@Suite struct InfrastructureAsCodeEnvironmentTests {
    static func contextNote(_ environment: String, _ line: Int) -> ProjectNote {
        .interpreted(location: IaC.at(line), what:
            "ctx.environment is \"\(environment)\", the environment railsim simulates, as Railway's docs describe the context; "
            + "railway CLI 5.43's built-in engine calls the program with an empty context (src/iac/eval.rs), where ctx.environment is undefined "
            + "and ctx.isEnvironment/ctx.shared fail")
    }

    static let ternaries = """
    import { defineRailway, project, service } from "railway/iac";

    export default defineRailway((ctx) => {
      const prod = ctx.environment === "production";
      const api = service("api", {
        start: prod ? "gunicorn app:app" : "flask run",
        replicas: ctx.isEnvironment("production") ? 3 : 1,
        healthcheck: ctx.environmentName !== "production" ? "/debug/health" : "/health",
        env: {
          MODE: `mode-${ctx.environment}`,
          DEBUG: prod ? "0" : "1",
        },
      });
      const worker = service("worker", { start: "celery -A app worker" });
      return project("p", { resources: [api, ...(prod ? [worker] : [])] });
    });
    """

    @Test func productionTernaries() throws {
        let definition = try IaC.read(Self.ternaries, environment: "production")
        #expect(definition == ProjectDefinition(services: [
            IaC.service("api", line: 5, variables: [("MODE", "mode-production"), ("DEBUG", "0")], start: "gunicorn app:app",
                        healthcheck: "/health", replicas: 3),
            IaC.service("worker", line: 14, start: "celery -A app worker"),
        ], notes: [Self.contextNote("production", 4)]))
    }

    @Test func stagingTernaries() throws {
        let definition = try IaC.read(Self.ternaries, environment: "staging")
        #expect(definition == ProjectDefinition(services: [
            IaC.service("api", line: 5, environment: "staging", variables: [("MODE", "mode-staging"), ("DEBUG", "1")], start: "flask run",
                        healthcheck: "/debug/health", replicas: 1),
        ], notes: [
            Self.contextNote("staging", 4),
            .interpreted(location: IaC.at(14), what:
                "service \"worker\" is declared but not listed in project(…).resources, so Railway does not manage it; railsim leaves it out"),
        ]))
    }

    /// `if` statements with conditions railsim can evaluate take the branch the environment
    /// selects, returns included; a destructured context works as the object does.
    @Test func ifStatementsAndDestructuredContext() throws {
        let text = """
        import { defineRailway, project, service } from "railway/iac";
        export default defineRailway(({ environment, isEnvironment }) => {
          if (isEnvironment("pr-42")) {
            return project("p", { resources: [service("preview", { start: "echo preview" })] });
          } else if (environment == "staging") {
            const web = service("web", { start: "npm run dev" });
            return project("p", { resources: [web] });
          }
          return project("p", { resources: [service("web", { start: "npm start" })] });
        });
        """
        #expect(try IaC.read(text, environment: "pr-42").services.map(\.name) == ["preview"])
        #expect(try IaC.read(text, environment: "staging").services.first?.settings.startCommand == "npm run dev")
        #expect(try IaC.read(text, environment: "production").services.first?.settings.startCommand == "npm start")
        #expect(try IaC.read(text, environment: "production").services.first?.settings.source == .infrastructureAsCode(IaC.at(9)))
    }

    @Test func noContextNoteWhenTheFileDoesNotUseTheEnvironment() throws {
        let text = """
        import { defineRailway, project, service } from "railway/iac";
        export default defineRailway((ctx) => project("p", { resources: [service("web")] }));
        """
        #expect(try IaC.read(text) == ProjectDefinition(services: [IaC.service("web", line: 2)]))
    }

    /// A condition railsim cannot evaluate is reported; the setting stays unset, never guessed.
    @Test func conditionOnTheProcessEnvironmentIsNotEvaluated() throws {
        let text = """
        import { defineRailway, project, service } from "railway/iac";
        export default defineRailway(() => {
          const web = service("web", {
            start: process.env.RAILWAY_ENVIRONMENT === "production"
              ? "gunicorn app:app"
              : "flask run",
          });
          return project("p", { resources: [web] });
        });
        """
        let definition = try IaC.read(text)
        #expect(definition == ProjectDefinition(services: [IaC.service("web", line: 3, notes: [
            .notEvaluated(location: IaC.at(4), what:
                "start: `process.env.RAILWAY_ENVIRONMENT === \"production\" ? \"gunicorn app:app\" : \"flask run\"` "
                + "(process is a JavaScript runtime global, known only when the file runs)"),
        ])]))
    }

    /// The fields the CLI fills in from the linked project are not known to railsim.
    @Test func contextFieldsRailsimCannotKnow() throws {
        let text = """
        import { defineRailway, project, service } from "railway/iac";
        export default defineRailway((ctx) => project("p", {
          resources: [service("web", { env: { PROJECT: ctx.projectName, SECRET: ctx.randomString("s") } })],
        }));
        """
        #expect(try IaC.read(text).services == [IaC.service("web", line: 3, notes: [
            .notEvaluated(location: IaC.at(3), what:
                "variable PROJECT: `ctx.projectName` (ctx.projectName is filled in by the Railway CLI when it runs the file)"),
            .notEvaluated(location: IaC.at(3), what:
                "variable SECRET: `ctx.randomString(\"s\")` (ctx.randomString() hashes the environment and label; railsim does not reproduce it)"),
        ])])
    }

    /// Logical operators short-circuit as JavaScript's do: the branch not taken is never evaluated.
    @Test func logicalOperators() throws {
        let text = """
        import { defineRailway, project, service } from "railway/iac";
        export default defineRailway((ctx) => {
          const prod = ctx.isEnvironment("production");
          const web = service("web", {
            start: (prod && "node server.js") || process.env.DEV_START,
            healthcheck: undefined ?? "/up",
            healthcheckTimeout: null ?? (prod ? 30 : 10),
          });
          return project("p", { resources: [web] });
        });
        """
        let production = try IaC.read(text, environment: "production")
        #expect(production.services == [IaC.service("web", line: 4, start: "node server.js", healthcheck: "/up", healthcheckTimeout: 30)])
        let staging = try IaC.read(text, environment: "staging")
        #expect(staging.services.first?.settings.startCommand == nil)
        #expect(staging.services.first?.notes == [.notEvaluated(location: IaC.at(5), what:
            "start: `prod && \"node server.js\" || process.env.DEV_START` (process is a JavaScript runtime global, known only when the file runs)")])
    }
}
