import Foundation
import Snapshot
import Testing
import TestSupport
@testable import Railway

/// Shared helpers: read `.railway/railway.ts` from text, and build the expected definitions.
enum IaC {
    static let file = ".railway/railway.ts"

    static func read(_ text: String, environment: String = "production") throws -> ProjectDefinition {
        try #require(try InfrastructureAsCodeReader.read(.inMemory([file: text]), environment: environment))
    }

    static func at(_ line: Int) -> Snapshot.SourceLocation { Snapshot.SourceLocation(file: file, line: line) }

    /// A service as the reader should produce it, declared at `line`.
    static func service(_ name: String, line: Int, environment: String = "production", rootDirectory: String = "/",
                        variables: [(String, String)] = [], start: String? = nil, build: String? = nil,
                        healthcheck: String? = nil, healthcheckTimeout: Int? = nil, replicas: Int? = nil,
                        builder: BuilderKind? = nil, dockerfilePath: String? = nil, watchPatterns: [String]? = nil,
                        preDeploy: [String]? = nil, cron: String? = nil, configFile: String? = nil,
                        image: String? = nil, notes: [ProjectNote] = []) -> ServiceDefinition {
        let settings = ServiceSettings(
            name: name, rootDirectory: rootDirectory, configFile: configFile,
            variables: variables.map { ServiceVariable(name: $0.0, value: $0.1) }, builder: builder, startCommand: start,
            buildCommand: build, healthcheckPath: healthcheck, environment: environment, dockerfilePath: dockerfilePath,
            healthcheckTimeout: healthcheckTimeout, numReplicas: replicas, watchPatterns: watchPatterns,
            preDeployCommand: preDeploy, cronSchedule: cron, source: .infrastructureAsCode(at(line)))
        return ServiceDefinition(settings: settings, origin: .infrastructureAsCode(at(line)), image: image, notes: notes)
    }
}

/// The DSL as Railway documents it (docs:content/docs/infrastructure-as-code/reference.md) and as
/// the CLI writes it (`railway config migrate`, `railway config pull`), read into exact definitions.
@Suite struct InfrastructureAsCodeReaderTests {
    @Test func absentFileIsNil() throws {
        #expect(try InfrastructureAsCodeReader.read(.inMemory(["railway.toml": "", "main.py": ""]), environment: "production") == nil)
    }

