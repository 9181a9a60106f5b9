import Foundation
import Testing
@testable import Build

/// Compares the PEP 508 parsing of requirement strings with `packaging.requirements.Requirement`
/// (what pip vendors). Skipped when no `python3` with `packaging` is available.
@Suite("Requirement parsing agrees with packaging")
struct RequirementsOracleTests {
    static let samples: [String] = [
        "requests", "Django>=4.2,<5", "PyYAML==6.0.1", "uvicorn[standard]==0.30.1", "fastapi[all]>=0.100",
        "Foo.Bar_baz[a,b]~=1.4.2", "numpy>=1.26;python_version>='3.9'", "pkg[x]>=1 ; sys_platform == 'win32'",
        "requests (>=2.0,<3)", "black==24.*", "pkg!=1.0.1", "pkg===weird-version", "pkg>=1.0.0rc1",
        "pkg<=2.0.post1", "pkg==1.0+local.1", "pkg==1.0.dev3", "pkg>1!2.0", "zope.interface>=5",
        "backports.zoneinfo; python_version < \"3.9\"",
        "importlib-metadata ; python_version<'3.8' and platform_system != 'Windows'",
        "pywin32 ; os_name == 'nt' or (sys_platform == 'cygwin' and extra == 'Win_Extra')",
        "pkg ; ((python_version >= '3.8'))", "pkg ; (python_version >= '3.8') and os_name == 'posix'",
        "pkg ; 'linux' in sys_platform", "pkg ; 'win' not in sys_platform",
        "pkg ; platform.python_implementation == 'CPython'", "pkg ; python_implementation == 'PyPy'",
        "pkg ; os.name == 'posix'", "pkg ; implementation_name == \"cpython\"", "pkg ; platform_machine == 'x86_64'",
        "mypkg @ https://example.com/mypkg-1.0-py3-none-any.whl",
        "mypkg[extra] @ git+https://github.com/o/r.git@main ; python_version >= '3.9'",
        "pkg@https://x/y.zip", "pkg [ a , b ] >= 1 , < 2", "a", "a-b", "a_b.c", "A1",
        // invalid
        "foo==", "foo=1.0", "foo>=1.0 bar", "foo[bar", "foo ; python_version >", "foo ; bogus == '1'",
        "foo ~= 1", "-foo", "foo-", "foo[-x]", "foo == 1.0.*+local", "foo >= 1.*", "pkg @ https://x;python_version>'3'",
        "foo (>=1", "foo ; ", "foo==1.0 ; python_version == '3' and", "[x]",
    ]

    static let script = """
        import json, sys
        from packaging.requirements import Requirement
        out = []
        for s in json.loads(sys.argv[1]):
            try:
                r = Requirement(s)
                out.append({"ok": True, "name": r.name, "extras": sorted(r.extras),
                            "specifier": sorted(str(x) for x in r.specifier), "url": r.url,
                            "marker": str(r.marker) if r.marker is not None else None})
            except Exception as e:
                out.append({"ok": False})
        print(json.dumps(out))
        """

    struct Oracle: Decodable {
        var ok: Bool
        var name: String?
        var extras: [String]?
        var specifier: [String]?
        var url: String?
        var marker: String?
    }

    static func python() -> String? {
        for exe in ["/usr/bin/env"] {
            let r = RequirementsOracleRunner.run(exe, ["python3", "-c", "import packaging.requirements"])
            if r?.status == 0 { return exe }
        }
        return nil
    }

    @Test(.enabled(if: python() != nil, "python3 with the packaging library not found; oracle skipped"))
    func agreesWithPackaging() throws {
        let exe = try #require(Self.python())
        let json = String(decoding: try JSONEncoder().encode(Self.samples), as: UTF8.self)
        let result = try #require(RequirementsOracleRunner.run(exe, ["python3", "-c", Self.script, json]))
        let oracle = try JSONDecoder().decode([Oracle].self, from: Data(result.stdout.utf8))
        try #require(oracle.count == Self.samples.count)
        var agree = 0
        for (text, real) in zip(Self.samples, oracle) {
            switch PEP508Parser.parse(text) {
            case .failure(let e):
                #expect(!real.ok, "'\(text)': we reject (\(e.message)), packaging accepts")
                if !real.ok { agree += 1 }
            case .success(let mine):
                guard real.ok else {
                    Issue.record("'\(text)': we accept, packaging rejects")
                    continue
                }
                let same = mine.name == real.name && mine.extras.sorted() == (real.extras ?? [])
                    && mine.clauses.map(\.description).sorted() == (real.specifier ?? [])
                    && mine.url == real.url && mine.marker == real.marker
                #expect(same, "'\(text)': mine \(mine), packaging \(real)")
                if same { agree += 1 }
            }
        }
        #expect(agree == Self.samples.count)
    }
}

/// Runs a process and captures stdout (stderr discarded).
enum RequirementsOracleRunner {
    static func run(_ exe: String, _ args: [String]) -> (status: Int32, stdout: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = args
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
