import Snapshot

/// Evaluates the parsed `.railway/railway.ts` statically, for one Railway environment, the way
/// the CLI would run it: the default export is the program (`defineRailway(fn)` returns `fn`
/// unchanged), called with the context and `project` (railway-ts-sdk:src/iac/evaluator.ts
/// `resolveDefinition`). Nothing from the file is executed: railsim follows only the subset it can
/// evaluate exactly, and everything else becomes an `IaCUnknown` that is reported where it matters.
///
/// Scopes are frames in an array, addressed by index, so closures can keep theirs without
/// reference types. Recursion follows the syntax tree (whose height the parser capped) and the
/// file's own calls: `maxEvaluationDepth` bounds both together, and `TypeScriptLimits` bounds the
/// calls, the steps and the size of what evaluation builds.
struct InfrastructureAsCodeEvaluator {
    struct Frame: Sendable {
        var bindings: [String: IaCValue] = [:]
        var constants: Set<String> = []
        var parent: Int?
    }

    enum Completion {
        case normal
        case returned(IaCValue)
    }

    static let maxEvaluationDepth = 2 * TypeScriptLimits.maxNesting

    let file: String
    let environment: String
    var frames: [Frame] = [Frame()]
    var resources: [IaCResource] = []
    var notes: [ProjectNote] = []
    var callDepth = 0
    var evaluationDepth = 0
    var evaluationSteps = 0
    private var noted: Set<String> = []
    var contextNoted = false
    var defaultExport: (value: IaCValue, line: Int)?

    init(file: String, environment: String) {
        self.file = file
        self.environment = environment
    }

