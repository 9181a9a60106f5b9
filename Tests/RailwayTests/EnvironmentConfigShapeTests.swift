import Snapshot
import Testing
@testable import Railway

/// The value forms an export can hold, and what railsim makes of the ones it must interpret.
@Suite struct EnvironmentConfigShapeTests {
    @Test func minimalServiceGetsDashboardDefaults() throws {
        let project = try EC.read(#"{"services": {"abc": {}}}"#)
        let service = try #require(project.services.first)
        #expect(service.name == "abc")
        #expect(service.settings == ServiceSettings(name: "abc", source: .environmentConfig("env.json services.abc")))
        #expect(service.image == nil)
        #expect(service.notes.isEmpty)
    }

    @Test func preDeployCommandAsOneString() throws {
        let json = EC.service(#"      "deploy": {"preDeployCommand": "python manage.py migrate"}"#)
        #expect(try EC.read(json).services[0].settings.preDeployCommand == ["python manage.py migrate"])
    }

    @Test(arguments: [("railpack", BuilderKind.railpack), ("Dockerfile", .dockerfile), ("NIXPACKS", .nixpacks)])
    func builderInAnyCase(raw: String, kind: BuilderKind) throws {
        let json = EC.service(#"      "build": {"builder": "\#(raw)"}"#)
        #expect(try EC.read(json).services[0].settings.builder == kind)
    }

    @Test func nullMeansUnset() throws {
        let json = EC.service(#"""
              "source": {"rootDirectory": null, "image": null},
              "configFile": null,
              "build": {"builder": null, "watchPatterns": null},
              "deploy": {"startCommand": null, "numReplicas": null, "preDeployCommand": null}
        """#)
        let service = try EC.read(json).services[0]
        #expect(service.settings == ServiceSettings(name: "abc", source: .environmentConfig("env.json services.abc")))
    }

    @Test func emptyConfigFileIsUnset() throws {
        let json = EC.service(#"      "configFile": """#)
        let service = try EC.read(json).services[0]
        #expect(service.settings.configFile == nil)
        #expect(EC.interpreted(service.notes).map { "\($0.location) \($0.what)" }
            == ["env.json:4 services.abc.configFile is empty; railsim takes it as not set"])
    }

    @Test(arguments: ["backend", "/backend/", "/apps/../backend", "./backend"])
    func rootDirectoryKeptAsTyped(raw: String) throws {
        let json = EC.service(#"      "source": {"rootDirectory": "\#(raw)"}"#)
        #expect(try EC.read(json).services[0].settings.rootDirectory == raw)
    }

    @Test func imageAndRepoTogetherBuildFromTheRepository() throws {
        let json = EC.service(#"      "source": {"image": "redis:7", "repo": "acme/app"}"#)
        let service = try EC.read(json).services[0]
        #expect(service.image == nil)
        #expect(EC.interpreted(service.notes).map(\.what) == [
            "services.abc.source.image and services.abc.source.repo are both set; railsim builds from the repository and ignores the image 'redis:7'",
        ])
    }

    @Test func deletedServicesAreSkipped() throws {
        let json = """
        {
          "services": {
            "gone": {"isDeleted": true, "source": {"image": "redis:7"}},
            "kept": {"isDeleted": false}
          }
        }
        """
        let project = try EC.read(json)
        #expect(project.services.map(\.name) == ["kept"])
        #expect(EC.interpreted(project.notes).contains {
            $0.location == "env.json:3" && $0.what == "services.gone is marked isDeleted; railsim skips it, as `railway environment config` does"
        })
    }

    @Test func variableForms() throws {
        let json = EC.service(#"""
              "variables": {
                "PLAIN": {"value": "1"},
                "REF": {"value": "${{api.RAILWAY_PRIVATE_DOMAIN}}:${{api.PORT}}"},
                "REMOVED": null,
                "NO_VALUE": {"description": "set in the dashboard"},
                "EMPTY": {"value": ""}
              }
        """#)
        let service = try EC.read(json).services[0]
        #expect(service.settings.variables == [
            ServiceVariable(name: "PLAIN", value: "1"),
            ServiceVariable(name: "REF", value: "${{api.RAILWAY_PRIVATE_DOMAIN}}:${{api.PORT}}"),
            ServiceVariable(name: "NO_VALUE", value: ""),
            ServiceVariable(name: "EMPTY", value: ""),
        ])
        #expect(EC.interpreted(service.notes).map { "\($0.location) \($0.what)" } == [
            "env.json:7 variable REMOVED is null (removed); railsim leaves it unset",
            "env.json:8 variable NO_VALUE has no value in the export; railsim treats it as set to an empty string",
        ])
    }

    @Test func unknownKeysAreReportedAndSkipped() throws {
        let json = """
        {
          "services": {
            "abc": {
              "deploy": {
                "startCommand": "python app.py",
                "startCmd": "python other.py"
              },
              "variables": {"A": {"value": "1", "secret": true}},
              "name": "api"
            }
          },
          "projectName": "demo"
        }
        """
        let project = try EC.read(json)
        let service = project.services[0]
        #expect(service.settings.startCommand == "python app.py")
        #expect(service.settings.variable("A") == "1")
        #expect(EC.interpreted(service.notes).map { "\($0.location) \($0.what)" } == [
            "env.json:9 unknown key services.abc.name ignored (not part of `railway environment config --json`)",
            "env.json:6 unknown key services.abc.deploy.startCmd ignored (not part of `railway environment config --json`)",
            "env.json:8 unknown key services.abc.variables.A.secret ignored (not part of `railway environment config --json`)",
        ])
        #expect(EC.interpreted(project.notes).first.map { "\($0.location) \($0.what)" }
            == "env.json:12 unknown key projectName ignored (not part of `railway environment config --json`)")
    }

    @Test func fieldsRailsimDoesNotSimulateAreAccepted() throws {
        let json = EC.service(#"""
              "networking": {"serviceDomains": {"x.up.railway.app": {"port": 8080}}, "tcpProxies": {"5432": {}}},
              "deploy": {"multiRegionConfig": {"us-west2": {"numReplicas": 2}}, "sleepApplication": true,
                         "limitOverride": {"containers": {"cpu": 0.5}}, "overlapSeconds": 30, "restartPolicyType": "always"},
              "build": {"nixpacksPlan": {"phases": {}}, "railpackVersion": "0.7.0", "buildEnvironment": "V3"},
              "source": {"autoUpdates": {"type": "patch"}, "commitSha": "abc123", "checkSuites": false},
              "clusterRole": "root", "isCreated": true
        """#)
        let service = try EC.read(json).services[0]
        #expect(service.notes.isEmpty)
    }
}
