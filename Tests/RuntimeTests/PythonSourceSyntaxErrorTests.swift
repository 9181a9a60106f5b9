import Foundation
import Runtime
import Testing
import TestSupport

/// Bad inputs must throw `PythonSyntaxError` with CPython's line (and wording where the
/// scanner claims to match it), never crash or hang.
@Suite("Python scanner syntax errors")
struct PythonSourceSyntaxErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var source: [UInt8]
        /// Expected line (CPython 3.13 `compile()`, or the file-run line where compile() has none).
        var line: Int
        /// Expected message; nil where the scanner deliberately uses other wording.
        var message: String?
        var exceptionName = "SyntaxError"
        var testDescription: String { name }
    }

    static func nested(_ levels: Int) -> [UInt8] {
        var s: [UInt8] = []
        for i in 0..<levels { s += Array(repeating: 0x20, count: i) + Array("if x:\n".utf8) }
        return s + Array(repeating: 0x20, count: levels) + Array("pass\n".utf8)
    }

    static let cases: [Case] = [
        Case(name: "unterminated single", source: Array("x = 1\ny = 'abc\nz = 2\n".utf8), line: 2, message: "unterminated string literal (detected at line 2)"),
        Case(name: "unterminated double at EOF", source: Array("x = \"abc".utf8), line: 1, message: "unterminated string literal (detected at line 1)"),
        Case(name: "unterminated triple", source: Array("x = 1\ns = '''abc\n\ndef\n".utf8), line: 2, message: "unterminated triple-quoted string literal (detected at line 4)"),
        Case(name: "unterminated triple trailing newline", source: Array("s = \"\"\"\n".utf8), line: 1, message: "unterminated triple-quoted string literal (detected at line 1)"),
        Case(name: "unterminated f-string", source: Array("x = f'abc {1}\n".utf8), line: 1, message: "unterminated f-string literal (detected at line 1)"),
        Case(name: "unterminated triple f-string", source: Array("x = f'''abc {1}\n\n".utf8), line: 1, message: "unterminated triple-quoted f-string literal (detected at line 2)"),
        Case(name: "bad dedent", source: Array("if a:\n    x = 1\n  y = 2\n".utf8), line: 3, message: "unindent does not match any outer indentation level", exceptionName: "IndentationError"),
        Case(name: "unexpected indent", source: Array("x = 1\n    y = 2\n".utf8), line: 2, message: "unexpected indent", exceptionName: "IndentationError"),
        Case(name: "101 nested indents", source: nested(101), line: 101, message: "too many levels of indentation", exceptionName: "IndentationError"),
        Case(name: "201 nested brackets", source: Array(("x = " + String(repeating: "(", count: 201) + String(repeating: ")", count: 201) + "\n").utf8), line: 1, message: "too many nested parentheses"),
        Case(name: "201 nested mixed brackets", source: Array(("x = " + String(repeating: "[{(", count: 67) + "\n").utf8), line: 1, message: "too many nested parentheses"),
        // compile() reports no line for NUL bytes; running the file reports the NUL's line
        // with "source code cannot contain null bytes", which is the wording used here.
        Case(name: "NUL byte", source: Array("x = 1\n".utf8) + [0] + [0x0A], line: 2, message: nil),
        Case(name: "NUL in string", source: Array("x = 1\ny = 'a".utf8) + [0] + Array("b'\n".utf8), line: 2, message: nil),
        // compile() says "(unicode error) 'utf-8' codec can't decode…"; running a file says
        // "Non-UTF-8 code starting with '\xff' in file … on line 2", which is used here.
        Case(name: "invalid UTF-8 in string", source: Array("x = 1\ny = '".utf8) + [0xFF] + Array("'\n".utf8), line: 2, message: nil),
        Case(name: "invalid UTF-8 identifier", source: Array("x = 1\n".utf8) + [0xC3, 0x28] + Array(" = 2\n".utf8), line: 2, message: nil),
        Case(name: "never closed", source: Array("x = (1,\n2\n".utf8), line: 1, message: "'(' was never closed"),
        Case(name: "never closed bracket after lines", source: Array("a = 1\nb = [1,\n\n".utf8), line: 2, message: "'[' was never closed"),
        Case(name: "unmatched close", source: Array("x = 1)\n".utf8), line: 1, message: "unmatched ')'"),
        Case(name: "mismatched close", source: Array("x = (1]\n".utf8), line: 1, message: "closing parenthesis ']' does not match opening parenthesis '('"),
        Case(name: "mismatched across lines", source: Array("x = (1,\n2]\n".utf8), line: 2, message: "closing parenthesis ']' does not match opening parenthesis '(' on line 1"),
        Case(name: "continuation junk", source: Array("x = 1 \\ y\n".utf8), line: 1, message: "unexpected character after line continuation character"),
        Case(name: "continuation at EOF", source: Array("x = 1 \\".utf8), line: 1, message: "unexpected EOF while parsing"),
        Case(name: "missing block after if", source: Array("if a:\nx = 1\n".utf8), line: 2, message: "expected an indented block after 'if' statement on line 1", exceptionName: "IndentationError"),
        Case(name: "missing block after def", source: Array("def f():\nreturn 1\n".utf8), line: 2, message: "expected an indented block after function definition on line 1", exceptionName: "IndentationError"),
        Case(name: "missing block at EOF", source: Array("class C:\n".utf8), line: 1, message: "expected an indented block after class definition on line 1", exceptionName: "IndentationError"),
        Case(name: "tab error", source: Array("if x:\n\tpass\n        pass\n".utf8), line: 3, message: "inconsistent use of tabs and spaces in indentation", exceptionName: "TabError"),
        Case(name: "dollar", source: Array("x = $\n".utf8), line: 1, message: "invalid syntax"),
        Case(name: "lone brace", source: Array("x = f'a } b'\n".utf8), line: 1, message: "f-string: single '}' is not allowed"),
        Case(name: "stray else", source: Array("x = 1\nelse:\n    pass\n".utf8), line: 2, message: "invalid syntax"),
        Case(name: "try without except", source: Array("try:\n    pass\nx = 1\n".utf8), line: 3, message: "expected 'except' or 'finally' block"),
        Case(name: "bad import", source: Array("import\n".utf8), line: 1, message: "Expected one or more names after 'import'"),
        Case(name: "bad from import", source: Array("from x import\n".utf8), line: 1, message: "Expected one or more names after 'import'"),
        Case(name: "control char", source: Array("x = 1".utf8) + [0x01, 0x0A], line: 1, message: "invalid non-printable character U+0001"),
    ]

    @Test("throws with the expected line and message", arguments: cases)
    func throwsSyntaxError(_ c: Case) {
        #expect(throws: PythonSyntaxError.self) { try PythonSourceScanner.scan(c.source) }
        do {
            _ = try PythonSourceScanner.scan(c.source)
        } catch {
            #expect(error.line == c.line)
            #expect(error.column >= 1)
            if let message = c.message {
                #expect(error.message == message)
                #expect(error.exceptionName == c.exceptionName)
            }
        }
    }

    /// The expectations above were taken from CPython; this re-derives them from the newest
    /// installed interpreter's `compile()` so drift is noticed.
    @Test("lines and messages match compile() of the newest CPython",
          .enabled(if: PythonOracle.newestInterpreter().map { $0.minor >= 12 } ?? false, "needs python3.12+ for PEP 701 wording"))
    func matchesCompile() throws {
        let python = try #require(PythonOracle.newestInterpreter())
        let payload = try JSONSerialization.data(withJSONObject: Self.cases.map { $0.source.map { String(format: "%02x", $0) }.joined() })
        let script = """
        import json, sys
        out = []
        for h in json.load(sys.stdin):
            try:
                compile(bytes.fromhex(h), "<case>", "exec"); out.append(None)
            except SyntaxError as e:
                out.append({"msg": e.msg, "lineno": e.lineno, "cls": type(e).__name__})
            except ValueError as e:
                out.append({"msg": str(e), "lineno": None, "cls": "ValueError"})
        print(json.dumps(out))
        """
        let result = try #require(PythonOracle.run(python.path, ["-c", script], stdin: payload))
        let answers = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [Any])
        #expect(answers.count == Self.cases.count)
        for (c, answer) in zip(Self.cases, answers) {
            let cpython = try #require(answer as? [String: Any], "CPython accepted \(c.name)")
            var scanned: PythonSyntaxError?
            do { _ = try PythonSourceScanner.scan(c.source) } catch { scanned = error }
            let error = try #require(scanned, "scanner accepted \(c.name)")
            if let line = cpython["lineno"] as? Int { #expect(error.line == line, "\(c.name)") }
            if c.message != nil {
                #expect(error.message == cpython["msg"] as? String, "\(c.name)")
                #expect(error.exceptionName == cpython["cls"] as? String, "\(c.name)")
            }
        }
    }

    @Test("limits: 99 indentation levels and 200 brackets are accepted")
    func limitsAccepted() throws {
        _ = try PythonSourceScanner.scan(Self.nested(99))
        let deep = "x = " + String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200) + "\n"
        _ = try PythonSourceScanner.scan(deep)
    }

    @Test("pathological nesting is bounded, not recursive")
    func pathologicalNesting() throws {
        // Far past every limit: must throw quickly, not overflow the stack.
        #expect(throws: PythonSyntaxError.self) { try PythonSourceScanner.scan(String(repeating: "(", count: 100_000)) }
        #expect(throws: PythonSyntaxError.self) { try PythonSourceScanner.scan(String(repeating: "f'{", count: 10_000)) }
        #expect(throws: PythonSyntaxError.self) { try PythonSourceScanner.scan(Self.nested(5_000)) }
        // Valid but deep in ways that have no CPython limit: lambdas, elif chains, calls.
        _ = try PythonSourceScanner.scan("f = " + String(repeating: "lambda: ", count: 20_000) + "__import__('x')\n")
        var chain = "if a: import m0\n"
        for i in 1..<20_000 { chain += "elif a: import m\(i)\n" }
        let scan = try PythonSourceScanner.scan(chain)
        if case let .ifStatement(branches, _) = scan.body.first?.kind { #expect(branches.count == 20_000) } else { Issue.record("no if") }
        _ = try PythonSourceScanner.scan("x = " + String(repeating: "f(", count: 199) + String(repeating: ")", count: 199) + "\n")
        _ = try PythonSourceScanner.scan(String(repeating: "x = 1; ", count: 50_000) + "\n")
    }

    /// Deterministic fuzzing: every prefix and many single-byte mutations of the fixtures
    /// must either scan or throw; a crash fails the whole test run.
    @Test("truncated and mutated fixtures never crash")
    func fuzzFixtures() throws {
        let dir = PythonOracle.fixtureDirectory
        var rng = PythonSourceFuzzRNG(seed: 0x5eed)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".py") }.sorted()
        var outcomes = 0
        for name in files {
            let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
            for cut in stride(from: 0, through: bytes.count, by: max(1, bytes.count / 60)) {
                outcomes += scanOutcome(Array(bytes[0..<cut]))
            }
            let alphabet = Array("\"'\\\n\r\t ([{}]):;#fbr=.@\u{0}".utf8) + [0xFF, 0xC3, 0x0C]
            for _ in 0..<150 where !bytes.isEmpty {
                var mutated = bytes
                let at = Int(rng.next() % UInt64(mutated.count))
                mutated[at] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                outcomes += scanOutcome(mutated)
            }
        }
        #expect(outcomes > 0)
    }

    private func scanOutcome(_ bytes: [UInt8]) -> Int {
        do {
            _ = try PythonSourceScanner.scan(bytes)
            return 1
        } catch {
            return error.line >= 1 ? 1 : 0
        }
    }
}

/// Small seeded generator so the fuzz test is reproducible.
typealias PythonSourceFuzzRNG = SplitMix64
