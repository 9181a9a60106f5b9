import Snapshot

/// RUN commands that install the repository's own project (`pip install .`, `pip install -e .`,
/// `uv sync`, `poetry install`): the image gets what the project's build backend writes
/// (ProjectInstall), a backend error stops the build, anything unmodelled is noted on the line.
extension DockerRun {
    mutating func installProject(_ directory: String, site: String, mode: ProjectInstall.Mode, command: String, stage: inout DockerStage) {
        let location = evaluator.location(instruction)
        switch ProjectInstall.install(projectDirectory: directory, fileSystem: stage.image.fileSystem, sitePackages: site, mode: mode, requiredAt: location, command: command) {
        case .installed(let installed):
            for layer in installed.layers { stage.image.fileSystem.add(layer) }
            stage.image.distributions.append(installed.distribution)
            let names = installed.distribution.importNames.joined(separator: ", ")
            log.append("\(command): \(installed.distribution.name) built by \(installed.backend)\(mode == .editable ? " (editable)" : "") → \(site) [\(names)]")
        case .failed(let message):
            // pip prints the backend's error inside its "subprocess-exited-with-error" block and stops.
            failure = BuildFailure(.builderError, message: message, location: location)
        case .notModelled(let what):
            notes.append(.runNotModelled(command: "\(command) (\(what))", location: location))
        }
    }
}
