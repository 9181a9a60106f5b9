import Snapshot
import Testing
@testable import Railway

/// Which railway.toml / railway.json applies (railway-platform.md §1.1, rules 2–4 and 9), with the
/// scanner's log wording ([idx:5969295909], [idx:27767834326]).
@Suite struct ConfigDiscoveryTests {
    @Test func tomlBeatsJSONInOneDirectory() throws {
        // cli:src/util/cac_deprecation.rs find_cac_file prefers railway.toml ("matches builderv3").
        let service = try RW.resolve(["railway.json": #"{"deploy": {"startCommand": "json"}}"#,
                                      "railway.toml": "[deploy]\nstartCommand = \"toml\"\n", "main.py": ""])
        #expect(service.configFile == RepoPath("railway.toml"))
        #expect(service.configDiscovery.format == .toml)
        #expect(service.config.effectiveStartCommand == "toml")
        #expect(service.notes.contains(.configAsCodeDeprecated(file: try #require(RepoPath("railway.toml")))))
    }

    @Test func jsonAloneIsRead() throws {
        let service = try RW.resolve(["railway.json": "{\n  \"deploy\": {\n    \"startCommand\": \"json\"\n  }\n}\n"])
        #expect(service.configFile == RepoPath("railway.json"))
        #expect(service.config.effectiveStartCommand == "json")
        #expect(RW.sourceLine(service.config.startCommand?.source) == "railway.json:3")
    }

    @Test func namesAreExact() throws {
        // Only railway.toml / railway.json (docs:content/docs/config-as-code/reference.md).
        let service = try RW.resolve(["Railway.toml": "[deploy]\nstartCommand = \"x\"\n", "railway.yaml": "", "railway.toml.bak": ""])
        #expect(service.configFile == nil)
        #expect(service.configDiscovery.log == ["root directory set as '/'"])
    }

    @Test func rootDirectoryFileBeatsRepoRootFile() throws {
        let service = try RW.resolve(["backend/railway.toml": "[deploy]\nstartCommand = \"backend\"\n",
                                      "railway.toml": "[deploy]\nstartCommand = \"root\"\n",
                                      "other/railway.json": "{}"], root: "backend")
        #expect(service.configFile == RepoPath("backend/railway.toml"))
        #expect(service.config.effectiveStartCommand == "backend")
        let log = service.configDiscovery.log
        #expect(log.contains("found 'railway.toml' at 'backend/railway.toml'"))
        #expect(log.contains("found 'railway.toml' at 'railway.toml'"))
        #expect(log.contains("skipping 'railway.json' at 'other/railway.json' as it is not rooted at a valid path (root_dir=backend, fileOpts={acceptChildOfRepoRoot:true})"))
        // The order is a single user report: it must be flagged as an assumption.
        #expect(service.assumptions.contains { $0.name == "config-file-precedence" })
    }

    @Test func repoRootFileAppliesToSubdirectoryService() throws {
        // [idx:12188061401]: root dir `backend`, `found 'railway.json' at 'railway.json'`.
        let service = try RW.resolve(["backend/main.py": "", "railway.json": #"{"deploy": {"startCommand": "root"}}"#], root: "/backend/")
        #expect(service.rootDirectory == RepoPath("backend"))
        #expect(service.configFile == RepoPath("railway.json"))
        // [idx:5969295909]: "root directory set as …" then "root directory sanitized to …".
        #expect(Array(service.configDiscovery.log.prefix(2)) == ["root directory set as '/backend/'", "root directory sanitized to 'backend'"])
        #expect(service.notes.contains(.repoRootConfigApplies(file: try #require(RepoPath("railway.json")), rootDirectory: try #require(RepoPath("backend")))))
    }

    @Test func nestedFilesAreSkippedWithScannerWording() throws {
        let service = try RW.resolve(["railway/mysql/main.py": "", "backend/railway.toml": "[deploy]\nstartCommand = \"no\"\n",
                                      "railway/mysql/sub/railway.json": "{}"], root: "railway/mysql")
        #expect(service.configFile == nil)
        #expect(service.config.effectiveStartCommand == nil)
        #expect(service.configDiscovery.log == [
            "root directory set as 'railway/mysql'",
            "skipping 'railway.toml' at 'backend/railway.toml' as it is not rooted at a valid path (root_dir=railway/mysql, fileOpts={acceptChildOfRepoRoot:true})",
            "skipping 'railway.json' at 'railway/mysql/sub/railway.json' as it is not rooted at a valid path (root_dir=railway/mysql, fileOpts={acceptChildOfRepoRoot:true})",
        ])
    }

