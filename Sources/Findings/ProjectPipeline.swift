import Dispatch
import Foundation
import Railway
import Snapshot

/// Runs the pipeline for every service a project declares: reads the project sources, picks the
/// services, applies the command-line overrides, simulates them in parallel and reports them in
/// declaration order. The CLI and the scenario tests both go through here.
public enum ProjectPipeline {
    /// What to simulate, beyond the repository itself.
    public struct Request: Sendable {
        /// An exported `railway environment config --json`.
        public var environmentConfig: ProjectLoader.EnvironmentConfigFile?
        /// Only this service (by name); nil for every declared service.
        public var service: String?
        /// Flags typed over the declared settings.
        public var overrides: ServiceOverrides
        /// The service a repository that declares none gets (named after its folder).
        public var fallback: ServiceSettings
        public var options: SimulationOptions
        public var explore: Bool
        /// `--changed`: simulate only the services these files would redeploy (watch paths).
        public var changedFiles: [RepoPath]?

        public init(environmentConfig: ProjectLoader.EnvironmentConfigFile? = nil, service: String? = nil, overrides: ServiceOverrides = ServiceOverrides(),
                    fallback: ServiceSettings, options: SimulationOptions = SimulationOptions(), explore: Bool = false, changedFiles: [RepoPath]? = nil) {
            self.changedFiles = changedFiles
            self.environmentConfig = environmentConfig
            self.service = service
            self.overrides = overrides
            self.fallback = fallback
            self.options = options
            self.explore = explore
        }
    }

    /// Input errors: the project sources or the selection are wrong (exit 2 at the CLI).
    public enum InputError: Error, Sendable, CustomStringConvertible {
        case projectSource(ProjectSourceError)
        case unknownService(String, declared: [String])
        /// A declared service's settings are wrong; `origin` says where it was declared.
        case settings(ServiceSettingsError, origin: ServiceOrigin)

        public var description: String {
            switch self {
            case .projectSource(let error): return error.description
            case .unknownService(let name, let declared):
                return "--service: no service named '\(name)' is declared (declared: \(declared.joined(separator: ", ")))"
            case .settings(let error, .commandLine): return error.description
            case .settings(let error, let origin): return "\(origin): \(error.description)"
            }
        }
    }

    public static func assess(_ snapshot: RepoSnapshot, request: Request) throws(InputError) -> ProjectReport {
        let project: ProjectDefinition
        do {
            project = try ProjectLoader.load(snapshot, environmentConfig: request.environmentConfig, environment: request.fallback.environment)
        } catch {
            throw .projectSource(error)
        }
        let (services, imageServices) = try select(project, request: request)
        let wired = ProjectVariableWiring.wire(services, project: project)
        let results = ResultSlots(count: services.count)
        // Services are independent once their variables are resolved: simulate them in parallel.
        DispatchQueue.concurrentPerform(iterations: services.count) { index in
            let definition = services[index]
            let settings = wired[index].settings
            do throws(ServiceSettingsError) {
                var service = try ServiceResolver.resolve(settings, in: snapshot, options: request.options)
                if let changed = request.changedFiles {
                    // The effective watch paths, config-as-code included (railway-platform.md rule 27).
                    let outcome = WatchPatterns.outcome(service: definition.name, patterns: WatchPatternSet(service.config.watchPatterns?.value ?? []),
                                                        changedFiles: changed)
                    if !outcome.redeploys {
                        results.store(.skipped(SkippedService(name: definition.name, reason: Self.describe(outcome, patterns: service.config.watchPatterns))), at: index)
                        return
                    }
                }
                service.assumptions += wired[index].assumptions
                var assessment = Pipeline.assess(service, in: snapshot)
                assessment.origin = definition.origin
                assessment.findings += ProjectFindings.findings(for: definition.notes) + VariableFindings.findings(for: wired[index].notes)
                if request.explore {
                    assessment.explorations = Pipeline.explore(assessment, settings: settings, in: snapshot, options: request.options)
                }
                results.store(.assessed(assessment), at: index)
            } catch {
                results.store(.failed(error, definition.origin), at: index)
            }
        }
        var assessments: [ServiceAssessment] = []
        var skipped = imageServices
        for slot in results.values {
            switch slot {
            case .assessed(let assessment)?: assessments.append(assessment)
            case .skipped(let service)?: skipped.append(service)
            case .failed(let error, let origin)?: throw .settings(error, origin: origin)
            case nil: continue
            }
        }
        return ProjectReport(services: assessments, findings: ProjectFindings.findings(for: project.notes), skipped: skipped)
    }

    static func describe(_ outcome: WatchOutcome, patterns: Sourced<[String]>?) -> String {
        let list = (patterns?.value ?? []).map { "`\($0)`" }.joined(separator: ", ")
        let source = patterns.map { " (\($0.source))" } ?? ""
        switch outcome.reason {
        case .emptyChange: return "no file changed and watch paths \(list)\(source) are set: Railway skips the deployment"
        default: return "no changed file matches its watch paths \(list)\(source): Railway skips the deployment"
        }
    }

    /// The declared services (or the one `request.service` names) with the overrides applied; a
    /// project that declares none gets `request.fallback`. Image services are skipped: there is
    /// nothing in the repository to build or start.
    static func select(_ project: ProjectDefinition, request: Request) throws(InputError) -> ([ServiceDefinition], [SkippedService]) {
        if project.services.isEmpty {
            return ([ServiceDefinition(settings: request.fallback, origin: .commandLine)], [])
        }
        var declared = project.services
        if let name = request.service {
            guard let service = project.service(named: name) else { throw .unknownService(name, declared: project.services.map(\.name)) }
            declared = [service]
        }
        var services: [ServiceDefinition] = []
        var skipped: [SkippedService] = []
        for var definition in declared {
            if let image = definition.image {
                skipped.append(SkippedService(name: definition.name, reason: "deployed from the image \(image); nothing to build from the repository"))
                continue
            }
            definition.settings = request.overrides.applied(to: definition.settings)
            services.append(definition)
        }
        return (services, skipped)
    }
}

/// One result slot per service, filled from concurrent workers.
private final class ResultSlots: @unchecked Sendable {
    enum Slot {
        case assessed(ServiceAssessment)
        case skipped(SkippedService)
        case failed(ServiceSettingsError, ServiceOrigin)
    }

    private let lock = NSLock()
    private var slots: [Slot?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ slot: Slot, at index: Int) {
        lock.withLock { slots[index] = slot }
    }

    var values: [Slot?] { lock.withLock { slots } }
}
