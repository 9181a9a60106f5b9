import Testing
@testable import Build

/// Railpack's Gleam provider (railpack:core/providers/gleam/gleam.go), against a fixture whose
/// expected plan was written from the provider's source.
@Suite struct RailpackGleamTests {
    typealias F = RailpackFragmentPlans

    @Test func shipment() throws {
        let planned = try F.planMatchingFixture("gleam-shipment")
        #expect(planned.result.plan?.deploy.base == .image(RailpackRelease.runtimeImage))
        #expect(planned.result.resolvedPackages["gleam"]?.requestedVersion == "1.9.1")
        #expect(planned.result.resolvedPackages["erlang"]?.requestedVersion == "27.2")
        #expect(planned.result.resolvedPackages["erlang"]?.source == ".tool-versions")
    }

    /// RAILPACK_GLEAM_INCLUDE_SOURCE keeps the whole build output (gleam.go Plan).
    @Test func includeSource() throws {
        let planned = try F.plan("gleam-shipment", variables: ["RAILPACK_GLEAM_INCLUDE_SOURCE": "true"])
        #expect(planned.result.plan?.deploy.inputs.last == .step("build", include: ["."]))
    }

    /// Without mise files both tools are "latest"; gleam.toml is never read, so a broken one
    /// does not matter (gleam.go Plan).
    @Test func defaultsIgnoreGleamToml() {
        let planned = F.plan(files: ["gleam.toml": "name = [unclosed\n"])
        #expect(planned.result.failure == nil)
        #expect(planned.result.resolvedPackages["gleam"]?.requestedVersion == "latest")
        #expect(planned.result.resolvedPackages["erlang"]?.requestedVersion == "latest")
        #expect(planned.result.plan?.deploy.startCommand == "./build/erlang-shipment/entrypoint.sh run")
    }
}
