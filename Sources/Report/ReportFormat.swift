import Findings

/// Output formats; the raw values are the `--format` spellings.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json
    /// Railpack's own BuildPlan, as `railpack plan` prints it (`plan` only).
    case railpackJSON = "railpack-json"
}

/// What a report covers: the whole prediction (`check`) or only the build half (`plan`).
public enum ReportScope: Sendable {
    case check, plan
}

/// A renderer: a pure function from a project's assessments to text, so goldens are trivial to test.
public protocol Reporter {
    func render(_ report: ProjectReport, scope: ReportScope) -> String
}

extension Reporter {
    /// Services only, no project-level findings or skipped services.
    public func render(_ assessments: [ServiceAssessment], scope: ReportScope) -> String {
        render(ProjectReport(services: assessments), scope: scope)
    }
}

public enum Reporters {
    public static func reporter(for format: ReportFormat, color: Bool) -> any Reporter {
        switch format {
        case .text: return TextReporter(color: color)
        case .json: return JSONReporter()
        case .railpackJSON: return RailpackPlanReporter()
        }
    }
}
