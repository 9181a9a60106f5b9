import Build
import Findings
import Railway
import Runtime
import Snapshot
import Testing

/// `.pth` files in site directories (Lib/site.py `addsitedir`/`addpackage`; python-imports.md §1.4).
@Suite("ImportSemantics: .pth files and editable installs")
struct ImportSemanticsPthTests {
    typealias Example = ImportSemanticsOracle.Example
    static let text = ImportSemanticsOracle.text

    static let examples: [Example] = [
        Example(name: "pth-path-lines", files: [
            "b.pth": text("# comment", "", "../../../../../app/lib", "../../../../../app/lib/", "../../../../../nonexistent", "import os"),
            "a.pth": text("../../../../../app/extra"),
            "main.py": text("import extramod", "import libmod"),
            "extra/extramod.py": text("X = 1"),
            "lib/libmod.py": text("import ghost"),
        ], command: ["python", "main.py"],
        setup: ["COPY a.pth b.pth /usr/local/lib/python3.{minor}/site-packages/"]),
        Example(name: "pth-not-in-pythonpath-dirs", files: [
            "lib/x.pth": text("../other"),
            "other/othermod.py": text("X = 1"),
            "main.py": text("import othermod"),
        ], command: ["python", "main.py"], setup: ["ENV PYTHONPATH=/app/lib"]),
        Example(name: "pth-duplicate-of-stdlib", files: [
            "dup.pth": text("../../../../../app", "../../../../../app/pkgs"),
            "pkgs/ghost.py": text("import ghost2"),
            "main.py": text("import ghost"),
        ], command: ["python", "/app/main.py"],
        setup: ["COPY dup.pth /usr/local/lib/python3.{minor}/site-packages/"]),
    ]

    @Test("start-up .pth path lines: railsim vs CPython (sys.path and stderr)")
    func pthPathLines() {
        ImportSemanticsOracle.check(".pth files", Self.examples)
    }

    /// setuptools' flat-layout editable install: the `.pth` import line installs a finder whose
    /// literal MAPPING names the source directory (setuptools editable_wheel.py `_FINDER_TEMPLATE`),
    /// consulted after PathFinder. Checked on CPython 3.12.1 with setuptools 69 [EXP].
    @Test("editable finder MAPPING resolves top-level names after PathFinder")
    func editableFinder() throws {
        let finder = """
        import sys
        from importlib.machinery import ModuleSpec, PathFinder
        MAPPING: dict[str, str] = {'proj': '/src/proj/proj'}
        NAMESPACES: dict[str, list[str]] = {}
        PATH_PLACEHOLDER = '__editable__.proj-1.0.finder' + ".__path_hook__"

        def install():
            pass

        """
        let files: [String: String] = [
            "Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY proj /src/proj\nCOPY site/ /usr/local/lib/python3.12/site-packages/\nCOPY main.py .\nCMD [\"python\", \"main.py\"]\n",
            "site/__editable__.proj-1.0.pth": "import __editable___proj_1_0_finder; __editable___proj_1_0_finder.install()\n",
            "site/__editable___proj_1_0_finder.py": finder,
            "proj/proj/__init__.py": "import ghost\n",
            "main.py": "import proj\n",
        ]
        let assessment = try Pipeline.assess(ServiceSettings(name: "svc", rootDirectory: "/"), in: RepoSnapshot.inMemory(files, name: "editable"), options: .testDay)
        let failure = try #require(assessment.runtime.failure)
        #expect(failure.stderr == """
        Traceback (most recent call last):
          File "/app/main.py", line 1, in <module>
            import proj
          File "/src/proj/proj/__init__.py", line 1, in <module>
            import ghost
        ModuleNotFoundError: No module named 'ghost'

        """)
        #expect(failure.exact)
    }

    @Test("src-layout editable .pth: a path line")
    func editablePathLine() throws {
        let files: [String: String] = [
            "Dockerfile": "FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN echo\nCOPY __editable__.svc-0.1.pth /usr/local/lib/python3.11/site-packages/\nCMD [\"python\", \"-c\", \"import svc\"]\n",
            "__editable__.svc-0.1.pth": "/app/src\n",
            "src/svc/__init__.py": "VALUE = 1\n",
        ]
        let assessment = try Pipeline.assess(ServiceSettings(name: "svc", rootDirectory: "/"), in: RepoSnapshot.inMemory(files, name: "editable-src"), options: .testDay)
        #expect(assessment.runtime.sysPath.last == "/app/src")
        #expect(assessment.runtime.failure == nil)
    }
}
