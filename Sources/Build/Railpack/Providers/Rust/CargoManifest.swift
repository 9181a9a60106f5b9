import Railway

/// The parts of a Cargo.toml the Rust provider uses, read the way Railpack reads it: the repo's
/// TOML parser, then BurntSushi's typed decode into railpack's `CargoTOML` struct, where any field
/// of the wrong type makes the whole manifest unreadable (railpack:core/providers/rust/rust.go
/// parseCargoTOML, CargoTOML).
struct CargoManifest: Sendable, Equatable {
    var packageName = ""
    var edition = ""
    var rustVersion = ""
    var defaultRun = ""
    var libName = ""
    var binCount = 0
    /// `[workspace] members`; nil when the key is absent (an empty list is not nil upstream).
    var workspaceMembers: [String]? = nil
    var workspaceExclude: [String] = []
    var workspaceDefaultMembers: [String] = []

    /// Field names and Go types of railpack's CargoTOML, PackageInfo, LibConfig, BinConfig and
    /// WorkspaceConfig (railpack:core/providers/rust/rust.go; the `toml:"…"` tags).
    static let shape = GoTOMLShape.table([
        "package": .table([
            "name": .string, "version": .string, "rust-version": .string, "authors": .strings, "edition": .string,
            "description": .string, "license": .string, "repository": .string, "homepage": .string, "documentation": .string,
            "keywords": .strings, "categories": .strings, "readme": .string, "exclude": .strings, "include": .strings,
            "publish": .bool, "default-run": .string,
        ]),
        "dependencies": .anyTable, "dev-dependencies": .anyTable, "build-dependencies": .anyTable,
        "lib": .table([
            "name": .string, "path": .string, "crate-type": .strings, "proc-macro": .bool, "harness": .bool, "test": .bool,
            "doctest": .bool, "bench": .bool, "doc": .bool, "plugin": .bool,
        ]),
        "bin": .tables([
            "name": .string, "path": .string, "test": .bool, "bench": .bool, "doc": .bool, "plugin": .bool, "harness": .bool,
            "required": .bool,
        ]),
        "workspace": .table(["members": .strings, "exclude": .strings, "default-members": .strings, "resolver": .string]),
    ])

    /// nil when the file is missing, is not TOML, or does not decode (`ReadTOML` returned an error).
    static func read(_ app: RailpackApp, _ path: String) -> CargoManifest? {
        guard let document = app.readTOML(path), shape.accepts(document), let members = document.members else { return nil }
        var manifest = CargoManifest()
        let package = GoTOMLShape.member("package", in: members)?.members ?? []
        manifest.packageName = GoTOMLShape.member("name", in: package)?.goString ?? ""
        manifest.edition = GoTOMLShape.member("edition", in: package)?.goString ?? ""
        manifest.rustVersion = GoTOMLShape.member("rust-version", in: package)?.goString ?? ""
        manifest.defaultRun = GoTOMLShape.member("default-run", in: package)?.goString ?? ""
        let lib = GoTOMLShape.member("lib", in: members)?.members ?? []
        manifest.libName = GoTOMLShape.member("name", in: lib)?.goString ?? ""
        if case .array(let bins)? = GoTOMLShape.member("bin", in: members) { manifest.binCount = bins.count }
        let workspace = GoTOMLShape.member("workspace", in: members)?.members ?? []
        manifest.workspaceMembers = GoTOMLShape.member("members", in: workspace)?.goStrings
        manifest.workspaceExclude = GoTOMLShape.member("exclude", in: workspace)?.goStrings ?? []
        manifest.workspaceDefaultMembers = GoTOMLShape.member("default-members", in: workspace)?.goStrings ?? []
        return manifest
    }
}

/// The toolchain a `rust-toolchain.toml` names, or the trimmed text of a legacy `rust-toolchain`
/// file when the TOML one is missing or does not decode (railpack:core/providers/rust/rust.go
/// parseRustToolchain, RustToolchain, ToolchainSpec).
struct RustToolchain: Sendable, Equatable {
    var channel = ""
    var version = ""

    static let shape = GoTOMLShape.table([
        "toolchain": .table(["channel": .string, "version": .string, "components": .strings, "targets": .strings, "profile": .string]),
    ])

    static func read(_ app: RailpackApp) -> RustToolchain? {
        if let document = app.readTOML("rust-toolchain.toml"), shape.accepts(document), let members = document.members {
            let toolchain = GoTOMLShape.member("toolchain", in: members)?.members ?? []
            return RustToolchain(channel: GoTOMLShape.member("channel", in: toolchain)?.goString ?? "",
                                 version: GoTOMLShape.member("version", in: toolchain)?.goString ?? "")
        }
        guard let text = app.readFile("rust-toolchain") else { return nil }
        return RustToolchain(channel: text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
