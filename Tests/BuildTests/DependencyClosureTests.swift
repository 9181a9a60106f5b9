import Foundation
import Snapshot
import Testing
@testable import Build

/// What `pip install -r requirements.txt` puts in site-packages: the requested distributions and,
/// transitively, their Requires-Dist whose PEP 508 markers hold in the image.
@Suite("Dependency closure of requirements")
struct DependencyClosureTests {
    static func install(_ requirements: String, python: PythonVersion? = PythonVersion(3, 12)) -> [InstalledDistribution] {
        var notes: [BuildNote] = []
        return install(requirements, python: python, notes: &notes)
    }

    static func install(_ requirements: String, python: PythonVersion? = PythonVersion(3, 12), notes: inout [BuildNote]) -> [InstalledDistribution] {
        let snapshot = RepoSnapshot.inMemory(["requirements.txt": requirements])
        let path = RepoPath("requirements.txt") ?? .root
        return PythonDependencies.fromRequirements(path, in: snapshot, sitePackages: "/site", python: python, notes: &notes)
    }

    static func names(_ distributions: [InstalledDistribution]) -> Set<String> {
        Set(distributions.map { PythonPackageName.normalize($0.name) })
    }

    @Test("fastapi[standard] brings uvicorn; fastapi alone does not")
    func fastapiStandard() throws {
        let standard = Self.install("fastapi[standard]\n")
        #expect(Self.names(standard).isSuperset(of: ["fastapi", "uvicorn", "starlette", "pydantic", "fastapi-cli", "httpx", "jinja2"]))
        let uvicorn = try #require(standard.first { $0.name == "uvicorn" })
        #expect(uvicorn.requiredBy == "fastapi" || uvicorn.requiredBy == "fastapi-cli")
        #expect(uvicorn.requiredAt?.line == 1)
        // uvicorn[standard] comes in through the extra: its own extras are expanded too.
        #expect(Self.names(standard).contains("uvloop") && Self.names(standard).contains("httptools"))

        let plain = Self.install("fastapi\n")
        #expect(Self.names(plain).isSuperset(of: ["fastapi", "starlette", "pydantic"]))
        #expect(!Self.names(plain).contains("uvicorn"), "fastapi's base Requires-Dist has no uvicorn")
        #expect(plain.first { $0.name == "fastapi" }?.requiredBy == nil)
    }

    @Test("requests brings urllib3, idna, certifi and charset-normalizer")
    func requests() throws {
        let installed = Self.install("# web\nrequests>=2\n")
        #expect(Self.names(installed) == ["requests", "urllib3", "idna", "certifi", "charset-normalizer"])
        for name in ["urllib3", "idna", "certifi", "charset-normalizer"] {
            let d = try #require(installed.first { $0.name == name })
            #expect(d.requiredBy == "requests" && d.requiredAt?.line == 2)
            #expect(d.nameRule == .catalogue)
        }
        // socks extra: PySocks only with the extra.
        #expect(!Self.names(installed).contains("pysocks"))
        #expect(Self.names(Self.install("requests[socks]\n")).contains("pysocks"))
    }

    @Test("a requirement whose marker is false on Linux installs nothing")
    func platformMarker() {
        #expect(Self.install("pywin32 ; sys_platform == \"win32\"\n").isEmpty)
        #expect(Self.install("requests; sys_platform == 'win32'\n").isEmpty)
        #expect(Self.names(Self.install("requests; sys_platform == 'linux' and os_name == 'posix'\n")).contains("urllib3"))
        #expect(Self.install("colorama; platform_system == 'Windows'\nuvloop; platform_machine == 'arm64'\n").isEmpty)
    }

    @Test("python_version markers are evaluated against the image's Python, both ways")
    func pythonVersionMarkers() {
        let text = "tomli; python_version < \"3.11\"\nexceptiongroup; python_full_version >= '3.11.0'\n"
        #expect(Self.names(Self.install(text, python: PythonVersion(3, 10))) == ["tomli"])
        // exceptiongroup's own Requires-Dist: typing-extensions; python_version < "3.13".
        #expect(Self.names(Self.install(text, python: PythonVersion(3, 12, 4))) == ["exceptiongroup", "typing-extensions"])
        #expect(Self.names(Self.install(text, python: PythonVersion(3, 13, 0))) == ["exceptiongroup"])

        let catalog = DistributionCatalog(data: "app\t1\tt\tapp\t\told;python_version < \"3.11\"|new;python_version >= \"3.11\"\n"
                                              + "old\t1\tt\told\t\t\nnew\t1\tt\tnew\t\t\n")
        func closure(_ python: PythonVersion?) -> Set<String> {
            var notes: [BuildNote] = []
            return Self.names(PythonDependencies.closure(of: [.init(name: "app", extras: [], location: nil)], sitePackages: "/s",
                                                         environment: .linuxCPython(python: python), catalog: catalog, notes: &notes))
        }
        #expect(closure(PythonVersion(3, 9)) == ["app", "old"])
        #expect(closure(PythonVersion(3, 13)) == ["app", "new"])
        // Unknown version: both included (an unknown marker variable means "include").
        #expect(closure(nil) == ["app", "old", "new"])
    }

