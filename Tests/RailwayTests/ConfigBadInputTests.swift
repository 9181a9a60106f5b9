import Snapshot
import Testing
@testable import Railway

/// Config files that cannot be used: each gives a message that names the file and the right line.
@Suite struct ConfigBadInputTests {
    @Test func invalidTOMLNamesFileAndLine() throws {
        let toml = "[build]\nbuilder = \"RAILPACK\"\n\n[deploy]\nstartCommand = \"python main.py\n"
        let service = try RW.resolve(["railway.toml": toml])
        let error = try #require(service.configError)
        #expect(error.location.file == "railway.toml")
        #expect(error.location.line == 5)
        // The parser's own wording (TOMLKit / toml++) after railsim's prefix: a newline inside a basic string.
        #expect(error.description == "railway.toml:5: invalid TOML: Error while parsing string: unescaped control characters other than TAB (U+0009) are explicitly prohibited")
        // Nothing from a broken file is applied.
        #expect(service.config.builder == nil)
    }

    @Test(arguments: [
        ("[deploy]\nstartCommand = 'a'\nstartCommand = 'b'\n", 3,     // duplicate key
         "Error while parsing key-value pair: cannot redefine existing string 'startCommand'"),
        ("[deploy]\n[deploy]\n", 2,                                    // table defined twice
         "Error while parsing table header: cannot redefine existing table 'deploy'"),
        ("\n\n[build\nbuilder = 'x'\n", 3,                               // unclosed header
         "Error while parsing table header: expected ']', saw '\\n'"),
        ("[deploy]\nnumReplicas = 1 2\n", 2,                           // trailing garbage
         "Error while parsing key-value pair: expected a comment or whitespace, saw '2'"),
        ("[deploy]\nstartCommand = \"a\"\nnumReplicas =\n", 3,             // missing value
         "Error while parsing key-value pair: expected value, saw '\\n'"),
    ])
    func invalidTOMLLines(text: String, line: Int, message: String) throws {
        let error = try #require(try RW.resolve(["railway.toml": text]).configError)
        #expect(error.location.file == "railway.toml")
        #expect(error.location.line == line)
        #expect(error.message == "invalid TOML: " + message)
    }

    @Test(arguments: [
        ("{\n  \"deploy\": {\n    \"startCommand\": \"x\",\n  }\n}\n", 4, "trailing comma before '}' (line 4, column 3)"),
        ("{\n  \"build\": {\n    \"builder\": RAILPACK\n  }\n}\n", 3, "unexpected 'R' (line 3, column 16)"),
        ("{\n  \"deploy\": {\n    \"startCommand\": \"x\"\n  \n", 5, "unexpected end of file, expected ',' or '}' (line 5, column 1)"),
        ("{\n  \"deploy\" {}\n}", 2, "expected ':' after an object key, found '{' (line 2, column 12)"),
        ("\n\n{'deploy': {}}", 3, "expected a double-quoted object key, found ''' (line 3, column 2)"),
    ])
    func invalidJSONNamesFileAndLine(text: String, line: Int, message: String) throws {
        let service = try RW.resolve(["backend/railway.json": text, "backend/main.py": ""], root: "backend")
        let error = try #require(service.configError)
        #expect(error.location.file == "backend/railway.json")
        #expect(error.location.line == line)
        #expect(error.message == "invalid JSON: " + message)
    }

    @Test func emptyJSONFile() throws {
        let error = try #require(try RW.resolve(["railway.json": ""]).configError)
        #expect(error.location.file == "railway.json")
        #expect(error.message == "invalid JSON: the file is empty (line 1, column 1)")
    }

    @Test func emptyTOMLFileIsAnEmptyConfig() throws {
        let service = try RW.resolve(["railway.toml": "# nothing yet\n"])
        #expect(service.configError == nil)
        #expect(service.configFile == RepoPath("railway.toml"))
        #expect(service.notes.contains(.configAsCodeDeprecated(file: try #require(RepoPath("railway.toml")))))
    }

    @Test(arguments: [("[\n  {\"deploy\": {}}\n]\n", "an array"), ("\"python main.py\"", "a string"), ("42", "an integer"), ("null", "null")])
    func documentThatIsNotAnObject(text: String, found: String) throws {
        let service = try RW.resolve(["railway.json": text])
        #expect(service.configError == nil)
        let invalid = RW.invalidValues(service)
        #expect(invalid.count == 1)
        #expect(invalid.first?.key == "(document)")
        #expect(invalid.first?.location == "railway.json:1")
        #expect(invalid.first?.expected == "a table")
        #expect(invalid.first?.found == found)
    }

    @Test func controlCharactersAreRejected() throws {
        // TOML forbids control characters other than tab (toml.io v1.0.0); a NUL must not end the file early.
        let toml = try #require(try RW.resolve(["railway.toml": "[deploy]\n\u{0}startCommand = 1 2\n"]).configError)
        #expect(toml.location.line == 2)
        #expect(toml.message == "invalid TOML: NUL character is not allowed")
        let json = try #require(try RW.resolve(["railway.json": "{\"a\": \"x\u{1}\"}"]).configError)
        #expect(json.message == "invalid JSON: unescaped control character in string (line 1, column 9)")
    }

    @Test func strictJSONMessages() throws {
        func message(_ text: String) throws -> String? { try RW.resolve(["railway.json": text]).configError?.description }
        #expect(try message("{\n  \"deploy\": {\"numReplicas\": 1,}\n}") == "railway.json:2: invalid JSON: trailing comma before '}' (line 2, column 31)")
        #expect(try message("[1,]") == "railway.json:1: invalid JSON: trailing comma before ']' (line 1, column 4)")
        #expect(try message("{\"a\": 01}") == "railway.json:1: invalid JSON: number with a leading zero (line 1, column 7)")
        #expect(try message("{\"a\": 1} x") == "railway.json:1: invalid JSON: unexpected 'x' after the top-level value (line 1, column 10)")
        #expect(try message("{\n\"a\": [1,\n") == "railway.json:3: invalid JSON: unexpected end of file, expected a value (line 3, column 1)")
        #expect(try message("") == "railway.json:1: invalid JSON: the file is empty (line 1, column 1)")
        #expect(try message("\u{FEFF}{\"deploy\": {}}") == nil)
    }

    @Test func deeplyNestedJSONDoesNotCrash() throws {
        let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        let text = "{\"deploy\": {\"multiRegionConfig\": {\"a\": \(deep)}}}"
        _ = try RW.resolve(["railway.json": text])
        _ = KeyLineLocator.jsonLines(String(repeating: "{\"a\":", count: 10000))
        _ = KeyLineLocator.tomlLines(String(repeating: "a = [", count: 10000))
    }
}
