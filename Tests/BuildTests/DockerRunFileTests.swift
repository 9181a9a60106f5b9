import Railway
import Snapshot
import Testing
@testable import Build

/// File commands in RUN (POSIX mkdir/cp/mv/ln utilities; GNU coreutils diagnostics).
@Suite struct DockerRunFileTests {
    func image(_ dockerfile: String, _ files: [String: String] = ["src/app.py": ""]) throws -> Image {
        var all = files
        all["Dockerfile"] = dockerfile
        let result = try BT.build(all)
        return try #require(result.image, "build failed: \(result.failure?.message ?? "")")
    }

    @Test func mkdirCreatesDirectories() throws {
        let built = try image("FROM python:3.12-slim\nRUN mkdir -p /data/a/b && cd /data && mkdir c\n")
        #expect(built.fileSystem.isDirectory("/data/a/b") && built.fileSystem.isDirectory("/data/c"))
    }

    @Test func cpAndMv() throws {
        // cp.html: into an existing directory, under the source's basename; -r for directories.
        let built = try image("FROM python:3.12-slim\nWORKDIR /build\nCOPY src src\nRUN mkdir /app && cp -r src /app/ && mv src/app.py /srv.py\n")
        #expect(built.fileSystem.isFile("/app/src/app.py"))
        #expect(built.fileSystem.isFile("/srv.py"))
        #expect(!built.fileSystem.exists("/build/src/app.py"))  // mv removes the source
    }

    @Test func cpOfAMissingSourceFailsTheBuild() throws {
        let result = try BT.build(["Dockerfile": "FROM python:3.12-slim\nRUN cp missing.py /app.py\n"])
        #expect(result.failure?.message == "cp: cannot stat 'missing.py': No such file or directory\n"
                + "process \"/bin/sh -c cp missing.py /app.py\" did not complete successfully: exit code: 1")
    }

    @Test func lnSymbolic() throws {
        // ln.html: `ln -s target link`; into an existing directory the link is named after the target.
        let built = try image("FROM python:3.12-slim\nCOPY src /opt/src\nRUN ln -s /opt/src /app && mkdir /links && ln -sf /opt/src/app.py /links\n")
        #expect(built.fileSystem.node(at: "/app") == .symlink(target: "/opt/src"))
        #expect(built.fileSystem.node(at: "/links/app.py") == .symlink(target: "/opt/src/app.py"))
        #expect(built.fileSystem.isFile(built.fileSystem.realpath("/app/app.py")))
    }

    @Test func rmRfRemoves() throws {
        let built = try image("FROM python:3.12-slim\nCOPY src /app\nRUN rm -rf /app/app.py\n")
        #expect(!built.fileSystem.exists("/app/app.py"))
    }

    @Test func otherCommandsAreNotModelledAndNothingCrashes() throws {
        let result = try BT.build(["Dockerfile": "FROM python:3.12-slim\nRUN make build && cp && ln -s && mv onlyone\n"])
        let commands = result.notes.compactMap { if case .runNotModelled(let command, _) = $0 { command } else { nil } }
        #expect(commands.contains("make build"))
        #expect(result.image != nil)
    }
}
