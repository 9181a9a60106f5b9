import Snapshot
import Testing
@testable import Build

/// Railpack's .NET provider (railpack:core/providers/dotnet/dotnet.go): fixtures under
/// fixtures/railpack/dotnet-*/, the csproj decoding (Go encoding/xml) and global.json.
@Suite struct RailpackDotnetTests {
    @Test func targetFrameworksPickTheFirstEntry() throws {
        // A BOM, the declaration, a comment and a PropertyGroup without a framework come first;
        // TargetFrameworks' first entry names the SDK (InstallMisePackages), and DOTNET_ROOT
        // follows it (GetEnvVars).
        let planned = try RailpackFixturePlans.check("dotnet-frameworks")
        #expect(planned.result.resolvedPackages["dotnet"]?.requestedVersion == "9.0")
    }

    @Test func malformedProjectStopsTheVersionSources() throws {
        // xml.Unmarshal fails, upstream prints the error and returns before global.json.
        let planned = try RailpackFixturePlans.check("dotnet-bad-xml")
        #expect(planned.result.resolvedPackages["dotnet"]?.requestedVersion == "8.0")
        #expect(planned.result.logs.contains { $0.message == "Error parsing XML: XML syntax error on line 4: element <PropertyGroup> closed by </Project>" })
    }

    @Test(arguments: [
        ("<Project><PropertyGroup><TargetFramework>net6.0</TargetFramework></PropertyGroup></Project>", ["net6.0"]),
        ("<Project><PropertyGroup><TargetFramework> net8.0 <!-- c --></TargetFramework><TargetFramework>net9.0</TargetFramework></PropertyGroup></Project>", ["net9.0"]),
        ("<Project><PropertyGroup><TargetFramework><![CDATA[net5.0]]></TargetFramework></PropertyGroup></Project>trailing <junk", ["net5.0"]),
        ("<Project><Choose><When><PropertyGroup><TargetFramework>net4.8</TargetFramework></PropertyGroup></When></Choose></Project>", []),
        ("<p:Project xmlns:p=\"urn:x\"><p:PropertyGroup><TargetFramework>net&#55;.0</TargetFramework></p:PropertyGroup></p:Project>", ["net7.0"]),
    ])
    func projectDecodes(xml: String, frameworks: [String]) throws {
        let file = try DotnetProjectFile.decode(xml).get()
        #expect(file.propertyGroups.map { $0.targetFramework.trimmingCharacters(in: .whitespaces) } == frameworks)
    }

    @Test(arguments: [
        ("", "EOF"),
        ("<Project><PropertyGroup></Project>", "XML syntax error on line 1: element <PropertyGroup> closed by </Project>"),
        ("<Project a=b></Project>", "XML syntax error on line 1: unquoted or missing attribute value in element"),
        ("<Project>&nbsp;</Project>", "XML syntax error on line 1: invalid character entity &nbsp;"),
        ("<Project><!-- a -- b --></Project>", "XML syntax error on line 1: invalid sequence \"--\" not allowed in comments"),
        ("<?xml version=\"1.0\" encoding=\"utf-16\"?><Project/>", "xml: encoding \"utf-16\" declared but Decoder.CharsetReader is nil"),
        ("<Project>\n<PropertyGroup>", "XML syntax error on line 2: unexpected EOF"),
    ])
    func projectErrors(xml: String, message: String) {
        guard case .failure(let error) = DotnetProjectFile.decode(xml) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message == message)
    }

    @Test(arguments: [("net8.0", "8.0"), ("netcoreapp3.1", "3.1"), ("net5.0-windows", "5.0"), ("netstandard2.0", ""), ("net48", "")])
    func frameworkVersion(framework: String, version: String) {
        #expect(DotnetProjectFile.frameworkVersion(framework) == version)
    }

    @Test(arguments: [
        ("{\"sdk\": {\"version\": \"8.0.404\"}}", DotnetGlobalJSON.Decoded.version("8.0.404")),
        ("{\"SDK\": {\"Version\": \"9.0.100\"}}", .version("9.0.100")),
        ("{\"sdk\": {\"version\": \"8.0.1\"}, \"Sdk\": null}", .version("8.0.1")),
        ("{\"sdk\": {\"version\": 8}}", .unreadable),
        ("{\"sdk\": {\"version\": \"8.0.1\"}, // comment\n}", .unreadable),
        ("null", .null),
        ("[]", .unreadable),
    ])
    func globalJSON(text: String, decoded: DotnetGlobalJSON.Decoded) {
        #expect(DotnetGlobalJSON.decode(text) == decoded)
    }

    @Test(arguments: [("8.0.404", "8.0.404"), ("v9", "9.0.0"), ("08.1", "8.1.0"), ("9.0.100-preview.1", "9.0.100"), ("none", nil)] as [(String, String?)])
    func exactSDKVersion(declared: String, version: String?) {
        #expect(DotnetGlobalJSON.exactVersion(declared) == version)
    }

    @Test func nullGlobalJSONFailsClearly() {
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: .inMemory(["App.csproj": "<Project/>", "global.json": "null"]), railpackVersion: "dev"))
        #expect(result.plan == nil)
        #expect(result.failure?.message.contains("global.json") == true)
    }
}
