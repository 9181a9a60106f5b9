import Railway
import Snapshot

/// The Build stage's entry point: runs the builder Railway chose for the service.
public enum ImageBuilder {
    public static func build(_ service: ResolvedService, snapshot: RepoSnapshot) -> BuildResult {
        var result: BuildResult
        if let error = service.configError {
            result = BuildResult(builder: service.builder.kind)
            result.failure = BuildFailure(.configInvalid, message: error.message, location: error.location)
            return result
        }
        if !service.rootDirectoryExists {
            result = BuildResult(builder: service.builder.kind)
            result.failure = BuildFailure(.rootDirectoryMissing, message: "Root Directory `\(service.rootDirectory.slashed)` does not exist in the repository")
            return result
        }
        switch service.builder.kind {
        case .railpack: result = RailpackBuilder.build(service, snapshot: snapshot)
        case .dockerfile: result = DockerfileBuilder.build(service, snapshot: snapshot)
        case .nixpacks: result = NixpacksBuilder.build(service, snapshot: snapshot)
        }
        return result
    }
}
