import Snapshot

/// A third-party distribution the build installs, with the import names it provides.
public struct InstalledDistribution: Sendable, Equatable {
    public enum NameRule: String, Sendable, Codable {
        /// From the committed catalogue generated from real wheel metadata.
        case catalogue
        /// Not in the catalogue: the normalised distribution name, a guess.
        case guess
        /// The repository's own project: import names from its build backend's discovery rules (ProjectInstall).
        case project
    }

    public var name: String
    public var importNames: [String]
    public var nameRule: NameRule
    /// The site-packages directory it is installed into.
    public var sitePackages: String
    /// The requirement line that installs it (for a dependency, the line that pulled it in).
    public var requiredAt: SourceLocation?
    /// For a distribution installed only as a dependency: the distribution whose Requires-Dist named it.
    /// Nil for one the build asks for itself.
    public var requiredBy: String?

    public init(name: String, importNames: [String], nameRule: NameRule, sitePackages: String, requiredAt: SourceLocation?,
                requiredBy: String? = nil) {
        self.name = name
        self.importNames = importNames
        self.nameRule = nameRule
        self.sitePackages = sitePackages
        self.requiredAt = requiredAt
        self.requiredBy = requiredBy
    }
}
