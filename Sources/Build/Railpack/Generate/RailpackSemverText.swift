import Foundation

/// Railpack's loose version helpers, used where providers compare versions before mise has
/// resolved them (railpack:internal/utils/utils.go ExtractSemverVersion, ParseSemver).
enum RailpackSemverText {
    struct Version: Sendable, Equatable {
        var major: Int
        var minor: Int
        var patch: Int
    }

    /// utils.go ExtractSemverVersion (one implementation: RailpackSemver.extract).
    static func extract(_ text: String) -> String { RailpackSemver.extract(text) }

    /// `name@` and a `v` prefix dropped, then dot-separated integers (Go's strconv.Atoi, so a sign
    /// is allowed); a missing minor or patch is 0, and the patch may carry a `-suffix`
    /// (utils.go ParseSemver). nil where upstream returns an error.
    static func parse(_ text: String) -> Version? {
        var version = Substring(text)
        if let at = version.firstIndex(of: "@") { version = version[version.index(after: at)...] }
        if version.hasPrefix("v") { version = version.dropFirst() }
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        guard let majorText = parts.first, let major = Int(majorText) else { return nil }
        var minor = 0, patch = 0
        if parts.count > 1 {
            guard let value = Int(parts[1]) else { return nil }
            minor = value
        }
        if parts.count > 2 {
            let patchText = parts[2].split(separator: "-", omittingEmptySubsequences: false).first ?? ""
            guard let value = Int(patchText) else { return nil }
            patch = value
        }
        return Version(major: major, minor: minor, patch: patch)
    }
}
