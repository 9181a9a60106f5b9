import Railway
import Snapshot
import Testing
@testable import Build

/// The Dockerfile evaluator end to end (dockerfile.md §2–5, §8 and rules 13–43; railway-platform.md rules 12, 13, 18–20).
@Suite struct DockerfileBuilderTests {
    static func notFound(_ path: String) -> String {
        // dockerfile.md §4.4: solver/edge.go + opsutils/contenthash.go + contenthash/checksum.go.
        "failed to compute cache key: failed to calculate checksum of ref <ref>: \"\(path)\": not found"
    }

    func image(_ result: BuildResult) throws -> Image { try #require(result.image, "build failed: \(result.failure?.message ?? "")") }

    // MARK: failures

    @Test func dockerfileBuilderWithoutDockerfile() throws {
        let result = try BT.build(["main.py": "", "railway.toml": "[build]\nbuilder = \"DOCKERFILE\"\n"])
        #expect(result.failure == BuildFailure(.dockerfileMissing, message: "Dockerfile `Dockerfile` does not exist"))
        let named = try BT.build(["main.py": ""], variables: ["RAILWAY_DOCKERFILE_PATH": "docker/web.Dockerfile"])
        #expect(named.failure == BuildFailure(.dockerfileMissing, message: "Dockerfile `docker/web.Dockerfile` does not exist"))
    }

    @Test func unknownInstruction() throws {
        let result = try BT.build(["Dockerfile": "FROM python:3.12\n\nxyzzy something\nCMD [\"python\"]\n"])
        #expect(result.failure?.kind == .dockerfileSyntax)
        #expect(result.failure?.message == "dockerfile parse error on line 3: unknown instruction: xyzzy")
        #expect(result.failure?.location == SourceLocation(file: "Dockerfile", line: 3))
    }

    @Test func instructionBeforeFrom() throws {
        let result = try BT.build(["Dockerfile": "ARG V=1\nRUN echo hi\nFROM python:3.12\n"])
        #expect(result.failure?.kind == .dockerfileSyntax)
        // instructions.Parse returns CurrentStage's error without the "dockerfile parse error" prefix.
        #expect(result.failure?.message == "no build stage in current context")
        #expect(result.failure?.location?.line == 2)
    }

    /// Only the instruction layer's errors carry "dockerfile parse error on line N: "; BuildKit prints the
    /// whole-file and AST-layer errors bare (dockerfile2llb/convert.go toDispatchState, parser/parser.go
    /// withLocation only attaches a location).
    static let parseFailureCases: [(String, String)] = [
        ("", "the Dockerfile cannot be empty"),
        ("# only a comment\n", "file with no instructions"),
        ("FROM python:3.12\nENV PATH\n", "ENV must have two arguments"),
        ("FROM python:3.12\nRUN cat <<EOF\nbody\n", "unterminated heredoc"),
        ("ARG V=1\n", "dockerfile contains no stages to build"),
        ("FROM python:3.12\nWORKDIR\n", "dockerfile parse error on line 2: WORKDIR requires exactly one argument"),
    ]

    @Test(arguments: Self.parseFailureCases)
    func parseFailureTexts(dockerfile: String, message: String) throws {
        let result = try BT.build(["Dockerfile": dockerfile])
        #expect(result.failure?.kind == .dockerfileSyntax)
        #expect(result.failure?.message == message)
    }

    @Test func copyOfAPathOutsideTheContextIsClampedAndNotFound() throws {
        // rule 24 / buildkit#2131: `../shared/x` is read as `shared/x` at the context root.
        let files = ["shared/requirements.txt": "flask\n", "backend/main.py": "",
                     "backend/Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY ../shared/requirements.txt .\n"]
        let result = try BT.build(files, root: "backend")
        #expect(result.failure == BuildFailure(.copySourceMissing(path: "/shared/requirements.txt"), message: Self.notFound("/shared/requirements.txt"),
                                               location: SourceLocation(file: "backend/Dockerfile", line: 3)))
        // The clamped path exists inside the context: it is what gets copied.
        var inside = files
        inside["backend/shared/requirements.txt"] = "django\n"
        let copied = try image(try BT.build(inside, root: "backend"))
        #expect(copied.fileSystem.origin(of: "/app/requirements.txt") == .repository(try #require(RepoPath("backend/shared/requirements.txt"))))
        // A leading `/` is the context root, not the filesystem root.
        let absolute = try image(try BT.build(["Dockerfile": "FROM python:3.12\nCOPY /main.py /srv/\n", "main.py": ""]))
        #expect(absolute.fileSystem.isFile("/srv/main.py"))
    }

    @Test func copyOfAMissingFile() throws {
        // [idx:5969295909]: `COPY requirements.txt .` → "/requirements.txt": not found.
        let result = try BT.build(["Dockerfile": "FROM python:3.12\nCOPY requirements.txt .\n"])
        #expect(result.failure?.message == Self.notFound("/requirements.txt"))
        #expect(result.failure?.kind == .copySourceMissing(path: "/requirements.txt"))
    }

    @Test func dockerignoredSourceLooksMissing() throws {
        let files = ["Dockerfile": "FROM python:3.12\nCOPY config/settings.py /app/\n", "config/settings.py": "", ".dockerignore": "# secrets\nconfig\n"]
        let result = try BT.build(files)
        #expect(result.failure?.message == Self.notFound("/config/settings.py"))
        // `COPY . .` silently leaves ignored paths out.
        let all = try image(try BT.build(["Dockerfile": "FROM python:3.12\nWORKDIR /app\nCOPY . .\n", "main.py": "", "config/x.py": "", ".dockerignore": "config\n*.md\n", "README.md": ""]))
        #expect(all.fileSystem.isFile("/app/main.py"))
        #expect(!all.fileSystem.exists("/app/config/x.py"))
        #expect(!all.fileSystem.exists("/app/README.md"))
        // <Dockerfile>.dockerignore next to the Dockerfile wins over the context's (rule 32).
        let specific = try image(try BT.build(["ops/web.Dockerfile": "FROM python:3.12\nCOPY . /app\n", "ops/web.Dockerfile.dockerignore": "a.py\n",
                                               ".dockerignore": "b.py\n", "a.py": "", "b.py": ""], variables: ["RAILWAY_DOCKERFILE_PATH": "ops/web.Dockerfile"]))
        #expect(!specific.fileSystem.exists("/app/a.py"))
        #expect(specific.fileSystem.isFile("/app/b.py"))
    }

    @Test func pipInstallOfAFileNotInTheImage() throws {
        let result = try BT.build(["Dockerfile": "FROM python:3.12\nWORKDIR /app\nCOPY main.py .\nRUN pip install -r requirements.txt\n", "main.py": "", "requirements.txt": ""])
        // pip's line, then BuildKit's for the failed step (solver/llbsolver/ops/exec.go + frontend/gateway/pb/exit.go).
        #expect(result.failure?.message == "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements.txt'\n"
                + "process \"/bin/sh -c pip install -r requirements.txt\" did not complete successfully: exit code: 1")
        #expect(result.failure?.location?.line == 4)
        // Exec form: Meta.Args are the words themselves.
        let exec = try BT.build(["Dockerfile": "FROM python:3.12\nRUN [\"pip\", \"install\", \"-r\", \"missing.txt\"]\n"])
        #expect(exec.failure?.message.hasSuffix("\nprocess \"pip install -r missing.txt\" did not complete successfully: exit code: 1") == true)
    }

    @Test func unparseableStartCommand() throws {
        let result = try BT.build(["Dockerfile": "FROM python:3.12\nCMD [\"python\"]\n"], startCommand: "python -c 'print(1)")
        #expect(result.failure?.message == "start command cannot be split into words: unexpected EOF while looking for matching `''")
        #expect(result.startCommand == nil)
    }

    @Test func malformedRequirementsLine() throws {
        let result = try BT.build(["Dockerfile": "FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
                                   "requirements.txt": "flask\nfoo bar baz ===\n"])
        #expect(result.failure == nil)
        #expect(result.notes.contains { if case .requirementNotModelled(_, let location) = $0 { return location == SourceLocation(file: "requirements.txt", line: 2) }; return false })
    }

    // MARK: variables

    @Test func metaArgsFeedFromOnly() throws {
        let dockerfile = "ARG PY=3.11\nFROM python:${PY}-slim\nENV A=\"[$PY]\"\nARG PY\nENV B=\"[$PY]\"\n"
        let result = try BT.build(["Dockerfile": dockerfile])
        let image = try image(result)
        #expect(image.base == "python:3.11-slim")
        #expect(image.python?.version.short == "3.11")
        #expect(image.environmentValue("A") == "[]")
        #expect(image.environmentValue("B") == "[3.11]")
        // ARG values never reach the image config (rule 16).
        #expect(image.environmentValue("PY") == nil)
        // A service variable overrides a declared meta ARG (Railway passes variables as build args).
        #expect(try self.image(try BT.build(["Dockerfile": dockerfile], variables: ["PY": "3.10"])).base == "python:3.10-slim")
    }

    @Test func serviceVariablesOnlyThroughAMatchingArg() throws {
        // docs:content/docs/builds/dockerfiles.md: a variable is visible only after `ARG NAME` in the stage.
        let dockerfile = "FROM python:3.12\nENV BEFORE=\"x${TOKEN}\"\nARG TOKEN\nENV AFTER=\"x${TOKEN}\" OTHER=\"${NOT_DECLARED:-unset}\"\nARG WITH_DEFAULT=d\nENV D=$WITH_DEFAULT\n"
        let image = try image(try BT.build(["Dockerfile": dockerfile], variables: ["TOKEN": "s3cret", "NOT_DECLARED": "v", "WITH_DEFAULT": "fromvar"]))
        #expect(image.environmentValue("BEFORE") == "x")
        #expect(image.environmentValue("AFTER") == "xs3cret")
        #expect(image.environmentValue("OTHER") == "unset")
        #expect(image.environmentValue("D") == "fromvar")
        let defaults = try self.image(try BT.build(["Dockerfile": dockerfile]))
        #expect(defaults.environmentValue("D") == "d")
        #expect(defaults.environmentValue("AFTER") == "x")
    }

    @Test func envWordsSeeTheEnvironmentBeforeTheInstruction() throws {
        // dockerfile.md §2.2 / rule 14: `ENV abc=bye def=$abc` → def is the old abc.
        let image = try image(try BT.build(["Dockerfile": "FROM python:3.12\nENV abc=hello\nENV abc=bye def=$abc\n"]))
        #expect(image.environmentValue("abc") == "bye")
        #expect(image.environmentValue("def") == "hello")
    }

    @Test func unsetPythonPathNote() throws {
        let result = try BT.build(["Dockerfile": "FROM python:3.12\nWORKDIR /app\nENV PYTHONPATH=/app:$PYTHONPATH\n"])
        let image = try image(result)
        #expect(image.environmentValue("PYTHONPATH") == "/app:")
        #expect(result.notes.contains(.unsetVariableExpanded(name: "PYTHONPATH", instruction: "ENV PYTHONPATH=/app:$PYTHONPATH",
                                                             location: SourceLocation(file: "Dockerfile", line: 3))))
        let set = try BT.build(["Dockerfile": "FROM python:3.12\nENV PYTHONPATH=/lib\nENV PYTHONPATH=/app:${PYTHONPATH}\n"])
        #expect(try self.image(set).environmentValue("PYTHONPATH") == "/app:/lib")
        #expect(!set.notes.contains { if case .unsetVariableExpanded = $0 { return true }; return false })
    }

    @Test func baseImageConfig() throws {
        // dockerfile.md §8: python images have /usr/local/bin first, PYTHON_VERSION, CMD ["python3"], root, `/`.
        let image = try image(try BT.build(["Dockerfile": "FROM python:3.12-slim\n"]))
        #expect(image.environmentValue("PATH") == "/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        #expect(image.environmentValue("PYTHON_VERSION") == "3.12.13")
        #expect(image.environmentValue("LANG") == "C.UTF-8")
        #expect(image.cmd == ["python3"])
        #expect(image.workingDirectory == "/")
        #expect(image.user == "root")
        #expect(image.fileSystem.exists("/usr/local/bin/python"))
        let v314 = try self.image(try BT.build(["Dockerfile": "FROM python:3.14\n"]))
        #expect(v314.environmentValue("LANG") == nil)
        #expect(v314.environmentValue("GPG_KEY") == nil)
    }

    // MARK: WORKDIR and COPY

    @Test func workdirJoins() throws {
        let image = try image(try BT.build(["Dockerfile": "FROM python:3.12\nENV BASE=/srv\nWORKDIR $BASE\nWORKDIR app/\nWORKDIR ./src/../lib\n"]))
        #expect(image.workingDirectory == "/srv/app/lib")
        #expect(image.fileSystem.isDirectory("/srv/app/lib"))
    }

    @Test func copyDestinationRules() throws {
        let files = ["Dockerfile": """
            FROM python:3.12
            COPY main.py /file
            COPY main.py /dir/
            WORKDIR /work
            COPY main.py .
            COPY main.py renamed.py
            COPY src /tree
            COPY src/ /tree2/
            COPY a.txt b.txt /multi
            """, "main.py": "", "src/pkg/__init__.py": "", "src/run.py": "", "a.txt": "", "b.txt": ""]
        let image = try image(try BT.build(files))
        let fs = image.fileSystem
        #expect(fs.origin(of: "/file") == .repository(try #require(RepoPath("main.py"))))
        #expect(fs.isFile("/dir/main.py"))
        #expect(fs.isFile("/work/main.py"))
        #expect(fs.isFile("/work/renamed.py"))
        // A directory source copies its contents.
        #expect(fs.isFile("/tree/run.py"))
        #expect(fs.isFile("/tree/pkg/__init__.py"))
        #expect(!fs.exists("/tree/src"))
        #expect(fs.isFile("/tree2/run.py"))
        // Several files to a missing destination without `/`: applied in order, the last wins (buildkit#1853, rule 27).
        #expect(fs.origin(of: "/multi") == .repository(try #require(RepoPath("b.txt"))))
    }

    @Test func copyIntoAnExistingDirectoryWithoutSlash() throws {
        let image = try image(try BT.build(["Dockerfile": "FROM python:3.12\nWORKDIR /app\nCOPY main.py /app\n", "main.py": ""]))
        #expect(image.fileSystem.isFile("/app/main.py"))
    }

    @Test func wildcards() throws {
        let files = ["Dockerfile": "FROM python:3.12\nCOPY *.py /app/\nCOPY requirement?.txt nothing*.cfg /cfg/\nCOPY pkgs/* /flat/\n",
                     "a.py": "", "b.py": "", "c.txt": "", "requirements.txt": "", "pkgs/one/x.py": "", "pkgs/two.py": ""]
        let fs = try image(try BT.build(files)).fileSystem
        #expect(fs.children(of: "/app") == ["a.py", "b.py"])
        #expect(fs.isFile("/cfg/requirements.txt"))
        // Each match is copied as its own source: a matched directory is flattened (dockerfile.md §4.2).
        #expect(fs.isFile("/flat/x.py"))
        #expect(fs.isFile("/flat/two.py"))
    }

    static let multiStage = """
    FROM python:3.12-slim AS builder
    RUN python -m venv /opt/venv
    ENV PATH=/opt/venv/bin:$PATH
    COPY requirements.txt .
    RUN pip install --no-cache-dir -r requirements.txt

    FROM python:3.12-slim
    COPY --from=builder /opt/venv /opt/venv
    ENV PATH="/opt/venv/bin:$PATH"
    WORKDIR /app
    COPY . .
    CMD ["python", "main.py"]
    """

    @Test func multiStageVenvCopy() throws {
        let result = try BT.build(["Dockerfile": Self.multiStage, "requirements.txt": "flask\n", "main.py": "import flask\n"])
        let image = try image(result)
        #expect(image.fileSystem.isFile("/opt/venv/pyvenv.cfg"))
        #expect(image.fileSystem.exists("/opt/venv/bin/python"))
        #expect(image.distributions.contains { $0.name == "flask" && $0.sitePackages == "/opt/venv/lib/python3.12/site-packages" })
        #expect(image.fileSystem.exists("/opt/venv/lib/python3.12/site-packages/flask"))
        #expect(!image.distributions.contains { $0.name == "flask" && $0.sitePackages.hasPrefix("/usr/local") })
        #expect(result.startCommand?.form == .exec(["python", "main.py"]))
        #expect(result.startCommand?.source == "image ENTRYPOINT/CMD")
    }

    @Test func copyFromStageByIndexAndMissingPath() throws {
        let ok = try image(try BT.build(["Dockerfile": "FROM python:3.12\nWORKDIR /w\nCOPY a.txt .\nFROM python:3.12\nCOPY --from=0 /w/a.txt /b.txt\n", "a.txt": ""]))
        #expect(ok.fileSystem.isFile("/b.txt"))
        let missing = try BT.build(["Dockerfile": "FROM python:3.12 AS b\nFROM python:3.12\nCOPY --from=B /nope /x\n"])
        #expect(missing.failure?.message == Self.notFound("/nope"))
    }

    // MARK: RUN pip install

    @Test(arguments: [
        ("RUN pip install flask", "/usr/local/lib/python3.12/site-packages"),
        ("RUN python -m pip install flask", "/usr/local/lib/python3.12/site-packages"),
        ("RUN pip install --user flask", "/root/.local/lib/python3.12/site-packages"),
        ("RUN pip install --target=/deps flask", "/deps"),
        ("RUN pip install -t /deps flask", "/deps"),
        ("RUN pip install --prefix=/install flask", "/install/lib/python3.12/site-packages"),
        ("RUN python -m venv /venv\nENV PATH=/venv/bin:$PATH\nRUN pip install flask", "/venv/lib/python3.12/site-packages"),
        ("RUN python -m venv /venv\nRUN pip install flask", "/usr/local/lib/python3.12/site-packages"),
        ("RUN python -m venv /venv\nRUN /venv/bin/pip install flask", "/venv/lib/python3.12/site-packages"),
        ("RUN python -m venv /venv && /venv/bin/python -m pip install flask", "/venv/lib/python3.12/site-packages"),
        ("RUN useradd -m app\nUSER app\nRUN pip install flask", "/home/app/.local/lib/python3.12/site-packages"),
        ("RUN pip install --cache-dir /tmp/cache flask", "/usr/local/lib/python3.12/site-packages"),
    ])
    func pipInstallLocation(lines: String, site: String) throws {
        let result = try BT.build(["Dockerfile": "FROM python:3.12\n\(lines)\n"])
        let image = try image(result)
        let flask = image.distributions.filter { $0.name == "flask" }
        #expect(flask.map(\.sitePackages) == [site])
        #expect(!result.notes.contains { if case .runNotModelled(let command, _) = $0 { return command.contains("cache") }; return false })
    }

    @Test func pipInstallFromRequirementsRelativeToWorkdir() throws {
        let result = try BT.build(["Dockerfile": "FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
                                   "requirements.txt": "gunicorn\nDjango\n"])
        let image = try image(result)
        let names = Set(image.distributions.filter { $0.sitePackages == "/usr/local/lib/python3.11/site-packages" }.map(\.name))
        // python:3.11 ships pip, setuptools and wheel (dockerfile.md §8), plus what the file lists.
        #expect(names.isSuperset(of: ["Django", "gunicorn", "pip", "setuptools", "wheel"]))
        #expect(image.fileSystem.isFile("/usr/local/bin/gunicorn"))
    }

    // MARK: CMD / ENTRYPOINT and Railway's start command

    @Test(arguments: [
        ("CMD [\"python\", \"app.py\"]", ["python", "app.py"]),
        ("CMD python app.py --port $PORT", ["/bin/sh", "-c", "python app.py --port $PORT"]),
        ("ENTRYPOINT [\"gunicorn\"]", ["gunicorn"]),
        ("ENTRYPOINT [\"gunicorn\"]\nCMD [\"app:app\"]", ["gunicorn", "app:app"]),
        ("CMD [\"app:app\"]\nENTRYPOINT [\"gunicorn\"]", ["gunicorn", "app:app"]),
        ("SHELL [\"/bin/bash\", \"-c\"]\nCMD echo $PORT", ["/bin/bash", "-c", "echo $PORT"]),
        ("ENTRYPOINT []", []),  // resets the inherited CMD too (rule 40)
        ("CMD []", []),
    ])
    func cmdAndEntrypoint(lines: String, argv: [String]) throws {
        let result = try BT.build(["Dockerfile": "FROM python:3.12\n\(lines)\n"])
        if argv.isEmpty {
            #expect(result.startCommand == nil)
        } else {
            #expect(result.startCommand?.form == .exec(argv))
        }
    }

    @Test func entrypointInStageDerivedFromStageKeepsNothingInherited() throws {
        let result = try BT.build(["Dockerfile": "FROM python:3.12 AS base\nCMD [\"python\", \"a.py\"]\nFROM base\nENTRYPOINT [\"python\"]\n"])
        #expect(result.startCommand?.form == .exec(["python"]))
    }

    @Test func customStartCommandReplacesEntrypointWithoutShell() throws {
        // docs:content/docs/deployments/start-command.md: exec'd without a shell, `$PORT` stays literal.
        let result = try BT.build(["Dockerfile": "FROM python:3.12\nENTRYPOINT [\"/docker-entrypoint.sh\"]\nCMD [\"serve\"]\n", "docker-entrypoint.sh": ""],
                                  startCommand: "uvicorn main:app --host 0.0.0.0 --port $PORT --log-config 'log conf.json'")
        #expect(result.startCommand?.form == .exec(["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "$PORT", "--log-config", "log conf.json"]))
        let image = try image(result)
        #expect(image.entrypoint == ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "$PORT", "--log-config", "log conf.json"])
        #expect(image.cmd == nil)
        #expect(result.assumptions.contains { $0.name == "custom-start-word-splitting" })
    }

    @Test func detectedDockerfileBanner() throws {
        let result = try BT.build(["Dockerfile": "FROM python:3.12\n"])
        #expect(result.log.first == "Using detected Dockerfile!")
        #expect(result.log.contains("load build definition from Dockerfile"))
    }

    @Test func unknownBaseImage() throws {
        let result = try BT.build(["Dockerfile": "FROM ghcr.io/acme/base:1\nCMD [\"app\"]\n"])
        #expect(result.notes.contains(.unknownBaseImage("ghcr.io/acme/base:1", location: SourceLocation(file: "Dockerfile", line: 1))))
        #expect(try image(result).environmentValue("PATH") == "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
    }
}
