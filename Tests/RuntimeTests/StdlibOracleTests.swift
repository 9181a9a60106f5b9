import Foundation
import Testing
@testable import Runtime

/// Asks the real interpreter, with `-I -S` (no site-packages, no script directory) in an empty
/// directory, whether each name is in `sys.modules` or `importlib.util.find_spec(name)` finds it
/// (what `import name` would use), and compares that with
/// `StdlibTable.isPresent`. Skipped when the interpreter is not installed.
@Suite("Stdlib tables agree with real CPython")
struct StdlibOracleTests {
    /// Names worth checking on every version, including made-up and third-party ones.
    static let fixedNames: [String] = [
        "os", "os.path", "sys", "json", "json.decoder", "json.tool", "importlib", "importlib.util",
        "importlib.metadata", "importlib.resources", "distutils", "distutils.core", "tomllib", "asyncore",
        "asynchat", "smtpd", "imp", "cgi", "cgitb", "telnetlib", "nntplib", "crypt", "lib2to3", "runpy",
        "zipimport", "encodings.utf_8", "encodings.idna", "collections.abc", "typing", "typing_extensions",
        "dataclasses", "zoneinfo", "graphlib", "_ssl", "_sqlite3", "_tkinter", "_dbm", "_gdbm", "_ctypes",
        "_decimal", "readline", "curses.panel", "xml.etree.ElementTree", "xml.dom.minidom", "email.mime.text",
        "http.client", "urllib.request", "logging.handlers", "concurrent.futures.thread", "asyncio.taskgroups",
        "asyncio.runners", "unittest.mock", "sqlite3.dump", "ensurepip", "venv", "idlelib", "turtledemo",
        "test", "msvcrt", "winreg", "nt", "_winapi", "posix", "pwd", "grp", "fcntl", "_posixsubprocess",
        "__future__", "__main__", "__hello__", "_sysconfigdata__linux_x86_64-linux-gnu", "_pydatetime",
        "_pylong", "_colorize", "_pyrepl", "_interpreters", "_opcode_metadata", "pkg_resources", "setuptools",
        "pip", "requests", "numpy", "yaml", "django", "flask", "six", "attr", "dotenv", "bs4",
        "notamodule", "os.notasub", "json.nope", "xml.nope.deeper", "railsim_fake", "utils", "config",
        "app", "main", "settings", "src", "lib", "email.nope", "collections.nope", "sys.path", "typing.io",
    ]

    static func sample() -> [String] {
        var union = Set<String>()
        for minor in StdlibTable.supportedMinors {
            guard let table = StdlibTable.table(minor: minor) else { continue }
            union.formUnion(table.moduleNames)
            union.formUnion(table.builtinModuleNames)
        }
        // test internals are deliberately not in the tables; the antigravity/this modules print or
        // open a browser on import, which find_spec of a *child* would trigger (they have none).
        let candidates = union.filter { name in
            !name.split(separator: ".").dropLast().contains { $0 == "test" || $0 == "tests" || $0 == "idle_test" }
        }.sorted()
        let step = max(1, candidates.count / 120)
        let picked = stride(from: 0, to: candidates.count, by: step).map { candidates[$0] }
        return Array(Set(fixedNames + picked)).sorted()
    }

    static let script = """
        import importlib.util, json, sys
        names = json.loads(sys.argv[1])
        found = {}
        for n in names:
            try:
                found[n] = n in sys.modules or importlib.util.find_spec(n) is not None
            except BaseException:
                found[n] = False
        sys.stdout.write("\\n" + json.dumps(found) + "\\n")
        """

    func check(minor: Int) throws {
        let exe = try #require(StdlibPythonOracle.interpreter(minor: minor))
        let table = try #require(StdlibTable.table(minor: minor))
        let names = Self.sample()
        let json = String(decoding: try JSONEncoder().encode(names), as: UTF8.self)
        let result = try #require(StdlibPythonOracle.run(exe, ["-I", "-S", "-c", Self.script, json]))
        #expect(result.status == 0)
        // Frozen `__hello__`-style modules may print before the JSON; it is the last line.
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let oracle = try JSONDecoder().decode([String: Bool].self, from: Data(last.utf8))
        var disagreements: [String] = []
        for name in names {
            guard let real = oracle[name] else { continue }
            if table.isPresent(name) != real {
                disagreements.append("\(name): table \(table.isPresent(name)), CPython \(real)")
            }
        }
        #expect(names.count >= 180)
        #expect(disagreements.isEmpty, "3.\(minor): \(disagreements.joined(separator: "; "))")
    }

    @Test(.enabled(if: StdlibPythonOracle.interpreter(minor: 8) != nil, "python3.8 not installed; oracle skipped"))
    func oracle3_8() throws { try check(minor: 8) }

    @Test(.enabled(if: StdlibPythonOracle.interpreter(minor: 9) != nil, "python3.9 not installed; oracle skipped"))
    func oracle3_9() throws { try check(minor: 9) }

    @Test(.enabled(if: StdlibPythonOracle.interpreter(minor: 10) != nil, "python3.10 not installed; oracle skipped"))
    func oracle3_10() throws { try check(minor: 10) }

    @Test(.enabled(if: StdlibPythonOracle.interpreter(minor: 11) != nil, "python3.11 not installed; oracle skipped"))
    func oracle3_11() throws { try check(minor: 11) }

    @Test(.enabled(if: StdlibPythonOracle.interpreter(minor: 12) != nil, "python3.12 not installed; oracle skipped"))
    func oracle3_12() throws { try check(minor: 12) }

    @Test(.enabled(if: StdlibPythonOracle.interpreter(minor: 13) != nil, "python3.13 not installed; oracle skipped"))
    func oracle3_13() throws { try check(minor: 13) }
}
