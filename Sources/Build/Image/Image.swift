import Snapshot

/// What every builder produces: the final image as far as start-up is concerned.
public struct Image: Sendable {
    public var fileSystem: ImageFileSystem
    /// Environment in image-config order (later assignment of a key replaces it in place).
    public var environment: [ServiceEnvironmentEntry]
    public var workingDirectory: String
    public var user: String
    public var entrypoint: [String]?
    public var cmd: [String]?
    public var python: PythonInstallation?
    public var virtualEnvironment: VirtualEnvironment?
    public var distributions: [InstalledDistribution]
    /// The base image or runtime this image starts from, for the report.
    public var base: String

    public init(fileSystem: ImageFileSystem, base: String) {
        self.fileSystem = fileSystem
        self.environment = []
        self.workingDirectory = "/"
        self.user = "root"
        self.base = base
        self.distributions = []
    }

    public func environmentValue(_ name: String) -> String? {
        environment.last { $0.name == name }?.value
    }

    /// Sets a variable the way an image config does: an existing key is replaced in place, a new
    /// one appended (BuildKit frontend/dockerfile/dockerfile2llb/convert.go `addEnv`).
    public mutating func setEnvironment(_ name: String, _ value: String) {
        if let index = environment.firstIndex(where: { $0.name == name }) {
            environment[index].value = value
        } else {
            environment.append(ServiceEnvironmentEntry(name: name, value: value))
        }
    }
}

public struct ServiceEnvironmentEntry: Sendable, Equatable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
