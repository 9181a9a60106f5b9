import Snapshot

/// Reads one `service(name, config)` the way the SDK normalises it (railway-ts-sdk:src/iac/sdk.ts
/// `service`, `normalizeSource`, `normalizeBuild`, `normalizeDeploy`) into railsim's service
/// settings. Where the SDK accepts several spellings, the same one wins: `start ?? startCommand ??
/// run.command ?? deploy.startCommand`, and so on. Values railsim could not evaluate become
/// notes on the service, and the setting stays unset rather than guessed.
struct IaCServiceMapper {
    let file: String
    let environment: String
    let namesByAddress: [String: String]
    let resources: [IaCResource]
    /// Notes for the service being mapped.
    var notes: [ProjectNote] = []
    var line = 0

    init(file: String, environment: String, namesByAddress: [String: String], resources: [IaCResource]) {
        self.file = file
        self.environment = environment
        self.namesByAddress = namesByAddress
        self.resources = resources
    }

    func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }

    /// The keys `service()` reads (sdk.ts `IntentServiceConfig`); any other key is ignored by it.
    private static let serviceKeys: Set<String> = [
        "source", "root", "rootDirectory", "build", "deploy", "run", "start", "startCommand", "preDeploy",
        "preDeployCommand", "healthcheck", "healthcheckPath", "healthcheckTimeout", "replicas", "regions", "networking",
        "domains", "tcp", "tcpProxies", "env", "variables", "volumeMounts", "configFile", "parentServiceId", "groupId",
        "clusterRole", "replicaConfig", "clusterDisplay",
    ]

    /// The source fields the CLI sends to Railway (cli:src/iac/compiler.rs
    /// `service_to_environment_config`), plus the helpers' own `type` and `template`.
    private static let sourceKeys: Set<String> = [
        "type", "repo", "branch", "image", "template", "rootDirectory", "commitSha", "upstreamUrl", "checkSuites", "autoUpdates",
    ]

    /// Deploy keys railsim's service settings carry; the rest of `deploy` is noted.
    private static let mappedDeployKeys: Set<String> = [
        "startCommand", "preDeployCommand", "healthcheckPath", "healthcheckTimeout", "numReplicas", "cronSchedule",
    ]

    mutating func service(_ resource: IaCResource) -> ServiceDefinition {
        notes = []
        line = resource.line
        let here = location(resource.line)
        var settings = ServiceSettings(name: resource.name, environment: environment, source: .infrastructureAsCode(here))
        var image: String?
        guard let configValue = resource.config else {
            return ServiceDefinition(settings: settings, origin: .infrastructureAsCode(here))
        }
        guard case .object(let config) = configValue else {
            if let unknown = configValue.unknownValue {
                notes.append(.notEvaluated(location: location(unknown.line), what: "the config of service \"\(resource.name)\": \(unknown.description)"))
            } else {
                notes.append(.interpreted(location: here, what: "the config of service \"\(resource.name)\" is \(configValue.typeDescription), not an object; the SDK reads nothing from it"))
            }
            return ServiceDefinition(settings: settings, origin: .infrastructureAsCode(here), notes: notes)
        }
        for key in config.keys where !Self.serviceKeys.contains(key) {
            notes.append(.interpreted(location: here, what: "option `\(key)` is not one service() reads; the SDK ignores it"))
        }
        let run = config.present("run")
        let deploy = config.present("deploy")

        (settings.rootDirectory, image) = source(config)
        settings.startCommand = string([("start", config.present("start")), ("startCommand", config.present("startCommand")),
                                        ("run.command", member(run, "command")), ("deploy.startCommand", member(deploy, "startCommand"))])
        settings.healthcheckPath = string([("healthcheck", config.present("healthcheck")), ("healthcheckPath", config.present("healthcheckPath")),
                                           ("run.healthcheck", member(run, "healthcheck")), ("deploy.healthcheckPath", member(deploy, "healthcheckPath"))])
        settings.healthcheckTimeout = integer([("healthcheckTimeout", config.present("healthcheckTimeout")),
                                               ("run.healthcheckTimeout", member(run, "healthcheckTimeout")),
                                               ("deploy.healthcheckTimeout", member(deploy, "healthcheckTimeout"))])
        settings.preDeployCommand = preDeploy(config, run: run, deploy: deploy)
        settings.numReplicas = replicas(config, deploy: deploy)
        settings.cronSchedule = string([("deploy.cronSchedule", member(deploy, "cronSchedule"))])
        settings.configFile = string([("configFile", config.present("configFile"))])
        build(config.present("build"), into: &settings)
        if let deploy { noteUnmappedDeployKeys(deploy) }
        settings.variables = variables(config)
        noteDeclaredNotSimulated(config)
        return ServiceDefinition(settings: settings, origin: .infrastructureAsCode(here), image: image, notes: notes)
    }

    /// A database helper: an image service railsim does not build or run. `db.deploy = {…}`
    /// can still set its start command.
    mutating func database(_ resource: IaCResource) -> ServiceDefinition {
        notes = []
        line = resource.line
        let here = location(resource.line)
        var settings = ServiceSettings(name: resource.name, environment: environment, source: .infrastructureAsCode(here))
        settings.startCommand = string([("deploy.startCommand", member(resource.deployOverride, "startCommand"))])
        notes.append(.declaredNotSimulated(location: here, what:
            "\(resource.engine ?? "a") database \"\(resource.name)\"" + (resource.image.map { " (image \($0))" } ?? "")))
        return ServiceDefinition(settings: settings, origin: .infrastructureAsCode(here), image: resource.image, notes: notes)
    }

    // MARK: - Values

    /// `object?.key`, present and not nullish; an unknown object makes the member unknown.
    func member(_ object: IaCValue?, _ key: String) -> IaCValue? {
        switch object {
        case .object(let fields)?: return fields.present(key)
        case .unknown?: return object
        default: return nil
        }
    }

    /// The first present candidate, as the SDK's `??` chains pick it.
    func first(_ candidates: [(String, IaCValue?)]) -> (label: String, value: IaCValue)? {
        for (label, value) in candidates { if let value { return (label, value) } }
        return nil
    }

    mutating func string(_ candidates: [(String, IaCValue?)]) -> String? {
        guard let (label, value) = first(candidates) else { return nil }
        switch value {
        case .string(let text): return text
        case .unknown(let unknown):
            notes.append(.notEvaluated(location: location(unknown.line), what: "\(label): \(unknown.description)"))
        default:
            notes.append(.interpreted(location: location(line), what: "\(label) is \(value.typeDescription), not a string; railsim leaves it unset"))
        }
        return nil
    }

    mutating func integer(_ candidates: [(String, IaCValue?)]) -> Int? {
        guard let (label, value) = first(candidates) else { return nil }
        switch value {
        case .number(let number) where JavaScriptNumber.integer(number) != nil: return JavaScriptNumber.integer(number)
        case .unknown(let unknown):
            notes.append(.notEvaluated(location: location(unknown.line), what: "\(label): \(unknown.description)"))
        default:
            notes.append(.interpreted(location: location(line), what: "\(label) is \(value.typeDescription), not a whole number; railsim leaves it unset"))
        }
        return nil
    }

    mutating func strings(_ label: String, _ value: IaCValue) -> [String]? {
        switch value {
        case .array(let items):
            var result: [String] = []
            for item in items {
                guard let text = string([("\(label)[\(result.count)]", item)]) else { return nil }
                result.append(text)
            }
            return result
        case .unknown(let unknown):
            notes.append(.notEvaluated(location: location(unknown.line), what: "\(label): \(unknown.description)"))
        default:
            notes.append(.interpreted(location: location(line), what: "\(label) is \(value.typeDescription), not an array of strings; railsim leaves it unset"))
        }
        return nil
    }

    // MARK: - Settings

    /// Root Directory and image from `source` (sdk.ts `normalizeSource`): a typed source keeps its
    /// own `rootDirectory`, falling back to the service's `root ?? rootDirectory`; an untyped
    /// `{ repo }` or `{ image }` object takes only the service's. Unset means the repository root.
    private mutating func source(_ config: IaCObject) -> (rootDirectory: String, image: String?) {
        let serviceRoot = first([("root", config.present("root")), ("rootDirectory", config.present("rootDirectory"))])
        var root = serviceRoot
        var image: String?
        switch config.present("source") {
        case nil:
            break
        case .object(let source)?:
            if let type = source.present("type"), type.truthiness != false {
                if let own = source.present("rootDirectory") { root = ("source rootDirectory", own) }
                for key in source.keys where !Self.sourceKeys.contains(key) {
                    notes.append(.interpreted(location: location(source.line), what:
                        "source option `\(key)` is not sent to Railway (the CLI copies only \(Self.sourceKeys.sorted().joined(separator: ", ")))"))
                }
                switch type {
                case .string("image"):
                    image = string([("source image", source.present("image"))])
                case .string("template"):
                    notes.append(.declaredNotSimulated(location: location(source.line), what: "a template source"))
                case .string("github"), .string("empty"):
                    break
                case .unknown(let unknown):
                    notes.append(.notEvaluated(location: location(unknown.line), what: "source type: \(unknown.description)"))
                default:
                    notes.append(.interpreted(location: location(source.line), what: "source type is not github, image, template or empty"))
                }
            } else if source.present("repo")?.truthiness != false, source.present("repo") != nil {
                if source.present("rootDirectory") != nil {
                    notes.append(.interpreted(location: location(source.line), what:
                        "source.rootDirectory in a source object without `type` is dropped by the SDK (sdk.ts normalizeSource); use github(repo, { rootDirectory }) or the service's rootDirectory"))
                }
            } else if source.present("image")?.truthiness != false, source.present("image") != nil {
                image = string([("source image", source.present("image"))])
            }
        case .unknown(let unknown)?:
            notes.append(.notEvaluated(location: location(unknown.line), what: "source: \(unknown.description)"))
        case let other?:
            notes.append(.interpreted(location: location(line), what: "source is \(other.typeDescription), not a source object"))
        }
        let rootDirectory = root.flatMap { string([$0]) } ?? "/"
        return (rootDirectory, image)
    }

    /// `build` is a build command, or a build config object (sdk.ts `normalizeBuild`; its keys
    /// are the environment config's, railway-ts-sdk:src/iac/schema.ts `BuildConfig`).
    private mutating func build(_ value: IaCValue?, into settings: inout ServiceSettings) {
        switch value {
        case nil:
            return
        case .string(let command)?:
            settings.buildCommand = command
        case .object(let build)?:
            settings.buildCommand = string([("build.buildCommand", build.present("buildCommand"))])
            settings.dockerfilePath = string([("build.dockerfilePath", build.present("dockerfilePath"))])
            if let builder = string([("build.builder", build.present("builder"))]) {
                settings.builder = BuilderKind(configValue: builder)
                if settings.builder == nil {
                    notes.append(.interpreted(location: location(build.line), what: "build.builder \"\(builder)\" is not one railsim emulates; it leaves the builder unset"))
                }
            }
            if let patterns = build.present("watchPatterns") { settings.watchPatterns = strings("build.watchPatterns", patterns) }
            for key in build.keys where !["buildCommand", "dockerfilePath", "builder", "watchPatterns"].contains(key) {
                notes.append(.declaredNotSimulated(location: location(build.line), what: "build.\(key)"))
            }
        case .unknown(let unknown)?:
            notes.append(.notEvaluated(location: location(unknown.line), what: "build: \(unknown.description)"))
        case let other?:
            notes.append(.interpreted(location: location(line), what: "build is \(other.typeDescription), not a command or a build config"))
        }
    }

    /// `preDeploy ?? preDeployCommand ?? run.preDeploy`, an array or one (non-empty) command,
    /// else `deploy.preDeployCommand` (sdk.ts `normalizeDeploy`).
    private mutating func preDeploy(_ config: IaCObject, run: IaCValue?, deploy: IaCValue?) -> [String]? {
        let given = first([("preDeploy", config.present("preDeploy")), ("preDeployCommand", config.present("preDeployCommand")),
                           ("run.preDeploy", member(run, "preDeploy"))])
        if let given {
            switch given.value {
            case .array: return strings(given.label, given.value)
            case .string(let command) where !command.isEmpty: return [command]
            case .unknown(let unknown):
                notes.append(.notEvaluated(location: location(unknown.line), what: "\(given.label): \(unknown.description)"))
                return nil
            default: break
            }
        }
        return member(deploy, "preDeployCommand").flatMap { strings("deploy.preDeployCommand", $0) }
    }

    /// `replicas` is a count, or replicas per region (sdk.ts `normalizeReplicas`: a region's
    /// value is a count or `{ count ?? replicas }`); `regions` is the older spelling. railsim runs
    /// one deployment, so a region map becomes its total, noted.
    private mutating func replicas(_ config: IaCObject, deploy: IaCValue?) -> Int? {
        guard let given = first([("replicas", config.present("replicas")), ("regions", config.present("regions"))]) else {
            return integer([("deploy.numReplicas", member(deploy, "numReplicas"))])
        }
        guard case .object(let regions) = given.value else { return integer([given]) }
        var total = 0
        var parts: [String] = []
        for (region, value) in regions.entries {
            let count: Int?
            if case .object(let placement) = value {
                count = integer([("\(given.label).\(region).count", placement.present("count") ?? placement.present("replicas"))])
            } else {
                count = integer([("\(given.label).\(region)", value)])
            }
            guard let count else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(count)
            guard !overflow else { return nil }
            total = sum
            parts.append("\(region): \(count)")
        }
        notes.append(.interpreted(location: location(regions.line), what:
            "\(given.label) by region (\(parts.joined(separator: ", "))); railsim counts \(total) replicas in total"))
        return total
    }

    private mutating func noteUnmappedDeployKeys(_ deploy: IaCValue) {
        guard case .object(let fields) = deploy else {
            if let unknown = deploy.unknownValue {
                notes.append(.notEvaluated(location: location(unknown.line), what: "deploy: \(unknown.description)"))
            }
            return
        }
        for key in fields.keys where !Self.mappedDeployKeys.contains(key) {
            notes.append(.declaredNotSimulated(location: location(fields.line), what: "deploy.\(key)"))
        }
    }

    /// Options railsim reads but does not simulate: networking, volumes, cluster settings.
    private mutating func noteDeclaredNotSimulated(_ config: IaCObject) {
        for key in ["domains", "tcp", "tcpProxies", "networking", "parentServiceId", "groupId", "clusterRole", "replicaConfig", "clusterDisplay"] {
            switch config.present(key) {
            case nil: continue
            case .array(let items)? where items.isEmpty: continue
            case .object(let fields)? where fields.keys.isEmpty: continue
            default: notes.append(.declaredNotSimulated(location: location(line), what: key))
            }
        }
        guard let mounts = config.present("volumeMounts") else { return }
        guard case .object(let fields) = mounts else {
            notes.append(.declaredNotSimulated(location: location(line), what: "volumeMounts"))
            return
        }
        for (path, value) in fields.entries {
            notes.append(.declaredNotSimulated(location: location(fields.line), what: "volume mount at \(path)"
                + (valueName(value).map { " (\($0))" } ?? "")))
        }
    }

    private func valueName(_ value: IaCValue) -> String? {
        if case .resource(let index) = value { return "\(resources[index].kind.rawValue) \"\(resources[index].name)\"" }
        return nil
    }
}
