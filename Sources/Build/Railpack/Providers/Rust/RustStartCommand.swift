/// The Rust start command (railpack:core/providers/rust/rust.go GetStartCommand, getStartBin).
extension RailpackRustProvider {
    /// The workspace package's binary (without the wasm suffix), else the one binary, else
    /// RAILPACK_RUST_BIN among several, else `default-run`; "" when none applies.
    func startCommand(_ ctx: inout RailpackGenerateContext, project: RustProject) -> String {
        if !project.workspace.isEmpty { return "./bin/\(project.workspace)" }
        let bins = project.bins
        var bin = ""
        if bins.count == 1 {
            bin = bins[0]
        } else if bins.count > 1 {
            let configured = ctx.env.configVariable("RUST_BIN").value
            if !configured.isEmpty {
                if bins.contains(configured) {
                    bin = configured
                } else {
                    ctx.logWarn("RUST_BIN environment variable set to '\(configured)', but no matching binary found in Cargo.toml")
                }
            } else {
                bin = project.manifest?.defaultRun ?? ""
            }
        }
        return bin.isEmpty ? "" : "./bin/\(bin)\(project.binSuffix)"
    }
}
