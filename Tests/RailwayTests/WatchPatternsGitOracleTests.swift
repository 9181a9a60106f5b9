import Foundation
import Snapshot
import Testing
import TestSupport
@testable import Railway

/// The watch-path matcher against git itself. Railway calls watch paths gitignore-style and links
/// git's pattern format (docs:content/docs/builds/build-configuration.md), so for every pattern
/// set × path below, `git check-ignore --no-index` (the patterns as `.git/info/exclude`, no file on
/// disk, so every path is a file) must agree with `WatchPatternSet.decide`.
///
/// Where Railway may differ from git, railsim follows git and says so in a note:
/// - `**` glued to other characters (`/app/**.js`, the docs' own example; `foo**/bar`): git reads
///   it as `*` (and, after a literal prefix, as a segment `**`: git:dir.c `match_pathname` strips
///   the prefix before wildmatch). Libraries such as doublestar read it as "any depth".
/// - A `!` line for a file inside a directory an earlier line matched: git keeps the file
///   matched; per-path matchers (go-git's gitignore, micromatch) re-include it.
/// - Trailing spaces, `#` comments and `\` escapes: git's line rules; the dashboard may trim.
@Suite struct WatchPatternsGitOracleTests {
    static let paths = [
        "README.md", "UPPER.MD", "docs/intro.md", "docs/guide/setup.md", "src/main.ts", "src/app.js", "src/lib/util.ts",
        "src/lib/deep/x.ts", "app/x.js", "app/sub/x.js", "packages/backend/index.js", "packages/backend/src/server.ts",
        "packages/frontend/index.js", "backend/main.py", "backend/requirements.txt", "backend/tests/test_main.py",
        "backend/Dockerfile", "Dockerfile", "main.go", "cmd/tool/main.go", "foo", "foo/bar", "foobar/baz", "foox/y/bar",
        "a/b/c/d.txt", "a/d.txt", "a.txt", "b.txt", "c.txt", "0.txt", "_.txt", "a-b.txt", "x.txt ", "[x].txt", "x?.txt",
        "space name.txt", "dir with space/f.py", ".env", ".github/workflows/ci.yml", "weird#name", "#hash", "!bang.txt",
        "x/!bang.txt", "a/**/b", "ab/c", "über/ä.txt", "lib/x.py", "x/lib/y.py",
    ]

    static let patternSets: [[String]] = [
        // The docs' examples (build-configuration.md, config-as-code/reference.md, monorepo.md).
        ["/src/**/*.ts"], ["/*.go"], ["**", "!/*.md"], ["/app/**.js"], ["src/**"], ["/packages/backend/**"],
        // Anchoring and basenames.
        ["*.md"], ["docs"], ["/docs"], ["docs/"], ["lib"], ["lib/"], ["src/lib"], ["/lib"], ["Dockerfile"], ["/Dockerfile"],
        ["**/Dockerfile"], [".*"], ["*"], ["/*"], ["*/"], ["/*/"], ["*/*"], ["/"], ["!"], ["**/"], ["**"],
        // Negation, last match wins, and the parent-directory rule.
        ["*.txt", "!a.txt"], ["!a.txt", "*.txt"], ["backend/", "!backend/requirements.txt"],
        ["backend/*", "!backend/requirements.txt"], ["packages/*/", "!packages/frontend/"],
        ["**/*.ts", "!src/lib/**", "src/lib/deep/"], ["*", "!*.md", "!docs/"], ["docs/**", "!docs/guide/"],
        // `?`, classes, escapes.
        ["?.txt"], ["??.txt"], ["[abc].txt"], ["[!abc].txt"], ["[^a].txt"], ["[a-c].txt"], ["[z-a].txt"], ["[]x].txt"],
        ["[[:digit:]].txt"], ["[[:alpha:]]*"], ["[[:punct:]]*"], ["[[:foo:]].txt"], ["[abc"], ["[[:a].txt"], ["a[b-]b.txt"],
        ["\\[x\\].txt"], ["[[]x].txt"], ["x\\?.txt"], ["x?.txt"], ["\\!bang.txt"], ["\\#hash"], ["#hash"], ["*\\#*"],
        ["\\"], ["abc\\"], ["*.txt\\ "], ["a.txt   "], ["space name.txt"], ["dir with space/"], ["*.MD"], ["*.md"],
        // `**` in all its positions.
        ["foo**/bar"], ["foo**"], ["**/foo"], ["**/bar"], ["a/**/d.txt"], ["a/**/**/d.txt"], ["a/**"], ["**/*.py"],
        ["***/x.js"], ["a/**\\/d.txt"], ["**/deep/**"], ["foo/**/"], ["src/*/util.ts"], ["src/*"], ["*/lib/*"],
        ["a/*/c"], ["a/*/*/d.txt"], ["a/b/"], ["a/b"], ["a\\/b"], ["**/b"], ["a/**/b"], ["**.txt"], ["*/**/*.py"],
        // Bytes beyond ASCII.
        ["über/*"], ["ü*/*"], ["*/ä.txt"], ["[ü]ber/**"],
        // Comments and blank lines.
        ["# comment", "", "*.go"], ["   ", "*.py"],
        // Corners of wildmatch.
        ["a/**/"], ["**/**"], ["*/**/*"], ["**/*/"], ["a/**b"], ["a/b**"], ["[--0].txt"], ["[a-].txt"], ["[-a].txt"],
        ["[\\]]x"], ["[!]]*"], ["**/[ab]*"], ["docs/**", "!docs/"], ["**/x/**"], ["*.txt", "!*/", "a/"],
    ]

