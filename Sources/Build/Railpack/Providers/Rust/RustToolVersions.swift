/// Which Rust mise installs (railpack:core/providers/rust/rust.go InstallMisePackages). Later
/// calls win, so the effective order, highest first, is: mise files, rust-toolchain(.toml),
/// Cargo.toml `rust-version`, `.rust-version`, `rust-version.txt`, RAILPACK_RUST_VERSION, the
/// edition's floor, the 1.89 default.
extension RailpackRustProvider {
    /// The release each edition maps to (rust.go InstallMisePackages).
    static let editionVersions = ["2015": "1.30.0", "2018": "1.55.0", "2021": "1.84.0", "2024": "1.85.1"]

    func installMisePackages(_ ctx: inout RailpackGenerateContext, project: RustProject) {
        let rust = ctx.defaultMisePackage("rust", Self.defaultRustVersion)
        if let manifest = project.manifest, let version = Self.editionVersions[manifest.edition] {
            ctx.setVersion(rust, version, source: "Cargo.toml")
        }
        let (envVersion, variable) = ctx.env.configVariable("RUST_VERSION")
        if !envVersion.isEmpty { ctx.setVersion(rust, envVersion, source: variable) }
        for file in ["rust-version.txt", ".rust-version"] {
            guard let text = ctx.app.readFile(file) else { continue }
            let version = RailpackSemver.extract(text).trimmingCharacters(in: .whitespacesAndNewlines)
            if !version.isEmpty { ctx.setVersion(rust, version, source: file) }
        }
        if let declared = project.manifest?.rustVersion, !declared.isEmpty {
            let version = RailpackSemver.extract(declared)
            if !version.isEmpty { ctx.setVersion(rust, version, source: "Cargo.toml") }
        }
        if let toolchain = RustToolchain.read(ctx.app) {
            var source = toolchain.channel
            if !toolchain.version.isEmpty {
                ctx.logWarn("The 'version' field in rust-toolchain.toml is deprecated and will be removed in a future release. Please use 'channel' instead.")
                if source.isEmpty { source = toolchain.version }
            }
            let version = RailpackSemver.extract(source)
            if !version.isEmpty { ctx.setVersion(rust, version, source: "rust-toolchain.toml") }
        }
        ctx.useMiseVersions(["rust"])
    }
}
