import Build
import Findings
import Foundation
import Railway
import Runtime

/// `--format json`: one object, `schemaVersion` 1, documented in README.md ("JSON output").
/// Keys are sorted so the output is byte-stable across runs.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: ProjectReport, scope: ReportScope) -> String {
        let document = Document(schemaVersion: 1, services: report.services.map { ServiceJSON($0, scope: scope) },
                                project: ProjectJSON(findings: report.findings.map(FindingJSON.init), skipped: report.skipped.map { SkippedJSON(name: $0.name, reason: $0.reason) }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var schemaVersion: Int
        var services: [ServiceJSON]
        var project: ProjectJSON
    }

    /// Findings about the project as a whole, and declared services not simulated.
    struct ProjectJSON: Encodable {
        var findings: [FindingJSON]
        var skipped: [SkippedJSON]
    }

    struct SkippedJSON: Encodable {
        var name: String
        var reason: String
    }

    struct ExplorationJSON: Encodable {
        var assumption: String
        var value: String
        var outcome: String
        var failure: String?
        var changesResult: Bool

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(assumption, forKey: .assumption)
            try container.encode(value, forKey: .value)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(failure, forKey: .failure)
            try container.encode(changesResult, forKey: .changesResult)
        }

        enum CodingKeys: String, CodingKey { case assumption, value, outcome, failure, changesResult }
    }

    struct PythonJSON: Encodable {
        var version: String
        var source: String
    }

    struct FailureJSON: Encodable {
        var phase: String
        var exception: String?
        var message: String
        var traceback: String
        var exitCode: Int?
        var exact: Bool
        var approximation: String?
        var file: String?
        var line: Int?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(phase, forKey: .phase)
            try container.encode(exception, forKey: .exception)
            try container.encode(message, forKey: .message)
            try container.encode(traceback, forKey: .traceback)
            try container.encode(exitCode, forKey: .exitCode)
            try container.encode(exact, forKey: .exact)
            try container.encode(approximation, forKey: .approximation)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
        }

        enum CodingKeys: String, CodingKey { case phase, exception, message, traceback, exitCode, exact, approximation, file, line }
    }

    struct SettingJSON: Encodable {
        var value: String
        var source: String
    }

    struct FindingJSON: Encodable {
        var rule, name, severity, message: String
        var file: String?
        var line: Int?
        var explanation: String?
        var fix: String?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(name, forKey: .name)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(explanation, forKey: .explanation)
            try container.encode(fix, forKey: .fix)
        }

        enum CodingKeys: String, CodingKey { case rule, name, severity, message, file, line, explanation, fix }
    }

    struct ServiceJSON: Encodable {
        var name: String
        var rootDirectory: String
        var configFile: String?
        var builder: String
        var builderReason: String
        var dockerfile: String?
        var startCommand: String?
        var startCommandSource: String?
        var python: PythonJSON?
        var sysPath: [String]?
        var outcome: String?
        var failure: FailureJSON?
        var findings: [FindingJSON]
        var assumptions: [Assumption]
        var log: [String]
        var settings: [String: SettingJSON]
        var origin: String
        var explorations: [ExplorationJSON]?
        var confidence: Confidence
        var scope: ReportScope

        init(_ assessment: ServiceAssessment, scope: ReportScope) {
            let service = assessment.service
            name = assessment.name
            rootDirectory = service.rootDirectory.slashed
            configFile = service.configFile?.description
            builder = service.builder.kind.rawValue
            builderReason = service.builder.explanation
            dockerfile = service.builder.kind == .dockerfile ? (service.builder.dockerfile?.description ?? service.builder.dockerfileRequested) : nil
            startCommand = assessment.build.startCommand?.display
            startCommandSource = assessment.build.startCommand?.source
            let version = assessment.runtime.pythonVersion ?? assessment.build.image?.python?.version
            python = version.map { PythonJSON(version: $0.description, source: assessment.build.image?.python?.versionSource ?? "") }
            sysPath = scope == .check ? assessment.runtime.sysPath : nil
            outcome = scope == .check ? assessment.outcome.rawValue : nil
            if scope == .check, let failure = assessment.runtime.failure {
                self.failure = FailureJSON(phase: failure.phase.rawValue, exception: failure.exception, message: failure.message,
                                           traceback: failure.stderr, exitCode: failure.exitCode, exact: failure.exact, approximation: failure.approximation,
                                           file: failure.location?.file, line: failure.location?.line)
            }
            let relevant = scope == .check ? assessment.findings : assessment.findings.filter { !$0.rule.hasPrefix("RS4") }
            findings = relevant.map(FindingJSON.init)
            origin = assessment.origin.description
            explorations = assessment.explorations.map { list in
                list.map { ExplorationJSON(assumption: $0.assumption, value: $0.value, outcome: $0.outcome.rawValue, failure: $0.failure, changesResult: $0.changesResult) }
            }
            assumptions = assessment.assumptions
            confidence = assessment.confidence
            var settings: [String: SettingJSON] = [:]
            for entry in service.config.entries { settings[entry.key] = SettingJSON(value: entry.value, source: entry.source.description) }
            self.settings = settings
            log = service.configDiscovery.log + assessment.build.log + (scope == .check ? assessment.runtime.healthcheckLog : [])
            self.scope = scope
        }

        enum CodingKeys: String, CodingKey {
            case name, origin, rootDirectory, configFile, builder, builderReason, dockerfile, startCommand, startCommandSource, python, sysPath, outcome, failure, findings, confidence, assumptions, explorations, log, settings
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(origin, forKey: .origin)
            try container.encode(rootDirectory, forKey: .rootDirectory)
            try container.encode(configFile, forKey: .configFile)
            try container.encode(builder, forKey: .builder)
            try container.encode(builderReason, forKey: .builderReason)
            try container.encode(dockerfile, forKey: .dockerfile)
            try container.encode(startCommand, forKey: .startCommand)
            try container.encode(startCommandSource, forKey: .startCommandSource)
            try container.encode(python, forKey: .python)
            if scope == .check {
                try container.encode(sysPath ?? [], forKey: .sysPath)
                try container.encode(outcome, forKey: .outcome)
                try container.encode(failure, forKey: .failure)
            }
            try container.encode(findings, forKey: .findings)
            try container.encode(confidence, forKey: .confidence)
            try container.encode(assumptions, forKey: .assumptions)
            if let explorations { try container.encode(explorations, forKey: .explorations) }
            try container.encode(log, forKey: .log)
            try container.encode(settings, forKey: .settings)
        }
    }
}

extension JSONReporter.FindingJSON {
    init(_ finding: Finding) {
        self.init(rule: finding.rule, name: finding.name, severity: finding.severity.rawValue, message: finding.message,
                  file: finding.file, line: finding.line, explanation: finding.explanation, fix: finding.fix)
    }
}
