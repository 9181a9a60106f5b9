import Snapshot

/// Everything the Railway stage decides for one service: root directory, config file, effective
/// settings with provenance, builder and Dockerfile, and what it noticed on the way.
public struct ResolvedService: Sendable {
    public var settings: ServiceSettings
    public var rootDirectory: RepoPath
    public var rootDirectoryExists: Bool
    public var configDiscovery: ConfigFileDiscovery
    /// The config file's syntax error, if it could not be parsed (Railway then fails the deploy).
    public var configError: ConfigSyntaxError?
    public var config: ServiceConfig
    public var builder: BuilderChoice
    public var notes: [RailwayNote]
    public var assumptions: [Assumption]
    /// The day and the assumption choices this resolution used; later stages read them too.
    public var options: SimulationOptions

    /// The config-as-code file in effect (none once the cutoff has passed).
    public var configFile: RepoPath? { configDiscovery.ignoredAfterCutoff ? nil : configDiscovery.chosen }
}

/// Input errors in service settings (as opposed to problems railsim predicts for the deploy).
public enum ServiceSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    case rootDirectoryOutsideRepository(String)

    public var description: String {
        switch self {
        case .rootDirectoryOutsideRepository(let raw): return "root directory '\(raw)' points outside the repository"
        }
    }
}

public enum ServiceResolver {
    public static func resolve(_ settings: ServiceSettings, in snapshot: RepoSnapshot,
                               options: SimulationOptions = SimulationOptions()) throws(ServiceSettingsError) -> ResolvedService {
        // Root Directory: default `/`, leading `/` stripped ("root directory sanitized to …",
        // [idx:5969295909]; docs:content/docs/deployments/monorepo.md).
        guard let root = RepoPath(settings.rootDirectory) else {
            throw .rootDirectoryOutsideRepository(settings.rootDirectory)
        }
        var discovery = ConfigFileLocator.locate(in: snapshot, rootDirectory: root, customPath: settings.configFile, options: options)
        // Railway's snapshot log wording ([idx:5969295909]).
        var scannerLog = ["root directory set as '\(settings.rootDirectory)'"]
        if settings.rootDirectory != root.description, !root.isRoot { scannerLog.append("root directory sanitized to '\(root)'") }
        discovery.log = scannerLog + discovery.log
        var notes = discovery.notes
        var assumptions = discovery.assumptions
        var config = ServiceConfig(dashboard: settings)
        var configError: ConfigSyntaxError? = nil

        if let file = discovery.chosen, !options.readsConfigAsCode {
            // From the cutoff Railway no longer reads config-as-code files (docs:content/docs/infrastructure-as-code.md:27):
            // the dashboard (or railway.ts) settings apply alone. The file is still parsed, only to say
            // which of its settings stop applying; what the scanner noticed about it no longer matters.
            var lost: [String] = []
            if let format = discovery.format, let text = try? snapshot.readText(file),
               let document = try? ConfigDocumentParser.parse(text, format: format, file: file.description) {
                var reader = ConfigFileReader(file: file, base: ServiceConfig())
                reader.apply(document: document, environment: settings.environment, pullRequestBase: settings.pullRequestBase)
                lost = reader.config.entries.map { "\($0.key) = \($0.value)" }
            }
            notes = [.configAsCodeIgnoredAfterCutoff(file: file, asOf: options.asOf, settings: lost)]
            assumptions = []
            discovery.ignoredAfterCutoff = true
        } else if let file = discovery.chosen, let format = discovery.format {
            notes.append(.configAsCodeDeprecated(file: file))
            if case .infrastructureAsCode(let declaration) = settings.source {
                notes.append(.managedByConfigAndInfrastructure(file: file, declaration: declaration))
            }
            do {
                let text = try snapshot.readText(file)
                let document = try ConfigDocumentParser.parse(text, format: format, file: file.description)
                var reader = ConfigFileReader(file: file, base: config)
                reader.apply(document: document, environment: settings.environment, pullRequestBase: settings.pullRequestBase)
                config = reader.config
                notes += reader.notes
            } catch let error as ConfigSyntaxError {
                configError = error
            } catch {
                configError = ConfigSyntaxError(location: SourceLocation(file), message: "cannot read: \(error)")
            }
        }
        discovery.notes = []
        let builder = BuilderSelector.choose(snapshot: snapshot, rootDirectory: root, config: config, settings: settings,
                                             options: options, notes: &notes, assumptions: &assumptions)
        return ResolvedService(settings: settings, rootDirectory: root, rootDirectoryExists: snapshot.isDirectory(root),
                               configDiscovery: discovery, configError: configError, config: config, builder: builder,
                               notes: notes, assumptions: assumptions, options: options)
    }
}
