import ArgumentParser
import Foundation
import Railway

/// Options shared by `check` and `plan`: the repository, where its services come from, and the
/// dashboard settings typed as flags (which override a declared service's).
struct ServiceOptions: ParsableArguments {
    @Argument(help: "The repository to simulate.")
    var path: String = "."

    @Option(help: ArgumentHelp("Simulate only this service (default: every service .railway/railway.ts or --railway-config declares; else one named after the folder).", valueName: "name"))
    var service: String?

    @Option(help: ArgumentHelp("The service's Root Directory, as in Railway's settings (default /).", valueName: "dir"))
    var root: String?

    @Option(name: .customLong("config-file"), help: ArgumentHelp("The service's Railway Config File path (from the repository root).", valueName: "path"))
    var configFile: String?

    @Option(help: ArgumentHelp("Builder override in the service settings.", valueName: "railpack|dockerfile|nixpacks"))
    var builder: BuilderKind?

    @Option(name: .customLong("var"), help: ArgumentHelp("A service variable (repeatable).", valueName: "KEY=VALUE"))
    var variables: [String] = []

    @Option(name: .customLong("start-command"), help: ArgumentHelp("The service's Start Command setting.", valueName: "command"))
    var startCommand: String?

    @Option(help: ArgumentHelp("The Railway environment: selects `environments.<name>` in config files and `ctx.environment` in railway.ts.", valueName: "name"))
    var environment: String = "production"

    @Option(name: .customLong("pr-base"), help: ArgumentHelp("The environment is an ephemeral PR environment forked from this one: config files apply `environments.<name>`, then `environments.pr`, then `environments.<base>`.", valueName: "environment"))
    var pullRequestBase: String?

    @Option(name: .customLong("railway-config"), help: ArgumentHelp("The output of `railway environment config --json`: services, root directories, settings and variables.", valueName: "file"))
    var railwayConfig: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Evaluate dated platform rules on this day (default: today, UTC). From 2026-12-01 Railway no longer reads railway.toml/railway.json.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(name: .customLong("assume"), help: ArgumentHelp("Choose a value for an undocumented platform rule (repeatable): config-file-precedence, dockerfile-path-base, railway-port, custom-start-word-splitting, build-platform.", valueName: "NAME=VALUE"))
    var assumptions: [String] = []

    func validate() throws {
        for variable in variables where !variable.contains("=") || variable.hasPrefix("=") {
            throw ValidationError("--var '\(variable)' must have the form KEY=VALUE")
        }
        if let asOf, CalendarDay(asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date of the form YYYY-MM-DD") }
        if case .failure(let error) = AssumptionCatalog.parse(assumptions) { throw ValidationError(error.description) }
    }

    var simulationOptions: SimulationOptions {
        let choices = (try? AssumptionCatalog.parse(assumptions).get()) ?? [:]
        return SimulationOptions(asOf: asOf.flatMap(CalendarDay.init) ?? .today(), assumptionChoices: choices)
    }

    var overrides: ServiceOverrides {
        let parsed = variables.map { variable -> ServiceVariable in
            let parts = variable.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return ServiceVariable(name: parts[0], value: parts.count > 1 ? parts[1] : "")
        }
        return ServiceOverrides(rootDirectory: root, configFile: configFile, builder: builder, startCommand: startCommand,
                                variables: parsed, environment: environment, pullRequestBase: pullRequestBase)
    }

    /// The single service of a repository that declares none: named after the folder (or `--service`).
    func commandLineSettings() -> ServiceSettings {
        let name = service ?? URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
        var settings = overrides.applied(to: ServiceSettings(name: name, environment: environment))
        settings.commandLineFields = []
        return settings
    }
}

extension BuilderKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// Output options.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format; railpack-json and nixpacks-json (plan only) print the builder's own plan.", valueName: "text|json|railpack-json|nixpacks-json"))
    var format: ReportFormatArgument = .text

    @Option(help: ArgumentHelp("Colour in text output.", valueName: "auto|always|never"))
    var color: ColorChoice = .auto

    /// Colour on a TTY unless NO_COLOR is set; FORCE_COLOR forces it (https://no-color.org).
    var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            if environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
            if environment["FORCE_COLOR"].map({ !$0.isEmpty }) == true { return true }
            return isatty(STDOUT_FILENO) == 1
        }
    }
}

enum ReportFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case text, json
    case railpackJSON = "railpack-json"
    case nixpacksJSON = "nixpacks-json"
}
enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }
