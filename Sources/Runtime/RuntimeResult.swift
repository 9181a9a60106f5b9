import Build
import Railway
import Snapshot

/// The predicted fate of a deploy.
public enum Outcome: String, Sendable, Codable {
    /// The container starts and passes its healthcheck (or has none and keeps running).
    case healthy
    /// The build fails: nothing is deployed.
    case buildFailed = "build-failed"
    /// The process exits with an error at start-up (and crash-loops under the restart policy).
    case crashed
    /// The process keeps running but never answers the healthcheck.
    case unhealthy
}

/// How the process dies (or the build fails): what it writes to stderr, byte for byte.
public struct Failure: Sendable, Equatable {
    public enum Phase: String, Sendable, Codable { case config, build, start, healthcheck }
    public var phase: Phase
    /// The exception class CPython prints (`ModuleNotFoundError`), when there is one.
    public var exception: String?
    public var message: String
    /// Exactly what the process writes to stderr, including the final newline.
    public var stderr: String
    public var exitCode: Int?
    /// False when part of the text is railsim's approximation (e.g. launcher frames it does not
    /// reproduce); the report says so instead of pretending.
    public var exact: Bool
    public var location: SourceLocation?
    /// When `exact` is false: what railsim could not reproduce, and what it assumed instead.
    public var approximation: String?

    public init(phase: Phase, exception: String? = nil, message: String, stderr: String, exitCode: Int?, exact: Bool = true,
                location: SourceLocation? = nil, approximation: String? = nil) {
        self.phase = phase
        self.exception = exception
        self.message = message
        self.stderr = stderr
        self.exitCode = exitCode
        self.exact = exact
        self.location = location
        self.approximation = approximation
    }
}

/// The process Railway starts.
public struct ProcessDescription: Sendable, Equatable {
    public var argv: [String]
    public var workingDirectory: String
    /// The program that does the work, after shell wrappers (`bash -c`, `cd`, `exec`).
    public var program: [String]?
    /// Where that program was found in the image (PATH lookup, symlinks not resolved).
    public var executable: String?
    /// The container's environment when it starts: image ENV, service variables with references
    /// resolved, and what Railway injects.
    public var environment: [String: String] = [:]
}

/// Facts the Runtime stage noticed, for the Findings stage.
public enum RuntimeNote: Sendable, Equatable {
    /// A module import that failed, with the module railsim looked for and where.
    case importFailed(module: String, importedFrom: SourceLocation?, searched: [String])
    /// A name that exists in the repository but not in the image.
    case repositoryHasModuleOutsideImage(module: String, repositoryPath: RepoPath)
    /// An import resolved into an installed distribution whose files railsim does not model.
    case assumedFromDistribution(module: String, distribution: String)
    /// A distribution imported but missing from the image.
    case missingDistribution(module: String, suggestion: String?, importedFrom: SourceLocation?)
    /// An import under a condition railsim cannot evaluate.
    case conditionalImport(module: String, location: SourceLocation)
    /// An import inside a function body: not run at start-up, but fails when called.
    case lazyImportWouldFail(module: String, location: SourceLocation)
    /// `$VAR` reaching a program literally because no shell expands it.
    case literalVariable(name: String, argument: String)
    /// The process does not listen on Railway's PORT.
    case notListeningOnPort(detail: String, location: SourceLocation?)
    /// The healthcheck path is not a route of the app.
    case healthcheckRouteMissing(path: String, routes: [String], location: SourceLocation?)
    /// How the process serves, when railsim could tell.
    case serving(String)
    /// A Python file in the image that does not tokenize.
    case syntaxError(file: String, line: Int, message: String)
    /// A construct railsim does not simulate (exact reason given).
    case notSimulated(String)
    /// Module-level code reads an environment variable the process does not have
    /// (`os.environ["X"]` → KeyError, or a required settings field).
    case missingEnvironmentVariable(name: String, location: SourceLocation?)
}

/// Everything the Runtime stage predicts for one service.
public struct RuntimeResult: Sendable {
    public var outcome: Outcome
    public var failure: Failure?
    public var process: ProcessDescription?
    public var pythonVersion: PythonVersion?
    /// The full sys.path the app process sees, in order.
    public var sysPath: [String]
    public var notes: [RuntimeNote]
    public var assumptions: [Assumption]
    /// Railway's deploy log lines for the healthcheck phase, when one runs.
    public var healthcheckLog: [String]

    public init(outcome: Outcome) {
        self.outcome = outcome
        self.sysPath = []
        self.notes = []
        self.assumptions = []
        self.healthcheckLog = []
    }
}
