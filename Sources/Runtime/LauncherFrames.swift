import Build

/// The traceback frames a launcher adds above the app's own frames, recorded from the real
/// launchers by scripts/generate-launcher-frames.py (data in LauncherFramesData.swift), and the
/// `<frozen importlib._bootstrap>` frames `importlib.import_module` adds, per CPython patch release.
enum LauncherFrames {
    /// One launcher frame, rendered exactly as recorded (source and caret lines verbatim).
    struct Frame: Sendable, Equatable {
        var file: String
        var line: Int
        var function: String
        var rendered: [String]
    }

    /// One recorded scenario of the other launchers (waitress-serve, daphne, hypercorn, celery,
    /// fastapi): its exit code, the launcher/stdlib frames of each traceback block, and the whole
    /// normalised stderr.
    struct Scenario: Sendable {
        var exitCode: Int?
        var blocks: [[Frame]] = []
        var transcript: [String] = []
    }

    struct Record: Sendable {
        var launcher: String
        var version: String
        var python: String
        var click: String?
        var frames: [Frame] = []
        var scenarios: [String: Scenario] = [:]
    }

    /// importlib._bootstrap steps, as `(file, line, function)` per CPython patch release.
    struct Bootstrap: Sendable {
        var steps: [String: (file: String, line: Int, function: String)] = [:]
    }

    struct Table: Sendable {
        var records: [String: Record] = [:]
        var unavailable: Set<String> = []
        var bootstrap: [String: Bootstrap] = [:]
    }

    static func key(_ launcher: String, _ version: String, _ python: String) -> String { "\(launcher) \(version) \(python)" }

    static let table: Table = parse(data)

    static func parse(_ text: String) -> Table {
        var table = Table()
        var current: Record?
        var scenario = ""
        func flush() {
            guard var record = current else { return }
            // The other launchers: the body scenario's first block is the frames above importlib.
            if record.frames.isEmpty, let body = record.scenarios["body"]?.blocks.first { record.frames = body }
            table.records[key(record.launcher, record.version, record.python)] = record
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasPrefix("@ ") || line.hasPrefix("! ") {
                flush()
                current = nil
                let fields = line.dropFirst(2).split(separator: " ").map(String.init)
                guard fields.count >= 3 else { continue }
                if line.hasPrefix("!") { table.unavailable.insert(key(fields[0], fields[1], fields[2])); continue }
                current = Record(launcher: fields[0], version: fields[1], python: fields[2],
                                 click: fields.count > 3 && fields[3].hasPrefix("click=") ? String(fields[3].dropFirst(6)) : nil)
            } else if line.hasPrefix("s ") {
                let fields = line.dropFirst(2).split(separator: " ").map(String.init)
                scenario = fields.first ?? ""
                current?.scenarios[scenario] = Scenario(exitCode: fields.count > 1 ? Int(fields[1]) : nil)
            } else if line.hasPrefix("k ") {
                current?.scenarios[scenario]?.blocks.append([])
            } else if line.hasPrefix("T ") {
                current?.scenarios[scenario]?.transcript.append(String(line.dropFirst(2)))
            } else if line.hasPrefix("F "), var record = current {
                let fields = line.dropFirst(2).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == 3, let number = Int(fields[1]) else { continue }
                let frame = Frame(file: fields[0], line: number, function: fields[2], rendered: [])
                if let count = record.scenarios[scenario]?.blocks.count, count > 0 {
                    record.scenarios[scenario]?.blocks[count - 1].append(frame)
                } else if scenario == "body" {
                    record.frames.append(frame)
                }
                current = record
            } else if line.hasPrefix("| "), var record = current {
                let text = String(line.dropFirst(2))
                if let count = record.scenarios[scenario]?.blocks.count, count > 0, let last = record.scenarios[scenario]?.blocks[count - 1].indices.last {
                    record.scenarios[scenario]?.blocks[count - 1][last].rendered.append(text)
                } else if scenario == "body", !record.frames.isEmpty {
                    record.frames[record.frames.count - 1].rendered.append(text)
                }
                current = record
            } else if line.hasPrefix("B ") {
                flush()
                current = nil
                let fields = line.dropFirst(2).split(separator: " ").map(String.init)
                guard fields.count >= 3 else { continue }
                let frames = fields.dropFirst(2).compactMap { item -> (file: String, line: Int, function: String)? in
                    let parts = item.split(separator: ":", maxSplits: 2).map(String.init)
                    guard parts.count == 3, let number = Int(parts[1]) else { return nil }
                    return (parts[0] == "x" ? "<frozen importlib._bootstrap_external>" : "<frozen importlib._bootstrap>", number, parts[2])
                }
                var entry = table.bootstrap[fields[0]] ?? Bootstrap()
                // Step names from the generator's scenarios (see its docstring).
                switch fields[1] {
                case "body" where frames.count == 6:
                    for (name, frame) in zip(["gcd", "findAndLoad", "unlockedLoad", "loadUnlocked", "execModule", "framesRemoved"], frames) { entry.steps[name] = frame }
                case "missing" where frames.count == 3: entry.steps["unlockedMissing"] = frames[2]
                case "parentbody" where frames.count >= 3: entry.steps["unlockedParent"] = frames[2]
                default: break
                }
                table.bootstrap[fields[0]] = entry
            }
        }
        flush()
        return table
    }

    /// The importlib frames between `import_module(name)` and the failure: for each ancestor level
    /// above the failing one `_gcd_import → _find_and_load → _find_and_load_unlocked (parent import)
    /// → _call_with_frames_removed`, then at the failing level either the not-found step or the
    /// load steps down to `_call_with_frames_removed` (Lib/importlib/_bootstrap.py, recorded lines).
    static func bootstrapFrames(python: String, depth: Int, failingLevel: Int, notFound: Bool) -> [TracebackFrame]? {
        guard let steps = table.bootstrap[python]?.steps else { return nil }
        var names: [String] = []
        var level = depth - 1
        var guardCount = 0
        while level > failingLevel, guardCount < 64 {
            names += ["gcd", "findAndLoad", "unlockedParent", "framesRemoved"]
            level -= 1
            guardCount += 1
        }
        names += notFound ? ["gcd", "findAndLoad", "unlockedMissing"] : ["gcd", "findAndLoad", "unlockedLoad", "loadUnlocked", "execModule", "framesRemoved"]
        var frames: [TracebackFrame] = []
        for name in names {
            guard let step = steps[name] else { return nil }
            frames.append(TracebackFrame(file: step.file, line: step.line, function: step.function, sourceLines: nil))
        }
        return frames
    }

    /// Renders recorded launcher frames with the image's paths.
    static func render(_ frames: [Frame], script: String, site: String, stdlib: String) -> String {
        var out = ""
        for frame in frames {
            // The console script's frame shows the path the kernel ran (the PATH match, unresolved).
            let file = frame.file.hasPrefix("{bin}/") ? script : frame.file.replacingPrefix("{site}/", with: site + "/")
                .replacingPrefix("{stdlib}/", with: stdlib + "/")
            out += "  File \"\(file)\", line \(frame.line), in \(frame.function)\n"
            for line in frame.rendered { out += line + "\n" }
        }
        return out
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
