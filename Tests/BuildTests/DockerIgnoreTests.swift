import Foundation
import Snapshot
import Testing
@testable import Build

/// .dockerignore reading and matching against railsim's JSON table of patternmatcher semantics, plus an
/// optional cross-check with docker-py's `exclude_paths` on the cases where the two agree.
@Suite struct DockerIgnoreTests {
    static let tablePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("DockerfileData/dockerignore/patternmatcher-cases.json")

    static func table() throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: tablePath.path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func matchTable() throws {
        let cases = try #require(try Self.table()["match"] as? [[String: Any]])
        for c in cases {
            let patterns = try #require(c["patterns"] as? [String])
            let path = try #require(c["path"] as? String)
            let want = try #require(c["excluded"] as? Bool)
            let m = try DockerPatternMatcher(patterns: patterns)
            #expect(try m.isExcluded(path) == want, "\(patterns) \(path)")
        }
        print("dockerignore match table: \(cases.count) cases")
    }

    /// The same table through the context walk (`DockerContextFilter`, what BuildKit transfers): a case's
    /// `walk_excluded` where the walk and `MatchesOrParentMatches` differ, else `excluded`.
    @Test func walkTable() throws {
        let cases = try #require(try Self.table()["match"] as? [[String: Any]])
        var checked = 0
        for c in cases where !(c["oracle_skip"] is String) {
            let patterns = try #require(c["patterns"] as? [String])
            let path = try #require(c["path"] as? String)
            let want = try #require((c["walk_excluded"] as? Bool) ?? (c["excluded"] as? Bool))
            let file = try #require(RepoPath(path))
            let snapshot = RepoSnapshot.inMemory([path: "x"])
            let filter = try DockerContextFilter(matcher: try DockerPatternMatcher(patterns: patterns), snapshot: snapshot, root: .root)
            #expect(filter.keeps(file) == !want, "\(patterns) \(path)")
            checked += 1
        }
        print("dockerignore walk table: \(checked) cases")
    }

    /// `docs` + `!docs/README.md`: the directory stays (as BuildKit sends it) and COPY sees the file,
    /// while `["a/b", "!a"]` drops `a/b` although `MatchesOrParentMatches` would keep it.
    @Test func walkKeepsReincludedFilesAndTheirDirectories() throws {
        let snapshot = RepoSnapshot.inMemory(["docs/README.md": "", "docs/other.md": "", "a/b/c": "", "a/d": ""])
        let filter = try DockerContextFilter(matcher: try DockerPatternMatcher(patterns: ["docs", "!docs/README.md", "a/b", "!a"]), snapshot: snapshot, root: .root)
        #expect(filter.kept.map(\.description).sorted() == ["a", "a/d", "docs", "docs/README.md"])
    }

    @Test func errorTable() throws {
        let cases = try #require(try Self.table()["errors"] as? [[String: Any]])
        for c in cases {
            let patterns = try #require(c["patterns"] as? [String])
            let want = try #require(c["error"] as? String)
            // patternmatcher reports some errors from New and a regexp that does not compile from the
            // first match; a single pattern is always tried on the first path.
            #expect(throws: DockerPatternMatcher.PatternError(message: want), "\(patterns)") { _ = try DockerPatternMatcher(patterns: patterns).isExcluded("a") }
        }
    }

    @Test func ignoreFileTable() throws {
        let cases = try #require(try Self.table()["ignorefile"] as? [[String: Any]])
        for c in cases {
            let input = try #require(c["input"] as? String)
            let bytes: [UInt8] = (c["bytes_latin1"] as? Bool) == true ? input.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } : Array(input.utf8)
            #expect(DockerIgnoreFile.patterns(from: bytes) == (c["patterns"] as? [String]), "\(input.debugDescription)")
        }
    }

    @Test func longLineIsBuildKitsScannerError() {
        let bytes = Array("a\n".utf8) + [UInt8](repeating: 0x61, count: 70_000)
        #expect(throws: DockerIgnoreFile.ReadError(message: "bufio.Scanner: token too long")) { try DockerIgnoreFile.readAll(bytes) }
        #expect(DockerIgnoreFile.patterns(from: bytes) == ["a"])
    }

    @Test func pathologicalPatternsStayFast() throws {
        let m = try DockerPatternMatcher(patterns: [String(repeating: "*a", count: 200) + "b", "x{1000}{1000}"])
        #expect(try !m.isExcluded(String(repeating: "a", count: 5000)))
    }

    /// docker-py (`docker.utils.build.exclude_paths`) as a secondary oracle, on cases not marked
    /// `docker_py: false` (it always re-includes the Dockerfile and uses a one-ancestor rule).
    @Test func crossCheckWithDockerPy() throws {
        let cases = try #require(try Self.table()["match"] as? [[String: Any]])
        let usable = cases.filter { ($0["docker_py"] as? Bool) != false && ($0["path"] as? String) != "." }
        let script = """
        import json, os, sys, tempfile
        from docker.utils.build import exclude_paths
        out = []
        for c in json.load(sys.stdin):
            root = tempfile.mkdtemp()
            p = os.path.join(root, c["path"])
            os.makedirs(os.path.dirname(p), exist_ok=True)
            open(p, "w").close()
            kept = exclude_paths(root, c["patterns"], dockerfile="__none__")
            out.append(c["path"] not in kept)
        print(json.dumps(out))
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { print("SKIP docker-py cross-check: python3 not runnable"); return }
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: usable))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0, let got = try JSONSerialization.jsonObject(with: data) as? [Bool] else {
            print("SKIP docker-py cross-check: `docker` package not available")
            return
        }
        var agree = 0
        for (c, dockerPy) in zip(usable, got) {
            if dockerPy == (c["excluded"] as? Bool) { agree += 1 } else { Issue.record("docker-py differs: \(c)") }
        }
        print("docker-py exclude_paths: \(agree)/\(usable.count) cases agree")
    }
}