    @Test func agreesWithGitCheckIgnore() throws {
        try compare(Self.patternSets, Self.paths, label: "hand-written")
    }

    /// Seeded pattern soup: lines built from wildmatch's tokens, so corners nobody thought of get tried.
    @Test func agreesWithGitOnGeneratedPatterns() throws {
        var random = WatchPatternSoup(seed: 20_27)
        let tokens = ["a", "b", "ab", "/", "/", "*", "**", "?", "[ab]", "[!a]", "[a-c]", ".txt", ".py", "lib", "src", "\\*", "x"]
        let names = ["a", "b", "ab", "ba", "lib", "src", "x", "a.txt", "b.py", "ab.txt", "lib.py", "*", "[a]"]
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        var sets: [[String]] = []
        for _ in 0..<200 {
            sets.append((0...(random.next() % 3)).map { _ in
                (random.next() % 4 == 0 ? "!" : "") + (0...(random.next() % 5)).map { _ in pick(tokens) }.joined()
            })
        }
        var paths = Self.paths
        for _ in 0..<40 { paths.append((0...(random.next() % 4)).map { _ in pick(names) }.joined(separator: "/")) }
        try compare(sets, paths, label: "generated")
    }

    func compare(_ patternSets: [[String]], _ paths: [String], label: String) throws {
        guard let git = Self.gitExecutable() else {
            print("WatchPatternsGitOracle (\(label)): skipped, git is not on PATH")
            return
        }
        let directory = try ProcessRunner.temporaryDirectory("railsim-watch-oracle")
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": directory.path,
                           "XDG_CONFIG_HOME": directory.path, "GIT_CONFIG_NOSYSTEM": "1"]
        let initialised = try ProcessRunner.run(git, ["init", "-q", directory.path], environment: environment)
        try #require(initialised.status == 0, "git init failed: \(initialised.stderr)")
        let exclude = directory.appendingPathComponent(".git/info/exclude")
        var agreed = 0, compared = 0, matched = 0
        for patterns in patternSets {
            try FileManager.default.createDirectory(at: exclude.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((patterns.joined(separator: "\n") + "\n").utf8).write(to: exclude)
            let result = try ProcessRunner.run(git, ["-c", "core.quotePath=false", "check-ignore", "--no-index", "--"] + paths, cwd: directory.path, environment: environment)
            try #require(result.status == 0 || result.status == 1, "git check-ignore failed for \(patterns): \(result.stderr)")
            let ignored = Set(result.stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init))
            let set = WatchPatternSet(patterns)
            for raw in paths {
                guard let path = RepoPath(raw) else { continue }
                compared += 1
                let ours = set.decide(path).matches
                let theirs = ignored.contains(raw)
                if ours == theirs { agreed += 1 }
                if theirs { matched += 1 }
                #expect(ours == theirs, "patterns \(patterns) path \(raw): railsim \(ours), git \(theirs)")
            }
        }
        print("WatchPatternsGitOracle (\(label)): \(agreed)/\(compared) pattern-set × path decisions agree with git check-ignore (\(patternSets.count) pattern sets, \(matched) matches)")
    }

    static func gitExecutable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
