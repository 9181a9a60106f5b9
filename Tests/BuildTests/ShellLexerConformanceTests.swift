import Foundation
import Testing
@testable import Build

/// Runs BuildKit's own lexer tables (frontend/dockerfile/shell/envVarTest and wordsTest), read exactly
/// as BuildKit's lex_test.go reads them (see shared/conformance/README.md).
@Suite struct ShellLexerConformanceTests {
    static var conformanceDir: URL {
        // Tests/BuildTests/<file> → repo root → ../shared/conformance/buildkit
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/conformance/buildkit")
    }

    static func lines(_ name: String) -> [String]? {
        guard let data = FileManager.default.contents(atPath: conformanceDir.appendingPathComponent(name).path) else { return nil }
        // Like bufio.Scanner: split at newlines, drop a trailing CR, no empty line after the final newline.
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    @Test func buildkitTables() throws {
        guard let envLines = Self.lines("envVarTest"), let wordLines = Self.lines("wordsTest") else {
            print("SKIP buildkit lexer conformance: \(Self.conformanceDir.path) not found")
            return
        }
        let lexer = DockerShellLexer(escapeToken: "\\")
        let env = ["PWD": "/home", "SHELL": "bash", "KOREAN": "한국어", "NULL": ""]
        var passed = 0, total = 0
        for (n, raw) in envLines.enumerated() {
            if raw.hasPrefix("#") { continue }
            let line = DockerGoText.trimSpace(raw)
            if line.isEmpty { continue }
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { DockerGoText.trimSpace(String($0)) }
            #expect(parts.count == 3, "envVarTest line \(n + 1)")
            guard parts.count == 3, parts[0] != "W" else { continue }
            total += 1
            let result = Result { try lexer.processWord(parts[1], environment: env) }
            switch result {
            case .success(let got) where parts[2] != "error" && got == parts[2]: passed += 1
            case .failure where parts[2] == "error": passed += 1
            default: Issue.record("envVarTest line \(n + 1): \(parts[1]) → \(result), want \(parts[2])")
            }
        }
        var wpassed = 0, wtotal = 0
        var wenv: [String: String] = [:]
        for (n, line) in wordLines.enumerated() {
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("ENV ") {
                let kv = String(line.dropFirst(3).drop { $0 == " " })
                let (k, v) = kv.firstIndex(of: "=").map { (String(kv[..<$0]), String(kv[kv.index(after: $0)...])) } ?? (kv, "")
                wenv[k] = v
                continue
            }
            let parts = line.split(separator: "|", omittingEmptySubsequences: false)
            guard parts.count == 2 else { Issue.record("wordsTest line \(n + 1) malformed"); continue }
            wtotal += 1
            let input = DockerGoText.trimSpace(String(parts[0]))
            let expected = String(parts[1].drop { $0 == " " }).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let got = (try? lexer.processWords(input, environment: wenv)) ?? ["error"]
            if got == expected { wpassed += 1 } else { Issue.record("wordsTest line \(n + 1): \(input) → \(got), want \(expected)") }
        }
        print("buildkit envVarTest: \(passed)/\(total), wordsTest: \(wpassed)/\(wtotal)")
        #expect(passed == total && wpassed == wtotal)
    }
}
