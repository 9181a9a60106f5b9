/// The variables Railway adds to a service "to all builds and deployments"
/// (docs:content/docs/variables/reference.md "Railway-provided variables"), plus `PORT`
/// (railway-platform.md §6, rule 21). Reference variables can name them like any other
/// variable (`${{backend.RAILWAY_PUBLIC_DOMAIN}}`, docs:content/docs/variables.md).
public enum RailwayProvidedVariables {
    /// Railway assigns `PORT` unless the service sets one; the number is undocumented, so railsim
    /// uses 8080, the value `ProcessEnvironment` already assumes (assumption `railway-port`).
    public static let assumedPort = "8080"

    /// The variables for one deployment, in the reference table's order.
    public static func variables(for facts: DeploymentFacts) -> [ProvidedVariable] {
        var out: [ProvidedVariable] = []
        // PORT: injected "as long as you haven't defined your own" (railway-platform.md §6; healthchecks.md).
        if !facts.userVariables.contains(where: { $0.name == "PORT" }) {
            out.append(ProvidedVariable(name: "PORT", value: assumedPort, isPlaceholder: true, shape: "a TCP port number",
                                        phases: .runtime, userOverridable: true))
        }
        // docs:content/docs/variables/reference.md: "The public service or customer domain, of the form `example.up.railway.app`".
        switch facts.publicDomain {
        case .none: break
        case .custom(let domain):
            out.append(ProvidedVariable(name: "RAILWAY_PUBLIC_DOMAIN", value: domain, shape: "a host name such as example.up.railway.app"))
        case .railwayGenerated:
            let label = dnsLabel(facts.serviceName).label
            out.append(ProvidedVariable(name: "RAILWAY_PUBLIC_DOMAIN", value: "\(label)-\(dnsLabel(facts.environmentName).label).up.railway.app",
                                        isPlaceholder: true, shape: "a host name such as example.up.railway.app"))
        }
        // docs:content/docs/networking/domains/working-with-domains.md: `<service-name>.railway.internal`.
        let privateLabel = dnsLabel(facts.serviceName)
        out.append(ProvidedVariable(name: "RAILWAY_PRIVATE_DOMAIN", value: "\(privateLabel.label).railway.internal",
                                    isPlaceholder: !privateLabel.exact, shape: "<service-name>.railway.internal"))
        // docs:content/docs/networking/tcp-proxy.md via reference.md: only "if applicable".
        if let applicationPort = facts.tcpProxyApplicationPort {
            out.append(ProvidedVariable(name: "RAILWAY_TCP_PROXY_DOMAIN", value: "roundhouse.proxy.rlwy.net", isPlaceholder: true,
                                        shape: "a host name such as roundhouse.proxy.rlwy.net"))
            out.append(ProvidedVariable(name: "RAILWAY_TCP_PROXY_PORT", value: "11105", isPlaceholder: true, shape: "a TCP port number"))
            out.append(ProvidedVariable(name: "RAILWAY_TCP_APPLICATION_PORT", value: String(applicationPort), shape: "a TCP port number"))
        }
        // docs:content/docs/variables/reference.md, the rest of the table.
        if let project = facts.projectName {
            out.append(ProvidedVariable(name: "RAILWAY_PROJECT_NAME", value: project, shape: "the project's name"))
        } else {
            out.append(ProvidedVariable(name: "RAILWAY_PROJECT_NAME", value: "project", isPlaceholder: true, shape: "the project's name"))
        }
        out.append(uuid("RAILWAY_PROJECT_ID", 1))
        out.append(ProvidedVariable(name: "RAILWAY_ENVIRONMENT_NAME", value: facts.environmentName, shape: "the environment's name"))
        out.append(uuid("RAILWAY_ENVIRONMENT_ID", 2))
        out.append(ProvidedVariable(name: "RAILWAY_SERVICE_NAME", value: facts.serviceName, shape: "the service's name"))
        out.append(uuid("RAILWAY_SERVICE_ID", 3))
        out.append(uuid("RAILWAY_REPLICA_ID", 4))
        out.append(ProvidedVariable(name: "RAILWAY_REPLICA_REGION", value: "us-west2", isPlaceholder: true, shape: "a region such as us-west2"))
        out.append(uuid("RAILWAY_DEPLOYMENT_ID", 5))
        out.append(uuid("RAILWAY_SNAPSHOT_ID", 6))
        if let volume = facts.volume {
            out.append(ProvidedVariable(name: "RAILWAY_VOLUME_NAME", value: volume.name ?? "volume", isPlaceholder: volume.name == nil,
                                        shape: "the volume's name"))
            out.append(ProvidedVariable(name: "RAILWAY_VOLUME_MOUNT_PATH", value: volume.mountPath, shape: "an absolute path such as /data"))
        }
        // Not in the reference table since 2023, but the docs still use it as Railway-provided
        // (docs:content/docs/builds/dockerfiles.md `ARG RAILWAY_ENVIRONMENT`; railway-platform.md §6).
        out.append(ProvidedVariable(name: "RAILWAY_ENVIRONMENT", value: facts.environmentName, shape: "the environment's name (legacy alias)"))
        // docs:content/docs/variables/reference.md "Git variables": only for deploys a GitHub push triggered.
        if case .gitHub(let commit) = facts.trigger {
            out.append(git("RAILWAY_GIT_COMMIT_SHA", commit.sha, placeholder: String(repeating: "0", count: 40), shape: "a 40-digit hex commit SHA"))
            out.append(git("RAILWAY_GIT_AUTHOR", commit.author, placeholder: "author", shape: "the commit author's GitHub user"))
            out.append(git("RAILWAY_GIT_BRANCH", commit.branch, placeholder: "main", shape: "a branch name"))
            out.append(git("RAILWAY_GIT_REPO_NAME", commit.repoName, placeholder: "repository", shape: "the repository's name"))
            out.append(git("RAILWAY_GIT_REPO_OWNER", commit.repoOwner, placeholder: "owner", shape: "the repository owner's name"))
            out.append(git("RAILWAY_GIT_COMMIT_MESSAGE", commit.message, placeholder: "commit message", shape: "the commit message"))
        }
        return out
    }

