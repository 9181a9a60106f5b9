import Foundation
import Railway
import Testing
@testable import Build

/// Differential test against the PyPI `dockerfile` package (asottile), which wraps BuildKit's real Go
/// parser at v0.12.5 — AST layer only. Where that version differs from the BuildKit railsim follows
/// (see `DockerfileOracle.knownDivergence`), a file is skipped, never silently passed.
///
/// The corpus is the hand-written files in DockerfileData plus `DockerfileGenerator` output: by default
/// one fixed seed and 4,000 generated files (about 12 s). A bigger campaign on demand:
/// `RAILSIM_DOCKERFILE_FUZZ=<files per seed>` and optionally `RAILSIM_DOCKERFILE_FUZZ_SEEDS=1,2,3`
/// (scripts/dockerfile-fuzz.sh wraps both); disagreeing files are then written to
/// `RAILSIM_DOCKERFILE_FUZZ_OUT` (default: a fresh directory under the temporary directory, printed).
@Suite struct DockerfileOracleTests {
    static let defaultSeed: UInt64 = 20240521
    static let defaultCount = 4000
    /// Files per oracle process: one Python start-up per batch, bounded memory.
    static let batchSize = 2000

    @Test func corpusAndGeneratedFilesAgreeWithBuildKitParser() throws {
        guard let oracle = DockerfileOracle.locate() else { return }
        let env = ProcessInfo.processInfo.environment
        let campaign = env["RAILSIM_DOCKERFILE_FUZZ"].flatMap { Int($0) }
        let count = campaign ?? Self.defaultCount
        let seeds = env["RAILSIM_DOCKERFILE_FUZZ_SEEDS"].map { $0.split(separator: ",").compactMap { UInt64($0) } } ?? [Self.defaultSeed]
        let keep = campaign == nil ? nil : URL(fileURLWithPath: env["RAILSIM_DOCKERFILE_FUZZ_OUT"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("railsim-fuzz-\(getpid())").path)

        let started = Date()
        var tally = Tally()
        let dataDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("DockerfileData")
        let corpus = ((try? FileManager.default.contentsOfDirectory(atPath: dataDir.path)) ?? [])
            .filter { $0.hasSuffix(".Dockerfile") }.sorted().map { dataDir.appendingPathComponent($0).path }
        #expect(corpus.count >= 40)
        let corpusResults = try oracle.run(corpus)
        tally.check(corpus.map { ($0, [UInt8](FileManager.default.contents(atPath: $0) ?? Data())) }, results: corpusResults, keep: nil)
        for seed in seeds {
            var generator = DockerfileGenerator(seed: seed)
            var done = 0
            while done < count {
                let n = min(Self.batchSize, count - done)
                let batch = (done..<(done + n)).map { ("gen-\(seed)-\($0).Dockerfile", generator.next()) }
                let results = try oracle.run(texts: Dictionary(batch, uniquingKeysWith: { a, _ in a }))
                tally.check(batch.map { ($0.0, Array($0.1.utf8)) }, results: results, keep: keep)
                done += n
            }
        }
        let total = corpus.count + count * seeds.count
        print("dockerfile oracle: \(tally.agree)/\(total - tally.skipped) files agree (\(tally.skipped) skipped as known v0.12.5 divergences)")
        print("dockerfile oracle: \(corpus.count) corpus + \(count * seeds.count) generated (seeds \(seeds.map(String.init).joined(separator: ","))) in "
            + String(format: "%.1f", Date().timeIntervalSince(started)) + " s; skipped by reason: "
            + tally.reasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        if let keep, !tally.disagreements.isEmpty { print("dockerfile oracle: disagreeing files written to \(keep.path)") }
        for d in tally.disagreements.prefix(20) { Issue.record(Comment(rawValue: d)) }
        #expect(tally.disagreements.isEmpty)
        // Divergent features are generated rarely so that the comparison keeps its reach.
        #expect(tally.skipped * 20 <= total, "more than 5% of the files were skipped")
    }

    /// Every Dockerfile the repository itself uses: those in fixtures/ and those written inline by the
    /// scenario files (`[files]` entries named like a Dockerfile).
    @Test func repositoryDockerfilesAgreeWithBuildKitParser() throws {
        guard let oracle = DockerfileOracle.locate() else { return }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        func isDockerfile(_ name: String) -> Bool { name.contains("Dockerfile") && !name.hasSuffix(".dockerignore") }
        var texts: [String: String] = [:]
        let fixtures = repo.appendingPathComponent("fixtures")
        let enumerator = try #require(FileManager.default.enumerator(atPath: fixtures.path))
        for case let relative as String in enumerator where isDockerfile((relative as NSString).lastPathComponent) {
            texts["fixtures/" + relative] = try String(contentsOf: fixtures.appendingPathComponent(relative), encoding: .utf8)
        }
        let scenarios = repo.appendingPathComponent("scenarios")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? []).sorted() where name.hasSuffix(".toml") {
            let text = try String(contentsOf: scenarios.appendingPathComponent(name), encoding: .utf8)
            let document = try ConfigDocumentParser.parse(text, format: .toml, file: name)
            for member in document.members?.first(where: { $0.key == "files" })?.value.members ?? [] where isDockerfile((member.key as NSString).lastPathComponent) {
                if case .string(let dockerfile) = member.value { texts["scenarios/\(name):\(member.key)"] = dockerfile }
            }
        }
        #expect(texts.count >= 25)
        var tally = Tally()
        tally.check(texts.sorted { $0.key < $1.key }.map { ($0.key, Array($0.value.utf8)) }, results: try oracle.run(texts: texts), keep: nil)
        print("dockerfile oracle: repository Dockerfiles (fixtures and scenarios) \(tally.agree)/\(texts.count - tally.skipped) agree (\(tally.skipped) skipped: \(tally.reasons.map { "\($0.key) \($0.value)" }.sorted().joined(separator: ", ")))")
        for d in tally.disagreements { Issue.record(Comment(rawValue: d)) }
        #expect(tally.disagreements.isEmpty)
    }

    struct Tally {
        var agree = 0, skipped = 0
        var reasons: [String: Int] = [:]
        var disagreements: [String] = []

        mutating func check(_ files: [(name: String, bytes: [UInt8])], results: [String: [String: Any]], keep: URL?) {
            for (path, bytes) in files {
                if let reason = DockerfileOracle.knownDivergence(bytes) { skipped += 1; reasons[reason, default: 0] += 1; continue }
                guard let expected = results[path] else { disagreements.append("\(path): no oracle result"); continue }
                let mine = Result { () throws(DockerfileParseError) -> Dockerfile in try DockerfileParser.parseAST(bytes) }
                if let reason = DockerfileOracle.oracleLimitation(mine, expected) { skipped += 1; reasons[reason, default: 0] += 1; continue }
                guard let diff = DockerfileOracle.compare(mine, expected) else { agree += 1; continue }
                let name = (path as NSString).lastPathComponent
                disagreements.append("\(name): \(diff)")
                if let keep {
                    try? FileManager.default.createDirectory(at: keep, withIntermediateDirectories: true)
                    _ = FileManager.default.createFile(atPath: keep.appendingPathComponent(name).path, contents: Data(bytes))
                    _ = FileManager.default.createFile(atPath: keep.appendingPathComponent(name + ".diff").path, contents: Data(diff.utf8))
                }
            }
        }
    }
}
