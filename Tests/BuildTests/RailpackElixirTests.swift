import Testing
@testable import Build

/// Railpack's Elixir provider (railpack:core/providers/elixir/elixir.go), against a Phoenix-like
/// fixture whose expected plan was written from the provider's source.
@Suite struct RailpackElixirTests {
    typealias F = RailpackFragmentPlans

    @Test func phoenixWithAssets() throws {
        let planned = try F.planMatchingFixture("elixir-phoenix-assets")
        // mix.exs's `elixir: "~> 1.15"`, and the OTP release paired with 1.15.
        #expect(planned.result.resolvedPackages["elixir"]?.requestedVersion == "1.15")
        #expect(planned.result.resolvedPackages["elixir"]?.source == "mix.exs")
        #expect(planned.result.resolvedPackages["erlang"]?.requestedVersion == "26")
        #expect(planned.result.resolvedPackages["erlang"]?.source == "default compatible OTP version")
    }

    /// `(elixir:[\s].*[> ])([\w|\.]*)`: the run after the last `>` or space on the line
    /// (elixir.go elixirVersionRegex).
    @Test(arguments: [
        ("      elixir: \"~> 1.14\",\n", "1.14"),
        ("elixir: \">= 1.12.0 and < 2.0.0\",", "2.0.0"),
        ("elixir:\n  \"~> 1.16\"", "1.16"),
        ("[elixir: System.version(), app: :x]", ""),  // the last space precedes ":x", so the run is empty
    ] as [(String, String)])
    func mixRequirement(text: String, requirement: String) {
        #expect(ElixirToolVersions.mixElixirRequirement(text) == requirement)
    }

    @Test(arguments: ["elixir:\"1.15\"", "no version here", "elixir: \"1.15\""])
    func mixRequirementWithoutMatch(text: String) {
        #expect(ElixirToolVersions.mixElixirRequirement(text) == nil)
    }

    /// .elixir-version and the variables override mix.exs; Erlang follows the Elixir minor unless
    /// told otherwise (elixir.go InstallMisePackages, getCompatibleErlangVersion).
    @Test func versionPrecedence() {
        let mix = "def project, do: [app: :demo, elixir: \"~> 1.13\"]\n"
        let fromFile = F.plan(files: ["mix.exs": mix, "mix.lock": "", ".elixir-version": "1.17.2\n"])
        #expect(fromFile.result.resolvedPackages["elixir"]?.requestedVersion == "1.17.2")
        #expect(fromFile.result.resolvedPackages["erlang"]?.requestedVersion == "27")
        let configured = F.plan(files: ["mix.exs": mix, "mix.lock": "", ".erlang-version": "25.3\n"],
                                variables: ["RAILPACK_ELIXIR_VERSION": "1.19", "RAILPACK_ERLANG_VERSION": "28.1"])
        #expect(configured.result.resolvedPackages["elixir"]?.requestedVersion == "1.19")
        #expect(configured.result.resolvedPackages["erlang"]?.requestedVersion == "28.1")
        let defaults = F.plan(files: ["mix.exs": "def project, do: [app: :demo]\n", "mix.lock": ""])
        #expect(defaults.result.resolvedPackages["elixir"]?.requestedVersion == "1.18")
        #expect(defaults.result.resolvedPackages["erlang"]?.requestedVersion == "27")
    }

    @Test(arguments: [
        ("1.0", "18"), ("1.5", "20"), ("1.9", "22"), ("1.13", "25"), ("1.16", "26"), ("1.18", "27"), ("1.20", "29"), ("2.0", "27.3"),
    ] as [(String, String)])
    func compatibleErlang(minor: String, otp: String) {
        #expect(ElixirToolVersions.compatibleErlang(minor) == otp)
    }

    /// The first `app: :` line names the release; without one the command has empty names, as
    /// upstream's does (elixir.go findBinName).
    @Test(arguments: [
        ("  app: :my_app,\n", "my_app"),
        ("[app: :demo, version: \"0.1.0\"]\n", "demo, version"),
        ("  app: :\"quoted\",\r\n", "quoted"),
        ("defmodule X do\nend\n", ""),
    ] as [(String, String)])
    func releaseName(text: String, name: String) {
        #expect(ElixirMixFile.releaseName(text) == name)
    }

    @Test func missingMixLockWarns() {
        let planned = F.plan(files: ["mix.exs": "app: :demo,\n"])
        #expect(planned.result.logs.contains(RailpackLog(.warn, "No mix.lock found. Add mix.lock or customize build to avoid failure.")))
        #expect(planned.result.plan?.deploy.startCommand == "/app/_build/prod/rel/demo/bin/demo start")
    }

    /// No assets/package.json: no Node, and the image stays the plain runtime image.
    @Test func assetsWithoutPackageJson() {
        let planned = F.plan(files: ["mix.exs": "app: :demo,\n", "mix.lock": "", "assets/js/app.js": ""])
        #expect(F.stepNames(planned) == ["packages:mise", "install", "build"])
        #expect(planned.result.plan?.deploy.base == .image(RailpackRelease.runtimeImage))
    }
}
