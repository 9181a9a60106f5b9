import Findings
import Foundation
import Report
import Testing
import TestSupport

/// Keeps the reporters' output stable: each scenario's text and JSON report must equal the
/// committed golden in scenarios/goldens/. The facts inside (tracebacks, sys.path, outcomes) are
/// checked against CPython by ScenarioTests; these goldens guard the format. They are rewritten
/// only when RAILSIM_UPDATE_GOLDENS=1 is set, and then the test still fails so the update is seen.
@Suite struct GoldenTests {
    static let updating = ProcessInfo.processInfo.environment["RAILSIM_UPDATE_GOLDENS"] == "1"

    @Test("report golden", arguments: Scenario.names())
    func golden(_ file: String) throws {
        let scenario = try Scenario.load(file)
        let report = try scenario.report()
        let stem = String(file.dropLast(".toml".count))
        for (format, ext) in [(ReportFormat.text, "txt"), (ReportFormat.json, "json")] {
            let actual = Reporters.reporter(for: format, color: false).render(report, scope: .check)
            let url = RepoLocations.scenarios.appendingPathComponent("goldens/\(stem).\(ext)")
            if Self.updating {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record("updated \(url.lastPathComponent); rerun without RAILSIM_UPDATE_GOLDENS")
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(actual == expected, "\(stem).\(ext) differs from the golden; if the change is intended, rerun with RAILSIM_UPDATE_GOLDENS=1 and review the diff")
        }
    }
}
