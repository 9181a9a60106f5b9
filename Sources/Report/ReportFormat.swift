import Findings

/// Output formats; the raw values are the `--format` spellings.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json
}

/// What a report covers: the whole prediction (`check`) or only the build half (`plan`).
public enum ReportScope: Sendable {
    case check, plan
}

/// A renderer: a pure function from assessments to text, so goldens are trivial to test.
public protocol Reporter {
    func render(_ assessments: [ServiceAssessment], scope: ReportScope) -> String
}

public enum Reporters {
    public static func reporter(for format: ReportFormat, color: Bool) -> any Reporter {
        switch format {
        case .text: return TextReporter(color: color)
        case .json: return JSONReporter()
        }
    }
}
