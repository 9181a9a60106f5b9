/// What resolving reference variables noticed. Each names the variable holding the reference
/// (`service` is `shared` for a shared variable) and the reference as written. The Findings stage
/// turns them into rules.
public enum VariableNote: Sendable, Equatable {
    /// `${{name.VAR}}` names no service of the project; the reference becomes empty.
    case unknownService(service: String, variable: String, reference: String, namespace: String)
    /// The service (or `shared`) exists but has no such variable; the reference becomes empty.
    case unknownVariable(service: String, variable: String, reference: String, scope: String, name: String)
    /// References that lead back to where they started; the reference that closes the loop becomes
    /// empty. `path` lists `scope.NAME` from the start of the loop to its end.
    case cycle(service: String, variable: String, reference: String, path: [String])
    /// The value depends on a service railsim cannot see into; the reference is kept as written.
    case valueUnknown(service: String, variable: String, reference: String, why: String)
    /// A template function; its result is unknown and the text is kept as written.
    case templateFunction(service: String, variable: String, call: String)
    /// `${{` that does not form a reference; the characters are kept as written.
    case malformedReference(service: String, variable: String, problem: TemplateProblem)
    /// The service sets a variable Railway also provides; railsim lets Railway's value stand.
    case railwayVariableOverridden(service: String, variable: String)
}
