/// Railway's builders. `builder` values are case-insensitive in config files: the docs' TOML
/// example writes `railpack` where the JSON writes `RAILPACK` (docs:content/docs/config-as-code.md).
public enum BuilderKind: String, Sendable, Codable, CaseIterable {
    case railpack, dockerfile, nixpacks

    /// Parses a config or CLI spelling. HEROKU and PAKETO exist in Railway's schema enum but are
    /// hidden and unsupported (docs:src/scripts/toml-reference.mjs `ignoredEnumValues`).
    public init?(configValue: String) {
        switch configValue.uppercased() {
        case "RAILPACK": self = .railpack
        case "DOCKERFILE": self = .dockerfile
        case "NIXPACKS": self = .nixpacks
        default: return nil
        }
    }
}

/// `deploy.restartPolicyType` (docs:content/docs/deployments/restart-policy.md).
public enum RestartPolicy: String, Sendable, Codable, CaseIterable {
    case onFailure = "ON_FAILURE", always = "ALWAYS", never = "NEVER"
}
