import Railway
import Snapshot
import Testing
@testable import Build

/// Railpack's Rust provider (railpack:core/providers/rust/rust.go): fixtures under
/// fixtures/railpack/rust-*/ and the manifest decoding rules.
@Suite struct RailpackRustTests {
    @Test func wasmTargetLibraryAndDefaultRun() throws {
        // .cargo/config.toml's wasm32-wasi target adds `rustup target add`, `--target` and the
        // `.wasm` suffix; a [lib] name adds lib.rs; with two binaries `default-run` starts one.
        let planned = try RailpackFixturePlans.check("rust-wasm-lib")
        // Edition 2018 maps to 1.55.0 (InstallMisePackages).
        #expect(planned.result.resolvedPackages["rust"]?.requestedVersion == "1.55.0")
    }

    @Test func workspaceMembersThatDoNotDecodeAreSkipped() throws {
        // crates/api inherits `version.workspace = true`, a table where railpack's struct wants a
        // string, so BurntSushi fails it; `exclude` matches member strings, not glob results, so
        // crates/legacy is found first (findBinaryInWorkspace).
        let planned = try RailpackFixturePlans.check("rust-workspace-inherited")
        // A plain `rust-toolchain` file is read when rust-toolchain.toml is missing.
        #expect(planned.result.resolvedPackages["rust"]?.requestedVersion == "1.80.1")
        #expect(planned.result.resolvedPackages["rust"]?.source == "rust-toolchain.toml")
    }

    @Test(arguments: [
        ("[package]\nname = \"a\"\n", true),
        ("[package]\nname = \"a\"\nversion.workspace = true\n", false),
        ("[package]\nname = \"a\"\npublish = [\"crates-io\"]\n", false),
        ("[package]\nname = \"a\"\npublish = false\nreadme = \"README.md\"\n", true),
        ("[package]\nname = \"a\"\nauthors = [\"x\", 1]\n", false),
        ("[[bin]]\nname = \"b\"\nrequired-features = [\"f\"]\n", true),
        ("[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\n", true),
        ("dependencies = 3\n", false),
        ("[workspace]\nresolver = 2\n", false),
        ("not toml = = \n", false),
    ])
    func manifestDecodesAsBurntSushiDoes(text: String, decodes: Bool) {
        let app = RailpackApp(snapshot: .inMemory(["Cargo.toml": text]), root: .root)
        #expect((CargoManifest.read(app, "Cargo.toml") != nil) == decodes)
    }

    @Test func keysMatchFieldsCaseInsensitively() {
        // BurntSushi falls back to strings.EqualFold when no key equals the field's tag.
        let app = RailpackApp(snapshot: .inMemory(["Cargo.toml": "[Package]\nNAME = \"loud\"\n"]), root: .root)
        #expect(CargoManifest.read(app, "Cargo.toml")?.packageName == "loud")
    }

    @Test(arguments: [
        (["rust-version.txt": "1.70\n"], [:], "1.70", "rust-version.txt"),
        (["rust-version.txt": "1.70\n"], ["RAILPACK_RUST_VERSION": "1.75"], "1.70", "rust-version.txt"),
        ([:], ["RAILPACK_RUST_VERSION": "1.75"], "1.75", "RAILPACK_RUST_VERSION"),
        (["rust-toolchain.toml": "[toolchain]\nchannel = \"1.82.0\"\n", ".rust-version": "1.60"], [:], "1.82.0", "rust-toolchain.toml"),
        (["rust-toolchain.toml": "[toolchain]\nchannel = \"nightly-2024-01-01\"\n"], [:], "2024", "rust-toolchain.toml"),
        // Cargo.toml's rust-version is applied after the version files.
        (["Cargo.toml": "[package]\nname = \"a\"\nrust-version = \"1.65\"\n", "rust-version.txt": "1.70\n"], [:], "1.65", "Cargo.toml"),
        ([:], [:], "1.84.0", "Cargo.toml"),
    ] as [([String: String], [String: String], String, String)])
    func versionPrecedence(files: [String: String], variables: [String: String], version: String, source: String) {
        var files = files
        if files["Cargo.toml"] == nil { files["Cargo.toml"] = "[package]\nname = \"a\"\nedition = \"2021\"\n" }
        files["src/main.rs"] = ""
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: .inMemory(files), environment: RailpackEnvironment(variables), railpackVersion: "dev"))
        #expect(result.resolvedPackages["rust"]?.requestedVersion == version)
        #expect(result.resolvedPackages["rust"]?.source == source)
    }

    @Test func unknownRustBinIsLoggedAndLeavesNoStartCommand() {
        let files = ["Cargo.toml": "[package]\nname = \"a\"\n", "src/main.rs": "", "src/bin/b.rs": ""]
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: .inMemory(files), environment: RailpackEnvironment(["RAILPACK_RUST_BIN": "zzz"]),
                                                                  railpackVersion: "dev", errorMissingStartCommand: false))
        #expect(result.plan?.deploy.startCommand == "")
        #expect(result.logs.contains { $0.message == "RUST_BIN environment variable set to 'zzz', but no matching binary found in Cargo.toml" })
    }
}
