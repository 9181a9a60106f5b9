import Railway
import Snapshot
import Testing
@testable import Build

/// BuildKit's predefined platform ARGs (dockerfile.md rule 18; dockerfile2llb/platform.go `defaultArgs`):
/// global, so a stage sees them only after `ARG NAME`, and FROM can use them directly.
@Suite struct DockerPredefinedArgsTests {
    func environment(_ dockerfile: String, variables: [String: String] = [:]) throws -> [String: String] {
        let result = try BT.build(["Dockerfile": dockerfile], variables: variables)
        let image = try #require(result.image, "build failed: \(result.failure?.message ?? "")")
        return Dictionary(image.environment.map { ($0.name, $0.value) }, uniquingKeysWith: { _, b in b })
    }

    @Test func targetStageIsTheLastStagesNameOrDefault() throws {
        // dockerfile_args_test.go testTargetStageNameArg: "value:" before `ARG TARGETSTAGE`, the target's name after;
        // without a name the value is "default" (platform.go defaultArgs).
        let named = try environment("FROM python:3.12-slim AS foo\nENV FIRST=value:$TARGETSTAGE\nARG TARGETSTAGE\nENV SECOND=value:$TARGETSTAGE\n")
        #expect(named["FIRST"] == "value:")
        #expect(named["SECOND"] == "value:foo")
        let unnamed = try environment("FROM python:3.12-slim\nARG TARGETSTAGE\nENV SECOND=value:$TARGETSTAGE\n")
        #expect(unnamed["SECOND"] == "value:default")
    }

    @Test func platformArgsFollowTheAssumedPlatform() throws {
        let env = try environment("FROM python:3.12-slim\nARG TARGETPLATFORM\nARG TARGETARCH\nARG BUILDOS\nARG TARGETVARIANT\nENV P=$TARGETPLATFORM A=$TARGETARCH O=$BUILDOS V=[$TARGETVARIANT]\n")
        #expect(env["P"] == "linux/amd64")
        #expect(env["A"] == "amd64")
        #expect(env["O"] == "linux")
        #expect(env["V"] == "[]")
        let result = try BT.build(["Dockerfile": "FROM python:3.12-slim\nARG TARGETARCH\n"])
        #expect(result.assumptions.contains { $0.name == "build-platform" && $0.value == "linux/amd64" && $0.alternatives == ["linux/arm64"] })
        let plain = try BT.build(["Dockerfile": "FROM python:3.12-slim\n"])
        #expect(!plain.assumptions.contains { $0.name == "build-platform" })
    }

    @Test func fromExpandsThemWithoutADeclaration() throws {
        let result = try BT.build(["Dockerfile": "FROM --platform=$BUILDPLATFORM python:3.12-slim AS build\nFROM build\nARG BUILDARCH\nENV B=$BUILDARCH\n"])
        let image = try #require(result.image)
        #expect(image.environment.contains { $0.name == "B" && $0.value == "amd64" })
    }

    @Test func aBuildArgOfTheSameNameWins() throws {
        // platform.go defaultArgs: `overrides` (the build args, which Railway fills from service variables) replace the defaults.
        let env = try environment("FROM python:3.12-slim\nARG TARGETARCH\nENV A=$TARGETARCH\n", variables: ["TARGETARCH": "riscv64"])
        #expect(env["A"] == "riscv64")
    }
}