    @Test("an unknown marker variable includes the requirement and is noted")
    func unknownVariable() {
        var notes: [BuildNote] = []
        let installed = Self.install("six; platform_release >= '5.0'\n", notes: &notes)
        #expect(Self.names(installed) == ["six"])
        #expect(notes.contains { if case .requirementNotModelled(let text, _) = $0 { text.contains("platform_release") } else { false } })
    }

    @Test("dependency cycles terminate and each distribution is installed once")
    func cycles() {
        let catalog = DistributionCatalog(data: """
            a\t1\tt\ta\t\tb|c[x]
            b\t1\tt\tb\t\ta|c
            c\t1\tt\tc\t\ta[y];extra == "x"
            """)
        var notes: [BuildNote] = []
        let installed = PythonDependencies.closure(of: [.init(name: "a", extras: [], location: SourceLocation(file: "r.txt", line: 3))],
                                                   sitePackages: "/s", environment: .linuxCPython(python: PythonVersion(3, 12)),
                                                   catalog: catalog, notes: &notes)
        #expect(installed.map(\.name) == ["a", "b", "c"])
        #expect(installed.allSatisfy { $0.requiredAt?.line == 3 })
        #expect(installed.map(\.requiredBy) == [nil, "a", "a"])
        #expect(notes.isEmpty)
    }

    @Test("a distribution not in the catalogue: name guessed, dependencies unknown")
    func unknownDistribution() {
        var notes: [BuildNote] = []
        let installed = Self.install("zzz-not-catalogued==1\nrequests\n", notes: &notes)
        #expect(Self.names(installed).isSuperset(of: ["zzz-not-catalogued", "requests", "urllib3"]))
        #expect(notes.contains(.dependenciesUnknown(distribution: "zzz-not-catalogued", location: SourceLocation(file: "requirements.txt", line: 1))))
        #expect(!notes.contains { if case .dependenciesUnknown(let d, _) = $0 { d == "requests" } else { false } })
    }

    @Test("a dependency missing from the catalogue is installed with a guessed name, without notes")
    func uncataloguedDependency() throws {
        let catalog = DistributionCatalog(data: "app\t1\tt\tapp\t\tnot-here\n")
        var notes: [BuildNote] = []
        let installed = PythonDependencies.closure(of: [.init(name: "app", extras: [], location: nil)], sitePackages: "/s",
                                                   environment: .linuxCPython(python: nil), catalog: catalog, notes: &notes)
        let dependency = try #require(installed.first { $0.name == "not-here" })
        #expect(dependency.nameRule == .guess && dependency.importNames == ["not_here"] && dependency.requiredBy == "app")
        #expect(notes.isEmpty)
    }

    @Test("a requested distribution keeps its own line even when another requirement depends on it")
    func ownLineWins() throws {
        let installed = Self.install("requests\nurllib3<3\n")
        let urllib3 = try #require(installed.first { $0.name == "urllib3" })
        #expect(urllib3.requiredAt?.line == 2 && urllib3.requiredBy == nil)
        #expect(installed.filter { $0.name == "urllib3" }.count == 1)
    }
}

/// PEP 508 marker evaluation, compared by hand with `packaging.markers.Marker.evaluate`.
@Suite("PEP 508 marker evaluation")
struct MarkerEvaluationTests {
    let env = PEP508Environment.linuxCPython(python: PythonVersion(3, 11, 7))

    @Test("known values", arguments: [
        ("python_version < \"3.11\"", false), ("python_version >= \"3.11\"", true), ("python_version == \"3.11\"", true),
        ("python_version ~= \"3.9\"", true), ("python_version == \"3.*\"", true), ("python_version != \"3.11.*\"", false),
        ("python_full_version >= \"3.11.7\"", true), ("python_full_version < \"3.11.7\"", false),
        ("python_version > \"3.8\" and sys_platform == \"linux\"", true),
        ("sys_platform == \"win32\" or os_name == \"posix\"", true),
        ("sys_platform == \"win32\" or sys_platform == \"darwin\"", false),
        ("\"linux\" in sys_platform", true), ("\"win\" not in sys_platform", true),
        ("platform_python_implementation == \"CPython\"", true), ("implementation_name == \"pypy\"", false),
        ("platform_machine == \"x86_64\" and (platform_system == \"Windows\" or python_version < \"3.12\")", true),
        ("extra == \"socks\"", false), ("python_version < \"3.10\" and extra == \"x\" or os_name == \"posix\"", true),
    ])
    func known(marker: String, expected: Bool) {
        #expect(PEP508Marker.evaluate(marker, in: env, extras: []).value == expected, "\(marker)")
    }

    @Test("extras are normalised (PEP 685) and evaluated per extra")
    func extras() {
        #expect(PEP508Marker.evaluate("extra == \"Win_Extra\"", in: env, extras: ["win-extra"]).value == true)
        #expect(PEP508Marker.evaluate("extra == \"a\"", in: env, extras: ["b", "a"]).value == true)
        #expect(PEP508Marker.evaluate("extra == \"a\" and extra == \"b\"", in: env, extras: ["a", "b"]).value == false)
    }

