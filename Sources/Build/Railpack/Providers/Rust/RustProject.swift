/// What the Rust provider reads from the app, once per plan: the root manifest, the wasm target,
/// the workspace member to build and the binaries (railpack:core/providers/rust/rust.go).
struct RustProject: Sendable {
    let app: RailpackApp
    /// nil when Cargo.toml does not decode (parseCargoTOML failed).
    let manifest: CargoManifest?
    /// `wasm32-wasi` when `.cargo/config.toml` sets it as the target (rust.go getTarget).
    let target: String
    /// The workspace package to build, or "" (rust.go resolveCargoWorkspace).
    let workspace: String

    init(app: RailpackApp, env: RailpackEnvironment) {
        self.app = app
        manifest = CargoManifest.read(app, "Cargo.toml")
        target = Self.setsWasmTarget(app) ? "wasm32-wasi" : ""
        workspace = Self.resolveWorkspace(app, env: env, manifest: manifest)
    }

    /// `[package] name`, or "" (rust.go getAppName).
    var appName: String { manifest?.packageName ?? "" }

    /// `.wasm` for the wasm target (rust.go getBinSuffix).
    var binSuffix: String { target.isEmpty ? "" : ".wasm" }

    /// ` --target T` and `T/` for the cargo command and the target directory.
    var targetArgument: String { target.isEmpty ? "" : " --target \(target)" }
    var targetPath: String { target.isEmpty ? "" : "\(target)/" }

    /// The package's binary when `src/main.rs` exists, then every `src/bin/*` file named with its
    /// last extension dropped; files without a dot are skipped (rust.go getBins).
    var bins: [String] {
        var bins: [String] = []
        if !appName.isEmpty, app.hasFile("src/main.rs") { bins.append(appName) }
        if app.hasMatch("src/bin") {
            for path in app.findFiles("src/bin/*") {
                let fileName = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
                let parts = fileName.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count > 1 else { continue }
                bins.append(parts.dropLast().joined(separator: "."))
            }
        }
        return bins
    }

    /// `target\s*=\s*"wasm32-wasi"` anywhere in `.cargo/config.toml` (rust.go shouldMakeWasm32Wasi, wasmRegex).
    static func setsWasmTarget(_ app: RailpackApp) -> Bool {
        guard app.findFiles(".cargo/config.toml").contains(".cargo/config.toml"),
              let text = app.readFile(".cargo/config.toml") else { return false }
        let scalars = Array(text.unicodeScalars)
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
        let key = Array("target".unicodeScalars), value = Array("\"wasm32-wasi\"".unicodeScalars)
        var start = 0
        while start + key.count <= scalars.count {
            defer { start += 1 }
            guard Array(scalars[start..<(start + key.count)]) == key else { continue }
            var index = start + key.count
            while index < scalars.count, isSpace(scalars[index]) { index += 1 }
            guard index < scalars.count, scalars[index] == "=" else { continue }
            index += 1
            while index < scalars.count, isSpace(scalars[index]) { index += 1 }
            if index + value.count <= scalars.count, Array(scalars[index..<(index + value.count)]) == value { return true }
        }
        return false
    }
}
