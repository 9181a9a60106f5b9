/// A choice railsim makes where the platform's behaviour is undocumented. Every result lists the
/// assumptions it depends on, with the evidence, so nobody mistakes a guess for a documented rule.
public struct Assumption: Sendable, Equatable, Codable {
    /// Stable name, e.g. `dockerfile-path-base`.
    public var name: String
    /// The value railsim used.
    public var value: String
    /// The alternatives it could have been.
    public var alternatives: [String]
    /// Why this value: the evidence and where it comes from.
    public var evidence: String

    public init(name: String, value: String, alternatives: [String], evidence: String) {
        self.name = name
        self.value = value
        self.alternatives = alternatives
        self.evidence = evidence
    }
}
