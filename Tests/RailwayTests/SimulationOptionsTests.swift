import Snapshot
import Testing
@testable import Railway

/// `--as-of` days and `--assume` choices: parsing, and what each choice changes.
@Suite struct SimulationOptionsTests {
    @Test("CalendarDay parses real dates only", arguments: [
        ("2026-12-01", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-13-01", false),
        ("2026-1-01", false), ("26-12-01", false), ("2026-12-01T00:00", false), ("", false), ("２０２６-12-01", false),
    ])
    func calendarDay(_ text: String, _ valid: Bool) {
        #expect((CalendarDay(text) != nil) == valid, "\(text)")
        if valid { #expect(CalendarDay(text)?.description == text) }
    }

    @Test func dayArithmetic() throws {
        let before = try #require(CalendarDay("2026-11-29"))
        #expect(before.days(until: SimulationOptions.configAsCodeCutoff) == 2)
        #expect(try #require(CalendarDay("2024-12-31")).days(until: try #require(CalendarDay("2025-01-01"))) == 1)
        #expect(SimulationOptions(asOf: before).readsConfigAsCode)
        #expect(!SimulationOptions(asOf: SimulationOptions.configAsCodeCutoff).readsConfigAsCode)
    }

    @Test("--assume errors name the problem in one line", arguments: [
        ("dockerfile-path-base", "--assume 'dockerfile-path-base' must have the form NAME=VALUE"),
        ("=x", "--assume '=x' must have the form NAME=VALUE"),
        ("nope=1", "--assume: unknown assumption 'nope' (known: config-file-precedence, dockerfile-path-base, railway-port, custom-start-word-splitting, build-platform)"),
        ("dockerfile-path-base=cwd", "--assume: 'cwd' is not a value of dockerfile-path-base (expected one of: root-directory-then-repo-root, root-directory, repo-root)"),
        ("railway-port=0", "--assume: '0' is not a value of railway-port (expected a port number 1-65535)"),
        ("railway-port=http", "--assume: 'http' is not a value of railway-port (expected a port number 1-65535)"),
    ])
    func assumeErrors(_ pair: String, _ message: String) {
        guard case .failure(let error) = AssumptionCatalog.parse([pair]) else {
            Issue.record("\(pair) was accepted")
            return
        }
        #expect(error.description == message)
    }

    @Test func assumeAccepts() throws {
        let choices = try AssumptionCatalog.parse(["railway-port=3000", "config-file-precedence=repo-root"]).get()
        #expect(choices == ["railway-port": "3000", "config-file-precedence": "repo-root"])
    }

    static let twoConfigs = [
        "railway.toml": "[deploy]\nstartCommand = \"python repo.py\"\n",
        "svc/railway.toml": "[deploy]\nstartCommand = \"python svc.py\"\n",
        "svc/main.py": "",
    ]

    @Test("config-file-precedence: the default and the alternative pick different files")
    func configPrecedence() throws {
        let settings = ServiceSettings(name: "svc", rootDirectory: "svc")
        let day = try #require(CalendarDay("2026-11-29"))
        let byDefault = try ServiceResolver.resolve(settings, in: .inMemory(Self.twoConfigs), options: SimulationOptions(asOf: day))
        #expect(byDefault.configFile?.description == "svc/railway.toml")
        #expect(byDefault.assumptions.first { $0.name == "config-file-precedence" }?.value == "root-directory")
        let repoRoot = try ServiceResolver.resolve(settings, in: .inMemory(Self.twoConfigs),
                                                   options: SimulationOptions(asOf: day, assumptionChoices: ["config-file-precedence": "repo-root"]))
        #expect(repoRoot.configFile?.description == "railway.toml")
        #expect(repoRoot.config.effectiveStartCommand == "python repo.py")
        #expect(repoRoot.assumptions.first { $0.name == "config-file-precedence" }?.value == "repo-root")
    }

    @Test("dockerfile-path-base: each value resolves the path its own way", arguments: [
        ("root-directory-then-repo-root", "svc/Dockerfile.app"), ("root-directory", "svc/Dockerfile.app"), ("repo-root", "Dockerfile.app"),
    ])
    func dockerfileBase(_ value: String, _ expected: String) throws {
        let files = ["Dockerfile.app": "FROM python:3.12-slim\n", "svc/Dockerfile.app": "FROM python:3.12-slim\n", "svc/main.py": ""]
        let settings = ServiceSettings(name: "svc", rootDirectory: "svc", variables: [ServiceVariable(name: "RAILWAY_DOCKERFILE_PATH", value: "Dockerfile.app")])
        let service = try ServiceResolver.resolve(settings, in: .inMemory(files),
                                                  options: SimulationOptions(asOf: .init(year: 2026, month: 11, day: 29), assumptionChoices: ["dockerfile-path-base": value]))
        #expect(service.builder.dockerfile?.description == expected)
        #expect(service.assumptions.first { $0.name == "dockerfile-path-base" }?.value == value)
    }

    @Test("root-directory only: a Dockerfile that exists only at the repo root is missing")
    func dockerfileRootOnly() throws {
        let files = ["Dockerfile.app": "FROM python:3.12-slim\n", "svc/main.py": ""]
        let settings = ServiceSettings(name: "svc", rootDirectory: "svc", variables: [ServiceVariable(name: "RAILWAY_DOCKERFILE_PATH", value: "Dockerfile.app")])
        let service = try ServiceResolver.resolve(settings, in: .inMemory(files),
                                                  options: SimulationOptions(asOf: .init(year: 2026, month: 11, day: 29), assumptionChoices: ["dockerfile-path-base": "root-directory"]))
        #expect(service.builder.dockerfile == nil)
    }
}

/// Railway stops reading railway.toml/railway.json on 2026-12-01 (docs:content/docs/infrastructure-as-code.md:27).
@Suite struct ConfigAsCodeCutoffTests {
    static let files = [
        "railway.toml": "[build]\nbuilder = \"DOCKERFILE\"\ndockerfilePath = \"Dockerfile.web\"\n[deploy]\nstartCommand = \"python app.py\"\n",
        "Dockerfile.web": "FROM python:3.12-slim\n", "app.py": "",
    ]

    @Test("the day before the cutoff the file applies, with the deprecation note")
    func before() throws {
        let service = try ServiceResolver.resolve(ServiceSettings(name: "svc"), in: .inMemory(Self.files),
                                                  options: SimulationOptions(asOf: .init(year: 2026, month: 11, day: 30)))
        #expect(service.configFile?.description == "railway.toml")
        #expect(service.builder.kind == .dockerfile)
        #expect(service.notes.contains(.configAsCodeDeprecated(file: RepoPath("railway.toml")!)))
    }

    @Test("from the cutoff the file is not read, and the note lists what stops applying", arguments: ["2026-12-01", "2027-06-15"])
    func after(_ day: String) throws {
        let asOf = try #require(CalendarDay(day))
        let service = try ServiceResolver.resolve(ServiceSettings(name: "svc"), in: .inMemory(Self.files), options: SimulationOptions(asOf: asOf))
        #expect(service.configFile == nil)
        #expect(service.builder.kind == .railpack)
        #expect(service.config.effectiveStartCommand == nil)
        #expect(service.notes == [.configAsCodeIgnoredAfterCutoff(file: RepoPath("railway.toml")!, asOf: asOf,
                                                                  settings: ["builder = DOCKERFILE", "dockerfilePath = Dockerfile.web", "startCommand = python app.py"])])
    }

    @Test("a service declared in railway.ts and managed by a config file is flagged")
    func managedTwice() throws {
        let declaration = SourceLocation(file: ".railway/railway.ts", line: 7)
        let settings = ServiceSettings(name: "svc", source: .infrastructureAsCode(declaration))
        let service = try ServiceResolver.resolve(settings, in: .inMemory(Self.files), options: SimulationOptions(asOf: .init(year: 2026, month: 11, day: 29)))
        #expect(service.notes.contains(.managedByConfigAndInfrastructure(file: RepoPath("railway.toml")!, declaration: declaration)))
        // After the cutoff only railway.ts manages it.
        let later = try ServiceResolver.resolve(settings, in: .inMemory(Self.files), options: SimulationOptions(asOf: SimulationOptions.configAsCodeCutoff))
        #expect(!later.notes.contains { if case .managedByConfigAndInfrastructure = $0 { return true } else { return false } })
    }
}
