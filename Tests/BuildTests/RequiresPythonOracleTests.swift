import Foundation
import Testing
@testable import Build

/// `requires-python` evaluation against `packaging.specifiers.SpecifierSet(...).contains(...)`,
/// which is what pip and uv's Python requirement checks follow. Skipped without python3 + packaging.
@Suite("requires-python agrees with packaging")
struct RequiresPythonOracleTests {
    static let specifiers = [">=3.14", ">=3.9", ">=3.9,<3.13", "~=3.10", "~=3.12.0", "==3.11.*", "!=3.13.*", "<3.13", "<=3.12",
                             ">3.12", "==3.13", ">=3.8, !=3.10.*, <4", ">=3.12.3", "<3.13.2", "===3.13.0", ">= 3.10"]
    static let versions = ["3.8.18", "3.9.0", "3.10.13", "3.11.7", "3.12.0", "3.12.1", "3.12.3", "3.13.0", "3.13.1", "3.13.5", "3.14.0"]

    @Test(.enabled(if: RequirementsOracleTests.python() != nil, "python3 with the packaging library not found; oracle skipped"))
    func agreesWithPackaging() throws {
        let script = """
            import json, sys
            from packaging.specifiers import SpecifierSet
            specs, versions = json.loads(sys.argv[1]), json.loads(sys.argv[2])
            print(json.dumps([[SpecifierSet(s).contains(v, prereleases=True) for v in versions] for s in specs]))
            """
        let args = [String(decoding: try JSONEncoder().encode(Self.specifiers), as: UTF8.self),
                    String(decoding: try JSONEncoder().encode(Self.versions), as: UTF8.self)]
        let result = try #require(RequirementsOracleRunner.run("/usr/bin/env", ["python3", "-c", script] + args))
        let expected = try JSONDecoder().decode([[Bool]].self, from: Data(result.stdout.utf8))
        var agree = 0
        for (i, spec) in Self.specifiers.enumerated() {
            for (j, raw) in Self.versions.enumerated() {
                let parts = raw.split(separator: ".").compactMap { Int($0) }
                let verdict = RequiresPython.evaluate(spec, for: PythonVersion(parts[0], parts[1], parts[2]))
                let mine = verdict == .admits
                #expect(verdict != .unreadable && mine == expected[i][j], "\(spec) vs \(raw): railsim \(verdict), packaging \(expected[i][j])")
                if mine == expected[i][j] { agree += 1 }
            }
        }
        print("requires-python oracle: \(agree)/\(Self.specifiers.count * Self.versions.count) agree with packaging")
    }

    @Test("an unknown patch release decides only when every patch agrees")
    func unknownPatch() {
        #expect(RequiresPython.evaluate(">=3.14", for: PythonVersion(3, 13)) == .excludes)
        #expect(RequiresPython.evaluate(">=3.9", for: PythonVersion(3, 13)) == .admits)
        #expect(RequiresPython.evaluate("<3.13.2", for: PythonVersion(3, 13)) == .dependsOnPatch)
        #expect(RequiresPython.evaluate("not a specifier", for: PythonVersion(3, 13)) == .unreadable)
        #expect(RequiresPython.evaluate("", for: PythonVersion(3, 13)) == .unreadable)
    }
}
