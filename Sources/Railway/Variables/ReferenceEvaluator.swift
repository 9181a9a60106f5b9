/// Replaces the references in every variable of a `VariableTable`, each variable once. The walk
/// keeps its own stack instead of recursing, so a chain of references as long as the project
/// allows costs heap, not call depth, and a loop is seen when a reference points at a variable
/// still on the stack.
struct ReferenceEvaluator {
    struct Evaluated: Sendable, Equatable {
        var value: String
        var unknownParts: [UnknownPart]
    }

    private struct Frame {
        var key: VariableKey
        var segments: [VariableTemplate.Segment]
        var index = 0
        var value = ""
        var unknownParts: [UnknownPart] = []

        mutating func append(_ text: String, _ parts: [UnknownPart] = []) {
            value += text
            for part in parts where !unknownParts.contains(part) { unknownParts.append(part) }
            index += 1
        }
    }

    let table: VariableTable
    private(set) var notes: [VariableNote] = []
    private var done: [VariableKey: Evaluated] = [:]

    init(table: VariableTable) { self.table = table }

    /// The value of `root`, evaluating whatever it leads to first.
    mutating func evaluate(_ root: VariableKey) -> Evaluated {
        if let value = done[root] { return value }
        var stack: [Frame] = []
        var onStack: [VariableKey: Int] = [:]
        enter(root, &stack, &onStack)
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].index < stack[top].segments.count else {
                let frame = stack.removeLast()
                onStack[frame.key] = nil
                done[frame.key] = Evaluated(value: frame.value, unknownParts: frame.unknownParts)
                continue
            }
            let owner = stack[top].key
            switch stack[top].segments[stack[top].index] {
            case .text(let text):
                stack[top].append(text)
            case .function(let call, let written):
                notes.append(.templateFunction(service: owner.scope.name, variable: owner.name, call: call))
                stack[top].append(written, [.templateFunction(call)])
            case .reference(let reference):
                switch table.target(of: reference, from: owner.scope) {
                case .variable(let key):
                    if let value = done[key] {
                        stack[top].append(value.value, value.unknownParts)
                    } else if let start = onStack[key] {
                        let path = stack[start...].map(\.key.label) + [key.label]
                        notes.append(.cycle(service: owner.scope.name, variable: owner.name, reference: reference.written, path: path))
                        stack[top].append("")
                    } else {
                        // Evaluate the target first; this segment is read again once it is done.
                        enter(key, &stack, &onStack)
                    }
                case .missingVariable(let scope, let name):
                    notes.append(.unknownVariable(service: owner.scope.name, variable: owner.name, reference: reference.written, scope: scope, name: name))
                    stack[top].append("")
                case .missingService(let namespace):
                    notes.append(.unknownService(service: owner.scope.name, variable: owner.name, reference: reference.written, namespace: namespace))
                    stack[top].append("")
                case .undeclared(let service, let why):
                    notes.append(.valueUnknown(service: owner.scope.name, variable: owner.name, reference: reference.written, why: why))
                    stack[top].append(reference.written, [.undeclaredService(reference: reference.written, service: service)])
                case .outsideProject:
                    notes.append(.valueUnknown(service: owner.scope.name, variable: owner.name, reference: reference.written,
                                               why: "railsim was not told about this service"))
                    stack[top].append(reference.written, [.outsideProject(reference: reference.written)])
                }
            }
        }
        return done[root] ?? Evaluated(value: "", unknownParts: [])
    }

    /// Starts on `key`: a provided variable is done at once, a declared one gets a frame.
    private mutating func enter(_ key: VariableKey, _ stack: inout [Frame], _ onStack: inout [VariableKey: Int]) {
        switch table.definitions[key] {
        case .provided(let provided)?:
            done[key] = Evaluated(value: provided.value, unknownParts: provided.isPlaceholder ? [.generatedByRailway(variable: provided.name)] : [])
        case .template(let template)?:
            for problem in template.problems {
                notes.append(.malformedReference(service: key.scope.name, variable: key.name, problem: problem))
            }
            onStack[key] = stack.count
            stack.append(Frame(key: key, segments: template.segments))
        case nil:
            done[key] = Evaluated(value: "", unknownParts: [])
        }
    }
}
