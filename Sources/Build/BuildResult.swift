import Railway
import Snapshot

/// What the Build stage produces for one service: the image (unless the build fails), the start
/// command the builder set, a human log of what the emulated builder did, and facts for findings.
public struct BuildResult: Sendable {
    public var builder: BuilderKind
    public var image: Image?
    public var failure: BuildFailure?
    /// The start command in effect and where it came from (Railway's, or the builder's own).
    public var startCommand: StartCommandSpec?
    /// One line per decision, in the builder's own wording where it has one ("Detected Python").
    public var log: [String]
    public var notes: [BuildNote]
    public var assumptions: [Assumption]
    /// Builder-specific summary (provider, package manager, install commands).
    public var plan: BuildPlanSummary
    /// Railpack builds: Railpack's own BuildPlan, when planning succeeded.
    public var railpackPlan: RailpackPlan?

    public init(builder: BuilderKind) {
        self.builder = builder
        self.log = []
        self.notes = []
        self.assumptions = []
        self.plan = BuildPlanSummary()
    }
}

/// How the container's process is started.
public struct StartCommandSpec: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        /// A command string run through a shell: Railpack's `["/bin/bash","-c",cmd]`
        /// (railpack:buildkit/convert.go), Nixpacks' `["/bin/bash","-l","-c",cmd]`.
        case shell(interpreter: [String], command: String)
        /// An argv exec'd directly: a Dockerfile's ENTRYPOINT/CMD, or a custom start command on a
        /// Dockerfile build, which Railway execs without a shell (docs:content/docs/deployments/start-command.md).
        case exec([String])
    }

    public var form: Form
    public var source: String
    /// The text a user would recognise (the config's string, or the joined argv).
    public var display: String

    public init(form: Form, source: String, display: String) {
        self.form = form
        self.source = source
        self.display = display
    }
}

public struct BuildPlanSummary: Sendable, Equatable {
    public var provider: String?
    public var packageManager: String?
    public var installCommands: [String] = []
    public init() {}
}

/// Why a build failed, with the builder's exact message where it has one.
public struct BuildFailure: Sendable, Equatable {
    public var message: String
    public var location: SourceLocation?
    public var kind: Kind

    public enum Kind: Sendable, Equatable {
        case configInvalid
        case rootDirectoryMissing
        case dockerfileMissing
        case dockerfileSyntax
        case copySourceMissing(path: String)
        case noProvider
        case noStartCommand
        case unsupported
        /// The builder stops with an error of its own (its wording in `message`), e.g. Railpack
        /// reading a Procfile that is not a YAML map.
        case builderError
    }

    public init(_ kind: Kind, message: String, location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }
}

/// Facts the Build stage noticed, for the Findings stage.
public enum BuildNote: Sendable, Equatable {
    /// A RUN line railsim does not model; its effect on the image is unknown.
    case runNotModelled(command: String, location: SourceLocation)
    /// A base image railsim has no catalogue entry for.
    case unknownBaseImage(String, location: SourceLocation)
    /// A requirement railsim could not map to an import name with certainty.
    case requirementGuessed(distribution: String, importName: String, location: SourceLocation?)
    /// A requirement line railsim could not interpret.
    case requirementNotModelled(text: String, location: SourceLocation)
    /// A distribution whose dependencies railsim does not know (not in the catalogue, or its metadata
    /// was not read), so what pip installs along with it is missing from the image model.
    case dependenciesUnknown(distribution: String, location: SourceLocation?)
    /// An environment variable referenced while unset, e.g. `ENV PYTHONPATH=/app:$PYTHONPATH`.
    case unsetVariableExpanded(name: String, instruction: String, location: SourceLocation)
    /// A BuildKit build-check warning (rule, BuildKit's wording, doc URL).
    case dockerfileWarning(DockerfileCheckWarning, location: SourceLocation)
    /// A provider other than Python was detected; railsim's start-up simulation covers Python.
    case nonPythonProvider(String)
    /// Installing from a `pyproject.toml` without a lock file installs nothing (railpack.md §2.2).
    case pyprojectWithoutLock(RepoPath)
    /// A Dockerfile stage other than the last installs a distribution that the last stage never
    /// receives (no `COPY --from` of its site-packages): the usual multi-stage venv mistake.
    /// `rm` in a RUN deleted these image paths (kept so an import failure can name the line).
    case removedByRun(paths: [String], location: SourceLocation)
    case installedInAnotherStage(distribution: String, importNames: [String], stage: String, sitePackages: String, requiredAt: SourceLocation?)
    /// A generated build's install step (Railpack's `pdm install`, Nixpacks' `pip install .`) built the
    /// project from only the files it copies in, before the source reaches the image.
    case projectBuiltFromInstallFiles(project: String, step: String, files: [String])
}
