/// The outcome of resolving a project's reference variables: each service's variables as the
/// deployment would see them, and what could not be resolved.
public struct VariableResolution: Sendable, Equatable {
    /// In the order of `ProjectVariables.services`.
    public var services: [ResolvedServiceVariables]
    /// The shared variables, themselves resolved.
    public var shared: [ResolvedVariable]
    public var notes: [VariableNote]
    /// The undocumented behaviour the values rest on, only where a note made it matter.
    public var assumptions: [Assumption]

    public func service(named name: String) -> ResolvedServiceVariables? { services.first { $0.service == name } }
}

/// One service's variables after resolution: its own, then what Railway provides that it did not set.
public struct ResolvedServiceVariables: Sendable, Equatable {
    public var service: String
    public var variables: [ResolvedVariable]

    public subscript(name: String) -> ResolvedVariable? { variables.first { $0.name == name } }

    /// Name → value for one phase, as the build or the container would get them.
    public func environment(for phase: VariablePhases) -> [String: String] {
        var values: [String: String] = [:]
        for variable in variables where !variable.phases.isDisjoint(with: phase) { values[variable.name] = variable.value }
        return values
    }
}

/// One variable with its references replaced.
public struct ResolvedVariable: Sendable, Equatable {
    public enum Origin: Sendable, Equatable {
        /// Declared on the service (or shared).
        case declared
        /// Provided by Railway.
        case railway
    }

    public var name: String
    /// The value; where part of it is unknown, that part is kept as written (`${{Postgres.DATABASE_URL}}`)
    /// or, for Railway-generated values, stands in with the documented shape.
    public var value: String
    public var origin: Origin
    public var phases: VariablePhases
    /// Why parts of `value` are not the real ones; empty when the value is exact.
    public var unknownParts: [UnknownPart]

    public var isExact: Bool { unknownParts.isEmpty }
}

/// A part of a value railsim cannot know.
public enum UnknownPart: Sendable, Equatable {
    /// A variable of a service whose variables railsim cannot list (a database image, a template).
    case undeclaredService(reference: String, service: String)
    /// A `${{name.VAR}}` whose service railsim was not told about (not the whole project).
    case outsideProject(reference: String)
    /// A value Railway generates (ids, generated domains), stood in by its shape.
    case generatedByRailway(variable: String)
    /// A template function (`secret(32)`), run only when a template is deployed.
    case templateFunction(String)
}
