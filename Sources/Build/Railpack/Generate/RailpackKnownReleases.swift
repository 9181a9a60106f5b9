/// Exact releases mise resolved for some requested versions when Railpack's plan snapshots were
/// generated at the emulated commit. railsim cannot ask mise offline; where a resolved version
/// shows in the plan itself (not only in the masked mise config), this table supplies it, and
/// it moves with `RailpackRelease`.
enum RailpackKnownReleases {
    /// Package → fuzzy version → release.
    static let releases: [String: [String: String]] = [
        // railpack:core/__snapshots__/TestGenerateBuildPlanForExamples_staticfile-index_1.snap.json (`mise install-into caddy@2.11.4`),
        // and every Node SPA snapshot that installs Caddy at `latest` (install_bin_builder.go Build).
        "caddy": ["2": "2.11.4", "latest": "2.11.4"],
    ]

    /// The known release for a fuzzy version, or the fuzzy version itself.
    static func resolve(_ package: String, fuzzy: String) -> String { releases[package]?[fuzzy] ?? fuzzy }
}
