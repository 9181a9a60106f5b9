import Build
import Railway
import Runtime
import Snapshot

/// Everything railsim predicts for one service: the reporters' single input.
public struct ServiceAssessment: Sendable {
    public var service: ResolvedService
    public var build: BuildResult
    public var runtime: RuntimeResult
    public var findings: [Finding]

    public var name: String { service.settings.name }
    public var outcome: Outcome { runtime.outcome }
    /// Every undocumented-behaviour assumption the result depends on.
    public var assumptions: [Assumption] { service.assumptions + build.assumptions + runtime.assumptions }
}

/// Runs the pipeline for one service: Railway → Build → Runtime → Findings.
public enum Pipeline {
    public static func assess(_ settings: ServiceSettings, in snapshot: RepoSnapshot) throws(ServiceSettingsError) -> ServiceAssessment {
        let service = try ServiceResolver.resolve(settings, in: snapshot)
        let build = ImageBuilder.build(service, snapshot: snapshot)
        let runtime = StartupSimulator.simulate(service, build: build)
        let findings = FindingsAnalyzer(snapshot: snapshot, service: service, build: build, runtime: runtime).findings()
        return ServiceAssessment(service: service, build: build, runtime: runtime, findings: findings)
    }
}
