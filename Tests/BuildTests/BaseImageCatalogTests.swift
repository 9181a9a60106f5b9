import Railway
import Testing
@testable import Build

/// The catalogue against the facts of docker-library/python's Dockerfiles and tag generator, recorded
/// here as data (ENV/CMD lines read with `git show <commit>:<dir>/Dockerfile`; nothing copied).
@Suite struct BaseImageCatalogTests {
    /// `ENV PYTHON_VERSION`, `ENV GPG_KEY`, whether `ENV LANG C.UTF-8` is present, per release line.
    struct Fact { let dockerfile: String; let version: String; let gpg: String?; let lang: Bool }
    static let facts: [Fact] = [
        Fact(dockerfile: "docker-library/python@069d5b03^:3.8/slim-bookworm/Dockerfile", version: "3.8.20", gpg: "E3FF2839C048B25C084DEBE9B26995E310250568", lang: true),
        Fact(dockerfile: "docker-library/python@59e4abf1^:3.9/slim-bookworm/Dockerfile", version: "3.9.25", gpg: "E3FF2839C048B25C084DEBE9B26995E310250568", lang: true),
        Fact(dockerfile: "docker-library/python@4f07059:3.10/slim-trixie/Dockerfile", version: "3.10.20", gpg: "A035C8C19219BA821ECEA86B64E628F8D684696D", lang: true),
        Fact(dockerfile: "docker-library/python@4f07059:3.11/slim-trixie/Dockerfile", version: "3.11.15", gpg: "A035C8C19219BA821ECEA86B64E628F8D684696D", lang: true),
        Fact(dockerfile: "docker-library/python@4f07059:3.12/slim-trixie/Dockerfile", version: "3.12.13", gpg: "7169605F62C751356D054A26A821E680E5FA6305", lang: true),
        Fact(dockerfile: "docker-library/python@4f07059:3.13/slim-trixie/Dockerfile", version: "3.13.14", gpg: "7169605F62C751356D054A26A821E680E5FA6305", lang: false),
        Fact(dockerfile: "docker-library/python@4f07059:3.14/slim-trixie/Dockerfile", version: "3.14.6", gpg: nil, lang: false),
    ]
    /// Published variant directories (versions.json `variants` at the same commits).
    static let variants: [String: [String]] = [
        "3.8": ["bookworm", "slim-bookworm", "bullseye", "slim-bullseye", "alpine3.20", "alpine3.19"],
        "3.9": ["trixie", "slim-trixie", "bookworm", "slim-bookworm", "alpine3.22", "alpine3.21"],
        "3.14": ["trixie", "slim-trixie", "bookworm", "slim-bookworm", "alpine3.24", "alpine3.23"],
    ]
    // Every 3.X/*/Dockerfile: `ENV PATH /usr/local/bin:$PATH` on the default PATH (BuildKit util/system/path.go).
    static let path = "/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    func env(_ image: BaseImage) -> [String: String] { Dictionary(image.environment.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }) }

    @Test(arguments: facts) func configOfEachLine(_ fact: Fact) throws {
        let short = String(fact.version.split(separator: ".").prefix(2).joined(separator: "."))
        let suffixes = ["", "-slim", "-alpine"] + (Self.variants[short] ?? Self.variants["3.14"]!).map { "-" + $0 }
        for suffix in suffixes {
            let image = try #require(BaseImageCatalog.lookup("python:\(short)\(suffix)"), "\(fact.dockerfile) python:\(short)\(suffix)")
            let values = env(image)
            #expect(values["PATH"] == Self.path)
            #expect(values["PYTHON_VERSION"] == fact.version)
            #expect(values["GPG_KEY"] == fact.gpg)
            #expect(values["LANG"] == (fact.lang ? "C.UTF-8" : nil))
            #expect(values["PYTHON_SHA256"] == nil)
            #expect(image.cmd == ["python3"] && image.entrypoint == nil)
            #expect(image.workingDirectory == "" && image.user == "")  // no WORKDIR/USER in the Dockerfiles
            // Dockerfile-linux.template: ./configure (default prefix /usr/local), ensurepip into site-packages.
            let python = try #require(image.python)
            #expect(python.prefix == "/usr/local")
            #expect(python.version.description == fact.version)
            #expect(python.siteDirectories == ["/usr/local/lib/python\(short)/site-packages"])
            #expect(python.stdlibDirectory == "/usr/local/lib/python\(short)")
        }
    }

