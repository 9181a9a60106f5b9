import Snapshot
import Testing
@testable import Railway

/// Parsing and merging the documented keys (railway-platform.md §1.2–1.5, rules 5–8).
@Suite struct ConfigParsingTests {
    static let everyKeyTOML = """
    "$schema" = "https://railway.com/railway.schema.json"

    [build]
    builder = "nixpacks"
    buildCommand = "make"
    dockerfilePath = "Dockerfile.web"
    watchPatterns = ["/src/**", "!/*.md"]
    railpackVersion = "0.7.0"
    nixpacksConfigPath = "nixpacks.toml"
    nixpacksPlan = { providers = ["python"] }
    nixpacksVersion = "1.30.0"

    [deploy]
    startCommand = "python main.py"
    preDeployCommand = "python manage.py migrate"
    healthcheckPath = "/health"
    healthcheckTimeout = 120
    restartPolicyType = "never"
    restartPolicyMaxRetries = 3
    numReplicas = 2
    region = "us-west2"
    multiRegionConfig = { "us-west2" = { numReplicas = 2 } }
    cronSchedule = "*/5 * * * *"
    sleepApplication = true
    overlapSeconds = "60"
    drainingSeconds = 10
    """

    @Test func everyDocumentedKeyIsAcceptedWithItsType() throws {
        let service = try RW.resolve(["railway.toml": Self.everyKeyTOML])
        #expect(service.configError == nil)
        #expect(RW.unknownKeys(service).isEmpty)
        #expect(RW.invalidValues(service).isEmpty)
        #expect(!service.notes.contains { if case .unconfirmedKey = $0 { return true }; return false })
        let config = service.config
        #expect(config.builder?.value == .nixpacks)
        #expect(RW.sourceLine(config.builder?.source) == "railway.toml:4")
        #expect(config.buildCommand?.value == "make")
        #expect(config.dockerfilePath?.value == "Dockerfile.web")
        #expect(config.watchPatterns?.value == ["/src/**", "!/*.md"])
        #expect(config.startCommand?.value == "python main.py")
        #expect(RW.sourceLine(config.startCommand?.source) == "railway.toml:14")
        #expect(config.preDeployCommand?.value == ["python manage.py migrate"])
        #expect(config.healthcheckPath?.value == "/health")
        #expect(config.healthcheckTimeout?.value == 120)
        #expect(config.restartPolicyType?.value == .never)
        #expect(config.restartPolicyMaxRetries?.value == 3)
        #expect(config.numReplicas?.value == 2)
        #expect(config.cronSchedule?.value == "*/5 * * * *")
        #expect(config.effectiveRestartPolicy == (.never, 3))
    }

    @Test func everyDocumentedKeyInJSON() throws {
        let json = """
        {
          "$schema": "https://railway.com/railway.schema.json",
          "build": {
            "builder": "RAILPACK",
            "buildCommand": null,
            "watchPatterns": [],
            "nixpacksPlan": {"phases": {"setup": {"nixPkgs": ["ffmpeg"]}}}
          },
          "deploy": {
            "startCommand": "gunicorn app:app",
            "preDeployCommand": ["a", "b"],
            "healthcheckTimeout": 30,
            "restartPolicyType": "ON_FAILURE",
            "restartPolicyMaxRetries": 5,
            "overlapSeconds": 45,
            "drainingSeconds": "10",
            "sleepApplication": false,
            "multiRegionConfig": {"europe-west4-drams3a": {"numReplicas": 1}}
          }
        }
        """
        let service = try RW.resolve(["railway.json": json])
        #expect(service.configError == nil)
        #expect(RW.unknownKeys(service).isEmpty)
        #expect(RW.invalidValues(service).isEmpty)
        #expect(service.config.builder?.value == .railpack)
        #expect(RW.sourceLine(service.config.builder?.source) == "railway.json:4")
        #expect(service.config.buildCommand?.value == .some(nil))
        #expect(service.config.preDeployCommand?.value == ["a", "b"])
        #expect(RW.sourceLine(service.config.preDeployCommand?.source) == "railway.json:11")
        #expect(service.config.effectiveRestartPolicy == (.onFailure, 5))
    }

