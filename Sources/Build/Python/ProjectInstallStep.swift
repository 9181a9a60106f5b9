import Snapshot

/// An install step of a generated build (Railpack's `uv sync`, Nixpacks' `pip install .`) that
/// installs the repository's own project. The step sees only the files it copied in, so the
/// backend runs on that tree (ProjectInstall), and its outcome goes into the final image the way
/// the Dockerfile builder applies a RUN line's (DockerRun+Project).
struct ProjectInstallStep {
    /// The command as the plan prints it.
    var command: String
    var mode: ProjectInstall.Mode
    /// The filesystem when the command runs: what the step copied in, or the whole context.
    var stepFileSystem: ImageFileSystem
    var projectDirectory: String
    var sitePackages: String
    /// The repository's pyproject.toml, where a backend error points (the plan has no line for it).
    var pyproject: SourceLocation
    /// Names the step in a note when the install is not modelled.
    var stepLocation: SourceLocation
    /// Poetry 1.x ends `poetry install` with success when the project's package is missing
    /// (poetry 1.3 console/commands/install.py: `except ModuleOrPackageNotFound: return 0`).
    var missingPackageIsQuiet = false
    /// The backend whose rules apply when the installer ignores [build-system] (ProjectInstall).
    var backend: ProjectBuildBackend? = nil
    /// The files the step copied in when it does not see the whole context (nil when it does):
    /// an import the install then misses is explained by it (BuildNote.projectBuiltFromInstallFiles).
    var copiedOnly: [String]? = nil

    struct Applied {
        var log: [String] = []
        var notes: [BuildNote] = []
        /// The backend's error: the builder stops there, as pip/uv/pdm exit non-zero.
        var failure: BuildFailure?
    }

    func apply(to image: inout Image) -> Applied {
        var applied = Applied()
        switch ProjectInstall.install(projectDirectory: projectDirectory, fileSystem: stepFileSystem, sitePackages: sitePackages,
                                      mode: mode, requiredAt: pyproject, backend: backend, command: command) {
        case .installed(let installed):
            for layer in installed.layers { image.fileSystem.add(layer) }
            image.distributions.append(installed.distribution)
            let names = installed.distribution.importNames.joined(separator: ", ")
            applied.log.append("\(command): \(installed.distribution.name) built by \(installed.backend)\(mode == .editable ? " (editable)" : "") → \(sitePackages) [\(names)]")
            if let copiedOnly {
                applied.notes.append(.projectBuiltFromInstallFiles(project: installed.distribution.name, step: stepLocation.file, files: copiedOnly))
            }
        case .failed(let message) where missingPackageIsQuiet && message.contains("ModuleOrPackageNotFound"):
            applied.log.append("\(command): the project itself is not installed (\(message))")
        case .failed(let message):
            applied.failure = BuildFailure(.builderError, message: message, location: pyproject)
        case .notModelled(let what):
            applied.notes.append(.runNotModelled(command: "\(command) (\(what))", location: stepLocation))
        }
        return applied
    }

    /// The step's view of the context when it copies only `copies` (sources relative to the app
    /// directory, destinations relative to `target` unless absolute): each file or directory that
    /// exists in the repository, nothing else.
    static func copiedFiles(_ copies: [(source: String, destination: String)], from appDirectory: RepoPath, to target: String,
                            snapshot: RepoSnapshot) -> ImageFileSystem {
        var fileSystem = ImageFileSystem(snapshot: snapshot)
        var nodes: [String: ImageNode] = [target: .directory(nil)]
        for copy in copies {
            let relative = copy.source.hasPrefix("./") ? String(copy.source.dropFirst(2)) : copy.source
            guard let source = RepoPath(relative, relativeTo: appDirectory) else { continue }
            let destination = copy.destination.hasPrefix("/") ? ImagePath.clean(copy.destination) : ImagePath.join(target, copy.destination)
            if snapshot.isFile(source) {
                nodes[destination] = .file(.repository(source))
            } else if snapshot.isDirectory(source) {
                fileSystem.add(.mount(target: destination, source: source, excluded: ExcludedPaths { _ in false }))
            }
        }
        fileSystem.addNodes(nodes)
        return fileSystem
    }
}
