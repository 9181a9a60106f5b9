import Foundation
import Testing
import TestSupport

/// Hand-written repositories for the import semantics railsim folds statically, each judged
/// against the real CPython of every installed 3.8–3.13 with the start-up oracle's harness.
enum ImportSemanticsOracle {
    struct Example: Sendable {
        var name: String
        var files: [String: String]
        var command: [String]
        var workdir = "/app"
        /// Dockerfile lines after `COPY . .`.
        var setup: [String] = []
        /// False where railsim is expected to mark its text inexact (compared by final line only).
        var exact = true
        var minors: ClosedRange<Int> = 8...13
    }

    static let installed: [(minor: Int, patch: Int)] = (8...13).compactMap { minor in
        guard let interpreter = HostPython.interpreter(minor: minor), let patch = StartupOracleRunner.patch(of: interpreter) else { return nil }
        return (minor, patch)
    }

    /// Runs every example on every installed minor; returns the problems and the agreement count.
    static func judge(_ examples: [Example]) -> (agreed: Int, total: Int, problems: [String]) {
        var cases: [StartupOracleCase] = []
        var expectations: [Bool] = []
        for example in examples {
            for (minor, patch) in installed where example.minors.contains(minor) {
                var files = example.files
                for (key, value) in files { files[key] = value.replacingOccurrences(of: "{minor}", with: "\(minor)") }
                let lines = ["FROM python:3.\(minor).\(patch)-slim", "WORKDIR \(example.workdir)", "COPY . ."]
                    + example.setup.map { $0.replacingOccurrences(of: "{minor}", with: "\(minor)") }
                    + ["CMD [" + example.command.map { "\"\($0)\"" }.joined(separator: ", ") + "]"]
                files["Dockerfile"] = lines.joined(separator: "\n") + "\n"
                cases.append(StartupOracleCase(index: cases.count, minor: minor, kind: example.name, files: files))
                expectations.append(example.exact)
            }
        }
        let outcomes = StartupOracleRunner.run(cases, workers: 4)
        var problems: [String] = []
        var agreed = 0
        for (index, outcome) in outcomes.enumerated() {
            switch outcome.verdict {
            case .agree(let approximation, _):
                if expectations[index] && approximation != nil {
                    problems.append(StartupOracleRunner.describe(outcome.testCase, why: "agrees, but railsim marked its text inexact"))
                } else {
                    agreed += 1
                }
            case .disagree(let why):
                problems.append(StartupOracleRunner.describe(outcome.testCase, why: why))
            }
        }
        return (agreed, cases.count, problems)
    }

    static func check(_ label: String, _ examples: [Example]) {
        guard !installed.isEmpty else {
            print("import semantics oracle (\(label)): no CPython 3.8–3.13 installed; skipped")
            return
        }
        let result = judge(examples)
        print("import semantics oracle (\(label)): \(result.agreed)/\(result.total) agree with CPython")
        if !result.problems.isEmpty {
            let shown = result.problems.prefix(40).joined(separator: "\n\n")
            Issue.record("\(result.problems.count) of \(result.total) disagree:\n\n\(shown)")
        }
    }

    static func text(_ lines: String...) -> String {
        let body = lines.joined(separator: "\n")
        return body + "\n"
    }
}

@Suite("ImportSemantics: sys.path edits folded statically")
struct ImportSemanticsSysPathTests {
    typealias Example = ImportSemanticsOracle.Example
    static let text = ImportSemanticsOracle.text

