import Snapshot

/// COPY and ADD: sources from the build context (or another stage), destination rules, missing
/// sources with BuildKit's exact error (dockerfile.md §4, rules 22–31).
struct DockerCopy {
    let evaluator: DockerfileEvaluator
    let instruction: DockerInstruction
    var notes: [BuildNote] = []
    var log: [String] = []
    var failure: BuildFailure?

    init(evaluator: DockerfileEvaluator, instruction: DockerInstruction) {
        self.evaluator = evaluator
        self.instruction = instruction
    }

    func flag(_ name: String) -> String? {
        for flag in instruction.flags where flag.hasPrefix("--\(name)=") { return String(flag.dropFirst(name.count + 3)) }
        return nil
    }

    mutating func apply(to stage: inout DockerStage, stages: [DockerStage]) {
        let words: [String]
        switch instruction.arguments {
        case .exec(let list), .words(let list): words = list
        case .shell(let text): words = text.split(separator: " ").map(String.init)
        default: return
        }
        guard words.count >= 2, let rawDestination = words.last else { return }
        let destinationText = evaluator.expand(rawDestination, in: stage)
        // Relative destinations join WORKDIR; a trailing `/` (or `.`) means a directory
        // (convert.go `pathRelativeToWorkingDir`; util/system/path.go). Several sources do not
        // make it one: BuildKit applies them in order, so files to a missing `/dest` overwrite
        // each other (moby/buildkit#1853; dockerfile.md rule 27).
        let isDirectoryDestination = destinationText.hasSuffix("/") || destinationText == "." || destinationText.hasSuffix("/.")
        let destination = ImagePath.join(stage.image.workingDirectory, destinationText)
        let sources = words.dropLast().map { evaluator.expand($0, in: stage) }

        if let from = flag("from") {
            copyFromStage(from, sources: Array(sources), destination: destination, directoryDestination: isDirectoryDestination, stage: &stage, stages: stages)
            return
        }
        for source in sources {
            if failure != nil { return }
            if source.hasPrefix("<<"), let heredoc = instruction.heredocs.first(where: { "<<" + $0.name == source || source.hasSuffix($0.name) }) {
                let target = ImagePath.join(destination, heredoc.name)
                stage.image.fileSystem.addNodes([target: .file(.generated(contents: Array(heredoc.content.utf8), by: "heredoc in \(evaluator.dockerfilePath):\(instruction.startLine)"))])
                continue
            }
            if instruction.keyword == "ADD", source.hasPrefix("http://") || source.hasPrefix("https://") || source.hasPrefix("git@") {
                notes.append(.runNotModelled(command: "ADD \(source)", location: evaluator.location(instruction)))
                continue
            }
            copyLocal(source, destination: destination, directoryDestination: isDirectoryDestination, stage: &stage)
        }
    }

    /// Sources are cleaned against the context root: a leading `/` and any `..` that would climb
    /// above it are dropped, so `COPY ../shared .` reads `shared` at the context root
    /// (convert_copy.go → NormalizePath("/", src); moby/buildkit#2131).
    func contextPath(_ source: String) -> RepoPath {
        let cleaned = ImagePath.clean("/" + source)
        let relative = RepoPath(String(cleaned.dropFirst())) ?? .root
        return evaluator.context.appending(relative)
    }

    func visible(_ path: RepoPath) -> Bool {
        guard evaluator.snapshot.exists(path) else { return false }
        guard let relative = path.relative(to: evaluator.context) else { return false }
        // .dockerignore'd paths look missing to COPY (convert.go `dispatch`): only what the context
        // transfer sent exists (DockerContextFilter; its kept set already holds every ancestor).
        return !evaluator.ignore.excludes(relative)
    }