    @Test func aliasesFollowTheTagGenerator() throws {
        // generate-stackbrew-library.sh: `[3.14]='3 latest'`, `latest-` dropped, `slim-<default>` → `slim`.
        for tag in ["python", "python:latest", "python:3", "python:3-slim", "python:slim", "python:alpine", "python:3-alpine",
                    "python:3-slim-bookworm", "python:bookworm", "docker.io/library/python:3"] {
            #expect(env(try #require(BaseImageCatalog.lookup(tag), "\(tag)"))["PYTHON_VERSION"] == "3.14.6")
        }
        #expect(BaseImageCatalog.lookup("python:3.12.2-slim")?.python?.version.description == "3.12.2")
    }

    @Test func unpublishedTagsAreUnknown() {
        // 3.8 had no trixie images; 3.7 and 3.15 are outside the catalogue; 3.14.99 does not exist yet.
        for tag in ["python:3.8-trixie", "python:3.8-slim-trixie", "python:3.7", "python:3.15-rc", "python:3.14.99",
                    "python:3.12-nonsense", "python:2", "python:latest-slim", "pythonx:3.12"] {
            #expect(BaseImageCatalog.lookup(tag) == nil, "\(tag)")
        }
    }

    @Test func malformedReferencesAreUnknownNotCrashes() {
        for reference in ["", ":", "python:", "python:3.", "python:3..12", "python:.12", "python:3.12-", "python:-slim", "python@sha256:",
                          "ghcr.io/railwayapp/railpack-runtime:mise-", "debian:", "ubuntu:99.99", "python:99999999999999999999"] {
            _ = BaseImageCatalog.lookup(reference)
        }
        #expect(BaseImageCatalog.lookup("python:3.12-") == nil)
    }

    @Test func preinstalledDistributions() throws {
        // versions.json: setuptools/wheel pinned only for 3.8–3.11 (3.12 dropped them, commit a8ec33a6).
        #expect(try #require(BaseImageCatalog.lookup("python:3.11")).preinstalled == ["pip", "setuptools", "wheel"])
        #expect(try #require(BaseImageCatalog.lookup("python:3.12")).preinstalled == ["pip"])
    }

    @Test func distributionImagesHaveAptPython() throws {
        // packages.debian.org / packages.ubuntu.com python3; PEP 668 marker from Debian 12 / Ubuntu 23.04.
        let bookworm = try #require(BaseImageCatalog.lookup("debian:bookworm-slim"))
        #expect(bookworm.python == nil && bookworm.cmd == ["bash"])
        #expect(bookworm.aptPython?.version.short == "3.11" && bookworm.aptPython?.externallyManaged != nil)
        #expect(bookworm.aptPython?.installation.siteDirectories == ["/usr/local/lib/python3.11/dist-packages", "/usr/lib/python3/dist-packages"])
        #expect(BaseImageCatalog.lookup("ubuntu:22.04")?.aptPython?.externallyManaged == nil)
        #expect(BaseImageCatalog.lookup("ubuntu:24.04")?.aptPython?.version.short == "3.12")
    }

    @Test func railpackRuntimeImage() throws {
        // railpack@b5e8058 images/debian/runtime/Dockerfile: FROM debian:trixie-slim, ENV DEBIAN_FRONTEND=noninteractive.
        let image = try #require(BaseImageCatalog.lookup(RailpackRelease.runtimeImage))
        #expect(image.python == nil)
        #expect(env(image)["DEBIAN_FRONTEND"] == "noninteractive")
        #expect(image.aptPython?.release == "Debian 13 trixie")
        #expect(BaseImageCatalog.lookup("ghcr.io/railwayapp/railpack-runtime:latest") == nil)
    }

    @Test func unknownImageIsANoteAndTheBuildContinues() throws {
        // RS307: the image contents are what the Dockerfile adds; its ENV/CMD still apply (convert.go dispatch).
        let result = try BT.build(["Dockerfile": "FROM example.com/custom:1\nENV APP=1\nWORKDIR /app\nCOPY main.py .\nCMD [\"python3\", \"main.py\"]\n",
                                   "main.py": ""])
        #expect(result.notes.contains { if case .unknownBaseImage("example.com/custom:1", _) = $0 { true } else { false } })
        let image = try #require(result.image)
        #expect(image.workingDirectory == "/app" && image.python == nil && image.fileSystem.isFile("/app/main.py"))
        #expect(BT.env(result)["APP"] == "1")
    }

    @Test func emptyConfigWorkingDirectoryAndUserMeanRootAndSlash() throws {
        // image-spec config.md: WorkingDir "" → the runtime's default `/`; User "" → root.
        let image = try #require(try BT.build(["Dockerfile": "FROM python:3.13-slim\n"]).image)
        #expect(image.workingDirectory == "/" && image.user == "root" && image.cmd == ["python3"])
    }
}
