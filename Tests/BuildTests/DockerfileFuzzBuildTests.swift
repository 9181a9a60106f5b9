import Foundation
import Testing
@testable import Build

/// Robustness: generated Dockerfiles (and byte-level mutations of them) go through railsim's whole build,
/// not just the parser. The build must not trap, and every failure that comes from the Dockerfile must be
/// a typed `BuildFailure` that names its line — except BuildKit's whole-file errors, which have none.
@Suite struct DockerfileFuzzBuildTests {
    /// BuildKit errors about the file as a whole (dockerfile2llb toDispatchState), reported without a line.
    static let wholeFile: Set<String> = [BuildKitMessage.emptyDockerfile, BuildKitMessage.noStagesToBuild]

    @Test func generatedDockerfilesBuildWithoutTrapsAndFailWithALine() throws {
        var generator = DockerfileGenerator(seed: 424242)
        var kinds: [String: Int] = [:]
        var problems: [String] = []
        for i in 0..<Self.count {
            var text = generator.next()
            switch i % 4 {
            case 3: text = mutate(text, &generator)
            case 1, 2: text = Self.validSubset(text) ?? text // most generated files fail to parse; get past the parser too
            default: break
            }
            let result = try BT.build(["Dockerfile": text, "main.py": "print('hi')\n", "requirements.txt": "flask\n"])
            guard let failure = result.failure else { kinds["ok", default: 0] += 1; continue }
            kinds[String("\(failure.kind)".prefix { $0 != "(" }), default: 0] += 1
            switch failure.kind {
            case .dockerfileSyntax, .copySourceMissing, .builderError:
                if failure.location?.line == nil && !Self.wholeFile.contains(failure.message) {
                    problems.append("#\(i) \(failure.kind) without a line: \(failure.message)\n\(text.debugDescription.prefix(400))")
                }
            default: break
            }
        }
        print("dockerfile build fuzz: \(Self.count) files; " + kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        for p in problems.prefix(10) { Issue.record(Comment(rawValue: p)) }
        #expect(problems.isEmpty)
    }

    /// Cheap by default; `RAILSIM_DOCKERFILE_FUZZ_BUILD=<count>` for more.
    static var count: Int { ProcessInfo.processInfo.environment["RAILSIM_DOCKERFILE_FUZZ_BUILD"].flatMap { Int($0) } ?? 1200 }

    /// The file cut down to the instructions that pass BuildKit's instruction checks, after its directive
    /// lines and a FROM, so that the build gets past parsing into the evaluator; nil when nothing is left.
    static func validSubset(_ text: String) -> String? {
        guard let file = try? DockerfileParser.parseAST(Array(text.utf8)), let first = file.instructions.first else { return nil }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        var out = Array(lines.prefix(first.startLine - 1))
        var kept = 0
        for ins in file.instructions where ins.endLine <= lines.count {
            guard (try? DockerfileInstructionChecks.check(ins)) != nil else { continue }
            if kept == 0 && ins.keyword != "FROM" && ins.keyword != "ARG" { out.append("FROM python:3.12-slim") }
            out += lines[(ins.startLine - 1)..<ins.endLine]
            kept += 1
        }
        return kept == 0 ? nil : out.joined(separator: "\n") + "\n"
    }

    /// Overwrites a few characters with odd ones (NUL, lone CR, BOM, quotes, escapes, `<<`, non-ASCII blanks).
    private func mutate(_ text: String, _ g: inout DockerfileGenerator) -> String {
        var u = Array(text.unicodeScalars)
        guard !u.isEmpty else { return "\u{0}" }
        let odd: [Unicode.Scalar] = ["\u{0}", "\r", "\u{FEFF}", "\"", "'", "\\", "`", "<", "$", "{", "[", "\n", "\u{A0}", "\u{85}", "#", "="]
        for _ in 0..<(1 + g.rand(4)) { u[g.rand(u.count)] = odd[g.rand(odd.count)] }
        return String(String.UnicodeScalarView(u))
    }
}
