/// What `latest` resolved to when Railpack's snapshots at the emulated commit were taken, for
/// tools whose exact release lands in the plan itself rather than in the masked mise config:
/// `mise install-into caddy@<version>` (railpack:core/generate/install_bin_builder.go Build;
/// every core/__snapshots__/*.snap.json at RailpackRelease.commit that installs Caddy says 2.11.4).
/// Offline, railsim cannot ask mise, so this table stands in for it; a newer Railpack moves it.
enum RailpackLatestReleases {
    static let versions: [String: String] = ["caddy": "2.11.4"]

    /// The pinned release for `latest`, or the fuzzy version unchanged.
    static func resolve(_ name: String, fuzzy: String) -> String {
        fuzzy == "latest" ? versions[name] ?? fuzzy : fuzzy
    }
}
