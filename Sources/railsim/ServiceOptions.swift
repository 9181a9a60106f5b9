import ArgumentParser
import Foundation
import Railway

/// Options shared by `check` and `plan`: the repository and the dashboard settings.
struct ServiceOptions: ParsableArguments {
    @Argument(help: "The repository to simulate.")
    var path: String = "."

    @Option(help: "The service name (default: the repository folder's name).")
    var service: String?

    @Option(help: ArgumentHelp("The service's Root Directory, as in Railway's settings.", valueName: "dir"))
    var root: String = "/"

    @Option(name: .customLong("config-file"), help: ArgumentHelp("The service's Railway Config File path (from the repository root).", valueName: "path"))
    var configFile: String?

    @Option(help: ArgumentHelp("Builder override in the service settings.", valueName: "railpack|dockerfile|nixpacks"))
    var builder: BuilderKind?

    @Option(name: .customLong("var"), help: ArgumentHelp("A service variable (repeatable).", valueName: "KEY=VALUE"))
    var variables: [String] = []

    @Option(name: .customLong("start-command"), help: ArgumentHelp("The service's Start Command setting.", valueName: "command"))
    var startCommand: String?

    @Option(help: ArgumentHelp("The Railway environment whose `environments.<name>` config applies.", valueName: "name"))
    var environment: String = "production"

    func validate() throws {
        for variable in variables where !variable.contains("=") || variable.hasPrefix("=") {
            throw ValidationError("--var '\(variable)' must have the form KEY=VALUE")
        }
    }

    func settings() -> ServiceSettings {
        let name = service ?? URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
        let parsed = variables.map { variable -> ServiceVariable in
            let parts = variable.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return ServiceVariable(name: parts[0], value: parts.count > 1 ? parts[1] : "")
        }
        return ServiceSettings(name: name, rootDirectory: root, configFile: configFile, variables: parsed, builder: builder,
                               startCommand: startCommand, environment: environment)
    }
}

extension BuilderKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// Output options.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format.", valueName: "text|json"))
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

enum ReportFormatArgument: String, ExpressibleByArgument, CaseIterable { case text, json }
enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }
