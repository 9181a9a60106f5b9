import Findings
import Foundation
import Testing
import TestSupport

/// docs/rules.md must list every rule with its name and severity, so docs match behaviour.
@Test func rulesAreDocumented() throws {
    let text = try String(contentsOf: RepoLocations.packageRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
    for rule in Rule.all {
        #expect(text.contains("| \(rule.id) | \(rule.name) | \(rule.severity.rawValue) |"), "docs/rules.md lacks \(rule.id) \(rule.name)")
    }
    #expect(Set(Rule.all.map(\.id)).count == Rule.all.count, "rule ids are unique")
}
