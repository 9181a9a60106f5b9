import Foundation
import Testing
import TestSupport

/// Every railway-platform.md rule railsim implements is exercised by at least one scenario that
/// names it in `rules = [...]` (issue 4). The list of implemented rules lives in scenarios/README.md.
@Suite struct RuleCoverageTests {
    /// railway-platform.md "Rules a simulator must implement", numbered 1-30. Not implemented:
    /// 22 (preDeployCommand runs in its own container; railsim does not simulate it) and
    /// 28 (cronSchedule validation).
    static let implemented: Set<Int> = Set(1...30).subtracting([22, 28])

    @Test func everyImplementedRuleHasAScenario() throws {
        var covered: Set<Int> = []
        for file in Scenario.names() { covered.formUnion(try Scenario.load(file).rules) }
        let missing = Self.implemented.subtracting(covered).sorted()
        #expect(missing.isEmpty, "railway-platform.md rules without a scenario: \(missing)")
        print("rule coverage: \(Self.implemented.intersection(covered).count)/\(Self.implemented.count) implemented railway-platform.md rules have a scenario")
    }

    @Test func readmeListsTheSameRules() throws {
        let text = try String(contentsOf: RepoLocations.scenarios.appendingPathComponent("README.md"), encoding: .utf8)
        let expected = "Implemented railway-platform.md rules: " + Self.implemented.sorted().map(String.init).joined(separator: ", ")
        #expect(text.contains(expected), "scenarios/README.md should say: \(expected)")
    }
}
