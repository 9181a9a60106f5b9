import Snapshot
import Testing
@testable import Railway

/// Exports railsim cannot use: each gives one line naming the file, the line where there is one,
/// and the key path.
@Suite struct EnvironmentConfigBadInputTests {
    @Test func syntaxErrorNamesLineAndColumn() {
        let json = "{\n  \"services\": {\n    \"abc\": {,\n  }\n}\n"
        #expect(EC.error(json) == "env.json:3: invalid JSON: expected a double-quoted object key, found ',' (line 3, column 13)")
    }

    @Test func trailingCommaIsASyntaxError() {
        let json = "{\n  \"services\": {\n    \"abc\": {}\n  },\n}\n"
        #expect(EC.error(json) == "env.json:5: invalid JSON: trailing comma before '}' (line 5, column 1)")
    }

    @Test func emptyFile() {
        #expect(EC.error("") == "env.json:1: invalid JSON: the file is empty (line 1, column 1)")
    }

    @Test func textOutputInsteadOfJSON() {
        // What `railway environment config` prints without --json.
        #expect(EC.error("\nServices\n\nhealth-service\n") == "env.json:2: invalid JSON: unexpected 'S' (line 2, column 1)")
    }

    @Test func notUTF8() {
        let bytes = Array("{\n  \"services\": {\"a\": {\"variables\": {\"X\": {\"value\": \"".utf8) + [0xFF] + Array("\"}}}}}".utf8)
        #expect(EC.error(bytes: bytes) == "env.json:2: invalid JSON: the file is not UTF-8 text")
    }

    @Test(arguments: [("[\n  {}\n]", "array"), ("\n\"services\"", "string"), ("42", "integer"), ("null", "null")])
    func topLevelNotAnObject(json: String, found: String) {
        let line = json.hasPrefix("\n") ? 2 : 1
        #expect(EC.error(json)
            == "env.json:\(line): expected a JSON object at the top level, as `railway environment config --json` prints, found \(found)")
    }

    @Test func servicesMissing() {
        #expect(EC.error(#"{"sharedVariables": {}}"#)
            == #"env.json: no "services" object; expected the output of `railway environment config --json`"#)
    }

    @Test(arguments: [("[]", "array"), ("null", "null"), (#""abc""#, "string")])
    func servicesWrongType(value: String, found: String) {
        #expect(EC.error("{\n  \"services\": \(value)\n}") == "env.json:2: services: expected object, found \(found)")
    }

    @Test func servicesEmpty() {
        #expect(EC.error("{\n  \"services\": {}\n}") == "env.json:2: services: the export declares no services")
    }

    @Test func serviceNotAnObject() {
        #expect(EC.error("{\n  \"services\": {\n    \"abc\": \"api\"\n  }\n}")
            == "env.json:3: services.abc: expected object, found string")
    }

    @Test(arguments: [
        (#"      "deploy": {"numReplicas": "2"}"#, "services.abc.deploy.numReplicas: expected integer, found string"),
        (#"      "deploy": {"healthcheckTimeout": 1.5}"#, "services.abc.deploy.healthcheckTimeout: expected integer, found number"),
        (#"      "deploy": {"startCommand": ["python", "main.py"]}"#, "services.abc.deploy.startCommand: expected string, found array"),
        (#"      "deploy": {"preDeployCommand": 1}"#, "services.abc.deploy.preDeployCommand: expected string or array of strings, found integer"),
        (#"      "deploy": {"preDeployCommand": ["a", null]}"#, "services.abc.deploy.preDeployCommand[1]: expected string, found null"),
        (#"      "deploy": {"sleepApplication": "yes"}"#, "services.abc.deploy.sleepApplication: expected boolean, found string"),
        (#"      "build": {"watchPatterns": ["src/**", 7]}"#, "services.abc.build.watchPatterns[1]: expected string, found integer"),
        (#"      "build": {"watchPatterns": "src/**"}"#, "services.abc.build.watchPatterns: expected array of strings, found string"),
        (#"      "build": {"builder": true}"#, "services.abc.build.builder: expected string, found boolean"),
        (#"      "source": {"rootDirectory": 1}"#, "services.abc.source.rootDirectory: expected string, found integer"),
        (#"      "source": "acme/app""#, "services.abc.source: expected object, found string"),
        (#"      "configFile": false"#, "services.abc.configFile: expected string, found boolean"),
        (#"      "networking": []"#, "services.abc.networking: expected object, found array"),
        (#"      "variables": null"#, "services.abc.variables: expected object, found null"),
        (#"      "variables": {"PORT": "8080"}"#, "services.abc.variables.PORT: expected object, found string"),
        (#"      "variables": {"PORT": {"value": 8080}}"#, "services.abc.variables.PORT.value: expected string, found integer"),
        (#"      "volumeMounts": {"vol": null}"#, "services.abc.volumeMounts.vol: expected object, found null"),
        (#"      "volumeMounts": {"vol": {"mountPath": ["/data"]}}"#, "services.abc.volumeMounts.vol.mountPath: expected string, found array"),
    ])
    func fieldOfTheWrongType(body: String, message: String) {
        #expect(EC.error(EC.service(body)) == "env.json:4: \(message)")
    }

    @Test func wrongTypeOnItsOwnLine() {
        let json = EC.service("""
              "deploy": {
                "startCommand": "python main.py",
                "numReplicas": "2"
              }
        """)
        #expect(EC.error(json) == "env.json:6: services.abc.deploy.numReplicas: expected integer, found string")
    }

    @Test func projectLevelFieldOfTheWrongType() {
        #expect(EC.error("{\n  \"services\": {\"a\": {}},\n  \"volumes\": [1]\n}")
            == "env.json:3: volumes: expected object, found array")
        #expect(EC.error("{\n  \"services\": {\"a\": {}},\n  \"sharedVariables\": {\"K\": 1}\n}")
            == "env.json:3: sharedVariables.K: expected object, found integer")
    }

    @Test(arguments: ["HEROKU", "docker", ""])
    func unknownBuilder(raw: String) {
        #expect(EC.error(EC.service(#"      "build": {"builder": "\#(raw)"}"#))
            == "env.json:4: services.abc.build.builder: unknown builder '\(raw)' (expected RAILPACK, DOCKERFILE or NIXPACKS)")
    }

    @Test func unknownRestartPolicy() {
        #expect(EC.error(EC.service(#"      "deploy": {"restartPolicyType": "SOMETIMES"}"#))
            == "env.json:4: services.abc.deploy.restartPolicyType: unknown restart policy 'SOMETIMES' (expected ON_FAILURE, ALWAYS or NEVER)")
    }

    @Test(arguments: ["..", "../shared", "/backend/../../etc", "a/../../b"])
    func rootDirectoryEscapingTheRepository(raw: String) {
        let json = EC.service("""
              "source": {
                "repo": "acme/app",
                "rootDirectory": "\(raw)"
              }
        """)
        #expect(EC.error(json) == "env.json:6: services.abc.source.rootDirectory: '\(raw)' points outside the repository")
    }
}