    mutating func copyLocal(_ source: String, destination: String, directoryDestination: Bool, stage: inout DockerStage) {
        let matches: [RepoPath]
        if source.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) {
            // A wildcard matching nothing copies nothing (convert_copy.go AllowEmptyWildcard: true).
            matches = GlobMatcher.expand(source, context: evaluator.context, snapshot: evaluator.snapshot).filter(visible)
        } else {
            let path = contextPath(source)
            guard visible(path) else {
                // The cleaned absolute path, as cache/contenthash quotes it.
                let shown = "/" + (path.relative(to: evaluator.context)?.description ?? source)
                failure = BuildFailure(.copySourceMissing(path: shown),
                                       message: BuildKitMessage.copySourceNotFound(path: shown),
                                       location: evaluator.location(instruction))
                return
            }
            matches = [path]
        }
        let excluded = evaluator.ignore
        let context = evaluator.context
        let exclusions: DockerPatternMatcher?
        do { exclusions = try excludeMatcher() } catch {
            failure = BuildFailure(.builderError, message: error.message, location: evaluator.location(instruction))
            return
        }
        let parents = boolFlag("parents")
        if parents, source.contains("**") {
            notes.append(.runNotModelled(command: "\(instruction.keyword) --parents \(source) (`**` spans directories; railsim matches it as `*`)", location: evaluator.location(instruction)))
        }
        for match in matches {
            if evaluator.snapshot.isDirectory(match) {
                // A directory source copies its contents (FS copy.go prepareTargetDir).
                let target = parents ? parentsTarget(source: source, match: match, destination: destination) : destination
                stage.image.fileSystem.add(.mount(target: target, source: match, excluded: ExcludedPaths { path in
                    // A pattern whose regexp only fails when tried (DockerPatternMatcher Kind.invalid) is
                    // treated as not matching here; railsim does not report that BuildKit error for --exclude.
                    if let exclusions, let inSource = path.relative(to: match), !inSource.isRoot,
                       (try? exclusions.isExcluded(inSource.description)) == true { return true }
                    guard let relative = path.relative(to: context) else { return false }
                    return excluded.excludes(relative)
                }))
                log.append("\(instruction.keyword) \(match.isRoot ? "." : match.description) → \(target)")
            } else {
                if let exclusions, (try? exclusions.isExcluded(match.name)) == true { continue }
                // ADD --unpack=false copies a local archive as a file (docs/reference.md "ADD --unpack").
                let unpackDisabled = instruction.flags.last { $0.hasPrefix("--unpack") }.map { $0 != "--unpack" && $0.lowercased() != "--unpack=true" } ?? false
                if instruction.keyword == "ADD", !unpackDisabled, let kind = archiveKind(match) {
                    // Extracted into the destination directory, not copied as a file (dockerfile.md rule 30).
                    notes.append(.runNotModelled(command: "ADD \(match) (a \(kind) archive BuildKit extracts into \(destination); railsim does not read archive contents)",
                                                 location: evaluator.location(instruction)))
                    continue
                }
                let target = parents ? parentsTarget(source: source, match: match, destination: destination)
                    : directoryDestination || stage.image.fileSystem.isDirectory(destination)
                    ? ImagePath.join(destination, match.name) : destination
                stage.image.fileSystem.addNodes([target: .file(.repository(match))])
                log.append("COPY \(match) → \(target)")
            }
        }
    }

    mutating func copyFromStage(_ from: String, sources: [String], destination: String, directoryDestination: Bool,
                                stage: inout DockerStage, stages: [DockerStage]) {
        // --from names a stage (case-insensitive), else a stage index, else an image (convert.go `toCommand`).
        let source: DockerStage? = stages.last { $0.name == from.lowercased() } ?? Int(from).flatMap { index in stages.first { $0.index == index } }
        guard let source else {
            notes.append(.unknownBaseImage(from, location: evaluator.location(instruction)))
            return
        }
        let box = ImageFileSystemBox(source.image.fileSystem)
        for raw in sources {
            let path = ImagePath.join(source.image.workingDirectory.isEmpty ? "/" : "/", raw)
            if source.image.fileSystem.isDirectory(path) {
                stage.image.fileSystem.add(.imported(box, sourcePath: path, target: destination))
            } else if let node = source.image.fileSystem.node(at: path) {
                let target = directoryDestination || stage.image.fileSystem.isDirectory(destination) ? ImagePath.join(destination, ImagePath.basename(path)) : destination
                stage.image.fileSystem.addNodes([target: node])
            } else {
                failure = BuildFailure(.copySourceMissing(path: path),
                                       message: BuildKitMessage.copySourceNotFound(path: path),
                                       location: evaluator.location(instruction))
                return
            }
            // Distributions installed under the copied path come along.
            for distribution in source.image.distributions {
                guard let rest = ImagePath.relative(distribution.sitePackages, to: path) else { continue }
                var moved = distribution
                moved.sitePackages = ImagePath.join(destination, rest.joined(separator: "/"))
                stage.image.distributions.append(moved)
            }
        }
    }
}

/// Go `filepath.Match` per path segment, as BuildKit resolves wildcard sources
/// (fsutil copy/copy.go `ResolveWildcards`): `*` and `?` never cross `/`, `[...]` classes, `\` escapes.
enum GlobMatcher {
    static func expand(_ pattern: String, context: RepoPath, snapshot: RepoSnapshot) -> [RepoPath] {
        let parts = ImagePath.components("/" + pattern)
        var current: [RepoPath] = [context]
        for part in parts {
            var next: [RepoPath] = []
            for directory in current {
                if part.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) {
                    for name in snapshot.children(of: directory) where matches(Array(part.utf8), Array(name.utf8)) { next.append(directory.appending(name)) }
                } else if snapshot.exists(directory.appending(part)) {
                    next.append(directory.appending(part))
                }
            }
            current = next
        }
        return current.sorted()
    }

    /// Iterative matcher with single-star backtracking (bounded by the name length).
    static func matches(_ pattern: [UInt8], _ name: [UInt8]) -> Bool {
        var p = 0, n = 0
        var star: (Int, Int)? = nil
        while n < name.count {
            if p < pattern.count {
                let c = pattern[p]
                if c == UInt8(ascii: "*") { star = (p, n); p += 1; continue }
                if c == UInt8(ascii: "?"), name[n] != UInt8(ascii: "/") { p += 1; n += 1; continue }
                if c == UInt8(ascii: "["), let (matched, width) = matchClass(pattern, p, name[n]) {
                    if matched { p += width; n += 1; continue }
                } else if c == UInt8(ascii: "\\"), p + 1 < pattern.count {
                    if pattern[p + 1] == name[n] { p += 2; n += 1; continue }
                } else if c == name[n] { p += 1; n += 1; continue }
            }
            if let (starP, starN) = star, name[starN] != UInt8(ascii: "/") {
                p = starP + 1
                n = starN + 1
                star = (starP, starN + 1)
                continue
            }
            return false
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }

    private static func matchClass(_ pattern: [UInt8], _ start: Int, _ c: UInt8) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < pattern.count, pattern[i] == UInt8(ascii: "^") { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < pattern.count, first || pattern[i] != UInt8(ascii: "]") {
            first = false
            var low = pattern[i]
            if low == UInt8(ascii: "\\"), i + 1 < pattern.count { i += 1; low = pattern[i] }
            var high = low
            if i + 2 < pattern.count, pattern[i + 1] == UInt8(ascii: "-"), pattern[i + 2] != UInt8(ascii: "]") {
                high = pattern[i + 2]
                i += 2
            }
            if c >= low && c <= high { matched = true }
            i += 1
        }
        guard i < pattern.count else { return nil }
        return (matched != negate, i - start + 1)
    }
}