    /// The seed incident, declared in railway.ts: `api` at the repository root, `health-service`
    /// in its own directory with `python main.py`.
    @Test func seedIncidentFixture() throws {
        let directory = RepoLocations.fixtures.appendingPathComponent("overlays/iac-seed").path
        let snapshot = try DirectorySnapshot.load(directory)
        let definition = try #require(try InfrastructureAsCodeReader.read(snapshot, environment: "production"))
        #expect(definition == ProjectDefinition(services: [
            IaC.service("api", line: 7, rootDirectory: "/"),
            IaC.service("health-service", line: 11, rootDirectory: "health-service", start: "python main.py", healthcheck: "/health"),
        ]))
    }

    /// The shape `railway config init` and the docs' first example write.
    @Test func initExample() throws {
        let text = """
        import { defineRailway, project, service } from "railway/iac";

        export default defineRailway(() => {
          const web = service("web", {
            build: "pnpm build",
            start: "pnpm start",
          });

          return project("my-app", {
            resources: [web],
          });
        });
        """
        #expect(try IaC.read(text) == ProjectDefinition(services: [IaC.service("web", line: 4, start: "pnpm start", build: "pnpm build")]))
    }

    /// `railway config migrate` output for a railway.toml with every key it translates
    /// (cli:src/commands/config/migrate.rs `emit_railway_ts`): the CaC-only keys become comments.
    @Test func migrateOutput() throws {
        let text = """
        import { defineRailway, project, service } from "railway/iac";

        export default defineRailway(() => {
          const web = service("health-service", {
            build: "pip install -r requirements.txt",
            start: "python main.py",
            healthcheck: "/health",
            healthcheckTimeout: 30,
            replicas: 2,
            // dockerfilePath from CaC: "Dockerfile.health"
            // builder from CaC: "RAILPACK"
          });

          return project("health-service", {
            resources: [web],
          });
        });

        """
        #expect(try IaC.read(text) == ProjectDefinition(services: [
            IaC.service("health-service", line: 4, start: "python main.py", build: "pip install -r requirements.txt",
                        healthcheck: "/health", healthcheckTimeout: 30, replicas: 2),
        ]))
    }

    /// The reference's larger example, for staging: every resource kind, references, preserve(),
    /// groups, volumes and buckets.
    @Test func referenceLargerExample() throws {
        let text = """
        import {
          bucket,
          defineRailway,
          github,
          group,
          postgres,
          preserve,
          project,
          redis,
          service,
          volume,
        } from "railway/iac";

        export default defineRailway((ctx) => {
          const prod = ctx.environment === "production";

          const db = postgres("postgres");
          const cache = redis("redis");
          const uploads = bucket("uploads", { region: "iad" });
          const workerData = volume("worker-data", {
            region: "us-west2",
            sizeMB: 1024,
          });

          const api = service("api", {
            source: github("acme/monorepo", { rootDirectory: "apps/api" }),
            build: "pnpm --filter api build",
            start: "pnpm --filter api start",
            healthcheck: "/health",
            replicas: prod ? { "us-west2": 2, "europe-west4": 1 } : 1,
            env: {
              DATABASE_URL: db.env.DATABASE_URL,
              REDIS_URL: cache.env.REDIS_URL,
              JWT_SECRET: preserve(),
            },
          });

          const web = service("web", {
            source: github("acme/monorepo", { rootDirectory: "apps/web" }),
            build: "pnpm --filter web build",
            start: "pnpm --filter web start",
            domains: prod ? ["app.example.com"] : [],
            env: {
              API_HOST: api.env.RAILWAY_PRIVATE_DOMAIN,
            },
          });

          const worker = service("worker", {
            source: github("acme/monorepo", { rootDirectory: "apps/worker" }),
            build: "pnpm --filter worker build",
            start: "pnpm --filter worker start",
            volumeMounts: {
              "/data": workerData,
            },
            env: {
              DATABASE_URL: db.env.DATABASE_URL,
              REDIS_URL: cache.env.REDIS_URL,
            },
          });

          const backend = group("Backend", [db, cache, api, worker]);
          const storage = group("Storage", [uploads, workerData]);

          return project("acme", {
            resources: [backend, storage, web],
          });
        });
        """
        let definition = try IaC.read(text, environment: "staging")
        let preserveNote = ProjectNote.interpreted(location: IaC.at(34), what:
            "variable JWT_SECRET is preserve(): Railway keeps the value it already holds, which railsim cannot see; railsim treats it as set to an empty string")
        #expect(definition == ProjectDefinition(services: [
            IaC.service("postgres", line: 17, environment: "staging", image: "ghcr.io/railwayapp-templates/postgres-ssl:18",
                        notes: [.declaredNotSimulated(location: IaC.at(17), what: "postgres database \"postgres\" (image ghcr.io/railwayapp-templates/postgres-ssl:18)")]),
            IaC.service("redis", line: 18, environment: "staging", image: "railwayapp/redis:8.2",
                        notes: [.declaredNotSimulated(location: IaC.at(18), what: "redis database \"redis\" (image railwayapp/redis:8.2)")]),
            IaC.service("api", line: 25, environment: "staging", rootDirectory: "apps/api",
                        variables: [("DATABASE_URL", "${{postgres.DATABASE_URL}}"), ("REDIS_URL", "${{redis.REDIS_URL}}"), ("JWT_SECRET", "")],
                        start: "pnpm --filter api start", build: "pnpm --filter api build", healthcheck: "/health", replicas: 1,
                        notes: [preserveNote]),
            IaC.service("worker", line: 48, environment: "staging", rootDirectory: "apps/worker",
                        variables: [("DATABASE_URL", "${{postgres.DATABASE_URL}}"), ("REDIS_URL", "${{redis.REDIS_URL}}")],
                        start: "pnpm --filter worker start", build: "pnpm --filter worker build",
                        notes: [.declaredNotSimulated(location: IaC.at(52), what: "volume mount at /data (volume \"worker-data\")")]),
            IaC.service("web", line: 38, environment: "staging", rootDirectory: "apps/web",
                        variables: [("API_HOST", "${{api.RAILWAY_PRIVATE_DOMAIN}}")],
                        start: "pnpm --filter web start", build: "pnpm --filter web build"),
        ], notes: [
            .interpreted(location: IaC.at(15), what:
                "ctx.environment is \"staging\", the environment railsim simulates, as Railway's docs describe the context; "
                + "railway CLI 5.43's built-in engine calls the program with an empty context (src/iac/eval.rs), where ctx.environment is undefined "
                + "and ctx.isEnvironment/ctx.shared fail"),
            // The docs group a volume; the SDK's group() would throw.
            .interpreted(location: IaC.at(62), what:
                "group \"Storage\" lists volume \"worker-data\": Railway's docs group volumes this way, "
                + "but the SDK's group() throws for a volume (railway-ts-sdk src/iac/sdk.ts); railsim reads the group as the docs do"),
            .declaredNotSimulated(location: IaC.at(61), what: "group \"Backend\" (canvas organisation only)"),
            .declaredNotSimulated(location: IaC.at(62), what: "group \"Storage\" (canvas organisation only)"),
            .declaredNotSimulated(location: IaC.at(19), what: "bucket \"uploads\""),
            .declaredNotSimulated(location: IaC.at(20), what: "volume \"worker-data\""),
        ]))
        // In production the web service declares a custom domain and api spreads its replicas.
        let production = try IaC.read(text, environment: "production")
        #expect(production.service(named: "api")?.settings.numReplicas == 3)
        #expect(production.service(named: "web")?.notes == [.declaredNotSimulated(location: IaC.at(38), what: "domains")])
    }

    @Test func referenceExampleWithoutVolumeGroup() throws {
        let text = """
        import { defineRailway, github, group, postgres, preserve, project, redis, service, volume } from "railway/iac";

        export default defineRailway((ctx) => {
          const prod = ctx.environment === "production";
          const db = postgres("postgres");
          const cache = redis("redis");
          const workerData = volume("worker-data", { region: "us-west2", sizeMB: 1024 });
          const api = service("api", {
            source: github("acme/monorepo", { rootDirectory: "apps/api" }),
            start: "pnpm --filter api start",
            replicas: prod ? { "us-west2": 2, "europe-west4": 1 } : 1,
            env: {
              DATABASE_URL: db.env.DATABASE_URL,
              REDIS_URL: cache.env.REDIS_URL,
              JWT_SECRET: preserve(),
            },
          });
          const worker = service("worker", {
            source: github("acme/monorepo", { rootDirectory: "apps/worker" }),
            volumeMounts: { "/data": workerData },
            env: { API_HOST: api.env.RAILWAY_PRIVATE_DOMAIN },
          });
          const backend = group("Backend", [db, cache, api, worker]);
          return project("acme", { resources: [backend, workerData] });
        });
        """
        for environment in ["production", "staging"] {
            let definition = try IaC.read(text, environment: environment)
            let replicaNotes: [ProjectNote] = environment == "production"
                ? [.interpreted(location: IaC.at(11), what: "replicas by region (us-west2: 2, europe-west4: 1); railsim counts 3 replicas in total")]
                : []
            let preserveNote = ProjectNote.interpreted(location: IaC.at(15), what:
                "variable JWT_SECRET is preserve(): Railway keeps the value it already holds, which railsim cannot see; railsim treats it as set to an empty string")
            #expect(definition.services == [
                IaC.service("postgres", line: 5, environment: environment, image: "ghcr.io/railwayapp-templates/postgres-ssl:18",
                            notes: [.declaredNotSimulated(location: IaC.at(5), what: "postgres database \"postgres\" (image ghcr.io/railwayapp-templates/postgres-ssl:18)")]),
                IaC.service("redis", line: 6, environment: environment, image: "railwayapp/redis:8.2",
                            notes: [.declaredNotSimulated(location: IaC.at(6), what: "redis database \"redis\" (image railwayapp/redis:8.2)")]),
                IaC.service("api", line: 8, environment: environment, rootDirectory: "apps/api",
                            variables: [("DATABASE_URL", "${{postgres.DATABASE_URL}}"), ("REDIS_URL", "${{redis.REDIS_URL}}"), ("JWT_SECRET", "")],
                            start: "pnpm --filter api start", replicas: environment == "production" ? 3 : 1,
                            notes: replicaNotes + [preserveNote]),
                IaC.service("worker", line: 18, environment: environment, rootDirectory: "apps/worker",
                            variables: [("API_HOST", "${{api.RAILWAY_PRIVATE_DOMAIN}}")],
                            notes: [.declaredNotSimulated(location: IaC.at(20), what: "volume mount at /data (volume \"worker-data\")")]),
            ])
            #expect(definition.notes.filter { if case .declaredNotSimulated = $0 { return true }; return false } == [
                .declaredNotSimulated(location: IaC.at(23), what: "group \"Backend\" (canvas organisation only)"),
                .declaredNotSimulated(location: IaC.at(7), what: "volume \"worker-data\""),
            ])
        }
    }

    /// Every spelling service() accepts (railway-ts-sdk:src/iac/sdk.ts `IntentServiceConfig`),
    /// with the SDK's precedence.
    @Test func serviceSpellingsAndPrecedence() throws {
        let text = """
        import { defineRailway, github, project, service, image } from "railway/iac";
        export default defineRailway(() => {
          const a = service("a", {
            rootDirectory: "backend",
            startCommand: "second",
            run: { command: "third", healthcheck: "/run", healthcheckTimeout: 12, preDeploy: "migrate" },
            deploy: { startCommand: "fourth", cronSchedule: "*/5 * * * *", numReplicas: 4, restartPolicyType: "ALWAYS" },
            build: { buildCommand: "make", builder: "DOCKERFILE", dockerfilePath: "docker/Dockerfile", watchPatterns: ["src/**"] },
            variables: { A: "from variables", B: "kept" },
            env: { A: "from env", C: { value: "raw" } },
            configFile: "/backend/railway.toml",
          });
          const b = service("b", { root: "svc", start: "first", startCommand: "second", preDeployCommand: ["one", "two"] });
          const c = service("c", { source: image("redis:7", { rootDirectory: "img" }), rootDirectory: "ignored" });
          const d = service("d", { source: { repo: "acme/d", rootDirectory: "dropped" }, rootDirectory: "kept" });
          const e = service("e", { source: github("acme/e", { branch: "dev", watchPatterns: ["e/**"] }) });
          return project("p", { resources: [a, b, c, d, e] });
        });
        """
        let definition = try IaC.read(text)
        #expect(definition.notes.isEmpty)
        #expect(definition.services == [
            IaC.service("a", line: 3, rootDirectory: "backend", variables: [("A", "from env"), ("B", "kept"), ("C", "raw")],
                        start: "second", build: "make", healthcheck: "/run", healthcheckTimeout: 12, replicas: 4, builder: .dockerfile,
                        dockerfilePath: "docker/Dockerfile", watchPatterns: ["src/**"], preDeploy: ["migrate"], cron: "*/5 * * * *",
                        configFile: "/backend/railway.toml",
                        notes: [.declaredNotSimulated(location: IaC.at(7), what: "deploy.restartPolicyType")]),
            IaC.service("b", line: 13, rootDirectory: "svc", start: "first", preDeploy: ["one", "two"]),
            IaC.service("c", line: 14, rootDirectory: "img", image: "redis:7"),
            IaC.service("d", line: 15, rootDirectory: "kept", notes: [.interpreted(location: IaC.at(15), what:
                "source.rootDirectory in a source object without `type` is dropped by the SDK (sdk.ts normalizeSource); use github(repo, { rootDirectory }) or the service's rootDirectory")]),
            // The DSL docs list watchPatterns as a github() option; the CLI does not send it.
            IaC.service("e", line: 16, notes: [.interpreted(location: IaC.at(16), what:
                "source option `watchPatterns` is not sent to Railway (the CLI copies only autoUpdates, branch, checkSuites, commitSha, image, repo, rootDirectory, template, type, upstreamUrl)")]),
        ])
    }

    /// Block and expression bodies, `define`, a namespace import, an object returned directly, a
    /// program with `project` as its second parameter, and `as const`/type annotations.
    @Test func programShapes() throws {
        let shapes = [
            """
            import { defineRailway, project, service } from "railway/iac";
            export default defineRailway((ctx) => project("p", { resources: [service("web", { start: "x" })] }));
            """,
            """
            import * as iac from "railway/iac";
            export default iac.define(() => {
              return iac.project("p", { resources: [iac.service("web", { start: "x" })] });
            });
            """,
            """
            import { service } from "railway/iac";
            import type { RailwayContext } from "railway/iac";
            export default async (ctx: RailwayContext, project: any) => ({ name: "p", resources: [service("web", { start: "x" as const })] });
            """,
            """
            import { project, service } from "railway/iac";
            const web: ReturnType<typeof service> = service("web", { start: `x` } satisfies object);
            export default project("p", { resources: [web] });
            """,
        ]
        for text in shapes {
            let definition = try IaC.read(text)
            #expect(definition.notes.isEmpty)
            #expect(definition.services.map(\.name) == ["web"])
            #expect(definition.services.first?.settings.startCommand == "x")
        }
    }

    /// Template literals, interpolated values, helpers written as arrow functions, spreads and
    /// shorthand properties.
    @Test func expressionsOfTheSubset() throws {
        let text = """
        import { defineRailway, project, service } from "railway/iac";

        const common = { healthcheck: "/health", healthcheckTimeout: 60 };
        const python = (dir: string, port = 8000) => service(dir, {
          ...common,
          rootDirectory: `services/${dir}`,
          start: `uvicorn app:app --port ${port}`,
        });

        export default defineRailway((ctx) => {
          const env = { LOG_LEVEL: ctx.isEnvironment("production") ? "info" : "debug" };
          const api = python("api");
          const worker = python("worker", 9000);
          const web = service("web", { env, start: "node " + "server.js" });
          return project("p", { resources: [[api, worker], web] });
        });
        """
        let definition = try IaC.read(text, environment: "staging")
        #expect(definition.services == [
            IaC.service("api", line: 4, environment: "staging", rootDirectory: "services/api", start: "uvicorn app:app --port 8000",
                        healthcheck: "/health", healthcheckTimeout: 60),
            IaC.service("worker", line: 4, environment: "staging", rootDirectory: "services/worker", start: "uvicorn app:app --port 9000",
                        healthcheck: "/health", healthcheckTimeout: 60),
            IaC.service("web", line: 14, environment: "staging", variables: [("LOG_LEVEL", "debug")], start: "node server.js"),
        ])
    }

    /// `ctx.shared.X` compiles to `${{shared.X}}`; `ref()` to `${{name.X}}`; a reference to a
    /// resource outside the project keeps its address (cli:src/iac/compiler.rs `variable_to_config`).
    @Test func variableReferences() throws {
        let text = """
        import { defineRailway, project, service, postgres, mysql, ref } from "railway/iac";
        export default defineRailway((ctx) => {
          const db = postgres("main-db");
          const other = mysql("legacy");
          const web = service("web", {
            env: {
              SENTRY_DSN: ctx.shared.SENTRY_DSN,
              DATABASE_URL: db.env.DATABASE_URL,
              HOST: ref(db, "PGHOST"),
              LEGACY: other.env.MYSQL_URL,
            },
          });
          return project("p", { resources: [web, db] });
        });
        """
        let definition = try IaC.read(text)
        #expect(definition.services.first?.settings.variables == [
            ServiceVariable(name: "SENTRY_DSN", value: "${{shared.SENTRY_DSN}}"),
            ServiceVariable(name: "DATABASE_URL", value: "${{main-db.DATABASE_URL}}"),
            ServiceVariable(name: "HOST", value: "${{main-db.PGHOST}}"),
            ServiceVariable(name: "LEGACY", value: "${{database.legacy.MYSQL_URL}}"),
        ])
        #expect(definition.notes.contains(.interpreted(location: IaC.at(4), what:
            "database \"legacy\" is declared but not listed in project(…).resources, so Railway does not manage it; railsim leaves it out")))
    }

    /// `railway config pull` writes database overrides as an assignment, and domains, networking
    /// and the rest as options railsim reads but does not simulate.
    @Test func pullOutputShapes() throws {
        let text = """
        import { defineRailway, github, image, postgres, project, service } from "railway/iac";

        export default defineRailway(() => {
          const postgres2 = postgres("Postgres", { region: "us-west2" });
          postgres2.deploy = { startCommand: "postgres -c max_connections=200" };
          const api = service("api", {
            source: github("acme/api", { branch: "develop" }),
            build: { builder: "NIXPACKS", nixpacksConfigPath: "nixpacks.toml" },
            deploy: { sleepApplication: true },
            domains: [{ domain: "api.example.com", port: 3000 }],
            env: {
              DATABASE_URL: /* Postgres.DATABASE_URL */ "${{DATABASE_URL}}",
            },
          });
          const nginx = service("nginx", { source: image("nginx:latest") });

          return project("imported", {
            resources: [postgres2, api, nginx],
          });
        });
        """
        let definition = try IaC.read(text)
        #expect(definition.notes.isEmpty)
        #expect(definition.services == [
            IaC.service("Postgres", line: 4, start: "postgres -c max_connections=200", image: "ghcr.io/railwayapp-templates/postgres-ssl:18",
                        notes: [.declaredNotSimulated(location: IaC.at(4), what: "postgres database \"Postgres\" (image ghcr.io/railwayapp-templates/postgres-ssl:18)")]),
            IaC.service("api", line: 6, variables: [("DATABASE_URL", "${{DATABASE_URL}}")], builder: .nixpacks, notes: [
                .declaredNotSimulated(location: IaC.at(8), what: "build.nixpacksConfigPath"),
                .declaredNotSimulated(location: IaC.at(9), what: "deploy.sleepApplication"),
                .declaredNotSimulated(location: IaC.at(6), what: "domains"),
            ]),
            IaC.service("nginx", line: 15, image: "nginx:latest"),
        ])
    }

    @Test func unknownOptionsAndWrongTypesAreNoted() throws {
        let text = """
        import { defineRailway, project, service } from "railway/iac";
        export default defineRailway(() => project("p", {
          resources: [service("web", { startcommand: "typo", healthcheckTimeout: "30", replicas: 1.5 })],
        }));
        """
        let definition = try IaC.read(text)
        #expect(definition.services == [IaC.service("web", line: 3, notes: [
            .interpreted(location: IaC.at(3), what: "option `startcommand` is not one service() reads; the SDK ignores it"),
            .interpreted(location: IaC.at(3), what: "healthcheckTimeout is a string, not a whole number; railsim leaves it unset"),
            .interpreted(location: IaC.at(3), what: "replicas is a number, not a whole number; railsim leaves it unset"),
        ])])
    }
}
