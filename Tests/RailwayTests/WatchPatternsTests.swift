import Snapshot
import Testing
import TestSupport
@testable import Railway

/// Watch paths (railway-platform.md §3, rule 27): gitignore-style, from the repository root,
/// last match wins; a service without them redeploys on every change.
@Suite struct WatchPatternsTests {
    func path(_ raw: String) throws -> RepoPath { try #require(RepoPath(raw)) }
    func matches(_ patterns: [String], _ raw: String) throws -> Bool { WatchPatternSet(patterns).decide(try path(raw)).matches }

    @Test func docsExamples() throws {
        // docs:content/docs/builds/build-configuration.md "Configure watch paths".
        #expect(try matches(["/src/**/*.ts"], "src/a.ts"))
        #expect(try matches(["/src/**/*.ts"], "src/x/y/a.ts"))
        #expect(try !matches(["/src/**/*.ts"], "lib/src/a.ts"))
        #expect(try matches(["/*.go"], "main.go"))
        #expect(try !matches(["/*.go"], "cmd/main.go"))
        #expect(try matches(["**", "!/*.md"], "src/main.py"))
        #expect(try !matches(["**", "!/*.md"], "README.md"))
        // A markdown file below the root sits in a directory `**` matched: git keeps it matched.
        #expect(try matches(["**", "!/*.md"], "docs/guide.md"))
    }

    @Test func patternsStayRootedWhenARootDirectoryIsSet() throws {
        // "if a Root Directory is provided, patterns still operate from `/`" (build-configuration.md).
        let outcome = WatchPatterns.affected(services: [(name: "api", patterns: ["/app/**"])], changedFiles: [try path("app/main.py")])
        #expect(outcome[0].redeploys)
        let relative = WatchPatterns.affected(services: [(name: "api", patterns: ["/main.py"])], changedFiles: [try path("app/main.py")])
        #expect(!relative[0].redeploys)
    }

    @Test func basenamesMatchAtAnyDepthAndSlashesAnchor() throws {
        #expect(try matches(["*.py"], "a/b/c.py"))
        #expect(try matches(["lib"], "x/lib/y.py"))
        #expect(try !matches(["/lib"], "x/lib/y.py"))
        #expect(try !matches(["src/lib"], "x/src/lib/y.py"))
        #expect(try matches(["src/lib"], "src/lib/y.py"))
    }

    @Test func directoryOnlyPatternsMatchWhatIsInside() throws {
        #expect(try matches(["docs/"], "docs/a.md"))
        #expect(try !matches(["docs/"], "docs"))
        #expect(try matches(["docs"], "docs"))
    }

    @Test func lastMatchWinsAndNegationNeedsAnInclude() throws {
        #expect(try !matches(["*.txt", "!a.txt"], "a.txt"))
        #expect(try matches(["!a.txt", "*.txt"], "a.txt"))
        let set = WatchPatternSet(["!a.txt", "*.txt"])
        #expect(set.notes.contains(.negationWithoutInclude(pattern: "!a.txt")))
    }

    @Test func reincludeInsideAMatchedDirectoryIsFlagged() throws {
        let file = try path("backend/requirements.txt")
        let outcome = WatchPatterns.outcome(service: "api", patterns: WatchPatternSet(["backend/", "!backend/requirements.txt"]), changedFiles: [file])
        #expect(outcome.redeploys)
        #expect(outcome.notes.contains(.reincludeInsideMatchedDirectory(file: "backend/requirements.txt", pattern: "!backend/requirements.txt")))
        // With `backend/*` the file itself is matched, so the `!` line does re-include it.
        #expect(try !matches(["backend/*", "!backend/requirements.txt"], "backend/requirements.txt"))
    }

    @Test func wildcardsAndClasses() throws {
        #expect(try matches(["?.txt"], "a.txt"))
        #expect(try !matches(["?.txt"], "ab.txt"))
        #expect(try matches(["[a-c].txt"], "b.txt"))
        #expect(try !matches(["[!a-c].txt"], "b.txt"))
        #expect(try matches(["[[:digit:]].txt"], "7.txt"))
        #expect(try matches(["\\[x\\].txt"], "[x].txt"))
        #expect(try !matches(["a?b"], "a/b"))
        #expect(try !matches(["a[/]b"], "a/b"))
    }

    @Test func doubleStarInsideASegmentIsOneLevelAndFlagged() throws {
        // The docs' `/app/**.js` "to match files in the new root": git reads `**.js` as `*.js`.
        #expect(try matches(["/app/**.js"], "app/x.js"))
        #expect(try !matches(["/app/**.js"], "app/sub/x.js"))
        #expect(WatchPatternSet(["/app/**.js"]).notes == [.doubleStarInsideSegment(pattern: "/app/**.js")])
    }

    @Test func brokenPatternsNeverMatchAndAreNamed() throws {
        for pattern in ["[abc", "[[:nope:]].txt", "abc\\"] {
            let set = WatchPatternSet([pattern])
            #expect(try !set.decide(path("abc")).matches)
            #expect(set.notes.contains { if case .neverMatches(pattern, _) = $0 { return true }; return false })
        }
    }

    @Test func commentsBlanksAndTrailingSpaces() throws {
        let set = WatchPatternSet(["# all go files", "", "   ", "*.go   ", "multi\nline/**", "crlf\r\nend"])
        // git trims unescaped trailing spaces, so a line of spaces is blank (git:dir.c `trim_trailing_spaces`).
        #expect(set.patterns.map(\.text) == ["*.go   ", "multi", "line/**", "crlf", "end"])
        #expect(set.decide(try path("main.go")).matches)
        #expect(set.decide(try path("line/x")).matches)
    }

    @Test func servicesWithoutPatternsRedeployOnAnyChange() throws {
        let files = [try path("docs/readme.md")]
        let outcomes = WatchPatterns.affected(services: [(name: "web", patterns: nil), (name: "api", patterns: ["/api/**"]),
                                                         (name: "docs", patterns: ["docs/"]), (name: "blank", patterns: ["", "# none"])],
                                              changedFiles: files)
        #expect(outcomes.map(\.redeploys) == [true, false, true, true])
        #expect(outcomes.map(\.reason) == [.noWatchPatterns, .noFileMatched, .filesMatched, .noWatchPatterns])
        #expect(outcomes[2].triggeringFiles == files)
    }

    @Test func emptyCommitsSkipServicesWithPatterns() {
        // docs:content/docs/deployments/github-autodeploys.md: "empty commits do not trigger a redeploy".
        let outcomes = WatchPatterns.affected(services: [(name: "web", patterns: nil), (name: "api", patterns: ["**"])], changedFiles: [])
        #expect(outcomes.map(\.redeploys) == [true, false])
        #expect(outcomes[1].reason == .emptyChange)
    }

    @Test func hostilePatternsStayLinear() throws {
        // Backtracking matchers blow up on this; the NFA walks each byte once per state.
        let pattern = String(repeating: "*a", count: 200) + "b"
        let long = try path(String(repeating: "a", count: 5_000))
        #expect(!WatchPatternSet([pattern]).decide(long).matches)
        let deep = try path((0..<300).map { "d\($0)" }.joined(separator: "/"))
        #expect(WatchPatternSet(["**/d299"]).decide(deep).matches)
    }

    @Test func arbitraryBytesNeverCrash() throws {
        var generator = WatchPatternSoup(seed: 27)
        let alphabet = Array("ab/*?[]!^-:\\\\ #.".unicodeScalars)
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 12)
            let pattern = String(String.UnicodeScalarView((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
            _ = WatchPatternSet([pattern]).decide(try path("a/b/ab"))
        }
    }
}

/// A small deterministic generator, so the byte soup is the same on every run.
typealias WatchPatternSoup = SplitMix64