    @Test func dashboardPathIsSanitisedAndWins() throws {
        // [idx:5969295909] "config-as-code path set as '/railway.toml'" / "sanitized to 'railway.toml'";
        // [idx:27767834326] "using selected config-as-code file 'railway.toml' (ignoring 'backend/railway.toml')".
        let service = try RW.resolve(["railway.toml": "[deploy]\nstartCommand = \"chosen\"\n",
                                      "backend/railway.toml": "[deploy]\nstartCommand = \"ignored\"\n"],
                                     root: "backend", configFile: "/railway.toml")
        #expect(service.configFile == RepoPath("railway.toml"))
        #expect(service.config.effectiveStartCommand == "chosen")
        #expect(service.configDiscovery.log == [
            "root directory set as 'backend'",
            "config-as-code path set as '/railway.toml'",
            "config-as-code path sanitized to 'railway.toml'",
            "found config-as-code file at 'railway.toml'",
            "using selected config-as-code file 'railway.toml' (ignoring 'backend/railway.toml')",
        ])
        #expect(service.notes.contains(.configFileIgnored(file: try #require(RepoPath("backend/railway.toml")), chosen: try #require(RepoPath("railway.toml")))))
    }

    @Test func dashboardPathIsRepoRootRelativeNotRootDirectoryRelative() throws {
        // docs:content/docs/deployments/monorepo.md: the config path does not follow the Root Directory.
        let service = try RW.resolve(["backend/railway.toml": "[deploy]\nstartCommand = \"nested\"\n",
                                      "backend/backend/railway.toml": "[deploy]\nstartCommand = \"wrong\"\n"],
                                     root: "backend", configFile: "backend/railway.toml")
        #expect(service.configFile == RepoPath("backend/railway.toml"))
        #expect(service.config.effectiveStartCommand == "nested")
    }

    @Test func dashboardPathMayNameAnyFileName() throws {
        let service = try RW.resolve(["deploy/prod.json": #"{"deploy": {"numReplicas": 3}}"#], configFile: "/deploy/prod.json")
        #expect(service.configFile == RepoPath("deploy/prod.json"))
        #expect(service.config.numReplicas?.value == 3)
    }

    @Test func dashboardPathThatDoesNotExist() throws {
        let service = try RW.resolve(["railway.toml": "[deploy]\nstartCommand = \"x\"\n"], configFile: "/infra/railway.toml")
        #expect(service.configFile == nil)
        #expect(service.configDiscovery.missingCustomPath == "/infra/railway.toml")
        #expect(service.configDiscovery.log == ["root directory set as '/'", "config-as-code path set as '/infra/railway.toml'", "config-as-code path sanitized to 'infra/railway.toml'"])
        // The other file is ignored even though the chosen one is missing.
        #expect(service.config.effectiveStartCommand == nil)
        #expect(service.configError == nil)
    }

    @Test func dashboardPathClimbingOutOfTheRepository() throws {
        let service = try RW.resolve(["railway.toml": ""], configFile: "../railway.toml")
        #expect(service.configFile == nil)
        #expect(service.configDiscovery.missingCustomPath == "../railway.toml")
    }

    @Test func dashboardPathThatIsADirectory() throws {
        let service = try RW.resolve(["infra/railway.toml": ""], configFile: "/infra")
        #expect(service.configFile == nil)
        #expect(service.configDiscovery.missingCustomPath == "/infra")
    }

    @Test func rootDirectoryIsCanonicalised() throws {
        // Rule 9: default `/`, leading `/` stripped, trailing `/` ignored.
        for raw in ["/", "", "."] {
            #expect(try RW.resolve(["main.py": ""], root: raw).rootDirectory == .root)
        }
        for raw in ["/api", "api/", "/api/", "./api", "api/../api"] {
            let service = try RW.resolve(["api/main.py": ""], root: raw)
            #expect(service.rootDirectory == RepoPath("api"))
            #expect(service.rootDirectoryExists)
        }
    }

    @Test func rootDirectoryOutsideTheRepository() {
        #expect(throws: ServiceSettingsError.rootDirectoryOutsideRepository("../x")) {
            try RW.resolve(["main.py": ""], root: "../x")
        }
        #expect(ServiceSettingsError.rootDirectoryOutsideRepository("../x").description == "root directory '../x' points outside the repository")
        #expect(throws: ServiceSettingsError.self) { try RW.resolve([:], root: "/a/../../b") }
    }

    @Test func rootDirectoryThatDoesNotExist() throws {
        let service = try RW.resolve(["main.py": ""], root: "/backend")
        #expect(service.rootDirectory == RepoPath("backend"))
        #expect(!service.rootDirectoryExists)
        // A file is not a directory.
        #expect(try !RW.resolve(["backend": "x"], root: "backend").rootDirectoryExists)
    }
}
