/// Which stages BuildKit actually builds. Railway passes no `--target`, so the target is the last
/// stage (dockerfile2llb/convert.go `resolveTarget` → `lastTarget`), and only the stages it reaches
/// through `FROM <stage>`, `COPY --from` and `RUN --mount=from=` are dispatched
/// (convert.go `resolveReachableStages`, `dispatchStages`: unreachable states are skipped). A
/// broken COPY in a stage nobody needs therefore never fails the build.
///
/// The dependency edges are built for every stage before any is dispatched
/// (convert.go `buildStageDependencyGraph`), so the errors found there — a variable in `--from`,
/// an out-of-range stage index, a cycle — fail the build whichever stage they are in.
struct DockerStageGraph {
    struct Stage {
        /// The name after `AS`, lowercased as BuildKit stores it (instructions/parse.go `parseBuildStageName`).
        var name: String?
        /// BuildKit's state name: the stage name, or `stage-<index>` (convert.go `buildDispatchStates`).
        var stateName: String
        /// The earlier stage this one is built FROM, if any.
        var base: Int?
        /// Stages this one reads from (COPY --from, RUN --mount from=), including ONBUILD triggers it inherits.
        var dependencies: [Int] = []
        var fromInstruction: DockerInstruction
    }

    struct Failure: Error, Equatable {
        var message: String
        var line: Int
    }

    private(set) var stages: [Stage] = []
    private let lexer: DockerShellLexer

    /// `expandBaseName` expands a FROM image word with the meta ARGs, as BuildKit does before it
    /// matches the word against earlier stage names (convert.go `buildDispatchStates`).
    init(_ dockerfile: Dockerfile, expandBaseName: (String) -> String) throws(Failure) {
        lexer = DockerShellLexer(escapeToken: dockerfile.escapeToken)
        var byName: [String: Int] = [:]
        var ownTriggers: [[DockerInstruction]] = []
        var references: [[(from: String, instruction: DockerInstruction, isMount: Bool)]] = []
        for instruction in dockerfile.instructions {
            if instruction.keyword == "FROM" {
                guard case .words(let words) = instruction.arguments, let raw = words.first else { continue }
                let index = stages.count
                let name = words.count == 3 ? words[2].lowercased() : nil
                // dispatchStates.addState: the base is looked up among the stages registered so far; a later
                // stage with the same name replaces the earlier one in the name table.
                let base = byName[expandBaseName(raw).lowercased()]
                stages.append(Stage(name: name, stateName: name ?? "stage-\(index)", base: base, fromInstruction: instruction))
                if let name { byName[name] = index }
                ownTriggers.append([])
                references.append([])
                continue
            }
            guard !stages.isEmpty else { continue }
            let last = stages.count - 1
            if let trigger = instruction.onbuildTrigger?.instruction {
                ownTriggers[last].append(trigger)
                continue
            }
            references[last] += Self.stageReferences(instruction)
        }
        // A stage built FROM another stage runs that stage's own ONBUILD triggers first, and they can add
        // dependencies (convert.go `resolveStages` → `initOnBuildTriggers`); triggers are not inherited further.
        for index in stages.indices {
            if let base = stages[index].base {
                references[index] = ownTriggers[base].flatMap(Self.stageReferences) + references[index]
            }
        }
        for index in stages.indices {
            for reference in references[index] {
                if let dependency = try resolve(reference, byName: byName) {
                    stages[index].dependencies.append(dependency)
                }
            }
        }
        try checkCycles(references: references, byName: byName)
    }

    /// The stages the last stage needs, itself included (convert.go `allReachableStages`), walked with
    /// an explicit stack so a long chain of stages cannot exhaust the call stack.
    var reachableFromTarget: Set<Int> {
        guard let target = stages.indices.last else { return [] }
        var seen: Set<Int> = [target]
        var stack = [target]
        while let index = stack.popLast() {
            let stage = stages[index]
            for next in (stage.base.map { [$0] } ?? []) + stage.dependencies where seen.insert(next).inserted {
                stack.append(next)
            }
        }
        return seen
    }

    private static func stageReferences(_ instruction: DockerInstruction) -> [(from: String, instruction: DockerInstruction, isMount: Bool)] {
        switch instruction.keyword {
        case "COPY":
            // instructions/parse.go parseCopy: `--from` is a string flag; its last value wins (bflag.go).
            guard let from = instruction.flags.last(where: { $0.hasPrefix("--from=") }).map({ String($0.dropFirst(7)) }), !from.isEmpty else { return [] }
            return [(from, instruction, false)]
        case "RUN":
            // instructions/commands_runmount.go parseMount: comma-separated key=value fields, keys case-insensitive.
            return instruction.flags.filter { $0.hasPrefix("--mount=") }.compactMap { flag in
                for field in flag.dropFirst(8).split(separator: ",") {
                    let parts = field.split(separator: "=", maxSplits: 1)
                    if parts.count == 2, parts[0].lowercased() == "from" {
                        return (String(parts[1]), instruction, true)
                    }
                }
                return nil
            }
        default:
            return []
        }
    }

    /// convert.go `toCommand`: a number is a stage index, otherwise a stage name, otherwise an image.
    private func resolve(_ reference: (from: String, instruction: DockerInstruction, isMount: Bool), byName: [String: Int]) throws(Failure) -> Int? {
        let from = reference.from
        if reference.isMount {
            // convert_runmount.go detectRunMount: mounts resolve by name only.
            return byName[from.lowercased()]
        }
        let line = reference.instruction.startLine
        let expanded: String
        do { expanded = try lexer.processWord(from, environment: [:]) } catch { throw Failure(message: error.description, line: line) }
        if expanded != from {
            throw Failure(message: BuildKitMessage.variableInCopyFrom, line: line)
        }
        if let index = Self.goAtoi(from) {
            guard index >= 0, index < stages.count else {
                throw Failure(message: BuildKitMessage.invalidStageIndex(index), line: line)
            }
            return index
        }
        return byName[from.lowercased()]
    }

    /// validations.go `validateCircularDependency`: states are tried in order, and the first one from
    /// which a dependency cycle is reachable names the error. Edges are COPY --from / mount sources only.
    private func checkCycles(references: [[(from: String, instruction: DockerInstruction, isMount: Bool)]], byName: [String: Int]) throws(Failure) {
        enum Mark { case unvisited, onPath, done }
        var marks = [Mark](repeating: .unvisited, count: stages.count)
        for root in stages.indices where marks[root] == .unvisited {
            // Iterative depth-first search: (stage, next dependency to look at).
            var stack: [(Int, Int)] = [(root, 0)]
            marks[root] = .onPath
            while let (index, position) = stack.popLast() {
                let dependencies = stages[index].dependencies
                guard position < dependencies.count else { marks[index] = .done; continue }
                stack.append((index, position + 1))
                let next = dependencies[position]
                switch marks[next] {
                case .onPath:
                    let line = references[index].first { (try? resolve($0, byName: byName)) == next }?.instruction.startLine
                        ?? stages[root].fromInstruction.startLine
                    throw Failure(message: BuildKitMessage.circularDependency(stages[root].stateName), line: line)
                case .unvisited:
                    marks[next] = .onPath
                    stack.append((next, 0))
                case .done:
                    continue
                }
            }
        }
    }

    /// Go `strconv.Atoi`: optional sign, ASCII digits only.
    static func goAtoi(_ text: String) -> Int? {
        var digits = Substring(text)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }
}
