import Build
import Snapshot
import Testing

/// pyproject.toml dependency declarations: PEP 621 and Poetry tables.
@Suite struct PyprojectDependenciesTests {
    @Test func pep621DependenciesAndExtras() throws {
        let snapshot = RepoSnapshot.inMemory(["pyproject.toml": """
            [project]
            name = "svc"
            version = "1.0"
            dependencies = [
              "fastapi>=0.110",
              "PyYAML; python_version >= '3.8'",
              "pywin32; sys_platform == 'win32'",
            ]

            [project.optional-dependencies]
            redis = ["redis>=5"]
            docs = ["sphinx"]
            """])
        let path = try #require(RepoPath("pyproject.toml"))
        let declared = PythonDependencies.declaredDependencies(pyproject: path, in: snapshot, extras: ["redis"])
        #expect(declared.map(\.specifier) == ["fastapi>=0.110", "PyYAML; python_version >= '3.8'", "pywin32; sys_platform == 'win32'", "redis>=5"])
        #expect(declared.first?.location.line == 4)
        var notes: [BuildNote] = []
        let installed = PythonDependencies.fromPyproject(path, in: snapshot, extras: ["redis"], sitePackages: "/sp",
                                                         python: PythonVersion(3, 12), notes: &notes)
        let names = Set(installed.map { PythonPackageName.normalize($0.name) })
        #expect(names.contains("fastapi"))
        #expect(names.contains("pyyaml"))
        #expect(names.contains("redis"))
        #expect(!names.contains("pywin32"), "a win32-only requirement is not installed on Linux (PEP 508 markers)")
        #expect(!names.contains("sphinx"), "extras not asked for are not installed")
        #expect(installed.contains { $0.importNames.contains("yaml") })
    }

    @Test func poetryDependencyTable() throws {
        let snapshot = RepoSnapshot.inMemory(["pyproject.toml": """
            [tool.poetry]
            name = "svc"

            [tool.poetry.dependencies]
            python = "^3.11"
            flask = "^3.0"
            uvicorn = { version = "^0.30", extras = ["standard"] }
            """])
        let path = try #require(RepoPath("pyproject.toml"))
        let declared = PythonDependencies.declaredDependencies(pyproject: path, in: snapshot)
        #expect(declared.map(\.specifier) == ["flask", "uvicorn[standard]"])
        #expect(declared.map(\.location.line) == [6, 7])
    }

    @Test func missingOrBrokenPyprojectDeclaresNothing() throws {
        let snapshot = RepoSnapshot.inMemory(["pyproject.toml": "[project\nname = 1\n"])
        #expect(PythonDependencies.declaredDependencies(pyproject: try #require(RepoPath("pyproject.toml")), in: snapshot).isEmpty)
        #expect(PythonDependencies.declaredDependencies(pyproject: try #require(RepoPath("absent.toml")), in: snapshot).isEmpty)
    }
}
