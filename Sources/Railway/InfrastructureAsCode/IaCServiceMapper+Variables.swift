import Snapshot

/// A service's variables: `{ ...variables, ...env }`, `env` winning (sdk.ts `service`), each value
/// normalised as sdk.ts `normalizeVariables` does and compiled to the value Railway stores as
/// cli:src/iac/compiler.rs `variable_to_config` does:
///
/// - a string is the value;
/// - `{ type: "reference", resource, output }` (`db.env.X`, `ref(db, "X")`) is `${{<name>.X}}`;
/// - `{ type: "sharedReference", name }` (`ctx.shared.X`) is `${{shared.X}}`;
/// - `{ type: "preserve" }` keeps whatever Railway already holds, which railsim cannot see;
/// - any other object is a variable config whose `value` is the value.
///
/// Reference templates are kept verbatim: resolving them is the variables stage's job.
extension IaCServiceMapper {
    mutating func variables(_ config: IaCObject) -> [ServiceVariable] {
        var merged = IaCObject(line: config.line)
        for key in ["variables", "env"] {
            switch config.present(key) {
            case nil:
                continue
            case .object(let fields)?:
                for (name, value) in fields.entries { merged[name] = value }
            case .unknown(let unknown)?:
                notes.append(.notEvaluated(location: location(unknown.line), what: "\(key): \(unknown.description)"))
            case let other?:
                notes.append(.interpreted(location: location(line), what: "\(key) is \(other.typeDescription), not an object of variables"))
            }
        }
        var result: [ServiceVariable] = []
        for (name, value) in merged.entries {
            if let text = variableValue(name, value, line: merged.line) { result.append(ServiceVariable(name: name, value: text)) }
        }
        return result
    }

    private mutating func variableValue(_ name: String, _ value: IaCValue, line: Int) -> String? {
        switch value {
        case .string(let text):
            return text
        case .unknown(let unknown):
            notes.append(.notEvaluated(location: location(unknown.line), what: "variable \(name): \(unknown.description)"))
            return nil
        case .object(let fields):
            guard let type = fields.present("type") else {
                // A raw variable config (schema.ts `VariableConfig`): its `value` is what Railway stores.
                if case .string(let text)? = fields.present("value") { return text }
                notes.append(.declaredNotSimulated(location: location(fields.line), what:
                    "variable \(name) has no literal value (a generated or default value)"))
                return nil
            }
            switch type {
            case .string("literal"):
                return string([("variable \(name)", fields.present("value"))])
            case .string("reference"):
                guard case .string(let address)? = fields.present("resource"), case .string(let output)? = fields.present("output") else {
                    notes.append(.interpreted(location: location(fields.line), what: "variable \(name) is a reference without a resource and output"))
                    return nil
                }
                return "${{\(namesByAddress[address] ?? address).\(output)}}"
            case .string("sharedReference"):
                guard case .string(let shared)? = fields.present("name") else { return nil }
                return "${{shared.\(shared)}}"
            case .string("preserve"):
                // compiler.rs leaves preserved variables out of the patch, so Railway keeps its
                // value. railsim cannot see it and, like a sealed variable, treats it as set.
                notes.append(.interpreted(location: location(fields.line), what:
                    "variable \(name) is preserve(): Railway keeps the value it already holds, which railsim cannot see; railsim treats it as set to an empty string"))
                return ""
            case .unknown(let unknown):
                notes.append(.notEvaluated(location: location(unknown.line), what: "variable \(name): \(unknown.description)"))
                return nil
            default:
                notes.append(.interpreted(location: location(fields.line), what: "variable \(name) has a type the SDK does not define; railsim leaves it unset"))
                return nil
            }
        default:
            // normalizeVariables tests `"type" in value`, which throws for anything but an object.
            notes.append(.notEvaluated(location: location(line), what:
                "variable \(name) is \(value.typeDescription), not a string, reference or variable config (the SDK fails on it when the file runs)"))
            return nil
        }
    }
}
