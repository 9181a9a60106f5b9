/// Every variable of a project environment that reference variables can reach: each service's own
/// variables and what Railway provides to it, and the shared variables
/// (docs:content/docs/variables.md "Reference variables").
public struct ProjectVariables: Sendable, Equatable {
    public var services: [ServiceVariableSet]
    public var shared: [ServiceVariable]
    /// Whether `services` is the whole project (a railway.ts or an exported environment config)
    /// or only the services the command line described. Only a whole project can prove a
    /// `${{name.VAR}}` names no service; otherwise the service may simply be one railsim was not told about.
    public var isWholeProject: Bool

    public init(services: [ServiceVariableSet], shared: [ServiceVariable] = [], isWholeProject: Bool) {
        self.services = services
        self.shared = shared
        self.isWholeProject = isWholeProject
    }

    /// From a map of service name → variables, in name order so results are stable.
    public init(_ variables: [String: [ServiceVariable]], shared: [ServiceVariable] = [], provided: [String: [ProvidedVariable]] = [:],
                isWholeProject: Bool) {
        self.init(services: variables.keys.sorted().map { name in
            ServiceVariableSet(service: name, variables: variables[name] ?? [], provided: provided[name] ?? [])
        }, shared: shared, isWholeProject: isWholeProject)
    }
}

/// One service's variables as railsim knows them.
public struct ServiceVariableSet: Sendable, Equatable {
    public var service: String
    /// As declared, in order; a later duplicate replaces an earlier one.
    public var variables: [ServiceVariable]
    /// What Railway adds (`RailwayProvidedVariables.variables(for:)`).
    public var provided: [ProvidedVariable]
    /// Set for a service whose variables railsim cannot list: a database or other image service
    /// whose template or image defines variables (`DATABASE_URL` of a Postgres service, say).
    /// A reference to a variable it does not list is unknown rather than missing. The text says why.
    public var undeclaredVariables: String?

    public init(service: String, variables: [ServiceVariable], provided: [ProvidedVariable] = [], undeclaredVariables: String? = nil) {
        self.service = service
        self.variables = variables
        self.provided = provided
        self.undeclaredVariables = undeclaredVariables
    }
}
