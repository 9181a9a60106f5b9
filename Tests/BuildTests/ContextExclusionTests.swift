import Snapshot
import Testing
@testable import Build

/// The ignore-file line that keeps a path out of the build context (for RS401's explanation).
@Suite struct ContextExclusionTests {
    @Test func namesTheLastExcludingLineCountingCommentsAndBlanks() throws {
        let snapshot = RepoSnapshot.inMemory([
            ".dockerignore": "# generated\n\n*.pyc\n  # indented: a pattern in BuildKit, not a comment\nsrc\n!src/README.md\nshared/**\n",
            "src/app.py": "", "src/README.md": "", "shared/lib/x.py": "", "main.py": "",
        ])
        let src = try #require(RepoPath("src/app.py"))
        #expect(ContextExclusion.of(src, context: .root, dockerfile: nil, snapshot: snapshot)
                == ContextExclusion(ignoreFile: try #require(RepoPath(".dockerignore")), line: 5, pattern: "src"))
        let shared = try #require(RepoPath("shared/lib"))
        #expect(ContextExclusion.of(shared, context: .root, dockerfile: nil, snapshot: snapshot)?.line == 7)
        // Re-included by `!src/README.md`, and never excluded: nothing to explain.
        #expect(ContextExclusion.of(try #require(RepoPath("src/README.md")), context: .root, dockerfile: nil, snapshot: snapshot) == nil)
        #expect(ContextExclusion.of(try #require(RepoPath("main.py")), context: .root, dockerfile: nil, snapshot: snapshot) == nil)
    }

    @Test func theDockerfilesOwnIgnoreFileWins() throws {
        let snapshot = RepoSnapshot.inMemory([".dockerignore": "docs\n", "web.Dockerfile.dockerignore": "\nsrc\n", "src/a.py": "", "web.Dockerfile": ""])
        let exclusion = ContextExclusion.of(try #require(RepoPath("src/a.py")), context: .root, dockerfile: RepoPath("web.Dockerfile"), snapshot: snapshot)
        #expect(exclusion?.ignoreFile == RepoPath("web.Dockerfile.dockerignore"))
        #expect(exclusion?.line == 2)
    }
}

/// A `.dockerignore` BuildKit cannot compile fails the Dockerfile build (convert.go dispatchStages →
/// patternmatcher.New) instead of being silently ignored.
@Suite struct InvalidDockerIgnoreTests {
    @Test(arguments: [("src\n!\n", "illegal exclusion pattern: \"!\""), ("[a-\n", "syntax error in pattern")])
    func failsTheBuild(_ ignore: String, _ message: String) throws {
        let result = try BT.build([".dockerignore": ignore, "main.py": "", "Dockerfile": "FROM python:3.12-slim\nCOPY . /app\n"])
        #expect(result.failure?.message == message)
        #expect(result.failure?.location?.file == ".dockerignore")
    }
}
