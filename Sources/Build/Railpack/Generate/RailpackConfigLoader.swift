import Railway
import Snapshot

/// Where merged config values came from, for railsim's reports (Railpack itself only says "custom config").
struct ConfigOrigins: Sendable {
    var packages: [String: String] = [:]
    var startCommand = ""
}

/// `GetConfig`: the CLI options, the RAILPACK_* variables and the config file, merged in that
/// order so the file wins; environment secrets survive a file that lists its own
/// (railpack:core/core.go GetConfig, GenerateConfigFromFile).
enum RailpackConfigLoader {
    static let defaultFileName = "railpack.json"  // railpack:core/core.go defaultConfigFileName

    static func load(app: RailpackApp, env: RailpackEnvironment, request: RailpackPlanRequest,
                     logs: inout [RailpackLog]) throws(RailpackPlanFailure) -> (RailpackConfig, ConfigOrigins) {
        let options = RailpackConfig.fromOptions(buildCommand: request.buildCommand, startCommand: request.startCommand)
        let environment = RailpackConfig.fromEnvironment(env)
        let (file, fileName) = try fromFile(app: app, env: env, request: request, logs: &logs)
        var merged = RailpackConfig.merged([options, environment, file])
        let secrets = (environment.secrets ?? []) + (merged.secrets ?? [])
        var seen = Set<String>()
        let unique = secrets.filter { seen.insert($0).inserted }
        merged.secrets = unique.isEmpty && merged.secrets == nil ? nil : unique

        var origins = ConfigOrigins()
        for name in merged.packages.keys {
            origins.packages[name] = file.packages[name] != nil ? "\(fileName) packages.\(name)" : "RAILPACK_PACKAGES"
        }
        if !(file.deploy?.startCommand ?? "").isEmpty {
            origins.startCommand = fileName
        } else if !(environment.deploy?.startCommand ?? "").isEmpty {
            origins.startCommand = "service variable RAILPACK_START_CMD"
        } else {
            origins.startCommand = request.startCommandOrigin ?? "--start-cmd"
        }
        return (merged, origins)
    }

    /// The config file is relative to the analysed directory even when it starts with `/`
    /// (railpack PR #226); RAILPACK_CONFIG_FILE beats `--config-file`. A missing default file is
    /// fine, a missing named one or invalid JSON fails the plan (railpack:core/core.go GenerateConfigFromFile).
    /// Returns the config and, for provenance, the file's repository path (or its name when absent).
    static func fromFile(app: RailpackApp, env: RailpackEnvironment, request: RailpackPlanRequest,
                         logs: inout [RailpackLog]) throws(RailpackPlanFailure) -> (RailpackConfig, String) {
        var name = defaultFileName
        if let configured = request.configFile, !configured.isEmpty { name = configured }
        let fromEnv = env.configVariable("CONFIG_FILE").value
        if !fromEnv.isEmpty { name = fromEnv }

        let relative = String(name.drop { $0 == "/" })
        guard let path = RepoPath(relative, relativeTo: app.root), app.snapshot.exists(path) else {
            if name == defaultFileName { return (RailpackConfig(), name) }
            // Upstream prints the absolute path on the builder; railsim names it from the repository root.
            let shown = RepoPath(relative, relativeTo: app.root)?.slashed ?? name
            throw .config(message: "config file \"\(shown)\" not found", location: nil)
        }
        let text: String
        do throws(SnapshotError) {
            text = try app.snapshot.readText(path)
        } catch {
            throw .config(message: "Failed to read config file `\(name)`: \(error)", location: SourceLocation(file: path.description))
        }
        let document: ConfigValue
        do throws(ConfigSyntaxError) {
            document = try ConfigDocumentParser.parseJSONWithComments(text, file: path.description)
        } catch {
            logs.append(RailpackLog(.warn, "Failed to read config file `\(name)`\nUse the following schema to validate your config file: https://schema.railpack.com\n"))
            throw .config(message: "Failed to read config file `\(name)`: \(error.message)", location: error.location)
        }
        let config: RailpackConfig
        do throws(RailpackConfigDecoder.DecodeError) {
            config = try RailpackConfigDecoder.decode(document)
        } catch {
            logs.append(RailpackLog(.warn, "Failed to read config file `\(name)`\nUse the following schema to validate your config file: https://schema.railpack.com\n"))
            throw .config(message: "Failed to read config file `\(name)`: \(error.message)",
                          location: SourceLocation(file: path.description, line: error.line))
        }
        logs.append(RailpackLog(.info, "Using config file `\(name)`"))
        logs.append(RailpackLog(.warn, "The config file format is not yet finalized and subject to change."))
        return (config, path.description)
    }
}