    @Test(arguments: [
        ("railpack", BuilderKind.railpack), ("Dockerfile", .dockerfile), ("NIXPACKS", .nixpacks), ("rAiLpAcK", .railpack),
    ])
    func builderIsCaseInsensitive(raw: String, kind: BuilderKind) throws {
        // docs:content/docs/config-as-code.md: TOML example `builder = "railpack"`, JSON "RAILPACK".
        let service = try RW.resolve(["railway.toml": "[build]\nbuilder = \"\(raw)\"\n"])
        #expect(service.config.builder?.value == kind)
    }

    @Test(arguments: [("never", RestartPolicy.never), ("On_Failure", .onFailure), ("ALWAYS", .always)])
    func restartPolicyIsCaseInsensitive(raw: String, policy: RestartPolicy) throws {
        let service = try RW.resolve(["railway.toml": "[deploy]\nrestartPolicyType = \"\(raw)\"\n"])
        #expect(service.config.restartPolicyType?.value == policy)
        #expect(service.config.effectiveRestartPolicy.1 == 10)
    }

    @Test func restartPolicyDefaults() throws {
        // docs:content/docs/deployments/restart-policy.md: ON_FAILURE, 10 retries.
        #expect(try RW.resolve([:]).config.effectiveRestartPolicy == (.onFailure, 10))
    }

    @Test func enumValuesOutsideTheirSet() throws {
        let service = try RW.resolve(["railway.toml": "[build]\nbuilder = \"HEROKU\"\n[deploy]\nrestartPolicyType = \"sometimes\"\n"])
        let invalid = RW.invalidValues(service)
        #expect(invalid.count == 2)
        #expect(invalid.first?.key == "build.builder")
        #expect(invalid.first?.location == "railway.toml:2")
        #expect(invalid.first?.expected == "one of RAILPACK, DOCKERFILE, NIXPACKS")
        #expect(invalid.first?.found == "\"HEROKU\"")
        #expect(invalid.last?.key == "deploy.restartPolicyType")
        #expect(invalid.last?.location == "railway.toml:4")
        #expect(service.config.builder == nil)
        #expect(service.builder.kind == .railpack)
    }

    @Test(arguments: [
        ("build", "buildCommand", "42", "a string", "an integer"),
        ("build", "watchPatterns", "\"src/**\"", "an array of strings", "\"src/**\""),
        ("build", "watchPatterns", "[1, 2]", "an array of strings", "an array"),
        ("build", "nixpacksPlan", "\"plan\"", "a table", "\"plan\""),
        ("deploy", "startCommand", "[\"python\", \"main.py\"]", "a string", "an array"),
        ("deploy", "preDeployCommand", "true", "a string or an array of strings", "a boolean"),
        ("deploy", "healthcheckTimeout", "\"300\"", "an integer", "\"300\""),
        ("deploy", "healthcheckTimeout", "30.5", "an integer", "a number"),
        ("deploy", "numReplicas", "\"2\"", "an integer", "\"2\""),
        ("deploy", "sleepApplication", "\"yes\"", "a boolean", "\"yes\""),
        ("deploy", "overlapSeconds", "\"sixty\"", "an integer", "\"sixty\""),
        ("deploy", "cronSchedule", "1979-05-27", "a string", "a date"),
        ("deploy", "multiRegionConfig", "[]", "a table", "an array"),
    ])
    func wrongTypesAreReportedWithFileAndLine(section: String, key: String, value: String, expected: String, found: String) throws {
        let service = try RW.resolve(["railway.toml": "# comment\n\n[\(section)]\n\(key) = \(value)\n"])
        let invalid = RW.invalidValues(service)
        #expect(invalid.count == 1)
        #expect(invalid.first?.key == "\(section).\(key)")
        #expect(invalid.first?.location == "railway.toml:4")
        #expect(invalid.first?.expected == expected)
        #expect(invalid.first?.found == found)
    }

