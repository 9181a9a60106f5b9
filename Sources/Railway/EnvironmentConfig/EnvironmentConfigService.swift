import Snapshot

/// One `services.<id>` entry of an exported environment config, mapped onto the settings the
/// Railway stage resolves. Fields railsim does not simulate (networking, regions, limits,
/// auto-updates, …) are type-checked by the schema and otherwise left alone.
enum EnvironmentConfigService {
    static func definition(_ service: EnvironmentConfigObject, id: String, name: String,
                           environment: String) throws(ProjectSourceError) -> ServiceDefinition {
        var notes = try service.check(EnvironmentConfigSchema.service)
        let file = service.file

        let source = try service.object("source")
        if let source { notes += try source.check(EnvironmentConfigSchema.source) }
        let build = try service.object("build")
        if let build { notes += try build.check(EnvironmentConfigSchema.build) }
        let deploy = try service.object("deploy")
        if let deploy { notes += try deploy.check(EnvironmentConfigSchema.deploy) }

        var variables: [ServiceVariable] = []
        if let object = try service.object("variables") {
            let read = try EnvironmentConfigVariables(object)
            variables = read.variables
            notes += read.notes
        }

        // source.rootDirectory, as `railway environment edit … source.rootDirectory /backend`
        // sets it (docs:content/docs/deployments/monorepo.md); unset means the repository root.
        let rootDirectory = try source?.string("rootDirectory") ?? "/"
        if RepoPath(rootDirectory) == nil, let source {
            throw ProjectSourceError(location: source.location(of: "rootDirectory"),
                                     message: "\(source.path(of: "rootDirectory")): '\(rootDirectory)' points outside the repository")
        }

        let image = try imageSource(source, notes: &notes)

        let settings = ServiceSettings(
            name: name,
            rootDirectory: rootDirectory,
            configFile: try configFile(service, notes: &notes),
            variables: variables,
            builder: try builder(build),
            startCommand: try deploy?.string("startCommand"),
            buildCommand: try build?.string("buildCommand"),
            healthcheckPath: try deploy?.string("healthcheckPath"),
            environment: environment,
            dockerfilePath: try build?.string("dockerfilePath"),
            healthcheckTimeout: try deploy?.integer("healthcheckTimeout"),
            numReplicas: try deploy?.integer("numReplicas"),
            watchPatterns: try build?.strings("watchPatterns"),
            preDeployCommand: try deploy?.strings("preDeployCommand", orString: true),
            cronSchedule: try deploy?.string("cronSchedule"),
            source: .environmentConfig("\(file) services.\(id)"))

        if let deploy { try checkRestartPolicy(deploy) }
        if let mounts = try service.object("volumeMounts") {
            // `volumeMounts: BTreeMap<String, VolumeMount>`, keyed by volume ID
            // (cli:src/controllers/config/environment.rs `VolumeMount`).
            for (volumeID, mount) in try mounts.entries() {
                notes += try mount.check(EnvironmentConfigSchema.volumeMount)
                let mountPath = try mount.string("mountPath")
                notes.append(.declaredNotSimulated(location: mounts.location(of: volumeID),
                                                   what: "volume \(volumeID) mounted at \(mountPath ?? "an unset path")"))
            }
        }

        return ServiceDefinition(settings: settings, origin: .environmentConfig(file: file, serviceID: id),
                                 image: image, notes: notes)
    }

    /// `configFile` is the dashboard's "Railway Config File" (`railwayConfigFile` in the GraphQL
    /// schema, cli:src/gql/schema.json). An empty string is taken as "not set", as the dashboard
    /// field is when cleared (an assumption: the export of a cleared field was not observed).
    private static func configFile(_ service: EnvironmentConfigObject, notes: inout [ProjectNote]) throws(ProjectSourceError) -> String? {
        guard let value = try service.string("configFile") else { return nil }
        guard !value.isEmpty else {
            notes.append(.interpreted(location: service.location(of: "configFile"),
                                      what: "\(service.path(of: "configFile")) is empty; railsim takes it as not set"))
            return nil
        }
        return value
    }

    /// `build.builder`: the API writes NIXPACKS | DOCKERFILE | RAILPACK
    /// (cli:src/controllers/config/environment.rs `BuildConfig`,
    /// cli:src/commands/environment/changes/builder.rs); railsim accepts any letter case.
    private static func builder(_ build: EnvironmentConfigObject?) throws(ProjectSourceError) -> BuilderKind? {
        guard let build, let raw = try build.string("builder") else { return nil }
        guard let kind = BuilderKind(configValue: raw) else {
            throw ProjectSourceError(location: build.location(of: "builder"),
                                     message: "\(build.path(of: "builder")): unknown builder '\(raw)' (expected RAILPACK, DOCKERFILE or NIXPACKS)")
        }
        return kind
    }

    /// `deploy.restartPolicyType`: ON_FAILURE | ALWAYS | NEVER
    /// (cli:src/controllers/config/environment.rs `DeployConfig`;
    /// docs:content/docs/deployments/restart-policy.md). Checked, not simulated.
    private static func checkRestartPolicy(_ deploy: EnvironmentConfigObject) throws(ProjectSourceError) {
        guard let raw = try deploy.string("restartPolicyType"), RestartPolicy(rawValue: raw.uppercased()) == nil else { return }
        throw ProjectSourceError(location: deploy.location(of: "restartPolicyType"),
                                 message: "\(deploy.path(of: "restartPolicyType")): unknown restart policy '\(raw)' (expected ON_FAILURE, ALWAYS or NEVER)")
    }

    /// A service is deployed from a registry image when `source.image` is set and `source.repo`
    /// is not: the CLI's own test (cli:src/controllers/config/environment.rs `is_image_based`).
    /// With both set, railsim builds from the repository and says so.
    private static func imageSource(_ source: EnvironmentConfigObject?, notes: inout [ProjectNote]) throws(ProjectSourceError) -> String? {
        guard let source, let image = try source.string("image") else { return nil }
        if try source.string("repo") != nil {
            notes.append(.interpreted(location: source.location(of: "image"),
                                      what: "\(source.path(of: "image")) and \(source.path(of: "repo")) are both set; railsim builds from the repository and ignores the image '\(image)'"))
            return nil
        }
        return image
    }
}
