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
}
