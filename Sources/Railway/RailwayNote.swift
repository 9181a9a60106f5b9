import Snapshot

/// Facts the Railway stage noticed while resolving a service. They are not findings yet: the
/// Findings stage turns them into rule ids, explanations and fixes, with the whole picture.
public enum RailwayNote: Sendable, Equatable {
    /// A key Railway does not know; it is reportedly ignored (OpenCodeIntel/opencodeintel#320).
    case unknownKey(key: String, location: SourceLocation, nearest: String?)
    /// A key whose acceptance in a config file is unconfirmed.
    case unconfirmedKey(key: String, location: SourceLocation)
    /// A value of the wrong type or outside its enum.
    case invalidValue(key: String, location: SourceLocation, expected: String, found: String)
    /// Config as Code is deprecated, with a hard cutoff (docs:content/docs/config-as-code.md).
    case configAsCodeDeprecated(file: RepoPath)
    /// On or after the cutoff the file is not read at all (docs:content/docs/infrastructure-as-code.md:27).
    /// A service declared in `.railway/railway.ts` that a config-as-code file also manages; "a service
    /// cannot be managed by both systems" and `railway config plan` stops (docs:content/docs/infrastructure-as-code.md:31).
    case managedByConfigAndInfrastructure(file: RepoPath, declaration: SourceLocation)
    /// `settings` are the file's effective settings (`key = value`) that no longer apply.
    case configAsCodeIgnoredAfterCutoff(file: RepoPath, asOf: CalendarDay, settings: [String])
    /// A config file at the repo root applies to a service whose root directory is a subdirectory.
    case repoRootConfigApplies(file: RepoPath, rootDirectory: RepoPath)
    /// A config file inside the service's directory was skipped because the dashboard path wins.
    case configFileIgnored(file: RepoPath, chosen: RepoPath)
    /// `dockerfilePath` (or RAILWAY_DOCKERFILE_PATH) was set but another builder was chosen.
    case dockerfilePathIgnored(path: String, builder: BuilderKind, reason: String)
    /// A file named exactly `Dockerfile` in the root directory overrode an explicit builder.
    case detectedDockerfileOverridesBuilder(builder: BuilderKind, source: ValueSource)
    /// The Dockerfile lies outside the build context (the root directory).
    case dockerfileOutsideContext(dockerfile: RepoPath, context: RepoPath)
    /// Nixpacks is deprecated for new services (docs commit 06878d14).
    case nixpacksDeprecated
}
