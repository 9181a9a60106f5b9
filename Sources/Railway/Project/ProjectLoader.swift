import Snapshot

/// Reads every project source a repository (and the command line) offers: `.railway/railway.ts`
/// from the snapshot, and an exported environment config file when one is given.
public enum ProjectLoader {
    /// An exported `railway environment config --json`, as bytes and the name to report it by.
    public struct EnvironmentConfigFile: Sendable {
        public var bytes: [UInt8]
        public var file: String

        public init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
        }
    }

    public static func load(_ snapshot: RepoSnapshot, environmentConfig: EnvironmentConfigFile?,
                            environment: String) throws(ProjectSourceError) -> ProjectDefinition {
        let infrastructure = try InfrastructureAsCodeReader.read(snapshot, environment: environment)
        var exported: ProjectDefinition? = nil
        if let environmentConfig {
            exported = try EnvironmentConfigReader.read(environmentConfig.bytes, file: environmentConfig.file, environment: environment)
        }
        return ProjectMerger.merge(infrastructure: infrastructure, environmentConfig: exported)
    }
}
