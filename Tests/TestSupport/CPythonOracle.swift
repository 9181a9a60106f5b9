import Build
import Findings
import Foundation
import Railway
import Runtime
import Snapshot

/// Asks the real CPython what a predicted image does: writes the image's tree to a temp dir
/// (repository files, generated files, stub packages for installed distributions), recreates the
/// interpreter layout with a venv of the same minor version, runs the start command there, and
/// reports exit status, stderr (temp prefix removed) and sys.path (host stdlib mapped back).
public enum CPythonOracle {
    public struct Observation: Sendable {
        public var exitCode: Int
        public var stderr: String
        public var sysPath: [String]?
    }

    public enum Unavailable: Error, CustomStringConvertible {
        case noInterpreter(Int), notAPythonStart(String), runnerFailed(String)
        public var description: String {
            switch self {
            case .noInterpreter(let minor): return "CPython 3.\(minor) is not installed here (pyenv or RAILSIM_PYTHON3_\(minor))"
            case .notAPythonStart(let why): return "the start command is not a Python process railsim can replay: \(why)"
            case .runnerFailed(let output): return "scripts/oracle-run.py failed: \(output)"
            }
        }
    }

    /// Additive ways to run a case; the defaults are the original behaviour.
    public struct Options: Sendable {
        /// Run the start command's own shell (`/bin/sh -c …` of a shell-form CMD) instead of the
        /// program railsim found inside it, so `cd`, `exec`, `VAR=x`, `&&` are the real shell's.
        public var replayShell = false
        /// Leave the user site to the image's HOME and PYTHONNOUSERSITE (the runner otherwise sets
        /// PYTHONNOUSERSITE=1 and a HOME under the tree).
        public var userSite = false
        /// Run the sys.path probe (off when the shell changes the environment of the program).
        public var probe = true
        public init(replayShell: Bool = false, userSite: Bool = false, probe: Bool = true) {
            self.replayShell = replayShell
            self.userSite = userSite
            self.probe = probe
        }
    }

    public static func observe(_ assessment: ServiceAssessment) throws -> Observation {
        try observe(assessment, options: Options())
    }

    public static func observe(_ assessment: ServiceAssessment, options: Options) throws -> Observation {
        guard let image = assessment.build.image, let python = image.python else { throw Unavailable.notAPythonStart("no image") }
        guard let process = assessment.runtime.process, let argv = process.program, let executable = process.executable else {
            throw Unavailable.notAPythonStart("no program")
        }
        guard let host = HostPython.interpreter(minor: python.version.minor) else { throw Unavailable.noInterpreter(python.version.minor) }
        let root = try ProcessRunner.temporaryDirectory("railsim-oracle")
        defer { try? FileManager.default.removeItem(at: root) }
        try ImageMaterializer.materialize(image, notes: assessment.runtime.notes, into: root)

        // The venv to create: the image's own venv if the interpreter lives in one, else the
        // interpreter's prefix (a venv there has the same bin/ and site-packages/ layout).
        let bin = ImagePath.dirname(executable)
        let venvRoot = ImagePath.dirname(bin)
        let venv = image.fileSystem.isFile(venvRoot + "/pyvenv.cfg") ? venvRoot : python.prefix
        // An interpreter symlink left without its venv's pyvenv.cfg (e.g. only /opt/venv/bin copied
        // from a builder stage) runs as the interpreter it points to (CPython Modules/getpath.py looks
        // for pyvenv.cfg beside the executable and one level up, else takes the prefix from its realpath).
        var runExecutable = executable
        let real = image.fileSystem.realpath(executable)
        if venv != venvRoot, real != executable, real.hasPrefix(python.prefix + "/bin/") { runExecutable = real }
        let environment = ProcessEnvironment(image: image, settings: assessment.service.settings)
        // The sys.path probe runs with the same invocation shape: beside the script for `python FILE`
        // (path0 is the script's realpath directory), as a module in the cwd for `-m` (path0 is the cwd).
        var probeDirectory: String? = nil
        var probeModule = false
        switch PythonCommandLine.parse(Array(argv.dropFirst()))?.target {
        case .script(let script)?:
            let full = image.fileSystem.realpath(ImagePath.join(process.workingDirectory, script))
            if image.fileSystem.isFile(full) { probeDirectory = ImagePath.dirname(full) }
        case .module?:
            probeDirectory = process.workingDirectory
            probeModule = true
        case .command?:
            probeDirectory = process.workingDirectory
        default:
            break
        }
        if !options.probe { probeDirectory = nil }
        var spec: [String: Any] = [
            "root": root.path, "python": host, "venv": venv, "argv": argv, "executable": runExecutable,
            "cwd": process.workingDirectory, "env": environment.values, "probe": probeDirectory as Any,
            "probeModule": probeModule, "prefix": python.prefix,
        ]
        // A venv created with --system-site-packages (its pyvenv.cfg says so) is recreated the same way.
        if let config = try? image.fileSystem.contents(of: venv + "/pyvenv.cfg"),
           String(decoding: config, as: UTF8.self).replacingOccurrences(of: " ", with: "").contains("include-system-site-packages=true") {
            spec["systemSite"] = true
        }
        if options.userSite { spec["userSite"] = true }
        // The probe runs with the interpreter options the program was given (-I, -E, -s, -S, -P).
        let flags = Array(argv.dropFirst().prefix { $0.hasPrefix("-") && $0.count > 1 && !$0.contains("m") && !$0.contains("c") && !$0.hasPrefix("--") })
        if !flags.isEmpty { spec["probeFlags"] = flags }
        if case .command? = PythonCommandLine.parse(Array(argv.dropFirst()))?.target { spec["probeCommand"] = true }
        if options.replayShell {
            switch assessment.build.startCommand?.form {
            case .shell(let interpreter, let command)?:
                spec["shell"] = interpreter + [command]
            case .exec(let words)? where words.count >= 3 && ["sh", "bash"].contains(ImagePath.basename(words[0])) && words[1] == "-c":
                spec["shell"] = words
            default:
                break
            }
            spec["shellCwd"] = image.workingDirectory
        }
        let specURL = root.deletingLastPathComponent().appendingPathComponent(root.lastPathComponent + ".json")
        defer { try? FileManager.default.removeItem(at: specURL) }
        try JSONSerialization.data(withJSONObject: spec, options: [.sortedKeys]).write(to: specURL)
        let runner = RepoLocations.scripts.appendingPathComponent("oracle-run.py").path
        let result = try ProcessRunner.run(host, [runner, specURL.path])
        guard result.status == 0, let data = result.stdout.data(using: .utf8),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let exitCode = object["exitCode"] as? Int, let stderr = object["stderr"] as? String else {
            throw Unavailable.runnerFailed(result.stderr + result.stdout)
        }
        // The runner maps the host interpreter's prefix back to the image's in stderr and sys.path.
        return Observation(exitCode: exitCode, stderr: stderr, sysPath: object["sysPath"] as? [String])
    }
}

