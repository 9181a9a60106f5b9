/// Configs of the base images railsim knows, as BuildKit would read them from the registry.
///
/// Official `python` images (docker-library/python @ 4f07059, versions.json and
/// Dockerfile-linux.template; dockerfile.md §8): CPython built with prefix `/usr/local`,
/// `ENV PATH /usr/local/bin:$PATH`, `LANG C.UTF-8` below 3.13, `GPG_KEY` up to 3.13,
/// `PYTHON_VERSION`, no WORKDIR/USER/ENTRYPOINT, `CMD ["python3"]`, pip in site-packages and
/// setuptools + wheel only on 3.10/3.11 (commit a8ec33a6).
public struct BaseImage: Sendable, Equatable {
    public var reference: String
    public var environment: [ServiceEnvironmentEntry]
    public var cmd: [String]?
    public var entrypoint: [String]?
    /// The config's `WorkingDir` and `User` as the registry stores them (`""` = `/` and root).
    public var workingDirectory: String
    public var user: String
    public var python: PythonInstallation?
    public var preinstalled: [String]
    /// Set when the catalogue entry itself rests on an assumption.
    public var caveat: String?
    /// The distribution's own `python3` package (`apt-get install python3`), for Debian/Ubuntu images.
    public var aptPython: AptPython? = nil
}

/// A distribution's `python3` as `apt-get install python3 python3-pip` lays it out
/// (python-imports.md §1.3, Debian 12 checked [EXP]): `/usr/bin/python3.X`, stdlib in
/// `/usr/lib/python3.X`, site directories `/usr/local/lib/python3.X/dist-packages` then
/// `/usr/lib/python3/dist-packages`, and PEP 668's `EXTERNALLY-MANAGED` marker in the stdlib.
public struct AptPython: Sendable, Equatable {
    public var version: PythonVersion
    /// The `Error=` text of `/usr/lib/python3.X/EXTERNALLY-MANAGED`, nil where the release has no marker.
    public var externallyManaged: String?
    public var release: String

    public var installation: PythonInstallation {
        PythonInstallation(version: version, prefix: "/usr",
                           siteDirectories: ["/usr/local/lib/python\(version.short)/dist-packages", "/usr/lib/python3/dist-packages"],
                           versionSource: "apt-get install python3 (\(release))")
    }

    /// Debian's marker text (python3.11 3.11.2-6, debian/EXTERNALLY-MANAGED.in); Ubuntu 24.04 ships
    /// the same text with its own version in the README path.
    static func debianMarker(_ short: String) -> String {
        """
        To install Python packages system-wide, try apt install
        python3-xyz, where xyz is the package you are trying to
        install.

        If you wish to install a non-Debian-packaged Python package,
        create a virtual environment using python3 -m venv path/to/venv.
        Then use path/to/venv/bin/python and path/to/venv/bin/pip. Make
        sure you have python3-full installed.

        If you wish to install a non-Debian packaged Python application,
        it may be easiest to use pipx install xyz, which will manage a
        virtual environment for you. Make sure you have pipx installed.

        See /usr/share/doc/python\(short)/README.venv for more information.
        """
    }
}

public enum BaseImageCatalog {
    /// One `python:3.X` release line as docker-library/python last published it.
    struct PythonLine: Sendable {
        var version: PythonVersion
        var gpgKey: String?
        /// Variant directories (versions.json `variants`); the first Debian one is the default (`3.X`, `3.X-slim`),
        /// the first Alpine one is `3.X-alpine` (generate-stackbrew-library.sh).
        var variants: [String]
        var source: String
    }

