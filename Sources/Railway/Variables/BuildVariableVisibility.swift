/// Which variables a build can read. Railpack builds see every service variable; Dockerfile
/// builds see one only when the stage declares a matching `ARG`, Railway passing service
/// variables as build args by name (rule 20: docs:content/docs/builds/dockerfiles.md "Using
/// variables at build time"; docs:content/guides/build-time-vs-runtime-secrets.md). Nixpacks
/// writes its own Dockerfile declaring every plan variable as `ARG` and `ENV`, so it sees them
/// all too (nixpacks:src/nixpacks/builder/docker/dockerfile_generation.rs `args_string`).
public enum BuildVariableVisibility {
    /// Splits the build-time variables of a service for one build stage. `stageArgs` are the
    /// `ARG` names the stage declares (or, for `FROM` lines, the ARGs before the first `FROM`);
    /// it is ignored for Railpack and Nixpacks.
    public static func split(_ variables: [ResolvedVariable], builder: BuilderKind, stageArgs: Set<String>) -> BuildVariables {
        let buildTime = variables.filter { $0.phases.contains(.build) }
        switch builder {
        case .railpack, .nixpacks:
            return BuildVariables(visible: buildTime, withoutArg: [])
        case .dockerfile:
            // "ARG is scoped to a build stage" (build-time-vs-runtime-secrets.md, rule 1).
            return BuildVariables(visible: buildTime.filter { stageArgs.contains($0.name) },
                                  withoutArg: buildTime.filter { !stageArgs.contains($0.name) }.map(\.name))
        }
    }
}

/// The outcome of `BuildVariableVisibility.split`.
public struct BuildVariables: Sendable, Equatable {
    /// What the build (stage) can read, in the service's order.
    public var visible: [ResolvedVariable]
    /// Service variables a Dockerfile stage cannot read because it declares no `ARG` for them.
    public var withoutArg: [String]

    /// Name → value for the visible variables.
    public var values: [String: String] {
        var out: [String: String] = [:]
        for variable in visible { out[variable.name] = variable.value }
        return out
    }
}
