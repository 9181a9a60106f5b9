import Snapshot

/// A third-party distribution the build installs, with the import names it provides.
public struct InstalledDistribution: Sendable, Equatable {
    public enum NameRule: String, Sendable, Codable {
        /// From the committed catalogue generated from real wheel metadata.
        case catalogue
        /// Not in the catalogue: the normalised distribution name, a guess.
        case guess
    }

    public var name: String
    public var importNames: [String]
    public var nameRule: NameRule
    /// The site-packages directory it is installed into.
    public var sitePackages: String
    /// The requirement line that installs it.
    public var requiredAt: SourceLocation?

    public init(name: String, importNames: [String], nameRule: NameRule, sitePackages: String, requiredAt: SourceLocation?) {
        self.name = name
        self.importNames = importNames
        self.nameRule = nameRule
        self.sitePackages = sitePackages
        self.requiredAt = requiredAt
    }
}
