/// Resolves `${{service.VAR}}`, `${{shared.VAR}}` and `${{VAR}}` across a project environment
/// (docs:content/docs/variables.md "Reference variables"; docs:content/docs/variables/reference.md
/// "Template syntax"). References chain: a referenced variable's own references are resolved
/// first (the docs' `GRAPHQL_ENDPOINT=https://${{DOMAIN}}/…` where `DOMAIN=${{shared.DOMAIN}}`).
///
/// Where Railway is silent, railsim chooses and says so (`VariableResolution.assumptions`):
/// a reference to a missing service or variable, or one that closes a loop, becomes empty; a
/// malformed `${{` stays as written. A value railsim cannot know (a database image's
/// `DATABASE_URL`, a service it was not told about, a template function) keeps the reference as
/// written and is marked inexact, so later stages do not read meaning into it.
public enum ReferenceResolver {
    public static func resolve(_ project: ProjectVariables) -> VariableResolution {
        let table = VariableTable(project)
        var evaluator = ReferenceEvaluator(table: table)
        var services: [ResolvedServiceVariables] = []
        for service in table.services {
            let scope = VariableScope.service(service)
            let variables = (table.order[scope] ?? []).map { resolved(VariableKey(scope: scope, name: $0), table, &evaluator) }
            services.append(ResolvedServiceVariables(service: service, variables: variables))
        }
        let shared = (table.order[.shared] ?? []).map { resolved(VariableKey(scope: .shared, name: $0), table, &evaluator) }
        let notes = table.notes + evaluator.notes
        return VariableResolution(services: services, shared: shared, notes: notes, assumptions: assumptions(for: notes))
    }

    private static func resolved(_ key: VariableKey, _ table: VariableTable, _ evaluator: inout ReferenceEvaluator) -> ResolvedVariable {
        let evaluated = evaluator.evaluate(key)
        switch table.definitions[key] {
        case .provided(let provided)?:
            return ResolvedVariable(name: key.name, value: evaluated.value, origin: .railway, phases: provided.phases, unknownParts: evaluated.unknownParts)
        default:
            return ResolvedVariable(name: key.name, value: evaluated.value, origin: .declared, phases: .both, unknownParts: evaluated.unknownParts)
        }
    }

    private static func assumptions(for notes: [VariableNote]) -> [Assumption] {
        var out: [Assumption] = []
        func add(_ assumption: Assumption) { if !out.contains(assumption) { out.append(assumption) } }
        for note in notes {
            switch note {
            case .unknownService, .unknownVariable: add(VariableAssumptions.unresolvedIsEmpty)
            case .cycle: add(VariableAssumptions.cycleIsEmpty)
            case .malformedReference: add(VariableAssumptions.malformedKept)
            case .railwayVariableOverridden: add(VariableAssumptions.systemVariablePrecedence)
            case .valueUnknown, .templateFunction: break
            }
        }
        return out
    }
}