    @Test func sectionThatIsNotATable() throws {
        let service = try RW.resolve(["railway.json": "{\n  \"deploy\": \"python main.py\"\n}"])
        let invalid = RW.invalidValues(service)
        #expect(invalid.map(\.key) == ["deploy"])
        #expect(invalid.first?.location == "railway.json:2")
        #expect(invalid.first?.expected == "a table")
    }

    @Test func nullClearsADashboardValue() throws {
        // `null` is allowed where the schema says "can be set to null" (docs:src/scripts/toml-reference.mjs).
        let service = try RW.resolve(["railway.json": #"{"deploy": {"startCommand": null, "healthcheckPath": null, "numReplicas": null}}"#],
                                     startCommand: "python dashboard.py")
        #expect(service.config.effectiveStartCommand == nil)
        #expect(service.config.startCommand?.value == .some(nil))
        #expect(RW.sourceLine(service.config.startCommand?.source) == "railway.json:1")
        #expect(service.config.numReplicas?.value == .some(nil))
        #expect(RW.invalidValues(service).isEmpty)
    }

    @Test func nullWhereNotNullable() throws {
        let service = try RW.resolve(["railway.json": "{\"build\": {\n\"builder\": null}, \"deploy\": {\"restartPolicyType\": null}}"])
        let invalid = RW.invalidValues(service)
        #expect(invalid.map(\.key) == ["build.builder", "deploy.restartPolicyType"])
        #expect(invalid.map(\.found) == ["null", "null"])
        #expect(invalid.first?.location == "railway.json:2")
    }

    @Test func fileOverridesDashboard() throws {
        // docs:content/docs/config-as-code/reference.md: values in code override the dashboard.
        let service = try RW.resolve(["railway.toml": "[deploy]\nstartCommand = \"file\"\n"], builder: .nixpacks, startCommand: "dash")
        #expect(service.config.effectiveStartCommand == "file")
        #expect(service.config.builder?.value == .nixpacks)
        #expect(service.config.builder?.source == .dashboard)
    }

    static let environmentsTOML = """
    [build]
    builder = "RAILPACK"

    [deploy]
    startCommand = "python base.py"
    numReplicas = 1

    [environments.staging.deploy]
    startCommand = "python staging.py"

    [environments.pr.deploy]
    numReplicas = 0
    """

    @Test func environmentBlockOverridesBase() throws {
        let staging = try RW.resolve(["railway.toml": Self.environmentsTOML], environment: "staging")
        #expect(staging.config.effectiveStartCommand == "python staging.py")
        #expect(RW.sourceLine(staging.config.startCommand?.source) == "railway.toml:9")
        #expect(staging.config.numReplicas?.value == 1)
        let production = try RW.resolve(["railway.toml": Self.environmentsTOML])
        #expect(production.config.effectiveStartCommand == "python base.py")
        #expect(RW.sourceLine(production.config.startCommand?.source) == "railway.toml:5")
    }

    @Test func environmentBlockInJSONWithBuilder() throws {
        let json = """
        {
          "build": {"builder": "RAILPACK"},
          "environments": {
            "production": {
              "build": {"builder": "DOCKERFILE", "dockerfilePath": "Dockerfile.prod"}
            }
          }
        }
        """
        let service = try RW.resolve(["railway.json": json, "Dockerfile.prod": "FROM python:3.12\n"])
        #expect(service.config.builder?.value == .dockerfile)
        #expect(RW.sourceLine(service.config.builder?.source) == "railway.json:5")
        #expect(service.builder.kind == .dockerfile)
        #expect(service.builder.dockerfile == RepoPath("Dockerfile.prod"))
    }

    @Test func unknownKeysInsideTheEnvironmentBlock() throws {
        let toml = "[environments.staging.deploy]\nstartComand = \"x\"\n[environments.staging.runtime]\nx = 1\n"
        let unknown = RW.unknownKeys(try RW.resolve(["railway.toml": toml], environment: "staging"))
        #expect(unknown.map(\.key) == ["environments.staging.deploy.startComand", "environments.staging.runtime"])
        #expect(unknown.map(\.location) == ["railway.toml:2", "railway.toml:3"])
        #expect(unknown.first?.nearest == "environments.staging.deploy.startCommand")
    }

    @Test(arguments: [
        ("deploy", "startComand", "deploy.startCommand"),
        ("deploy", "healthcheckInterval", "deploy.healthcheckTimeout"),
        ("deploy", "initialDelaySeconds", "deploy.healthcheckTimeout"),
        ("deploy", "replicas", "deploy.numReplicas"),
        ("deploy", "restartPolicy", "deploy.restartPolicyType"),
        ("build", "dockerFilePath", "build.dockerfilePath"),
        ("build", "startCommand", "deploy.startCommand"),
        ("deploy", "buildCommand", "build.buildCommand"),
    ])
    func unknownKeysHaveASensibleNearestKey(section: String, key: String, nearest: String) throws {
        let service = try RW.resolve(["railway.toml": "[\(section)]\n\n\(key) = 1\n"])
        let unknown = RW.unknownKeys(service)
        #expect(unknown.count == 1)
        #expect(unknown.first?.key == "\(section).\(key)")
        #expect(unknown.first?.location == "railway.toml:3")
        #expect(unknown.first?.nearest == nearest)
    }

    @Test func unknownTopLevelKey() throws {
        let unknown = RW.unknownKeys(try RW.resolve(["railway.json": "{\n  \"deploi\": {}\n}"]))
        #expect(unknown.map(\.key) == ["deploi"])
        #expect(unknown.first?.location == "railway.json:2")
        #expect(unknown.first?.nearest == "deploy")
        // A rootDirectory / buildContext key does not exist (OpenCodeIntel/opencodeintel#320).
        let context = RW.unknownKeys(try RW.resolve(["railway.toml": "[build]\nbuildContext = \"..\"\n"]))
        #expect(context.map(\.key) == ["build.buildContext"])
    }

    @Test func unconfirmedKeysAreFlagged() throws {
        let service = try RW.resolve(["railway.toml": "[build]\nbuildEnvironment = \"v3\"\n[deploy]\nrequiredMountPath = \"/data\"\n"])
        let unconfirmed = service.notes.compactMap { if case .unconfirmedKey(let key, let location) = $0 { return "\(key)@\(location)" }; return nil }
        #expect(unconfirmed == ["build.buildEnvironment@railway.toml:2", "deploy.requiredMountPath@railway.toml:4"])
        #expect(RW.invalidValues(service).isEmpty)
    }

    @Test func healthcheckWindowPrecedence() throws {
        // healthcheckTimeout ?? RAILWAY_HEALTHCHECK_TIMEOUT_SEC ?? 300 (docs:content/docs/deployments/healthchecks.md).
        let variable = try RW.resolve([:], variables: ["RAILWAY_HEALTHCHECK_TIMEOUT_SEC": "60"])
        #expect(variable.config.healthcheckWindow(variables: variable.settings).value == 60)
        let file = try RW.resolve(["railway.toml": "[deploy]\nhealthcheckTimeout = 20\n"], variables: ["RAILWAY_HEALTHCHECK_TIMEOUT_SEC": "60"])
        #expect(file.config.healthcheckWindow(variables: file.settings).value == 20)
        let none = try RW.resolve([:])
        #expect(none.config.healthcheckWindow(variables: none.settings).value == 300)
    }
}
