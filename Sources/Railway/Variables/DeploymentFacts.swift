/// What Railway knows about a deployment and a repository does not, as far as the variables it
/// injects depend on it. Anything railsim is not told stays a placeholder of the documented shape.
public struct DeploymentFacts: Sendable, Equatable {
    public var serviceName: String
    public var environmentName: String
    /// Unknown unless a project source names it (railway.ts `project("…")`).
    public var projectName: String?
    public var publicDomain: PublicDomain
    public var trigger: DeployTrigger
    public var volume: Volume?
    /// The container port a TCP proxy forwards to, when the service has one.
    public var tcpProxyApplicationPort: Int?
    /// The service's own variables: `PORT` is only injected when they do not set it.
    public var userVariables: [ServiceVariable]

    public init(serviceName: String, environmentName: String = "production", projectName: String? = nil,
                publicDomain: PublicDomain = .none, trigger: DeployTrigger = .other, volume: Volume? = nil,
                tcpProxyApplicationPort: Int? = nil, userVariables: [ServiceVariable] = []) {
        self.serviceName = serviceName
        self.environmentName = environmentName
        self.projectName = projectName
        self.publicDomain = publicDomain
        self.trigger = trigger
        self.volume = volume
        self.tcpProxyApplicationPort = tcpProxyApplicationPort
        self.userVariables = userVariables
    }

    /// `RAILWAY_PUBLIC_DOMAIN` exists only for a service that has a domain.
    public enum PublicDomain: Sendable, Equatable {
        case none
        /// A custom domain, by name.
        case custom(String)
        /// A Railway-generated `*.up.railway.app` domain, whose name railsim cannot know.
        case railwayGenerated
    }

    /// The `RAILWAY_GIT_*` variables exist only for deploys a GitHub push triggered.
    public enum DeployTrigger: Sendable, Equatable {
        case gitHub(GitCommit)
        /// `railway up`, an image, a redeploy from the dashboard…
        case other
    }

    public struct GitCommit: Sendable, Equatable {
        public var sha: String?
        public var author: String?
        public var branch: String?
        public var repoOwner: String?
        public var repoName: String?
        public var message: String?

        public init(sha: String? = nil, author: String? = nil, branch: String? = nil, repoOwner: String? = nil,
                    repoName: String? = nil, message: String? = nil) {
            self.sha = sha
            self.author = author
            self.branch = branch
            self.repoOwner = repoOwner
            self.repoName = repoName
            self.message = message
        }
    }

    public struct Volume: Sendable, Equatable {
        public var name: String?
        public var mountPath: String

        public init(name: String? = nil, mountPath: String) {
            self.name = name
            self.mountPath = mountPath
        }
    }
}
