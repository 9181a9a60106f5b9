import Findings
import Foundation
import Railway
import Report
import Runtime
import Snapshot
import Testing
import TestSupport

/// Runs every scenario file: the prediction must match the expectations, and where the scenario
/// asks for it, the real CPython of that version must print exactly the predicted stderr.
@Suite struct ScenarioTests {
    @Test("scenario", arguments: Scenario.names())
    func scenario(_ file: String) throws {
        let scenario = try Scenario.load(file)
        let report = try scenario.report()
        let expect = scenario.expect
        func strings(_ key: String) -> [String] {
            if case .array(let items)? = expect[key] { return items.compactMap { if case .string(let s) = $0 { return s }; return nil } }
            return []
        }
        if expect["skipped"] != nil {
            #expect(report.skipped.map(\.name) == strings("skipped"), "\(file): skipped \(report.skipped)")
            for reason in strings("skippedReasons") { #expect(report.skipped.contains { $0.reason.contains(reason) }, "\(file): no skip reason says \(reason)") }
        }
        guard let assessment = report.services.first else {
            #expect(expect["skipped"] != nil, "\(file): service \(scenario.settings.name) was not simulated")
            return
        }
        func string(_ key: String) -> String? { if case .string(let s)? = expect[key] { return s }; return nil }
        let context = Comment(rawValue: "\(file): " + TextReporter(color: false).render([assessment], scope: .check))

        if let outcome = string("outcome") { #expect(assessment.outcome.rawValue == outcome, context) }
        if let builder = string("builder") { #expect(assessment.service.builder.kind.rawValue == builder, context) }
        if let configFile = string("configFile") { #expect((assessment.service.configFile?.description ?? "") == configFile, context) }
        if let dockerfile = string("dockerfile") { #expect(assessment.service.builder.dockerfile?.description == dockerfile, context) }
        if let start = string("startCommand") { #expect(assessment.build.startCommand?.display == start, context) }
        if let python = string("python") { #expect(assessment.runtime.pythonVersion?.description == python, context) }
        if case .integer(let code)? = expect["exitCode"] { #expect(assessment.runtime.failure?.exitCode == code, context) }
        if let exception = string("exception") { #expect(assessment.runtime.failure?.exception == exception, context) }
        if case .bool(let exact)? = expect["exact"] { #expect(assessment.runtime.failure?.exact == exact, context) }
        if let traceback = string("traceback") { #expect(assessment.runtime.failure?.stderr == traceback, context) }
        if expect["sysPath"] != nil { #expect(assessment.runtime.sysPath == strings("sysPath"), context) }
        let rules = Set(assessment.findings.map(\.rule))
        for rule in strings("findings") { #expect(rules.contains(rule), "\(file): expected finding \(rule); got \(rules.sorted())") }
        for rule in strings("absentFindings") { #expect(!rules.contains(rule), "\(file): unexpected finding \(rule)") }
        for message in strings("findingMessages") {
            #expect(assessment.findings.contains { $0.message.contains(message) || ($0.explanation ?? "").contains(message) },
                    "\(file): no finding says \(message)")
        }
        // Lines Railway's own logs would show (scanner, build, healthcheck), each somewhere in railsim's log.
        let log = assessment.service.configDiscovery.log + assessment.build.log + assessment.runtime.healthcheckLog
        for line in strings("log") { #expect(log.contains(line), "\(file): log lacks \(line); log is \(log)") }
        for line in strings("absentLog") { #expect(!log.contains(line), "\(file): log has \(line)") }
        if let origin = string("origin") { #expect(assessment.origin.description == origin, context) }
        if let healthcheck = string("healthcheckPath") { #expect(assessment.service.config.effectiveHealthcheckPath == healthcheck, context) }
        if let root = string("rootDirectory") { #expect(assessment.service.rootDirectory.slashed == root, context) }
        for (name, value) in (expect["environment"]?.members ?? []).map({ ($0.key, $0.value) }) {
            if case .string(let text) = value { #expect(assessment.runtime.process?.environment[name] == text, "\(file): \(name) = \(assessment.runtime.process?.environment[name] ?? "unset")") }
        }
        let assumptions = Set(assessment.assumptions.map(\.name))
        for name in strings("assumptions") { #expect(assumptions.contains(name), "\(file): expected assumption \(name); got \(assumptions.sorted())") }

        if case .bool(true)? = expect["oracle"] {
            let userSite: Bool
            if case .bool(true)? = expect["oracleUserSite"] { userSite = true } else { userSite = false }
            try checkAgainstCPython(assessment, file: file, userSite: userSite)
        }
    }

    /// The oracle: materialise the predicted image and run the real interpreter on it.
    func checkAgainstCPython(_ assessment: ServiceAssessment, file: String, userSite: Bool = false) throws {
        let observation: CPythonOracle.Observation
        do {
            observation = try CPythonOracle.observe(assessment, options: CPythonOracle.Options(userSite: userSite))
        } catch let unavailable as CPythonOracle.Unavailable {
            if case .runnerFailed = unavailable { Issue.record("\(file): \(unavailable)"); return }
            print("skipped CPython oracle for \(file): \(unavailable)")
            return
        }
        if let failure = assessment.runtime.failure, failure.phase == .start {
            #expect(observation.stderr == failure.stderr, "\(file): CPython printed:\n\(observation.stderr)")
            #expect(observation.exitCode == failure.exitCode, "\(file): CPython exited \(observation.exitCode)")
        } else {
            #expect(observation.exitCode == 0, "\(file): CPython exited \(observation.exitCode): \(observation.stderr)")
        }
        if let sysPath = observation.sysPath {
            #expect(sysPath == assessment.runtime.sysPath, "\(file): CPython's sys.path: \(sysPath)")
        }
        print("CPython oracle agrees for \(file) (exit \(observation.exitCode))")
    }
}