    /// docker-library/python @ 4f07059 (2026-06-23) versions.json and 3.X/*/Dockerfile for 3.10–3.14;
    /// 3.9 at 59e4abf1^ (removed 2025-10-31) and 3.8 at 069d5b03^ (removed 2024-10-07), their last images.
    static let pythonLines: [Int: PythonLine] = {
        let current = ["trixie", "slim-trixie", "bookworm", "slim-bookworm", "alpine3.24", "alpine3.23"]
        let sixtyNine = "A035C8C19219BA821ECEA86B64E628F8D684696D", twelve = "7169605F62C751356D054A26A821E680E5FA6305"
        let eightNine = "E3FF2839C048B25C084DEBE9B26995E310250568"
        return [
            8: PythonLine(version: PythonVersion(3, 8, 20), gpgKey: eightNine,
                          variants: ["bookworm", "slim-bookworm", "bullseye", "slim-bullseye", "alpine3.20", "alpine3.19"], source: "docker-library/python@069d5b03^"),
            9: PythonLine(version: PythonVersion(3, 9, 25), gpgKey: eightNine,
                          variants: ["trixie", "slim-trixie", "bookworm", "slim-bookworm", "alpine3.22", "alpine3.21"], source: "docker-library/python@59e4abf1^"),
            10: PythonLine(version: PythonVersion(3, 10, 20), gpgKey: sixtyNine, variants: current, source: "docker-library/python@4f07059"),
            11: PythonLine(version: PythonVersion(3, 11, 15), gpgKey: sixtyNine, variants: current, source: "docker-library/python@4f07059"),
            12: PythonLine(version: PythonVersion(3, 12, 13), gpgKey: twelve, variants: current, source: "docker-library/python@4f07059"),
            13: PythonLine(version: PythonVersion(3, 13, 14), gpgKey: twelve, variants: current, source: "docker-library/python@4f07059"),
            14: PythonLine(version: PythonVersion(3, 14, 6), gpgKey: nil, variants: current, source: "docker-library/python@4f07059"),
        ]
    }()
    /// `python:3` / `python:latest` (generate-stackbrew-library.sh `[3.14]='3 latest'`).
    static let latestMinor = 14
    /// Default PATH BuildKit gives a config without one (frontend/dockerfile/dockerfile2llb/image.go
    /// `emptyImage`; util/system/path.go), with the python image's `/usr/local/bin` in front.
    static let debianPath = "/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    /// Resolves a tag's variant part (`""`, `slim`, `alpine`, `slim-bookworm`, `alpine3.23`, …) to a variant
    /// directory of the line, or nil when docker-library/python publishes no such tag.
    static func variant(_ suffix: String, of line: PythonLine) -> String? {
        let debian = line.variants.first { !$0.hasPrefix("alpine") && !$0.hasPrefix("slim") } ?? ""
        switch suffix {
        case "": return debian
        case "slim": return "slim-" + debian
        case "alpine": return line.variants.first { $0.hasPrefix("alpine") }
        default: return line.variants.contains(suffix) ? suffix : nil
        }
    }

    /// Looks up `python`, `python:3`, `python:3.X`, `python:3.X.Y` with a published variant suffix
    /// (`-slim`, `-bookworm`, `-slim-trixie`, `-alpine3.23`, …), with optional `docker.io/library/`.
    public static func lookup(_ reference: String) -> BaseImage? {
        var name = reference
        for prefix in ["docker.io/library/", "library/", "index.docker.io/library/"] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.first == "debian" || parts.first == "ubuntu" { return distribution(reference, parts: parts) }
        if parts.first == railpackRuntimeRepository { return railpackRuntime(reference, tag: parts.count > 1 ? parts[1] : "latest") }
        guard parts.first == "python" else { return nil }
        let tag = parts.count > 1 ? parts[1] : "latest"
        let versionPart = tag == "latest" ? "" : String(tag.prefix { $0.isNumber || $0 == "." })
        // `3.12-slim`, `3-alpine`, or a bare variant (`slim`); nothing else between version and variant.
        let rest = tag == "latest" ? "" : String(tag.dropFirst(versionPart.count))
        guard versionPart.isEmpty ? !rest.hasPrefix("-") : (rest.isEmpty || (rest.hasPrefix("-") && rest.count > 1)) else { return nil }
        let suffix = versionPart.isEmpty ? rest : String(rest.dropFirst(rest.isEmpty ? 0 : 1))
        if tag.hasPrefix("latest-") { return nil }
        var minor = latestMinor
        var patch: Int? = nil
        if !versionPart.isEmpty, versionPart != "3" {
            guard let parsed = PythonVersion(parsing: versionPart), parsed.major == 3 else { return nil }
            minor = parsed.minor
            patch = parsed.patch
        }
        guard let line = pythonLines[minor], let variant = variant(suffix, of: line) else { return nil }
        if let patch, let known = line.version.patch, patch > known { return nil }
        let version = PythonVersion(3, minor, patch ?? line.version.patch)
        var caveats: [String] = []
        if minor < 10 { caveats.append("python:3.\(minor) is end-of-life; railsim uses its last docker-library image (\(line.source))") }
        if let patch, patch != line.version.patch { caveats.append("python:\(version) is an older patch release; railsim assumes the same layout as \(line.version)") }
        if variant.hasPrefix("alpine") { caveats.append("Alpine images use musl; extension-module wheels differ") }
        // 3.X/<variant>/Dockerfile: ENV PATH, LANG (below 3.13), GPG_KEY, PYTHON_VERSION; CMD ["python3"].
        var environment = [ServiceEnvironmentEntry(name: "PATH", value: debianPath)]
        if minor < 13 { environment.append(ServiceEnvironmentEntry(name: "LANG", value: "C.UTF-8")) }
        if let key = line.gpgKey { environment.append(ServiceEnvironmentEntry(name: "GPG_KEY", value: key)) }
        environment.append(ServiceEnvironmentEntry(name: "PYTHON_VERSION", value: version.description))
        let python = PythonInstallation(version: version, prefix: "/usr/local",
                                        siteDirectories: ["/usr/local/lib/python\(version.short)/site-packages"],
                                        versionSource: "base image \(reference)")
        // Dockerfile-linux.template: setuptools + wheel only below 3.12 (pip alone from 3.12).
        let preinstalled = minor <= 11 ? ["pip", "setuptools", "wheel"] : ["pip"]
        return BaseImage(reference: reference, environment: environment, cmd: ["python3"], entrypoint: nil,
                         workingDirectory: "", user: "", python: python, preinstalled: preinstalled,
                         caveat: caveats.isEmpty ? nil : caveats.joined(separator: "; "))
    }

