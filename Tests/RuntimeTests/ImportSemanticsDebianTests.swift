import Build
import Findings
import Railway
import Runtime
import Snapshot
import Testing

/// Debian/Ubuntu's own python3 in Dockerfile images (python-imports.md §1.3, Debian 12 [EXP]):
/// no real Debian image runs here, so these pin the layout the research recorded.
@Suite("ImportSemantics: Debian's python3")
struct ImportSemanticsDebianTests {
    static func assess(_ dockerfile: String, files: [String: String] = [:]) throws -> ServiceAssessment {
        var all = files
        all["Dockerfile"] = dockerfile
        if all["main.py"] == nil { all["main.py"] = "import requests\n" }
        if all["requirements.txt"] == nil { all["requirements.txt"] = "requests==2.31.0\n" }
        return try Pipeline.assess(ServiceSettings(name: "svc", rootDirectory: "/"), in: RepoSnapshot.inMemory(all, name: "debian"), options: .testDay)
    }

    @Test("apt python3 + pip --break-system-packages: sys.path with dist-packages")
    func breakSystemPackages() throws {
        let assessment = try Self.assess("""
        FROM debian:bookworm
        RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip
        WORKDIR /app
        COPY . .
        RUN pip install --break-system-packages -r requirements.txt
        CMD ["python3", "main.py"]

        """)
        #expect(assessment.build.failure == nil)
        #expect(assessment.runtime.sysPath == ["/app", "/usr/lib/python311.zip", "/usr/lib/python3.11", "/usr/lib/python3.11/lib-dynload",
                                               "/usr/local/lib/python3.11/dist-packages", "/usr/lib/python3/dist-packages"])
        #expect(assessment.runtime.failure == nil)
        #expect(assessment.runtime.pythonVersion == PythonVersion(3, 11, 2))
    }

    @Test("plain pip install on bookworm fails with PEP 668's externally-managed-environment")
    func externallyManaged() throws {
        let assessment = try Self.assess("""
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y python3 python3-pip
        WORKDIR /app
        COPY . .
        RUN pip3 install -r requirements.txt
        CMD ["python3", "main.py"]

        """)
        let failure = try #require(assessment.build.failure)
        #expect(failure.message == """
        error: externally-managed-environment

        × This environment is externally managed
        ╰─> To install Python packages system-wide, try apt install
            python3-xyz, where xyz is the package you are trying to
            install.
            
            If you wish to install a non-Debian-packaged Python package,
            create a virtual environment using python3 -m venv path/to/venv.
            Then use path/to/venv/bin/python and path/to/venv/bin/pip. Make
            sure you have python3-full installed.
            
            If you wish to install a non-Debian packaged Python application,
            it may be easiest to use pipx install xyz, which will manage a
            virtual environment for you. Make sure you have pipx installed.
            
            See /usr/share/doc/python3.11/README.venv for more information.

        note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.
        hint: See PEP 668 for the detailed specification.
        process "/bin/sh -c pip3 install -r requirements.txt" did not complete successfully: exit code: 1
        """)
        #expect(assessment.outcome == .buildFailed)
    }

    @Test("a venv on apt python3 is not externally managed; `python` is missing without python-is-python3")
    func venvAndPythonName() throws {
        let assessment = try Self.assess("""
        FROM ubuntu:24.04
        RUN apt-get update && apt-get install -y python3 python3-venv python3-pip
        RUN python3 -m venv /opt/venv
        ENV PATH=/opt/venv/bin:$PATH
        WORKDIR /app
        COPY . .
        RUN pip install -r requirements.txt
        CMD ["python", "main.py"]

        """)
        #expect(assessment.build.failure == nil)
        #expect(assessment.runtime.sysPath == ["/app", "/usr/lib/python312.zip", "/usr/lib/python3.12", "/usr/lib/python3.12/lib-dynload",
                                               "/opt/venv/lib/python3.12/site-packages"])
        #expect(assessment.runtime.failure == nil)

        let jammy = try Self.assess("FROM ubuntu:22.04\nRUN apt-get install -y python3 python3-pip\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python3\", \"main.py\"]\n")
        #expect(jammy.build.failure == nil)  // 22.04 predates PEP 668's marker
        #expect(jammy.runtime.pythonVersion == PythonVersion(3, 10, 12))
    }
}
