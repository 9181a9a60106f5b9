import Testing

/// Circular imports: `from m import X` while `m` is still running its body sees only the names
/// bound by statements before the current one (Python/ceval.c `import_from`; python-imports.md §3.1).
@Suite("ImportSemantics: partially initialised modules")
struct ImportSemanticsCircularTests {
    typealias Example = ImportSemanticsOracle.Example
    static let text = ImportSemanticsOracle.text

    static let examples: [Example] = [
        Example(name: "circular-name-bound-later", files: [
            "main.py": text("import a"),
            "a.py": text("import os", "from b import helper", "X = 1"),
            "b.py": text("from a import X", "", "def helper():", "    return X"),
        ], command: ["python", "main.py"]),
        Example(name: "circular-name-bound-before", files: [
            "main.py": text("import a", "print(a.X)"),
            "a.py": text("X = 1", "from b import helper"),
            "b.py": text("from a import X", "", "def helper():", "    return X"),
        ], command: ["python", "main.py"]),
        Example(name: "circular-package-init", files: [
            "main.py": text("from pkg import Model"),
            "pkg/__init__.py": text("from .models import Model", "from .utils import helper"),
            "pkg/models.py": text("from pkg import helper", "", "class Model:", "    pass"),
            "pkg/utils.py": text("def helper():", "    return 1"),
        ], command: ["python", "main.py"]),
        Example(name: "circular-class-bound-later", files: [
            "main.py": text("import models"),
            "models.py": text("from schemas import Schema", "", "class User:", "    pass"),
            "schemas.py": text("from models import User", "", "class Schema:", "    pass"),
        ], command: ["python", "main.py"]),
        Example(name: "circular-did-you-mean", files: [
            "main.py": text("import a"),
            "a.py": text("VALUE = 1", "from b import helper", "VALUES = 2"),
            "b.py": text("from a import VALUES", "helper = 1"),
        ], command: ["python", "main.py"]),
        Example(name: "circular-same-line", files: [
            "main.py": text("import a"),
            "a.py": text("import b; X = 1"),
            "b.py": text("from a import X"),
        ], command: ["python", "main.py"]),
        Example(name: "circular-module-run", files: [
            "svc/__init__.py": text("from .app import create", "from .config import Settings"),
            "svc/app.py": text("from svc import Settings", "def create():", "    return 1"),
            "svc/config.py": text("class Settings:", "    pass"),
            "svc/__main__.py": text("from svc import create"),
        ], command: ["python", "-m", "svc"]),
    ]

    @Test("circular from-imports: railsim vs CPython")
    func circular() {
        ImportSemanticsOracle.check("circular imports", Self.examples)
    }
}
