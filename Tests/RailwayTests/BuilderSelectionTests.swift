import Snapshot
import Testing
@testable import Railway

/// Builder choice (railway-platform.md §2, rules 8, 10–12).
@Suite struct BuilderSelectionTests {
    @Test func defaultIsRailpack() throws {
        // docs commit 06878d14: Railpack is the default for new services.
        let service = try RW.resolve(["main.py": ""])
        #expect(service.builder.kind == .railpack)
        #expect(service.builder.reason == .defaultBuilder)
        #expect(service.builder.buildContext == .root)
    }

    @Test func rootDockerfileWins() throws {
        let service = try RW.resolve(["Dockerfile": "FROM python:3.12\n", "main.py": ""])
        #expect(service.builder.kind == .dockerfile)
        #expect(service.builder.reason == .detectedDockerfile)
        #expect(service.builder.dockerfile == RepoPath("Dockerfile"))
    }

    @Test func rootDockerfileWinsOverExplicitRailpack() throws {
        // "Railway will always build with a Dockerfile if it finds one" (docs reference.md; docs#206).
        let service = try RW.resolve(["Dockerfile": "FROM python:3.12\n", "railway.toml": "[build]\nbuilder = \"RAILPACK\"\n"])
        #expect(service.builder.kind == .dockerfile)
        #expect(service.builder.reason == .detectedDockerfile)
        let note = service.notes.first { if case .detectedDockerfileOverridesBuilder = $0 { return true }; return false }
        guard case .detectedDockerfileOverridesBuilder(let builder, let source)? = note else {
            Issue.record("missing detectedDockerfileOverridesBuilder note")
            return
        }
        #expect(builder == .railpack)
        #expect(source.description == "railway.toml:2")
    }

    @Test func rootDockerfileWinsOverDashboardNixpacks() throws {
        // koala73/worldmonitor#1334: a root Dockerfile hijacked NIXPACKS services.
        let service = try RW.resolve(["Dockerfile": "FROM python:3.12\n"], builder: .nixpacks)
        #expect(service.builder.kind == .dockerfile)
    }

    @Test func dockerfileNameIsCaseSensitiveAndDirect() throws {
        for files in [["dockerfile": "FROM x\n"], ["Dockerfile.dev": "FROM x\n"], ["docker/Dockerfile": "FROM x\n"]] {
            #expect(try RW.resolve(files).builder.kind == .railpack)
        }
        // Only the root directory counts, not the repo root.
        let service = try RW.resolve(["Dockerfile": "FROM x\n", "api/main.py": ""], root: "api")
        #expect(service.builder.kind == .railpack)
    }

    @Test func rootDirectoryDockerfile() throws {
        let service = try RW.resolve(["backend/Dockerfile": "FROM x\n", "Dockerfile": "FROM y\n"], root: "/backend")
        #expect(service.builder.dockerfile == RepoPath("backend/Dockerfile"))
        #expect(service.builder.buildContext == RepoPath("backend"))
    }

    @Test func nixpacksWhenConfigured() throws {
        let service = try RW.resolve(["railway.toml": "[build]\nbuilder = \"NIXPACKS\"\n", "main.py": ""])
        #expect(service.builder.kind == .nixpacks)
        #expect(service.notes.contains(.nixpacksDeprecated))
        #expect(service.builder.explanation == "`builder = NIXPACKS` (railway.toml:2)")
    }

    @Test func dockerfileBuilderWithoutDockerfile() throws {
        let service = try RW.resolve(["railway.toml": "[build]\nbuilder = \"DOCKERFILE\"\n", "main.py": ""])
        #expect(service.builder.kind == .dockerfile)
        #expect(service.builder.dockerfile == nil)
        #expect(service.builder.dockerfileRequested == "Dockerfile")
    }

    @Test func dockerfilePathRelativeToRootDirectoryFirst() throws {
        // [idx:27361702540]: root dir `backend` + dockerfilePath "Dockerfile" built backend/Dockerfile.
        let service = try RW.resolve(["backend/Dockerfile": "FROM x\n", "Dockerfile.web": "FROM y\n", "backend/Dockerfile.web": "FROM z\n",
                                      "railway.toml": "[build]\ndockerfilePath = \"Dockerfile.web\"\n"], root: "backend")
        #expect(service.builder.kind == .dockerfile)
        #expect(service.builder.dockerfile == RepoPath("backend/Dockerfile.web"))
        #expect(service.builder.buildContext == RepoPath("backend"))
        guard case .dockerfilePath(let source) = service.builder.reason else {
            Issue.record("reason \(service.builder.reason)")
            return
        }
        #expect(source.description == "railway.toml:2")
        let assumption = try #require(service.assumptions.first { $0.name == "dockerfile-path-base" })
        #expect(assumption.value == "root-directory-then-repo-root")
        #expect(assumption.evidence.contains("'Dockerfile.web' resolved to 'backend/Dockerfile.web'"))
    }