    func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }

    mutating func noteNotEvaluated(_ line: Int, _ what: String) {
        guard noted.insert("\(line)\u{0}\(what)").inserted else { return }
        notes.append(.notEvaluated(location: location(line), what: what))
    }

    /// Runs the module and returns what its default export defines.
    mutating func run(_ module: [TSStatement]) -> ProjectDefinition {
        for statement in module {
            if case .returned = execute(statement, in: 0) { break }
        }
        guard let export = defaultExport else {
            // The CLI then treats the module object itself as the definition, which has no
            // resources (railway-ts-sdk:src/iac/evaluator.ts `unwrapDefaultExport`).
            noteNotEvaluated(1, "the file has no `export default`, so it declares no resources")
            return ProjectDefinition(notes: notes)
        }
        var definition = export.value
        if case .closure(let program) = definition {
            definition = call(program, [.context, .builtin(.project)], line: export.line)
        }
        var assembler = IaCProjectAssembler(file: file, environment: environment, resources: resources)
        let services = assembler.assemble(definition, line: export.line)
        return ProjectDefinition(services: services, notes: notes + assembler.notes)
    }

    // MARK: - Statements

    mutating func executeAll(_ statements: [TSStatement], in frame: Int) -> Completion {
        for statement in statements {
            if case .returned(let value) = execute(statement, in: frame) { return .returned(value) }
        }
        return .normal
    }

    mutating func execute(_ statement: TSStatement, in frame: Int) -> Completion {
        evaluationDepth += 1
        defer { evaluationDepth -= 1 }
        if evaluationDepth > Self.maxEvaluationDepth {
            noteNotEvaluated(statement.line, "statements nested more than \(Self.maxEvaluationDepth) levels deep")
            return .normal
        }
        let line = statement.line
        switch statement.kind {
        case .importDeclaration(let module, let bindings):
            bindImports(module, bindings, line: line)
        case .exportDefault(let expression):
            defaultExport = (evaluate(expression, in: frame), line)
        case .declaration(let declarators):
            for declarator in declarators {
                let value = declarator.initializer.map { evaluate($0, in: frame) } ?? .undefined
                bind(declarator.binding, to: value, in: frame, line: declarator.line)
                if declarator.constant { frames[frame].constants.formUnion(declarator.binding.names) }
            }
        case .returnStatement(let expression):
            return .returned(expression.map { evaluate($0, in: frame) } ?? .undefined)
        case .expression(let expression):
            executeExpressionStatement(expression, in: frame)
        case .ifStatement(let test, let then, let otherwise):
            let condition = evaluate(test, in: frame)
            guard let taken = condition.truthiness else {
                noteNotEvaluated(line, "the condition of `if (\(test.sourceText))` "
                    + "(\(condition.unknownValue?.reason ?? "unknown")); railsim follows neither branch")
                invalidate(statement.touched, in: frame, line: line, by: "the if statement at line \(line)")
                return .normal
            }
            if let branch = taken ? then : otherwise { return executeAll(branch, in: newFrame(parent: frame)) }
        case .block(let statements):
            return executeAll(statements, in: newFrame(parent: frame))
        case .typeOnly, .empty:
            break
        case .unsupportedDeclaration(let name, let what):
            if let name {
                frames[frame].bindings[name] = .unknown(IaCUnknown(
                    line: line, expression: name, reason: "\(what) at line \(line): railsim does not evaluate function, class or enum declarations",
                    isName: true))
            }
        case .unsupported(let what):
            noteNotEvaluated(line, "\(what): railsim does not follow this control flow")
            invalidate(statement.touched, in: frame, line: line, by: "\(what) at line \(line)")
        }
        return .normal
    }

    /// An expression statement's value is dropped; what matters is its effect. Calls of the
    /// SDK's helpers only declare resources, and `resource.deploy = {…}` is the one assignment
    /// `railway config pull` writes. Anything else may change state railsim cannot see.
    private mutating func executeExpressionStatement(_ expression: TSExpression, in frame: Int) {
        let value = evaluate(expression, in: frame)
        guard let unknown = value.unknownValue else { return }
        noteNotEvaluated(unknown.line, unknown.description)
        // `list.push(x)`, `config.start = …`: whatever the statement acts on may have changed, so
        // its name no longer holds a value railsim knows.
        if let root = expression.rootIdentifier {
            invalidate([root], in: frame, line: expression.line, by: "`\(expression.sourceText)` at line \(expression.line)")
        }
    }

    /// Names a statement railsim did not follow may have changed no longer hold known values.
    mutating func invalidate(_ names: [String], in frame: Int, line: Int, by what: String) {
        for name in names {
            guard let owner = frameDeclaring(name, from: frame) else { continue }
            frames[owner].bindings[name] = .unknown(IaCUnknown(line: line, expression: name,
                                                               reason: "it may be changed by \(what), which railsim does not follow", isName: true))
        }
    }

    /// The frame whose scope declares `name`, searching outwards.
    func frameDeclaring(_ name: String, from frame: Int) -> Int? {
        var index: Int? = frame
        while let current = index {
            if frames[current].bindings[name] != nil { return current }
            index = frames[current].parent
        }
        return nil
    }

    mutating func newFrame(parent: Int) -> Int {
        frames.append(Frame(parent: parent))
        return frames.count - 1
    }

    // MARK: - Bindings

    /// Only `railway/iac` is known (railway-ts-sdk:package.json exports `./iac` of the `railway`
    /// package); any other module's bindings are unknown.
    private mutating func bindImports(_ module: String, _ bindings: [TSImportBinding], line: Int) {
        for binding in bindings {
            let value: IaCValue
            switch binding {
            case .named(let imported, _) where module == "railway/iac":
                value = IaCBuiltin.exported[imported].map { .builtin($0) }
                    ?? .unknown(IaCUnknown(line: line, expression: imported, reason: "railway/iac has no export named \(imported)", isName: true))
            case .namespace where module == "railway/iac":
                value = .sdkNamespace
            default:
                value = .unknown(IaCUnknown(line: line, expression: binding.local, reason: "imported from \"\(module)\", which railsim does not read", isName: true))
            }
            frames[0].bindings[binding.local] = value
        }
    }

    mutating func bind(_ binding: TSBinding, to value: IaCValue, in frame: Int, line: Int) {
        switch binding {
        case .name(let name), .rest(let name):
            frames[frame].bindings[name] = value
        case .object(let pairs, let rest):
            for pair in pairs {
                frames[frame].bindings[pair.local] = memberValue(of: value, pair.key, line: line, expression: pair.key)
            }
            if let rest {
                if case .object(var object) = value {
                    for pair in pairs { object[pair.key] = nil }
                    frames[frame].bindings[rest] = .object(object)
                } else {
                    frames[frame].bindings[rest] = .unknown(IaCUnknown(line: line, expression: "..." + rest, reason: "the rest of \(value.typeDescription)"))
                }
            }
        case .unsupported(let what):
            noteNotEvaluated(line, "\(what): railsim does not evaluate it")
        }
    }

    func lookup(_ name: String, from frame: Int, line: Int) -> IaCValue {
        var index: Int? = frame
        while let current = index {
            if let value = frames[current].bindings[name] { return value }
            index = frames[current].parent
        }
        switch name {
        case "undefined": return .undefined
        case "NaN": return .number(.nan)
        case "Infinity": return .number(.infinity)
        default:
            let reason = Self.runtimeGlobals.contains(name)
                ? "\(name) is a JavaScript runtime global, known only when the file runs"
                : "\(name) is not declared in the file"
            return .unknown(IaCUnknown(line: line, expression: name, reason: reason, isName: true))
        }
    }

    private static let runtimeGlobals: Set<String> = [
        "process", "console", "Buffer", "globalThis", "require", "module", "exports", "__dirname", "__filename",
        "Date", "Math", "JSON", "Object", "Array", "String", "Number", "Boolean", "Symbol", "Promise", "fetch",
        "crypto", "Intl", "RegExp", "Error", "Map", "Set", "Reflect", "Proxy", "parseInt", "parseFloat", "Deno", "Bun",
    ]

    // MARK: - Calls of the file's own functions

    mutating func call(_ closure: IaCClosure, _ arguments: [IaCValue], line: Int) -> IaCValue {
        guard callDepth < TypeScriptLimits.maxCallDepth else {
            return .unknown(IaCUnknown(line: line, expression: "", reason: "calls nested more than \(TypeScriptLimits.maxCallDepth) deep"))
        }
        callDepth += 1
        defer { callDepth -= 1 }
        let frame = newFrame(parent: closure.scope)
        for (position, parameter) in closure.function.parameters.enumerated() {
            if case .rest(let name) = parameter.binding {
                frames[frame].bindings[name] = .array(Array(arguments.dropFirst(position)))
                break
            }
            var value = position < arguments.count ? arguments[position] : .undefined
            if case .undefined = value, let defaultValue = parameter.defaultValue {
                value = evaluate(defaultValue, in: frame)
            }
            bind(parameter.binding, to: value, in: frame, line: closure.line)
        }
        switch closure.function.body {
        case .expression(let expression):
            return evaluate(expression, in: frame)
        case .block(let statements):
            if case .returned(let value) = executeAll(statements, in: frame) { return value }
            return .undefined
        }
    }

    /// `ctx.environment` and friends follow the docs (docs:content/docs/infrastructure-as-code/
    /// reference.md "Environment context"). The CLI's own engine calls the program with `{}`
    /// (cli:src/iac/eval.rs `evaluate_javascript`, `exported({})`), where they would be missing;
    /// railsim names that as an assumption the first time the file depends on them.
    mutating func noteContextUse(_ line: Int) {
        guard !contextNoted else { return }
        contextNoted = true
        notes.append(.interpreted(location: location(line), what:
            "ctx.environment is \"\(environment)\", the environment railsim simulates, as Railway's docs describe the context; "
            + "railway CLI 5.43's built-in engine calls the program with an empty context (src/iac/eval.rs), where ctx.environment is undefined "
            + "and ctx.isEnvironment/ctx.shared fail"))
    }
}
