/// File commands in RUN that change what the app can import: `mkdir`, `cp`, `mv`, `ln -s`
/// (POSIX utilities, pubs.opengroup.org/onlinepubs/9699919799/utilities/{mkdir,cp,mv,ln}.html).
extension DockerRun {
    mutating func fileCommand(_ name: String, _ arguments: [String], cwd: String, stage: inout DockerStage) -> Bool {
        let raw = arguments.filter { !$0.hasPrefix("-") }
        let operands = raw.map { ImagePath.join(cwd, $0) }
        let flags = arguments.filter { $0.hasPrefix("-") }
        switch name {
        case "mkdir":
            // mkdir.html: creates each operand; `-p` also its missing parents (a directory either way here).
            var nodes: [String: ImageNode] = [:]
            for path in operands where !stage.image.fileSystem.isDirectory(path) { nodes[path] = .directory(nil) }
            if !nodes.isEmpty { stage.image.fileSystem.addNodes(nodes) }
            return true
        case "ln":
            // ln.html: `ln -s target link`; into an existing directory the link takes the target's basename.
            guard flags.contains(where: { ($0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("s")) || $0 == "--symbolic" }),
                  raw.count == 2 else { return false }
            let target = raw[0]
            var link = operands[1]
            if stage.image.fileSystem.isDirectory(link) { link = ImagePath.join(link, ImagePath.basename(target)) }
            stage.image.fileSystem.addNodes([link: .symlink(target: target)])
            return true
        case "cp", "mv":
            // cp.html/mv.html: the last operand is the destination; into an existing directory each
            // source goes in under its basename, else (one source) it becomes the destination.
            guard operands.count >= 2, let destination = operands.last else { return false }
            if name == "cp", operands.dropLast().contains(where: { stage.image.fileSystem.isDirectory($0) }),
               !flags.contains(where: { $0 == "-r" || $0 == "-R" || $0 == "-a" || $0 == "--recursive" || $0 == "--archive" || ($0.hasPrefix("-") && !$0.hasPrefix("--") && ($0.contains("r") || $0.contains("R") || $0.contains("a"))) }) {
                return false
            }
            let intoDirectory = stage.image.fileSystem.isDirectory(destination)
            let box = ImageFileSystemBox(stage.image.fileSystem)
            for (index, source) in operands.dropLast().enumerated() {
                guard stage.image.fileSystem.exists(source) else {
                    // GNU coreutils cp/mv diagnostic for a missing source operand.
                    failureExitCode = 1  // GNU coreutils cp/mv: exit status 1 on error
                    failure = BuildFailure(.unsupported, message: "\(name): cannot stat '\(raw[index])': No such file or directory",
                                           location: evaluator.location(instruction))
                    return true
                }
                let target = intoDirectory ? ImagePath.join(destination, ImagePath.basename(source)) : destination
                stage.image.fileSystem.add(.imported(box, sourcePath: source, target: target))
                if name == "mv" { stage.image.fileSystem.add(.removed([source])) }
                log.append("\(name) \(source) → \(target)")
            }
            return true
        default:
            return false
        }
    }
}
