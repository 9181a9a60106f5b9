import Foundation
import Testing
@testable import Build

/// BuildKit's build checks against cases transcribed from BuildKit's own integration tests
/// (DockerfileData/lint/buildkit-check-cases.json; its `_about` cites the source), plus the `# check=`
/// option parser's error texts.
@Suite struct DockerfileLintTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var dockerfile: String
        var dockerignore: String?
        var buildArgs: [String: String]
        var warnings: [[String: String]]
        var error: String?
        var testDescription: String { name }
    }

    static let tablePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("DockerfileData/lint/buildkit-check-cases.json")

    static let cases: [Case] = {
        guard let data = FileManager.default.contents(atPath: tablePath.path),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["cases"] as? [[String: Any]] else { return [] }
        return list.map { c in
            let warnings = (c["warnings"] as? [[String: Any]] ?? []).map { w in
                w.mapValues { "\($0)" }
            }
            return Case(name: c["name"] as? String ?? "?", dockerfile: c["dockerfile"] as? String ?? "",
                        dockerignore: c["dockerignore"] as? String, buildArgs: c["buildArgs"] as? [String: String] ?? [:],
                        warnings: warnings, error: c["error"] as? String)
        }
    }()

    /// The lint result railsim produces for a case: (sorted "rule|line|detail|description|url" lines, error).
    static func actual(_ c: Case) throws -> (warnings: [String], error: String?) {
        let bytes = Array(c.dockerfile.utf8)
        let config = try DockerfileLint.config(bytes: bytes, buildArgs: c.buildArgs)
        let dockerfile = try DockerfileParser.parse(bytes)
        let ignore = try c.dockerignore.map { try DockerPatternMatcher(patterns: DockerIgnoreFile.patterns(from: Array($0.utf8))) }
        let result = DockerfileLint.run(dockerfile: dockerfile, config: config, buildArgs: c.buildArgs,
                                       platform: BuildPlatform(BuildPlatform.assumed), ignore: ignore)
        let lines = result.warnings.map { "\($0.rule)|\($0.line)|\($0.detail)|\($0.description)|\($0.url ?? "")" }
        return (lines.sorted(), result.error)
    }

    /// BuildKit's tests sort warnings by line, then detail (dockerfile_check_test.go `checkLinterWarnings`).
    static func expected(_ c: Case) -> [String] {
        c.warnings.map { w in "\(w["rule"] ?? "")|\(w["line"] ?? "")|\(w["detail"] ?? "")|\(w["description"] ?? "")|\(w["url"] ?? "")" }.sorted()
    }

    @Test("BuildKit build-check case", arguments: cases)
    func buildKitCase(_ c: Case) throws {
        let (warnings, error) = try Self.actual(c)
        #expect(warnings == Self.expected(c), "\(c.name)")
        #expect(error == c.error, "\(c.name)")
    }

    @Test func summary() throws {
        #expect(Self.cases.count >= 80, "the case table did not load")
        var agree = 0
        for c in Self.cases {
            if let (warnings, error) = try? Self.actual(c), warnings == Self.expected(c), error == c.error { agree += 1 }
        }
        print("build checks: \(agree)/\(Self.cases.count) BuildKit lint cases agree")
        #expect(agree == Self.cases.count)
    }

    /// Every rule railsim implements has at least one case with a warning in the table.
    @Test func everyImplementedRuleIsCovered() {
        let covered = Set(Self.cases.flatMap { $0.warnings.compactMap { $0["rule"] } })
        let implemented = Set(DockerfileCheckRule.all.map(\.name)).subtracting(DockerfileCheckRule.notChecked.map(\.rule.name))
        #expect(implemented.subtracting(covered).isEmpty, "no BuildKit case for \(implemented.subtracting(covered).sorted())")
    }

    // linter.go ParseLintOptions / convert.go newRuleLinter / dockerui config.go error texts
    @Test func optionErrors() {
        func message(_ directive: String, buildArg: String? = nil) -> String? {
            let bytes = Array("# check=\(directive)\nFROM scratch\n".utf8)
            do {
                _ = try DockerfileLint.config(bytes: bytes, buildArgs: buildArg.map { ["BUILDKIT_DOCKERFILE_CHECK": $0] } ?? [:])
                return nil
            } catch { return error.message }
        }
        #expect(message("skip") == "failed to parse check options: invalid check option \"skip\"")
        #expect(message("skipp=all") == "failed to parse check options: invalid check option \"skipp\"")
        #expect(message("error=maybe")
            == "failed to parse check options: failed to parse check option \"error=maybe\": strconv.ParseBool: parsing \"maybe\": invalid syntax")
        #expect(message("error=true", buildArg: "bogus") == "failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: invalid check option \"bogus\"")
        #expect(message("skip=all;error=1") == nil)
        // the value is cut at its first space (directives.go detectDirectiveFromParser)
        #expect(message("skip=all ;error=nonsense") == nil)
    }

    @Test func configMerging() throws {
        let config = try DockerfileCheckConfig.parse("skip=A, B ;error=true")
        #expect(config.skipRules == ["A", "B"] && config.returnAsError)
        let merged = config.merged(withComments: ["just a note", "check=skip=C // why", "check=skip=D"])
        #expect(merged.skipRules == ["A", "B", "C"])
        #expect(DockerfileCheckConfig.directiveValue(in: Array("#!/bin/sh\n# check=error=true\nFROM x\n".utf8)) == "error=true")
        #expect(DockerfileCheckConfig.directiveValue(in: Array("FROM x\n# check=error=true\n".utf8)) == nil)
    }

    /// The build failure under `error=true` (convert.go `finalizeResultImage` → linter.go `Error`).
    @Test func failureNamesRulesInFirstReportOrder() throws {
        let text = "# check=error=true\nFROM scratch\nMAINTAINER me\nCMD run\n"
        let dockerfile = try DockerfileParser.parse(Array(text.utf8))
        let config = try DockerfileLint.config(bytes: Array(text.utf8), buildArgs: [:])
        let result = DockerfileLint.run(dockerfile: dockerfile, config: config, buildArgs: [:], platform: BuildPlatform(BuildPlatform.assumed), ignore: nil)
        #expect(result.error == "lint violation found for rules: MaintainerDeprecated, JSONArgsRecommended")
        #expect(result.warnings.map(\.short) == [
            "MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label (line 3)",
            "JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 4)",
        ])
    }
}
