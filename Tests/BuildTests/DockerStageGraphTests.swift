import Railway
import Snapshot
import Testing
@testable import Build

/// Which stages are built, ONBUILD triggers, and the stage-graph errors, paraphrasing BuildKit's own
/// tests (frontend/dockerfile/dockerfile_onbuild_test.go, dockerfile_copy_test.go,
/// dockerfile2llb/convert_test.go) with python images and context files instead of busybox RUNs.
@Suite struct DockerStageGraphTests {
    func image(_ result: BuildResult) throws -> Image { try #require(result.image, "build failed: \(result.failure?.message ?? "")") }

    @Test func aStageTheTargetDoesNotNeedIsNeverBuilt() throws {
        // convert.go dispatchStages skips states outside allReachableStages(target): its missing COPY
        // source is never checksummed, and its unknown base image never resolved.
        let result = try BT.build(["main.py": "", "Dockerfile": """
            FROM python:3.12-slim AS unused
            COPY missing.txt /x
            FROM registry.example/not-in-catalogue AS also-unused
            FROM python:3.12-slim
            WORKDIR /app
            COPY main.py .
            """])
        let built = try image(result)
        #expect(built.fileSystem.isFile("/app/main.py"))
        #expect(!result.notes.contains { if case .unknownBaseImage = $0 { return true } else { return false } })
        #expect(result.log.contains("[stage 0] FROM python:3.12-slim AS unused: not built (the last stage does not need it)"))
    }

    @Test func stagesReachedThroughCopyFromAndMountsAreBuilt() throws {
        let graph = try DockerStageGraph(try DockerfileParser.parseAST(Array("""
            FROM python:3.12 AS a
            FROM python:3.12 AS b
            FROM python:3.12 AS c
            FROM b AS d
            RUN --mount=type=bind,from=c,target=/c true
            FROM python:3.12
            COPY --from=d /x /x
            COPY --from=0 /y /y
            """.utf8))) { $0 }
        #expect(graph.reachableFromTarget == [0, 1, 2, 3, 4])
        let unused = try DockerStageGraph(try DockerfileParser.parseAST(Array("FROM python:3.12 AS a\nFROM python:3.12\n".utf8))) { $0 }
        #expect(unused.reachableFromTarget == [1])
    }

    @Test func variableInCopyFromFailsWhereverItIs() throws {
        // dockerfile_copy_test.go testCopyVarSubstitution expects this text; convert.go
        // buildStageDependencyGraph runs toCommand for every stage, so an unused stage fails too.
        let result = try BT.build(["Dockerfile": "FROM python:3.12 AS unused\nCOPY --from=$FOO . .\nFROM python:3.12\n"])
        #expect(result.failure?.message == "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround")
        #expect(result.failure?.location == SourceLocation(file: "Dockerfile", line: 2))
    }

    @Test func outOfRangeStageIndex() throws {
        // convert.go toCommand → dispatchStates.findStateByIndex.
        let result = try BT.build(["Dockerfile": "FROM python:3.12\nCOPY --from=3 /a /a\n"])
        #expect(result.failure?.message == "invalid stage index 3")
    }

    @Test func circularDependencies() throws {
        // dockerfile2llb/convert_test.go TestDockerfileCircularDependencies: both Dockerfiles and their message.
        let selfLoop = try BT.build(["Dockerfile": "FROM busybox AS stage0\nCOPY --from=stage0 f1 /sub/\n"])
        #expect(selfLoop.failure?.message == "circular dependency detected on stage: stage0")
        let loop = try BT.build(["Dockerfile": """
            FROM busybox AS stage0
            COPY --from=stage2 f1 /sub/
            FROM busybox AS stage1
            COPY --from=stage0 f2 /sub/
            FROM busybox AS stage2
            COPY --from=stage1 f2 /sub/
            """])
        #expect(loop.failure?.message == "circular dependency detected on stage: stage0")
    }

    @Test func onbuildTriggersRunInTheChildStage() throws {
        // dockerfile_onbuild_test.go testOnBuildInheritedStageWithFrom: the trigger's COPY --from makes
        // `src` a dependency of `mid` (convert.go resolveStages/initOnBuildTriggers), and its file reaches
        // the final stage through `mid`.
        let result = try BT.build(["data.txt": "12", "Dockerfile": """
            FROM python:3.12-slim AS src
            COPY data.txt /in/file
            FROM python:3.12-slim AS base
            ONBUILD COPY --from=src /in/file /out/foo
            FROM base AS mid
            RUN cp /out/foo /out/bar
            FROM python:3.12-slim
            COPY --from=mid /out/bar /
            """])
        let built = try image(result)
        #expect(built.fileSystem.origin(of: "/bar") == .repository(try #require(RepoPath("data.txt"))))
    }

    @Test func onbuildTriggersAreNotInheritedFurtherAndDoNotRunInTheirOwnStage() throws {
        // rule 44: triggers from the base run first in the child and are not inherited further
        // (dispatchState.init clears Config.OnBuild; dockerfile_onbuild_test.go testOnBuildCleared).
        let result = try BT.build(["Dockerfile": """
            FROM python:3.12-slim AS base
            ONBUILD WORKDIR /from-trigger
            FROM base AS mid
            WORKDIR /mid
            FROM mid
            """])
        let built = try image(result)
        #expect(built.workingDirectory == "/mid")
        let own = try image(try BT.build(["Dockerfile": "FROM python:3.12-slim\nONBUILD WORKDIR /never\n"]))
        #expect(own.workingDirectory == "/")
        let child = try image(try BT.build(["Dockerfile": "FROM python:3.12-slim AS base\nONBUILD WORKDIR /from-trigger\nFROM base\n"]))
        #expect(child.workingDirectory == "/from-trigger")
    }

    @Test func aFailingTriggerIsReportedAtTheChildsFromLine() throws {
        // convert.go initOnBuildTriggers resets the trigger node's location to the child stage's FROM.
        let result = try BT.build(["Dockerfile": "FROM python:3.12-slim AS base\nONBUILD COPY requirements.txt /app/\nFROM base\n"])
        #expect(result.failure?.kind == .copySourceMissing(path: "/requirements.txt"))
        #expect(result.failure?.location == SourceLocation(file: "Dockerfile", line: 3))
    }
}
