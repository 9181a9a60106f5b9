/// Which workspace member the Rust provider builds (railpack:core/providers/rust/rust.go
/// resolveCargoWorkspace, findBinaryInWorkspace).
extension RustProject {
    /// RAILPACK_CARGO_WORKSPACE, else the first member that looks like a binary: `default-members`
    /// first, then `members`, skipping exact `exclude` entries, globs expanded to directories.
    /// Only a manifest with a `members` key (even empty) is searched.
    static func resolveWorkspace(_ app: RailpackApp, env: RailpackEnvironment, manifest: CargoManifest?) -> String {
        let configured = env.configVariable("CARGO_WORKSPACE").value
        if !configured.isEmpty { return configured }
        guard let manifest, let members = manifest.workspaceMembers else { return "" }
        for member in manifest.workspaceDefaultMembers + members where !manifest.workspaceExclude.contains(member) {
            let directories = member.contains("*") || member.contains("?") ? app.findDirectories(member) : [member]
            for directory in directories {
                if let binary = binaryPackage(app, member: directory) { return binary }
            }
        }
        return ""
    }

    /// The member's package name when it has `src/main.rs`, a `src/bin`, `[[bin]]` entries or no
    /// `src/lib.rs`; nil for a library or a manifest that does not decode (rust.go findBinary).
    private static func binaryPackage(_ app: RailpackApp, member: String) -> String? {
        guard let manifest = CargoManifest.read(app, "\(member)/Cargo.toml"), !manifest.packageName.isEmpty else { return nil }
        if app.hasFile("\(member)/src/main.rs") || app.hasMatch("\(member)/src/bin") || manifest.binCount > 0
            || !app.hasFile("\(member)/src/lib.rs") {
            return manifest.packageName
        }
        return nil
    }
}
