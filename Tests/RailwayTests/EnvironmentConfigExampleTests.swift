import Foundation
import Snapshot
import TestSupport
import Testing
@testable import Railway

/// The bundled export (`fixtures/environment-config/example.json`): a Railpack web service in a
/// monorepo folder, a Dockerfile cron job and a Postgres image service, in the shape
/// `railway environment config --json` prints (cli:src/controllers/config/environment.rs).
@Suite struct EnvironmentConfigExampleTests {
    static let apiID = "1f6d2c4e-8a3b-4f0e-9c2d-5b7a1e9f3c60"
    static let workerID = "6a0b9d3f-2e7c-4b1a-8f5d-0c3e6a2b7d19"
    static let postgresID = "c4e91a7b-5d2f-4c8e-b3a6-9f1d0e2c8b45"
    static let file = "environment-config/example.json"

    func example(serviceNames: [String: String] = [:]) throws -> ProjectDefinition {
        let data = try Data(contentsOf: RepoLocations.fixtures.appendingPathComponent("environment-config/example.json"))
        return try EnvironmentConfigReader.read(data, file: Self.file, environment: "staging", serviceNames: serviceNames)
    }

    @Test func servicesInFileOrderNamedByID() throws {
        let project = try example()
        #expect(project.services.map(\.name) == [Self.apiID, Self.workerID, Self.postgresID])
        #expect(project.services.map(\.origin) == [Self.apiID, Self.workerID, Self.postgresID].map {
            .environmentConfig(file: Self.file, serviceID: $0)
        })
        let naming = try #require(EC.interpreted(project.notes).first { $0.what.hasPrefix("the export names no services") })
        #expect(naming.location == "\(Self.file):2")
        #expect(naming.what.contains(Self.postgresID))
    }

    @Test func callerSuppliedNames() throws {
        let names = [Self.apiID: "health-service", Self.workerID: "refresh-job", Self.postgresID: "Postgres"]
        let project = try example(serviceNames: names)
        #expect(project.services.map(\.name) == ["health-service", "refresh-job", "Postgres"])
        #expect(project.service(named: "Postgres")?.image == "ghcr.io/railwayapp-templates/postgres-ssl:16")
        #expect(!EC.interpreted(project.notes).contains { $0.what.hasPrefix("the export names no services") })
    }

    @Test func railpackWebService() throws {
        let api = try example().services[0]
        let settings = api.settings
        #expect(api.image == nil)
        #expect(settings.rootDirectory == "/health-service")
        #expect(settings.configFile == "/health-service/railway.toml")
        #expect(settings.builder == .railpack)
        #expect(settings.startCommand == "python main.py")
        #expect(settings.buildCommand == nil)
        #expect(settings.healthcheckPath == "/health")
        #expect(settings.healthcheckTimeout == 300)
        #expect(settings.numReplicas == 1)
        #expect(settings.watchPatterns == ["/health-service/**"])
        #expect(settings.environment == "staging")
        #expect(settings.source == .environmentConfig("\(Self.file) services.\(Self.apiID)"))
        #expect(settings.source.description == "\(Self.file) services.\(Self.apiID)")
        // Reference templates stay verbatim; the sealed variable is set, with an unknown value.
        #expect(settings.variables == [
            ServiceVariable(name: "DATABASE_URL", value: "${{Postgres.DATABASE_URL}}"),
            ServiceVariable(name: "LOG_LEVEL", value: "info"),
            ServiceVariable(name: "PORT", value: "8080"),
            ServiceVariable(name: "SENTRY_DSN", value: ""),
        ])
        #expect(EC.interpreted(api.notes).map(\.location) == ["\(Self.file):28"])
        #expect(EC.interpreted(api.notes).first?.what == "variable SENTRY_DSN is sealed in the export; railsim treats it as set to an empty string")
    }

    @Test func dockerfileCronJob() throws {
        let worker = try example().services[1].settings
        #expect(worker.rootDirectory == "/")
        #expect(worker.configFile == nil)
        #expect(worker.builder == .dockerfile)
        #expect(worker.dockerfilePath == "Dockerfile.health")
        #expect(worker.startCommand == "python -m src.jobs.refresh")
        #expect(worker.preDeployCommand == ["python -m src.migrate"])
        #expect(worker.cronSchedule == "*/15 * * * *")
        #expect(worker.watchPatterns == ["/src/**", "/Dockerfile.health"])
        #expect(worker.variable("REPORT_BUCKET") == "${{shared.REPORT_BUCKET}}")
        #expect(worker.healthcheckPath == nil)
    }

    @Test func databaseImageService() throws {
        let postgres = try example().services[2]
        #expect(postgres.image == "ghcr.io/railwayapp-templates/postgres-ssl:16")
        #expect(postgres.settings.builder == nil)
        #expect(postgres.settings.variables.count == 7)
        #expect(postgres.settings.variable("DATABASE_URL")
            == "postgresql://${{PGUSER}}:${{POSTGRES_PASSWORD}}@${{RAILWAY_PRIVATE_DOMAIN}}:5432/${{PGDATABASE}}")
        #expect(EC.notSimulated(postgres.notes).map(\.what)
            == ["volume e2b7c5d1-3f4a-4e9b-a8c6-7d1f0b3e5a92 mounted at /var/lib/postgresql/data"])
        #expect(EC.interpreted(postgres.notes).isEmpty)
    }

    @Test func projectLevelNotes() throws {
        let project = try example()
        #expect(EC.notSimulated(project.notes).map(\.what) == ["volume e2b7c5d1-3f4a-4e9b-a8c6-7d1f0b3e5a92"])
        // Shared variables are the project's, for `${{shared.NAME}}` references to resolve against.
        #expect(project.sharedVariables.map(\.name) == ["REPORT_BUCKET"])
        // Every key of the example is one the CLI prints: nothing reported as unknown.
        let all = project.notes + project.services.flatMap(\.notes)
        #expect(!EC.interpreted(all).contains { $0.what.hasPrefix("unknown key") })
    }

    @Test func bytesAndDataReadAlike() throws {
        let data = try Data(contentsOf: RepoLocations.fixtures.appendingPathComponent("environment-config/example.json"))
        let fromBytes = try EnvironmentConfigReader.read([UInt8](data), file: Self.file, environment: "staging")
        #expect(fromBytes == (try example()))
    }
}

