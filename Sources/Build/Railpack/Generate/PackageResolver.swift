/// Requested tool versions and where each came from (railpack:core/resolver/resolver.go). Railpack
/// asks mise to resolve them to exact releases; railsim runs offline, so a package "resolves" to
/// its requested version made fuzzy, and the image side states the patch it assumes.
struct PackageResolver: Sendable, Equatable {
    struct RequestedPackage: Sendable, Equatable {
        var name: String
        var version: String
        /// Railpack's wording ("railpack default", "custom config", "runtime.txt", …).
        var source: String
        /// railsim's finer provenance for its own reports (a file, a variable, railpack.json).
        var origin: String
        var skipMiseInstall = false
    }

    private(set) var packages: [String: RequestedPackage] = [:]
    var previousVersions: [String: String] = [:]

    /// The source Railpack gives defaults (railpack:core/resolver/resolver.go DefaultSource).
    static let defaultSource = "railpack default"

    /// `Default`: (re)registers the package at its default version, or the previous build's
    /// version when one is known (railpack:core/resolver/resolver.go Default).
    mutating func setDefault(_ name: String, version: String) {
        packages[name] = RequestedPackage(name: name, version: version, source: Self.defaultSource, origin: Self.defaultSource)
        if let previous = previousVersions[name], !previous.isEmpty, previous != version {
            setVersion(name, previous, source: "previous installed version")
        }
    }

    /// `Version`: only for a registered package; the version is trimmed (railpack:core/resolver/resolver.go Version).
    mutating func setVersion(_ name: String, _ version: String, source: String, origin: String? = nil) {
        guard packages[name] != nil else { return }
        packages[name]?.version = version.trimmingCharacters(in: .whitespacesAndNewlines)
        packages[name]?.source = source
        packages[name]?.origin = origin ?? source
    }

    mutating func setSkipMiseInstall(_ name: String) { packages[name]?.skipMiseInstall = true }

    func package(_ name: String) -> RequestedPackage? { packages[name] }

    /// Every package with its requested version made fuzzy (railpack:core/resolver/version.go resolveToFuzzyVersion),
    /// versions pinned where `RailpackKnownReleases` knows the release mise chose.
    func resolved() -> [String: ResolvedPackage] {
        packages.mapValues { ResolvedPackage(name: $0.name, requestedVersion: $0.version,
                                             resolvedVersion: RailpackKnownReleases.resolve($0.name, fuzzy: Self.fuzzy($0.version)),
                                             source: $0.source, origin: $0.origin) }
    }

    /// `resolveToFuzzyVersion`: `*`/empty → latest, ranges and carets keep the major, `~`/`v`/`.x`
    /// and trailing dots go (railpack:core/resolver/version.go).
    static func fuzzy(_ raw: String) -> String {
        var version = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if version.isEmpty || version == "*" { return "latest" }
        if version.contains(">=") || version.contains("<") {
            let parts = version.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
            for (index, part) in parts.enumerated() where part.hasPrefix(">=") {
                var value = String(part.dropFirst(2))
                if value.isEmpty, index + 1 < parts.count { value = parts[index + 1] }
                return String(value.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false).first ?? "")
            }
        }
        if version.hasPrefix("^") {
            return String(version.dropFirst().split(separator: ".", omittingEmptySubsequences: false).first ?? "")
        }
        if version.hasPrefix("~") { version.removeFirst() }
        if version.hasPrefix("v") { version.removeFirst() }
        version = version.replacingOccurrences(of: ".x", with: "")
        while version.hasSuffix(".") { version.removeLast() }
        return version
    }
}

/// A package with the version it was asked for and the one it resolved to
/// (railpack:core/resolver/resolver.go ResolvedPackage).
public struct ResolvedPackage: Sendable, Equatable {
    public var name: String
    public var requestedVersion: String
    public var resolvedVersion: String
    public var source: String
    /// railsim's finer provenance (which file or variable), for reports.
    public var origin: String
}