    /// `python3` of each Debian/Ubuntu release by its tags (packages.debian.org and
    /// packages.ubuntu.com `python3` for bookworm, trixie, bullseye, noble, jammy); PEP 668's marker
    /// ships from Debian 12 and Ubuntu 23.04 (PEP 668; Debian python3.11 3.11.2-3 changelog).
    static let distributionPythons: [(image: String, tags: [String], python: AptPython)] = [
        ("debian", ["bookworm", "12"], AptPython(version: PythonVersion(3, 11, 2), externallyManaged: AptPython.debianMarker("3.11"), release: "Debian 12 bookworm")),
        ("debian", ["trixie", "13", "latest"], AptPython(version: PythonVersion(3, 13, 5), externallyManaged: AptPython.debianMarker("3.13"), release: "Debian 13 trixie")),
        ("debian", ["bullseye", "11"], AptPython(version: PythonVersion(3, 9, 2), externallyManaged: nil, release: "Debian 11 bullseye")),
        ("ubuntu", ["24.04", "noble", "latest"], AptPython(version: PythonVersion(3, 12, 3), externallyManaged: AptPython.debianMarker("3.12"), release: "Ubuntu 24.04 noble")),
        ("ubuntu", ["22.04", "jammy"], AptPython(version: PythonVersion(3, 10, 12), externallyManaged: nil, release: "Ubuntu 22.04 jammy")),
    ]

    /// `debian:<tag>` / `ubuntu:<tag>` (also `-slim` and dated variants): no Python until
    /// `apt-get install python3`; PATH is BuildKit's default, CMD `bash` (docker-library/official-images).
    static func distribution(_ reference: String, parts: [String]) -> BaseImage? {
        let image = parts[0]
        var tag = parts.count > 1 ? parts[1] : "latest"
        if tag.hasSuffix("-slim") { tag = String(tag.dropLast(5)) }
        let release = tag.split(separator: "-").first.map(String.init) ?? tag
        guard let entry = distributionPythons.first(where: { $0.image == image && $0.tags.contains(release) }) else { return nil }
        var caveat: String? = nil
        if entry.python.version.patch != nil {
            caveat = "\(entry.python.release)'s python3 is assumed to be \(entry.python.version) (the release's package at the catalogue's snapshot; point releases may update it)"
        }
        let environment = [ServiceEnvironmentEntry(name: "PATH", value: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")]
        return BaseImage(reference: reference, environment: environment, cmd: ["bash"], entrypoint: nil, workingDirectory: "", user: "",
                         python: nil, preinstalled: [], caveat: caveat, aptPython: entry.python)
    }

    /// The apt `python3` of a base image reference, if railsim knows the distribution.
    public static func aptPython(for reference: String) -> AptPython? { lookup(reference)?.aptPython }
}

extension BaseImageCatalog {
    /// The HOME a process (RUN or the container) gets for USER when the image sets none: the home
    /// field of its /etc/passwd entry (runc libcontainer/init_linux.go `setupUser`), "/" for a uid
    /// with no entry (runc's default ExecUser). Entries: Debian base-passwd's master.passwd (root
    /// /root, www-data /var/www, nobody /nonexistent); any other name is taken to be a `useradd`
    /// user with the default home /home/NAME (Debian /etc/default/useradd HOME=/home).
    public static func home(ofUser spec: String) -> String {
        let user = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        switch user {
        case "", "root", "0": return "/root"
        case "www-data", "33": return "/var/www"
        case "nobody", "65534": return "/nonexistent"
        default: return user.allSatisfy(\.isNumber) ? "/" : "/home/\(user)"
        }
    }
}