    @Test("unknown variables give unknown, unless the rest decides")
    func unknown() {
        let r = PEP508Marker.evaluate("platform_release >= \"5\"", in: env, extras: [])
        #expect(r.value == nil && r.unknownVariables == ["platform_release"])
        #expect(PEP508Marker.evaluate("platform_release >= \"5\" and os_name == \"nt\"", in: env, extras: []).value == false)
        #expect(PEP508Marker.evaluate("platform_release >= \"5\" or os_name == \"posix\"", in: env, extras: []).value == true)
        // Patch unknown: decided only when every patch agrees.
        let noPatch = PEP508Environment.linuxCPython(python: PythonVersion(3, 11))
        #expect(PEP508Marker.evaluate("python_full_version >= \"3.11.0\"", in: noPatch, extras: []).value == true)
        #expect(PEP508Marker.evaluate("python_full_version >= \"3.11.4\"", in: noPatch, extras: []).value == nil)
    }

    @Test("PEP 440 ordering")
    func versions() throws {
        let ordered = ["1.0.dev1", "1.0a1", "1.0a2.dev1", "1.0b1", "1.0rc1", "1.0", "1.0.post1", "1.1", "2!0.1"]
        let parsed = try ordered.map { try #require(PEP440Version($0), "\($0)") }
        for (a, b) in zip(parsed, parsed.dropFirst()) { #expect(a < b) }
        #expect(PEP440Version("3.11") == PEP440Version("3.11.0"))
        #expect(PEP440Version("linux") == nil)
        #expect(PEP440Version.specifierContains("3.11.7", op: "<", spec: "3.11.7") == false)
        #expect(PEP440Version.specifierContains("3.12.0rc1", op: "<", spec: "3.12") == false)
    }
}

/// Compares the closure with what real pip resolves: `pip install --dry-run --ignore-installed --report -`
/// (https://pip.pypa.io/en/stable/reference/installation-report/) lists every distribution pip would install.
/// Names only: railsim expands the one wheel version it catalogued, pip's resolver may pick other versions
/// whose Requires-Dist differ. Skipped when pip or PyPI is not reachable.
@Suite("Dependency closure agrees with pip")
struct PipClosureOracleTests {
    static let sets: [[String]] = [
        ["requests"], ["fastapi"], ["fastapi[standard]"], ["flask"], ["django"], ["uvicorn[standard]"],
        ["gunicorn", "flask-sqlalchemy"], ["boto3"], ["pandas"], ["sqlalchemy"], ["pydantic-settings"], ["httpx"],
        ["celery[redis]"], ["openai"], ["aiohttp"], ["scikit-learn"], ["google-cloud-storage"], ["black"],
        ["requests[socks]", "python-dotenv"], ["psycopg[binary]", "alembic"], ["streamlit"], ["langchain"],
        ["pywin32; sys_platform == \"win32\"", "rich"],
    ]

    struct Report: Decodable {
        struct Item: Decodable {
            struct Metadata: Decodable { var name: String }
            var metadata: Metadata
        }
        var install: [Item]
        var environment: [String: String]
    }

    static func pip(_ requirements: [String]) -> Report? {
        let args = ["python3", "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet", "--disable-pip-version-check",
                    "--report", "-"] + requirements
        guard let result = RequirementsOracleRunner.run("/usr/bin/env", args), result.status == 0 else { return nil }
        return try? JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    }

    static let reachable: Bool = pip(["six"]) != nil

    @Test(.enabled(if: reachable, "python3 -m pip or PyPI is not available; pip comparison skipped"))
    func agreesWithPip() throws {
        var exact = 0, common = 0, union = 0
        var missing: [String] = [], extra: [String] = []
        for requirements in Self.sets {
            guard let report = Self.pip(requirements) else {
                Issue.record("pip failed for \(requirements)")
                continue
            }
            let python = report.environment["python_full_version"].flatMap(PythonVersion.init(parsing:))
            let real = Set(report.install.map { PythonPackageName.normalize($0.metadata.name) })
            let mine = DependencyClosureTests.names(DependencyClosureTests.install(requirements.joined(separator: "\n") + "\n", python: python))
            if real == mine { exact += 1 }
            common += real.intersection(mine).count
            union += real.union(mine).count
            missing += real.subtracting(mine).sorted().map { "\(requirements.joined(separator: " ")): \($0)" }
            extra += mine.subtracting(real).sorted().map { "\(requirements.joined(separator: " ")): \($0)" }
        }
        let agreement = union == 0 ? 1 : Double(common) / Double(union)
        print("pip agreement: \(exact)/\(Self.sets.count) sets identical; \(common) of \(union) names in both (\(Int(agreement * 1000)) ‰)")
        print("only pip installs: \(missing)")
        print("only railsim installs: \(extra)")
        // Version-dependent differences are allowed; a broad disagreement means the closure is wrong.
        #expect(agreement >= 0.9, "pip and railsim disagree: only pip \(missing), only railsim \(extra)")
    }
}
