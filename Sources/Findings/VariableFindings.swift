import Railway

/// Turns what resolving reference variables noticed into findings for the service concerned.
public enum VariableFindings {
    public static func findings(for notes: [VariableNote]) -> [Finding] {
        notes.map { note in
            switch note {
            case .unknownService(_, let variable, let reference, let namespace):
                return Finding(.variableReferenceUnresolved, message: "`\(variable)` references `\(reference)`, but the project has no service `\(namespace)`",
                               explanation: "Railway replaces a reference it cannot resolve with an empty string (railwayapp/cliv3#34), so `\(variable)` loses that part.",
                               fix: "Check the service name in `\(reference)`; names are case-sensitive.")
            case .unknownVariable(_, let variable, let reference, let scope, let name):
                return Finding(.variableReferenceUnresolved, message: "`\(variable)` references `\(reference)`, but `\(scope)` has no variable `\(name)`",
                               explanation: "Railway replaces a reference it cannot resolve with an empty string (railwayapp/cliv3#34).",
                               fix: "Define `\(name)` on `\(scope)`, or fix the reference.")
            case .cycle(_, let variable, let reference, let path):
                return Finding(.variableReferenceUnresolved, message: "`\(variable)` references `\(reference)`, which leads back to itself: \(path.joined(separator: " → "))",
                               fix: "Break the loop: give one of these variables a literal value.")
            case .malformedReference(_, let variable, let problem):
                let text: String
                switch problem {
                case .unterminated(let raw): text = "`\(raw)` is not closed by `}}`"
                case .empty(let raw): text = "`\(raw)` is empty"
                case .nested(let raw): text = "`\(raw)` opens a reference inside another"
                }
                return Finding(.variableReferenceUnresolved, message: "`\(variable)`: \(text); the characters are kept as written")
            case .valueUnknown(_, let variable, let reference, let why):
                return Finding(.variableValueUnknown, message: "`\(variable)` depends on `\(reference)`, whose value railsim cannot know: \(why)")
            case .templateFunction(_, let variable, let call):
                return Finding(.variableValueUnknown, message: "`\(variable)` uses the template function `\(call)`, which only runs when a template is deployed")
            case .railwayVariableOverridden(_, let variable):
                return Finding(.variableValueUnknown, message: "`\(variable)` is a variable Railway sets itself; railsim assumes Railway's value stands")
            }
        }
    }
}
