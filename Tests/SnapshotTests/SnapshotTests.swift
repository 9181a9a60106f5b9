import Foundation
import Snapshot
import Testing
import TestSupport

@Suite struct RepoPathTests {
    @Test func normalisesAndRefusesToClimbOut() {
        #expect(RepoPath("/backend/")?.description == "backend")
        #expect(RepoPath("./a//b/./c")?.description == "a/b/c")
        #expect(RepoPath("a/../b")?.description == "b")
        #expect(RepoPath("..") == nil)
        #expect(RepoPath("a/../../b") == nil)
        #expect(RepoPath("/")?.isRoot == true)
        #expect(RepoPath("../Dockerfile.health", relativeTo: RepoPath("health-service") ?? .root)?.description == "Dockerfile.health")
        #expect(RepoPath("/x", relativeTo: RepoPath("a") ?? .root)?.description == "x")
    }

    @Test func prefixesAndRelativePaths() throws {
        let path = try #require(RepoPath("a/b/c"))
        let base = try #require(RepoPath("a"))
        #expect(path.hasPrefix(base))
        #expect(path.relative(to: base)?.description == "b/c")
        #expect(RepoPath("ab")?.hasPrefix(base) == false)
    }
}

@Suite struct DirectorySnapshotTests {
    @Test func loadsTreeSkipsGitAndRecordsSymlinks() throws {
        let root = try ProcessRunner.temporaryDirectory("railsim-snapshot")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("src/pkg"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent(".git/objects"), withIntermediateDirectories: true)
        try Data("x = 1\n".utf8).write(to: root.appendingPathComponent("src/pkg/mod.py"))
        try Data("ref\n".utf8).write(to: root.appendingPathComponent(".git/HEAD"))
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "/etc/passwd")

        let snapshot = try DirectorySnapshot.load(root.path)
        #expect(snapshot.isDirectory(try #require(RepoPath("src/pkg"))))
        #expect(try snapshot.readText(try #require(RepoPath("src/pkg/mod.py"))) == "x = 1\n")
        #expect(!snapshot.exists(try #require(RepoPath(".git"))))
        #expect(snapshot.kind(of: try #require(RepoPath("link"))) == .symlink(target: "/etc/passwd"))
        #expect(snapshot.children(of: .root) == ["link", "src"])
        #expect(snapshot.descendants(of: .root).map(\.description) == ["link", "src", "src/pkg", "src/pkg/mod.py"])
    }

    @Test func missingPathAndFileAreInputErrors() {
        #expect(throws: SnapshotError.notFound("/nonexistent/railsim")) { try DirectorySnapshot.load("/nonexistent/railsim") }
        let snapshot = RepoSnapshot.inMemory(["a.txt": "x"])
        #expect(throws: SnapshotError.notFound("b.txt")) { try snapshot.read(RepoPath("b.txt") ?? .root) }
    }

    @Test func overlaysReplaceAndAddFiles() throws {
        let base = RepoSnapshot.inMemory(["a/x.py": "old", "b.py": "keep"])
        let overlaid = try base.overlaid(with: ["a/x.py": "new", "c/d.py": "added"])
        #expect(try overlaid.readText(try #require(RepoPath("a/x.py"))) == "new")
        #expect(try overlaid.readText(try #require(RepoPath("b.py"))) == "keep")
        #expect(overlaid.isDirectory(try #require(RepoPath("c"))))
    }
}