    static let examples: [Example] = [
        Example(name: "dirname-dirname-abspath", files: [
            "src/main.py": text("import os", "import sys", "sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))", "from config import settings"),
            "config.py": text("import ghost", "settings = 1"),
        ], command: ["python", "src/main.py"]),
        Example(name: "pathlib-resolve-parent-parent", files: [
            "src/main.py": text("import sys", "from pathlib import Path", "", "sys.path.append(str(Path(__file__).resolve().parent.parent))", "import config"),
            "config.py": text("from helpers import nothing_here"),
            "helpers.py": text("VALUE = 1"),
        ], command: ["python", "/app/src/main.py"]),
        Example(name: "relative-string", files: [
            "main.py": text("import sys", "sys.path.insert(0, 'lib')", "import libmod"),
            "lib/libmod.py": text("import ghost"),
        ], command: ["python", "main.py"]),
        Example(name: "relative-dot-slash", files: [
            "src/main.py": text("import sys", "sys.path.insert(0, './lib/')", "import libpkg.sub"),
            "lib/libpkg/__init__.py": text("import ghost"),
            "lib/libpkg/sub.py": text("X = 1"),
        ], command: ["python", "src/main.py"]),
        Example(name: "dot-entry", files: [
            "src/main.py": text("import sys", "sys.path.append('.')", "import toplevel"),
            "toplevel.py": text("from missing_dep import x"),
        ], command: ["python", "src/main.py"]),
        Example(name: "path-object-is-skipped", files: [
            "main.py": text("import sys", "from pathlib import Path", "sys.path.insert(0, Path(__file__).parent / 'lib')", "import libmod"),
            "lib/libmod.py": text("X = 1"),
        ], command: ["python", "main.py"]),
        Example(name: "variable-base-dir", files: [
            "app/main.py": text("import os, sys", "BASE_DIR = os.path.dirname(os.path.abspath(__file__))", "ROOT = os.path.join(BASE_DIR, '..')",
                                "sys.path.insert(0, os.path.join(ROOT, 'vendor'))", "import vendored"),
            "vendor/vendored.py": text("import ghost"),
        ], command: ["python", "app/main.py"]),
        Example(name: "edit-after-import", files: [
            "src/main.py": text("import sys", "import helper", "sys.path.insert(0, '/app/lib')"),
            "lib/helper.py": text("X = 1"),
        ], command: ["python", "src/main.py"]),
        Example(name: "dirname-of-relative-file", files: [
            "main.py": text("import os, sys", "sys.path.insert(0, os.path.join(os.path.dirname(__file__), 'lib'))", "import libmod"),
            "lib/libmod.py": text("import ghost"),
        ], command: ["python", "main.py"]),
        Example(name: "extend-list", files: [
            "src/main.py": text("import sys", "sys.path.extend(['/nonexistent', 'lib'])", "import libmod", "import ghost"),
            "lib/libmod.py": text("X = 1"),
        ], command: ["python", "src/main.py"]),
        Example(name: "getcwd-concat", files: [
            "src/main.py": text("import os, sys", "sys.path.insert(1, os.getcwd() + '/lib')", "import libmod"),
            "lib/libmod.py": text("import ghost"),
        ], command: ["python", "src/main.py"]),
        Example(name: "from-os-path-aliases", files: [
            "src/main.py": text("import sys", "from os.path import dirname, join as pjoin, abspath", "sys.path.insert(0, pjoin(dirname(dirname(abspath(__file__))), 'lib'))", "import libmod"),
            "lib/libmod.py": text("import ghost"),
        ], command: ["python", "src/main.py"]),
        Example(name: "parents-index", files: [
            "src/pkg/main.py": text("import sys", "import pathlib", "sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / 'lib'))", "import libmod"),
            "lib/libmod.py": text("import ghost"),
        ], command: ["python", "src/pkg/main.py"]),
        Example(name: "imported-module-edits", files: [
            "main.py": text("import plugins", "import extra"),
            "plugins/__init__.py": text("import os, sys", "sys.path.append(os.path.join(os.path.dirname(__file__), 'bundled'))"),
            "plugins/bundled/extra.py": text("import ghost"),
        ], command: ["python", "main.py"]),
        Example(name: "module-run", files: [
            "appcore/__init__.py": text(""),
            "appcore/cli.py": text("import sys, os", "sys.path.insert(0, os.path.abspath('tools'))", "import tool"),
            "tools/tool.py": text("import ghost"),
        ], command: ["python", "-m", "appcore.cli"]),
        Example(name: "not-evaluable", files: [
            "main.py": text("import os, sys", "sys.path.insert(0, os.environ.get('EXTRA', '/nonexistent'))", "import libmod"),
        ], command: ["python", "main.py"], exact: false),
        Example(name: "addsitedir-pth", files: [
            "main.py": text("import site", "site.addsitedir('vendor')", "import plug"),
            "vendor/extra.pth": text("# plugins", "../plugins", "../missing"),
            "plugins/plug.py": text("import ghost"),
        ], command: ["python", "main.py"]),
    ]

    @Test("sys.path.insert/append/extend and site.addsitedir: railsim vs CPython")
    func sysPathEdits() {
        ImportSemanticsOracle.check("sys.path edits", Self.examples)
    }
}
