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
    /// `--explore`: the outcome under each alternative of each assumption this result depends on;
    /// nil when not explored.
    public var explorations: [Exploration]? = nil
    /// Where the service was declared.
    public var origin: ServiceOrigin = .commandLine

    public var name: String { service.settings.name }
    public var outcome: Outcome { runtime.outcome }
    /// Every undocumented-behaviour assumption the result depends on.
    public var assumptions: [Assumption] { service.assumptions + build.assumptions + runtime.assumptions }
}

/// Runs the pipeline for one service: Railway → Build → Runtime → Findings.
public enum Pipeline {
    public static func assess(_ settings: ServiceSettings, in snapshot: RepoSnapshot,
                              options: SimulationOptions = SimulationOptions()) throws(ServiceSettingsError) -> ServiceAssessment {
        let service = try ServiceResolver.resolve(settings, in: snapshot, options: options)
        return assess(service, in: snapshot)
    }

    /// The stages after Railway, for a service already resolved.
    public static func assess(_ service: ResolvedService, in snapshot: RepoSnapshot) -> ServiceAssessment {
        let build = ImageBuilder.build(service, snapshot: snapshot)
        let runtime = StartupSimulator.simulate(service, build: build)
        let findings = FindingsAnalyzer(snapshot: snapshot, service: service, build: build, runtime: runtime).findings()
        return ServiceAssessment(service: service, build: build, runtime: runtime, findings: findings)
    }
}
