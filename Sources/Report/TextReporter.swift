import Build
import Findings
import Railway
import Runtime

/// Human output. Colour only when asked (the CLI turns it on for a TTY without NO_COLOR).
public struct TextReporter: Reporter {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    public func render(_ report: ProjectReport, scope: ReportScope) -> String {
        var sections = report.services.map { render($0, scope: scope) }
        if !report.findings.isEmpty || !report.skipped.isEmpty {
            var out = paint("project", "1") + "\n"
            for skipped in report.skipped { out += "  not simulated: \(skipped.name) — \(skipped.reason)\n" }
            if !report.findings.isEmpty { out += "\n  Findings:\n" + renderFindings(report.findings) }
            sections.append(out)
        }
        return sections.joined(separator: "\n")
    }

    func render(_ assessment: ServiceAssessment, scope: ReportScope) -> String {
        let service = assessment.service
        var out = ""
        let verdict: String
        switch (scope, assessment.outcome) {
        case (.plan, _): verdict = assessment.build.failure == nil ? paint("build ok", "32") : paint("build fails", "31;1")
        case (.check, .healthy): verdict = paint("✓ healthy", "32;1")
        case (.check, let outcome): verdict = paint("✗ \(outcome.rawValue)", "31;1")
        }
        out += "\(paint(assessment.name, "1"))  \(verdict)\n"
        func row(_ label: String, _ value: String) { out += "  " + label.padding(toLength: 16, withPad: " ", startingAt: 0) + value + "\n" }
        if assessment.origin != .commandLine { row("declared in", assessment.origin.description) }
        row("root directory", service.rootDirectory.slashed)
        row("config file", service.configFile.map { $0.description } ?? "none")
        row("builder", "\(service.builder.kind.rawValue) — \(service.builder.explanation)")
        if service.builder.kind == .dockerfile {
            row("dockerfile", service.builder.dockerfile?.description ?? "missing (`\(service.builder.dockerfileRequested ?? "Dockerfile")`)")
            row("build context", service.builder.buildContext.slashed)
        }
        if let start = assessment.build.startCommand { row("start command", "\(start.display)   (\(start.source))") }
        if let python = assessment.build.image?.python { row("python", "\(python.version)   (\(python.versionSource))") }
        let confidence = assessment.confidence
        if confidence.level == .reduced {
            let first = confidence.reasons[0]
            row("confidence", "reduced: \(first)" + (confidence.reasons.count > 1 ? " (and \(confidence.reasons.count - 1) more)" : ""))
        }
        if scope == .check, !assessment.runtime.sysPath.isEmpty {
            row("sys.path", assessment.runtime.sysPath.map { $0.isEmpty ? "''" : $0 }.joined(separator: ", "))
        }
        if let failure = assessment.runtime.failure, scope == .check || failure.phase != .start {
            out += "\n"
            switch failure.phase {
            case .config, .build: out += "  The build fails:\n"
            case .start: out += "  The process writes to stderr" + (failure.exitCode.map { " and exits \($0)" } ?? "") + ":\n"
            case .healthcheck: out += "  The deploy fails its healthcheck:\n"
            }
            let text = failure.stderr.isEmpty ? failure.message + "\n" : failure.stderr
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { out += "    " + paint(String(line), "31") + "\n" }
            if !failure.exact {
                out += paint("    (approximate: " + (failure.approximation ?? "parts of this output are not reproduced byte for byte") + ")", "2") + "\n"
            }
        }
        if scope == .check, !assessment.runtime.healthcheckLog.isEmpty {
            out += "\n  Railway's healthcheck:\n"
            for line in assessment.runtime.healthcheckLog { out += "    \(line)\n" }
        }
        let findings = scope == .check ? assessment.findings : assessment.findings.filter { !$0.rule.hasPrefix("RS4") }
        if !findings.isEmpty {
            out += "\n  Findings:\n" + renderFindings(findings)
        }
        if !assessment.assumptions.isEmpty {
            out += "\n  Assumptions (undocumented platform behaviour):\n"
            for assumption in assessment.assumptions { out += "  - \(assumption.name) = \(assumption.value): \(assumption.evidence)\n" }
        }
        if let explorations = assessment.explorations {
            out += "\n  Exploring the assumptions (--explore):\n"
            if explorations.isEmpty { out += "  - no assumption with alternatives applies to this result\n" }
            for exploration in explorations {
                let verdict = exploration.changesResult
                    ? paint("changes the result", "33;1") + ": \(exploration.outcome.rawValue)" + (exploration.failure.map { " — \($0)" } ?? "")
                    : "same result"
                out += "  - \(exploration.assumption) = \(exploration.value): \(verdict)\n"
            }
        }
        return out
    }

    func renderFindings(_ findings: [Finding]) -> String {
        var out = ""
        for finding in findings {
            let severity: String
            switch finding.severity {
            case .error: severity = paint("error  ", "31;1")
            case .warning: severity = paint("warning", "33;1")
            case .info: severity = paint("info   ", "36")
            }
            var location = finding.file ?? ""
            if let line = finding.line { location += ":\(line)" }
            // A multi-line message (a tool's output) keeps its later lines under the first one.
            let message = finding.message.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : "          " + $0.element }.joined(separator: "\n")
            out += "  \(severity) \(finding.rule) \(location.isEmpty ? "" : location + ": ")\(message)\n"
            if let explanation = finding.explanation { out += "          why: \(explanation)\n" }
            if let fix = finding.fix { out += "          fix: \(fix)\n" }
        }
        return out
    }
}