    /// What the variables for `facts` rest on that Railway does not document.
    public static func assumptions(for facts: DeploymentFacts) -> [Assumption] {
        var out: [Assumption] = []
        if !facts.userVariables.contains(where: { $0.name == "PORT" }) {
            out.append(Assumption(
                name: "railway-port", value: assumedPort, alternatives: ["any port Railway assigns"],
                evidence: "Railway injects PORT when the service does not set one (docs.railway.com/deployments/healthchecks); the value is not documented"))
            out.append(Assumption(
                name: "railway-port-at-build", value: "runtime only", alternatives: ["also during the build"],
                evidence: "the docs describe PORT for the running deployment only (railway-platform.md §6)"))
        }
        if !dnsLabel(facts.serviceName).exact {
            out.append(Assumption(
                name: "railway-private-domain-label", value: "\(dnsLabel(facts.serviceName).label).railway.internal",
                alternatives: ["another spelling of the service name"],
                evidence: "the private domain is `<service-name>.railway.internal` (docs:content/docs/networking/domains/working-with-domains.md); how a name that is not a DNS label is spelt there is undocumented"))
        }
        return out
    }

    /// The service name as a DNS label: lower case, runs of other characters as one `-`.
    /// `exact` says whether the name already was one, so nothing had to be guessed.
    static func dnsLabel(_ name: String) -> (label: String, exact: Bool) {
        var label = ""
        var pendingDash = false
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !label.isEmpty { label.append("-") }
                pendingDash = false
                label.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        if label.isEmpty { label = "service" }
        return (label, label == name)
    }

    private static func uuid(_ name: String, _ serial: Int) -> ProvidedVariable {
        let tail = String(serial)
        let value = "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - tail.count) + tail
        return ProvidedVariable(name: name, value: value, isPlaceholder: true, shape: "a UUID")
    }

    private static func git(_ name: String, _ value: String?, placeholder: String, shape: String) -> ProvidedVariable {
        ProvidedVariable(name: name, value: value ?? placeholder, isPlaceholder: value == nil, shape: shape)
    }
}
