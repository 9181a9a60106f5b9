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
    /// Full versions of the maintained tags at docker-library/python @ 4f07059 (2026-06-23).
    static let maintained: [Int: PythonVersion] = [
        10: PythonVersion(3, 10, 20), 11: PythonVersion(3, 11, 15), 12: PythonVersion(3, 12, 13),
        13: PythonVersion(3, 13, 14), 14: PythonVersion(3, 14, 6),
    ]
    static let gpgKeys: [Int: String] = [
        10: "A035C8C19219BA821ECEA86B64E628F8D684696D", 11: "A035C8C19219BA821ECEA86B64E628F8D684696D",
        12: "7169605F62C751356D054A26A821E680E5FA6305", 13: "7169605F62C751356D054A26A821E680E5FA6305",
    ]
    /// Default PATH BuildKit gives a config without one (frontend/dockerfile/dockerfile2llb/image.go
    /// `emptyImage`; util/system/path.go), with the python image's `/usr/local/bin` in front.
    static let debianPath = "/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    /// Looks up `python`, `python:3.X`, `python:3.X.Y`, `python:3.X-slim`, `-bookworm`,
    /// `-slim-bookworm`, `-trixie`, `-slim-trixie`, `-alpine…`, with optional `docker.io/library/`.
    public static func lookup(_ reference: String) -> BaseImage? {
        var name = reference
        for prefix in ["docker.io/library/", "library/", "index.docker.io/library/"] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.first == "debian" || parts.first == "ubuntu" { return distribution(reference, parts: parts) }
        guard parts.first == "python" else { return nil }
        let tag = parts.count > 1 ? parts[1] : "latest"
        var minor = 14  // `python:latest` / `python:3` = 3.14 at the catalogue's snapshot (versions.json)
        var patch: Int? = nil
        var caveat: String? = nil
        let versionPart = String(tag.prefix { $0.isNumber || $0 == "." })
        let variant = tag.dropFirst(versionPart.count)
        if !versionPart.isEmpty, versionPart != "3" {
            guard let parsed = PythonVersion(parsing: versionPart), parsed.major == 3 else { return nil }
            minor = parsed.minor
            patch = parsed.patch
        } else if tag != "latest", versionPart.isEmpty, !["slim", "alpine", "bookworm", "trixie", "slim-bookworm", "slim-trixie"].contains(String(tag.drop { $0 == "-" })) {
            return nil
        }
        guard (8...14).contains(minor) else { return nil }
        let known = maintained[minor]
        let version = PythonVersion(3, minor, patch ?? known?.patch)
        if known == nil {
            caveat = "python:3.\(minor) is end-of-life and not in docker-library/python's current versions.json; railsim assumes the same layout with an unknown patch release"
        }
        let isAlpine = variant.contains("alpine")
        var environment = [ServiceEnvironmentEntry(name: "PATH", value: debianPath)]
        if minor < 13 { environment.append(ServiceEnvironmentEntry(name: "LANG", value: "C.UTF-8")) }
        if let key = gpgKeys[minor] { environment.append(ServiceEnvironmentEntry(name: "GPG_KEY", value: key)) }
        environment.append(ServiceEnvironmentEntry(name: "PYTHON_VERSION", value: version.description))
        if isAlpine { caveat = (caveat.map { $0 + "; " } ?? "") + "Alpine images use musl; extension-module wheels differ" }
        let python = PythonInstallation(version: version, prefix: "/usr/local",
                                        siteDirectories: ["/usr/local/lib/python\(version.short)/site-packages"],
                                        versionSource: "base image \(reference)")
        let preinstalled = minor <= 11 ? ["pip", "setuptools", "wheel"] : ["pip"]
        return BaseImage(reference: reference, environment: environment, cmd: ["python3"], entrypoint: nil,
                         workingDirectory: "/", user: "root", python: python, preinstalled: preinstalled, caveat: caveat)
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
        return BaseImage(reference: reference, environment: environment, cmd: ["bash"], entrypoint: nil, workingDirectory: "/", user: "root",
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
