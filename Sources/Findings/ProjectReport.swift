import Railway

/// What `railsim check` reports for a whole project: every simulated service, the findings that
/// belong to the project rather than one service (e.g. a railway.ts line railsim cannot evaluate),
/// and the services it did not simulate, with why.
public struct ProjectReport: Sendable {
    public var services: [ServiceAssessment]
    public var findings: [Finding]
    public var skipped: [SkippedService]

    public init(services: [ServiceAssessment], findings: [Finding] = [], skipped: [SkippedService] = []) {
        self.services = services
        self.findings = findings
        self.skipped = skipped
    }
}

/// A declared service railsim does not simulate: an image service (nothing to build from the
/// repository), or one a `--changed` set would not redeploy.
public struct SkippedService: Sendable, Equatable {
    public var name: String
    public var reason: String

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
}
