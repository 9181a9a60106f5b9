import Testing

/// Module-level attribute access on a scanned local module that lacks the name: AttributeError,
/// 3.10+ "Did you mean", 3.11+ carets, 3.8+ "partially initialized", 3.13 "consider renaming"
/// (Objects/moduleobject.c) [EXP 3.8.18–3.13.0].
@Suite("ImportSemantics: attributes of local modules")
struct ImportSemanticsAttributeTests {
    typealias Example = ImportSemanticsOracle.Example
    static let text = ImportSemanticsOracle.text

    static let examples: [Example] = [
        Example(name: "attr-shadowing-yaml", files: [
            "main.py": text("import yaml", "", "config = yaml.safe_load(\"a: 1\")"),
            "yaml.py": text("def load(x):", "    return x"),
        ], command: ["python", "main.py"]),
        Example(name: "attr-shadowing-stdlib-random", files: [
            "main.py": text("import os", "import random", "x = 1", "random.seed(4)"),
            "random.py": text("def helper():", "    pass"),
        ], command: ["python", "main.py"]),
        Example(name: "attr-did-you-mean", files: [
            "main.py": text("import yaml as y", "y.safe_lod(\"x\")"),
            "yaml.py": text("def safe_load(x):", "    return x", "_private = 1"),
        ], command: ["python", "main.py"]),
        Example(name: "attr-self-import", files: [
            "main.py": text("import yaml"),
            "yaml.py": text("import yaml", "", "config = yaml.safe_load(\"x\")"),
        ], command: ["python", "main.py"]),
        Example(name: "attr-partial-did-you-mean", files: [
            "main.py": text("import yaml"),
            "yaml.py": text("safe_loadx = 1", "import yaml", "", "config = yaml.safe_load(\"x\")"),
        ], command: ["python", "main.py"]),
        Example(name: "attr-plain-name-value", files: [
            "main.py": text("import helpers", "handler = helpers.missing"),
            "helpers.py": text("present = 1"),
        ], command: ["python", "/app/main.py"]),
        Example(name: "attr-present-and-submodule", files: [
            "main.py": text("import pkg.sub", "import helpers", "helpers.present()", "pkg.sub.run()", "import ghost"),
            "helpers.py": text("def present():", "    pass"),
            "pkg/__init__.py": text(""),
            "pkg/sub.py": text("def run():", "    pass"),
        ], command: ["python", "main.py"]),
        Example(name: "attr-package-module-run", files: [
            "svc/__init__.py": text(""),
            "svc/main.py": text("import json", "from svc import util", "import svc.util as u", "u.nothing()"),
            "svc/util.py": text("x = 1"),
        ], command: ["python", "-m", "svc.main"]),
    ]

    @Test("module attribute access at module level: railsim vs CPython")
    func attributes() {
        ImportSemanticsOracle.check("module attributes", Self.examples)
    }
}
