import Testing
@testable import Railway

/// The line of every key, on inputs that trip naive scanners (TOML v1.0.0 spec, toml.io; RFC 8259).
@Suite struct KeyLineLocatorTests {
    static let toml = #"""
    # [deploy] in a comment is not a header
    "$schema" = "https://railway.com/railway.schema.json"
    environments.production.deploy.numReplicas = 2
    "environments".'production'.deploy.region = "us-west2"

    [build]   # trailing comment
    builder = "NIXPACKS" # builder = "x"
    watchPatterns = [
      "a", # ] not the end
      "b]",
      '''c
    ''',
    ]
    buildCommand = """
    startCommand = "not a key"
    [deploy]
    """
    dockerfilePath = 'C:\path' # literal string, no escapes

    [ deploy ]
    startCommand = "echo \"#\" # [x]"
    multiRegionConfig = { "us-west2" = { numReplicas = 2 }, asia = { numReplicas = 1 } }
    preDeployCommand = """\
      a \
      b"""
    healthcheckPath = "/h"
    cronSchedule = """a""\""""
    healthcheckTimeout = 5

    [[package]]
    name = "a"

    [[package]]
    name = "b"
    [environments.staging.deploy]
    startCommand = "s"
    "quoted key" = 1
    """#

    @Test func tomlLines() {
        let lines = KeyLineLocator.tomlLines(Self.toml)
        #expect(lines["$schema"] == 2)
        #expect(lines["environments.production.deploy.numReplicas"] == 3)
        #expect(lines["environments.production.deploy.region"] == 4)
        #expect(lines["build"] == 6)
        #expect(lines["build.builder"] == 7)
        #expect(lines["build.watchPatterns"] == 8)
        #expect(lines["build.buildCommand"] == 14)
        #expect(lines["build.startCommand"] == nil)
        #expect(lines["build.dockerfilePath"] == 18)
        #expect(lines["deploy"] == 20)
        #expect(lines["deploy.startCommand"] == 21)
        #expect(lines["deploy.multiRegionConfig"] == 22)
        #expect(lines["deploy.multiRegionConfig.us-west2"] == 22)
        #expect(lines["deploy.multiRegionConfig.us-west2.numReplicas"] == 22)
        #expect(lines["deploy.multiRegionConfig.asia"] == 22)
        #expect(lines["deploy.preDeployCommand"] == 23)
        #expect(lines["deploy.healthcheckPath"] == 26)
        #expect(lines["deploy.cronSchedule"] == 27)
        #expect(lines["deploy.healthcheckTimeout"] == 28)
        #expect(lines["package"] == 30)
        #expect(lines["package.name"] == 31)
        #expect(lines["environments.staging.deploy"] == 35)
        #expect(lines["environments.staging.deploy.startCommand"] == 36)
        #expect(lines["environments.staging.deploy.quoted key"] == 37)
    }

    @Test func tomlLinesThroughTheParser() throws {
        // The real parser accepts the document, and each member carries the located line.
        let document = try ConfigDocumentParser.parse(Self.toml, format: .toml, file: "railway.toml")
        let deploy = try #require(document.members?.first { $0.key == "deploy" }?.value.members)
        #expect(deploy.first { $0.key == "healthcheckTimeout" }?.line == 28)
        #expect(deploy.first { $0.key == "preDeployCommand" }?.value == .string("a b"))
        let region = try #require(deploy.first { $0.key == "multiRegionConfig" }?.value.members)
        #expect(region.map(\.line) == [22, 22])
    }

    @Test func tomlCRLFAndTabs() {
        let lines = KeyLineLocator.tomlLines("[deploy]\r\n\tstartCommand\t=\t\"x\"\r\n\r\nnumReplicas=1\r\n")
        #expect(lines["deploy.startCommand"] == 2)
        #expect(lines["deploy.numReplicas"] == 4)
    }

    static let json = #"""
    {
      "$schema": "https://railway.com/railway.schema.json",
      "build": {
        "builder": "RAILPACK",
        "buildCommand": "echo \"}\" { \\",
        "watchPatterns": ["a", "b:c", {"x": 1}]
      },
      "deploy":
      {
        "startCommand"
          : "x",
        "multiRegionConfig": {"us-west2": {"numReplicas": 1}, "asia": {
          "numReplicas": 2}}
      },
      "say \"hi\"": "multi\nline",
      "last": [[], {}]
    }
    """#

    @Test func jsonLines() {
        let lines = KeyLineLocator.jsonLines(Self.json)
        #expect(lines["$schema"] == 2)
        #expect(lines["build"] == 3)
        #expect(lines["build.builder"] == 4)
        #expect(lines["build.buildCommand"] == 5)
        #expect(lines["build.watchPatterns"] == 6)
        #expect(lines["build.watchPatterns.2.x"] == 6)
        #expect(lines["deploy"] == 8)
        #expect(lines["deploy.startCommand"] == 10)
        #expect(lines["deploy.multiRegionConfig"] == 12)
        #expect(lines["deploy.multiRegionConfig.us-west2.numReplicas"] == 12)
        #expect(lines["deploy.multiRegionConfig.asia"] == 12)
        #expect(lines["deploy.multiRegionConfig.asia.numReplicas"] == 13)
        #expect(lines["say \"hi\""] == 15)
        #expect(lines["last"] == 16)
    }

    @Test func jsonLinesThroughTheParser() throws {
        let document = try ConfigDocumentParser.parse(Self.json, format: .json, file: "railway.json")
        let members = try #require(document.members)
        #expect(members.map(\.key) == ["$schema", "build", "deploy", "say \"hi\"", "last"])
        #expect(members.map(\.line) == [2, 3, 8, 15, 16])
    }
}
