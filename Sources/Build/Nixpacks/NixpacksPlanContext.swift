import Snapshot

/// How railsim arrived at a plan: facts Nixpacks does not print but the image and the report need.
public struct NixpacksPlanContext: Sendable, Equatable {
    /// The directory the plan describes: the service's root directory, or its only subdirectory
    /// when the root produced no phases (nixpacks:src/nixpacks/plan/generator.rs `get_build_plan`).
    public var appDirectory: RepoPath = .root
    /// The providers that contributed, in order (`["python"]`, `["node", "python"]`).
    public var providers: [String] = []
    /// Providers in that list railsim does not emulate: their phases, variables and start command
    /// are missing from the plan.
    public var unemulatedProviders: [String] = []
    /// Which layer set the start command.
    public var startSource: NixpacksStartSource?
    /// The Python provider's interpreter decision: the nix package and what chose it.
    public var pythonPackage: String?
    public var pythonVersionSource: String?
    /// What Nixpacks writes to stderr while planning ("Warning: Unknown package manager …").
    public var warnings: [String] = []

    public init() {}
}

/// The layer a plan's start command comes from; later layers win
/// (nixpacks:src/nixpacks/plan/generator.rs `get_build_plan`, `get_plan_before_providers`).
public enum NixpacksStartSource: Sendable, Equatable {
    /// A language provider's default (`python`).
    case provider(String)
    /// The Procfile process Nixpacks picked (nixpacks:src/providers/procfile.rs).
    case procfile(process: String, file: RepoPath, line: Int)
    /// `[start] cmd` of nixpacks.toml / nixpacks.json.
    case configFile(RepoPath, line: Int?)
    /// `NIXPACKS_START_CMD`.
    case variable(String)
    /// The CLI layer (`--start-cmd`, `--json-plan`): how Railway hands over a service's start command.
    case options
}

/// Why no plan could be made. `nixpacks` errors are Nixpacks' own failures (its wording);
/// `configFile` is a nixpacks.toml/json Nixpacks cannot parse; `notModelled` is input railsim
/// cannot follow with certainty, reported instead of guessed.
public struct NixpacksPlanError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable { case nixpacks, configFile, notModelled }

    public var kind: Kind
    public var message: String
    public var file: RepoPath?
    public var line: Int?

    public init(_ kind: Kind, _ message: String, file: RepoPath? = nil, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String {
        guard let file else { return message }
        return "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
