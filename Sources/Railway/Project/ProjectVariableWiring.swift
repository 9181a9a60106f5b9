/// Resolves reference variables across the services of a project before each is simulated, so a
/// service sees `${{api.PORT}}` or `${{shared.DOMAIN}}` as the deployment would, and carries the
/// variables Railway injects (docs:content/docs/variables.md; docs:content/docs/variables/reference.md).
public enum ProjectVariableWiring {
    /// One service's variables after resolution, and what resolving them noticed.
    public struct Wired: Sendable {
        public var settings: ServiceSettings
        public var notes: [VariableNote]
        public var assumptions: [Assumption]
    }

    /// `services` are the ones to simulate (overrides applied); `project` supplies the others that
    /// references may name (image services, whose own variables railsim cannot list).
    public static func wire(_ services: [ServiceDefinition], project: ProjectDefinition) -> [Wired] {
        var sets: [ServiceVariableSet] = []
        var facts: [String: DeploymentFacts] = [:]
        for definition in services {
            let fact = DeploymentFacts(serviceName: definition.name, environmentName: definition.settings.environment,
                                       userVariables: definition.settings.variables)
            facts[definition.name] = fact
            sets.append(ServiceVariableSet(service: definition.name, variables: definition.settings.variables,
                                           provided: RailwayProvidedVariables.variables(for: fact)))
        }
        for definition in project.services where !services.contains(where: { $0.name == definition.name }) {
            // Not simulated here, but referable: a service `--service` left out has its declared
            // and Railway-provided variables; an image service's template defines variables railsim
            // cannot list, so a reference to one it does not declare is unknown, not missing.
            let fact = DeploymentFacts(serviceName: definition.name, environmentName: definition.settings.environment,
                                       userVariables: definition.settings.variables)
            sets.append(ServiceVariableSet(service: definition.name, variables: definition.settings.variables,
                                           provided: RailwayProvidedVariables.variables(for: fact),
                                           undeclaredVariables: definition.image.map { "\(definition.name) runs the image \($0), whose variables railsim cannot list" }))
        }
        // Only a project whose services carry their real names can prove `${{name.VAR}}` names no
        // service: an environment config export names services by ID (EnvironmentConfigReader).
        let namedByID = project.services.contains { if case .environmentConfig = $0.origin { return true } else { return false } }
        let resolution = ReferenceResolver.resolve(ProjectVariables(services: sets, shared: project.sharedVariables,
                                                                    isWholeProject: !project.services.isEmpty && !namedByID))
        return services.map { definition in
            var settings = definition.settings
            let resolved = resolution.service(named: definition.name)
            // Declared variables keep their order with references replaced; Railway's own (all but
            // PORT, which ProcessEnvironment handles with the `railway-port` assumption) follow.
            settings.variables = settings.variables.map { variable in
                ServiceVariable(name: variable.name, value: resolved?[variable.name]?.value ?? variable.value)
            }
            settings.railwayVariables = (resolved?.variables ?? []).filter { $0.origin == .railway && $0.name != "PORT" && $0.phases.contains(.runtime) }
                .map { ServiceVariable(name: $0.name, value: $0.value) }
            let notes = resolution.notes.filter { $0.service == definition.name }
            // The assumptions behind Railway's own values (PORT's number, the private domain's
            // spelling) matter only where a variable of this service uses them.
            let uses = definition.settings.variables.contains { $0.value.contains("RAILWAY_PRIVATE_DOMAIN") }
            let provided = uses ? (facts[definition.name].map(RailwayProvidedVariables.assumptions(for:)) ?? []).filter { $0.name == "railway-private-domain-label" } : []
            return Wired(settings: settings, notes: notes, assumptions: (notes.isEmpty ? [] : resolution.assumptions) + provided)
        }
    }
}

extension VariableNote {
    /// The service whose variable the note is about.
    public var service: String {
        switch self {
        case .unknownService(let service, _, _, _), .unknownVariable(let service, _, _, _, _), .cycle(let service, _, _, _),
             .valueUnknown(let service, _, _, _), .templateFunction(let service, _, _), .malformedReference(let service, _, _),
             .railwayVariableOverridden(let service, _):
            return service
        }
    }
}