    @Test func dockerfilePathFallsBackToRepoRoot() throws {
        // [idx:5969295909]: a repo-root path was loaded while the context stayed the root directory.
        let service = try RW.resolve(["backend/Dockerfile": "FROM x\n", "railway/mysql/main.py": "",
                                      "railway/mysql/railway.toml": "[build]\ndockerfilePath = \"backend/Dockerfile\"\n"], root: "railway/mysql")
        #expect(service.builder.dockerfile == RepoPath("backend/Dockerfile"))
        #expect(service.builder.buildContext == RepoPath("railway/mysql"))
        #expect(service.notes.contains(.dockerfileOutsideContext(dockerfile: try #require(RepoPath("backend/Dockerfile")),
                                                                 context: try #require(RepoPath("railway/mysql")))))
    }

    @Test func dockerfilePathWithLeadingSlashIsRepoRootAndNotAnAssumption() throws {
        let service = try RW.resolve(["docker/Dockerfile": "FROM x\n", "api/main.py": ""], root: "api",
                                     variables: ["RAILWAY_DOCKERFILE_PATH": "/docker/Dockerfile"])
        #expect(service.builder.dockerfile == RepoPath("docker/Dockerfile"))
        #expect(!service.assumptions.contains { $0.name == "dockerfile-path-base" })
        guard case .dockerfilePath(let source) = service.builder.reason else {
            Issue.record("reason \(service.builder.reason)")
            return
        }
        #expect(source == .variable("RAILWAY_DOCKERFILE_PATH"))
    }

    @Test func dockerfilePathMissing() throws {
        let service = try RW.resolve(["main.py": ""], variables: ["RAILWAY_DOCKERFILE_PATH": "Dockerfile.prod"])
        #expect(service.builder.kind == .dockerfile)
        #expect(service.builder.dockerfile == nil)
        #expect(service.builder.dockerfileRequested == "Dockerfile.prod")
        let assumption = try #require(service.assumptions.first { $0.name == "dockerfile-path-base" })
        #expect(assumption.evidence.contains("'Dockerfile.prod' resolved to no file"))
    }

    @Test func configKeyBeatsVariable() throws {
        let service = try RW.resolve(["a.Dockerfile": "FROM a\n", "b.Dockerfile": "FROM b\n",
                                      "railway.json": #"{"build": {"dockerfilePath": "a.Dockerfile"}}"#],
                                     variables: ["RAILWAY_DOCKERFILE_PATH": "b.Dockerfile"])
        #expect(service.builder.dockerfile == RepoPath("a.Dockerfile"))
    }

    @Test func nullDockerfilePathFallsBackToVariable() throws {
        let service = try RW.resolve(["b.Dockerfile": "FROM b\n", "railway.json": #"{"build": {"dockerfilePath": null}}"#],
                                     variables: ["RAILWAY_DOCKERFILE_PATH": "b.Dockerfile"])
        #expect(service.builder.dockerfile == RepoPath("b.Dockerfile"))
    }

    @Test func dockerfilePathIgnoredWithAnotherBuilder() throws {
        let service = try RW.resolve(["main.py": "", "Dockerfile.web": "FROM x\n",
                                      "railway.toml": "[build]\nbuilder = \"RAILPACK\"\ndockerfilePath = \"Dockerfile.web\"\n"])
        #expect(service.builder.kind == .railpack)
        #expect(service.notes.contains(.dockerfilePathIgnored(path: "Dockerfile.web", builder: .railpack, reason: "`builder` is RAILPACK (railway.toml:2)")))
    }

    @Test func dockerfilePathWithDockerfileBuilder() throws {
        let service = try RW.resolve(["ops/web.Dockerfile": "FROM x\n",
                                      "railway.toml": "[build]\nbuilder = \"dockerfile\"\ndockerfilePath = \"ops/web.Dockerfile\"\n"])
        #expect(service.builder.kind == .dockerfile)
        #expect(service.builder.dockerfile == RepoPath("ops/web.Dockerfile"))
        #expect(service.builder.reason == .configured(.configFile(SourceLocation(file: "railway.toml", line: 2))))
    }

    @Test func dockerfilePathClimbingAboveTheRepository() throws {
        let service = try RW.resolve(["main.py": ""], variables: ["RAILWAY_DOCKERFILE_PATH": "../../Dockerfile"])
        #expect(service.builder.kind == .dockerfile)
        #expect(service.builder.dockerfile == nil)
    }
}
