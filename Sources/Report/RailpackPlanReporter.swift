import Build
import Findings
import Railway

/// `--format railpack-json`: the BuildPlan Railpack would print with `railpack plan`, so it can
/// be diffed against the real tool. Only one service's plan fits in that document.
public struct RailpackPlanReporter: Reporter {
    public init() {}

    /// The plan of each service built with Railpack, one document after the other.
    public func render(_ report: ProjectReport, scope: ReportScope) -> String {
        report.services.compactMap { $0.build.railpackPlan?.railpackPlanOutput() }.joined()
    }

    /// What `railsim plan --format railpack-json` prints for one service: the plan on stdout, or
    /// Railpack's error (and railsim's note when Railway would not use Railpack) on stderr.
    public struct Output: Sendable {
        public var stdout = ""
        public var stderr = ""
        public var failed = false
    }

    public static func render(service: String, builder: BuilderKind, result: RailpackPlanResult) -> Output {
        var output = Output()
        if builder != .railpack {
            output.stderr += "railsim: note: Railway builds service `\(service)` with \(builder.rawValue), not Railpack; this is the plan Railpack would make\n"
        }
        for log in result.logs where log.level == .warn {
            output.stderr += "railpack warning: " + log.message.replacingOccurrences(of: "\n", with: "\n  ") + "\n"
        }
        guard let plan = result.plan else {
            output.failed = true
            let message = result.failure?.message ?? "Railpack could not plan the app"
            output.stderr += "railsim: service `\(service)`: " + message.replacingOccurrences(of: "\n", with: "\n  ") + "\n"
            return output
        }
        output.stdout = plan.railpackPlanOutput()
        return output
    }
}
