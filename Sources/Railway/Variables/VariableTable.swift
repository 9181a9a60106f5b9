/// Where a variable lives: a service, or the project's shared variables.
enum VariableScope: Hashable, Sendable {
    case service(String)
    case shared

    /// The namespace as references write it.
    var name: String {
        switch self {
        case .service(let name): return name
        case .shared: return "shared"
        }
    }
}

struct VariableKey: Hashable, Sendable {
    var scope: VariableScope
    var name: String

    var label: String { "\(scope.name).\(name)" }
}

/// Every variable of the project by scope and name, with the precedence settled: a service's
/// own variable replaces what Railway provides only for `PORT`
/// (railway-platform.md §6 "PORT"); for the `RAILWAY_*` names Railway's value stands (assumed).
struct VariableTable: Sendable {
    enum Definition: Sendable {
        case template(VariableTemplate)
        case provided(ProvidedVariable)
    }

    /// What a reference points at, from a given scope.
    enum Target: Sendable, Equatable {
        case variable(VariableKey)
        case missingVariable(scope: String, name: String)
        case missingService(namespace: String)
        case undeclared(service: String, why: String)
        case outsideProject
    }

    private(set) var definitions: [VariableKey: Definition] = [:]
    /// Output order per scope: declared names first, then provided names not declared.
    private(set) var order: [VariableScope: [String]] = [:]
    /// Services in input order, each once.
    private(set) var services: [String] = []
    private(set) var notes: [VariableNote] = []
    private var serviceNames: Set<String> = []
    private var undeclared: [String: String] = [:]
    private let isWholeProject: Bool

    init(_ project: ProjectVariables) {
        isWholeProject = project.isWholeProject
        for set in project.services where serviceNames.insert(set.service).inserted {
            services.append(set.service)
            let scope = VariableScope.service(set.service)
            if let why = set.undeclaredVariables { undeclared[set.service] = why }
            var names: [String] = []
            var seen: Set<String> = []
            for provided in set.provided { definitions[VariableKey(scope: scope, name: provided.name)] = .provided(provided) }
            for variable in set.variables {
                let key = VariableKey(scope: scope, name: variable.name)
                if case .provided(let provided)? = definitions[key], !provided.userOverridable {
                    notes.append(.railwayVariableOverridden(service: set.service, variable: variable.name))
                    continue
                }
                definitions[key] = .template(VariableTemplate(parsing: variable.value))
                if seen.insert(variable.name).inserted { names.append(variable.name) }
            }
            for provided in set.provided where seen.insert(provided.name).inserted { names.append(provided.name) }
            order[scope] = names
        }
        var sharedNames: [String] = []
        var seenShared: Set<String> = []
        for variable in project.shared {
            definitions[VariableKey(scope: .shared, name: variable.name)] = .template(VariableTemplate(parsing: variable.value))
            if seenShared.insert(variable.name).inserted { sharedNames.append(variable.name) }
        }
        order[.shared] = sharedNames
    }

    /// Reads `reference` as written in a variable of `scope`. `shared.` wins over a service called
    /// "shared"; a namespace is tried at each dot, first dot first, so service names may hold dots
    /// and spaces; a body with no known namespace is a variable of the same scope
    /// (docs:content/docs/variables.md "Referencing variables in the same service"). Names are
    /// case-sensitive (railwayapp/railway-skills skills/reference/variables.md "case-sensitive").
    func target(of reference: VariableReference, from scope: VariableScope) -> Target {
        for split in reference.splits {
            if split.namespace == "shared" { return lookup(.shared, split.name) }
            if serviceNames.contains(split.namespace) { return lookup(.service(split.namespace), split.name) }
        }
        let splits = reference.splits
        if splits.isEmpty || definitions[VariableKey(scope: scope, name: reference.body)] != nil {
            return lookup(scope, reference.body)
        }
        let namespace = splits[0].namespace
        return isWholeProject ? .missingService(namespace: namespace) : .outsideProject
    }

    private func lookup(_ scope: VariableScope, _ name: String) -> Target {
        let key = VariableKey(scope: scope, name: name)
        if definitions[key] != nil { return .variable(key) }
        if case .service(let service) = scope, let why = undeclared[service] { return .undeclared(service: service, why: why) }
        return .missingVariable(scope: scope.name, name: name)
    }
}