/// Shared helpers for the environment-config tests: read a JSON text as if it were a file
/// `env.json`, and pick notes apart.
enum EC {
    static func read(_ json: String, file: String = "env.json", environment: String = "production",
                     serviceNames: [String: String] = [:]) throws(ProjectSourceError) -> ProjectDefinition {
        try EnvironmentConfigReader.read(Array(json.utf8), file: file, environment: environment, serviceNames: serviceNames)
    }

    /// The one-line error railsim reports for `json`, or nil when it reads.
    static func error(_ json: String) -> String? {
        error(bytes: Array(json.utf8))
    }

    static func error(bytes: [UInt8]) -> String? {
        do {
            _ = try EnvironmentConfigReader.read(bytes, file: "env.json", environment: "production")
            return nil
        } catch {
            return error.description
        }
    }

    /// `(location, what)` of every `.interpreted` note.
    static func interpreted(_ notes: [ProjectNote]) -> [(location: String, what: String)] {
        notes.compactMap {
            if case .interpreted(let location, let what) = $0 { return (location.description, what) }
            return nil
        }
    }

    /// `(location, what)` of every `.declaredNotSimulated` note.
    static func notSimulated(_ notes: [ProjectNote]) -> [(location: String, what: String)] {
        notes.compactMap {
            if case .declaredNotSimulated(let location, let what) = $0 { return (location.description, what) }
            return nil
        }
    }

    /// A one-service export: service `abc` holds `body`, the members of its object, from line 4.
    static func service(_ body: String) -> String {
        "{\n  \"services\": {\n    \"abc\": {\n\(body)\n    }\n  }\n}\n"
    }
}
