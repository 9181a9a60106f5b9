extension BaseImageCatalog {
    static let railpackRuntimeRepository = "ghcr.io/railwayapp/railpack-runtime"

    /// `ghcr.io/railwayapp/railpack-runtime:mise-<version>`: Railpack's runtime base
    /// (railpack@b5e8058 images/debian/runtime/Dockerfile): `FROM debian:trixie-slim`,
    /// `ENV DEBIAN_FRONTEND=noninteractive`, apt ca-certificates/pkg-config/openssl/tzdata/locales,
    /// no Python, CMD inherited from debian (`bash`). Railpack copies mise's Python in separately.
    static func railpackRuntime(_ reference: String, tag: String) -> BaseImage? {
        guard tag.hasPrefix("mise-"), tag.count > 5 else { return nil }
        guard let trixie = distribution("debian:trixie-slim", parts: ["debian", "trixie-slim"]) else { return nil }
        var image = trixie
        image.reference = reference
        image.environment.append(ServiceEnvironmentEntry(name: "DEBIAN_FRONTEND", value: "noninteractive"))
        return image
    }
}
