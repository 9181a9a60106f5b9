import Foundation
import Testing
@testable import Build

/// Differential test against the PyPI `dockerfile` package (asottile), which wraps BuildKit's real Go
/// parser at v0.12.5 — AST layer only. Where that version differs from the BuildKit railsim follows
/// (see `DockerfileOracle.knownDivergence`), a file is skipped, never silently passed.
@Suite struct DockerfileOracleTests {
    @Test func corpusAndGeneratedFilesAgreeWithBuildKitParser() throws {
        guard let oracle = DockerfileOracle.locate() else { return }
        let dataDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("DockerfileData")
        var files = ((try? FileManager.default.contentsOfDirectory(atPath: dataDir.path)) ?? [])
            .filter { $0.hasSuffix(".Dockerfile") }.sorted().map { dataDir.appendingPathComponent($0).path }
        #expect(files.count >= 40)
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("railsim-oracle-\(getpid())")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        var generator = DockerfileGenerator(seed: 20240521)
        for i in 0..<400 {
            let path = tmp.appendingPathComponent(String(format: "gen-%03d.Dockerfile", i)).path
            _ = FileManager.default.createFile(atPath: path, contents: Data(generator.next().utf8))
            files.append(path)
        }
        let results = try oracle.run(files)
        var agree = 0, skipped = 0
        var disagreements: [String] = []
        for path in files {
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            if let reason = DockerfileOracle.knownDivergence(bytes) { skipped += 1; _ = reason; continue }
            guard let expected = results[path] else { disagreements.append("\(path): no oracle result"); continue }
            let mine = Result { () throws(DockerfileParseError) -> Dockerfile in try DockerfileParser.parseAST(bytes) }
            if let diff = DockerfileOracle.compare(mine, expected) {
                disagreements.append("\((path as NSString).lastPathComponent): \(diff)")
            } else {
                agree += 1
            }
        }
        print("dockerfile oracle: \(agree)/\(files.count - skipped) files agree (\(skipped) skipped as known v0.12.5 divergences)")
        for d in disagreements.prefix(20) { Issue.record(Comment(rawValue: d)) }
        #expect(disagreements.isEmpty)
    }
}