/// Writes an image's tree to disk for the oracle.
public enum ImageMaterializer {
    /// A stand-in for any third-party package: every attribute exists, everything is callable,
    /// classes can derive from it (PEP 562 module `__getattr__`; `__mro_entries__`, PEP 560).
    static let stub = """
    # railsim oracle stub: stands in for an installed distribution
    class _Stub:
        def __init__(self, *args, **kwargs): pass
        def __call__(self, *args, **kwargs): return self
        def __getattr__(self, name): return _Stub()
        def __iter__(self): return iter(())
        def __mro_entries__(self, bases): return (object,)


    def __getattr__(name):
        return _Stub()

    """

    /// Image paths written into files by an editable install (`.pth` lines, the finder's MAPPING) are
    /// moved under the temp root, as the runner does for PYTHONPATH.
    static func rebased(_ bytes: [UInt8], name: String, root: URL) -> [UInt8] {
        let isFinder = name.hasPrefix("__editable___") && name.hasSuffix("_finder.py")
        guard name.hasSuffix(".pth") || isFinder else { return bytes }
        let text = String(decoding: bytes, as: UTF8.self)
        if isFinder { return Array(text.replacingOccurrences(of: ": '/", with: ": '\(root.path)/").utf8) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("/") ? root.path + $0 : String($0) }
        return Array(lines.joined(separator: "\n").utf8)
    }

    public static func materialize(_ image: Image, notes: [RuntimeNote], into root: URL) throws {
        let fs = image.fileSystem
        let manager = FileManager.default
        var stack = ["/"]
        var visited = 0
        while let directory = stack.popLast() {
            visited += 1
            if visited > 200_000 { break }
            for name in fs.children(of: directory) {
                let path = ImagePath.join(directory, name)
                let target = root.appendingPathComponent(String(path.dropFirst()))
                switch fs.node(at: path) {
                case .directory(let origin)?:
                    if case .baseImage = origin { continue }
                    try manager.createDirectory(at: target, withIntermediateDirectories: true)
                    stack.append(path)
                case .file(.repository)?, .file(.generated)?:
                    if name == "pyvenv.cfg" { continue }
                    try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(rebased(fs.contents(of: path), name: name, root: root)).write(to: target)
                case .opaquePackage?:
                    try manager.createDirectory(at: target, withIntermediateDirectories: true)
                    try Data(stub.utf8).write(to: target.appendingPathComponent("__init__.py"))
                default:
                    continue
                }
            }
        }
        // Submodules railsim assumed exist inside distributions get stub modules too.
        for note in notes {
            guard case .assumedFromDistribution(let module, _) = note else { continue }
            let parts = module.split(separator: ".").map(String.init)
            guard let top = parts.first, let distribution = image.distributions.first(where: { $0.importNames.contains(top) }) else { continue }
            var directory = root.appendingPathComponent(String(distribution.sitePackages.dropFirst())).appendingPathComponent(top)
            for part in parts.dropFirst().dropLast() {
                directory = directory.appendingPathComponent(part)
                try manager.createDirectory(at: directory, withIntermediateDirectories: true)
                let initFile = directory.appendingPathComponent("__init__.py")
                if !manager.fileExists(atPath: initFile.path) { try Data(stub.utf8).write(to: initFile) }
            }
            if let last = parts.last, parts.count > 1 {
                try Data(stub.utf8).write(to: directory.appendingPathComponent(last + ".py"))
            }
        }
    }
}
