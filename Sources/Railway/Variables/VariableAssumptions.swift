/// The undocumented choices behind `VariableNote`s: Railway does not say what happens to a
/// reference it cannot resolve, so railsim names its choice wherever one mattered.
enum VariableAssumptions {
    /// cliv3#34 shows `railway run` printing `DATABASE_URL=postgresql://:@:/` for a template whose
    /// references did not resolve, and cliv3#25 "Double templated variables resolve to \"\"".
    static let unresolvedIsEmpty = Assumption(
        name: "railway-unresolved-reference", value: "empty string", alternatives: ["the reference kept as written", "a failed deploy"],
        evidence: "undocumented; railwayapp/cliv3#34 shows unresolved references rendered as empty (DATABASE_URL=postgresql://:@:/), railwayapp/cliv3#25")
    static let cycleIsEmpty = Assumption(
        name: "railway-reference-cycle", value: "the reference closing the loop is empty", alternatives: ["every variable of the loop empty", "the change rejected"],
        evidence: "undocumented; treated like any unresolved reference (railwayapp/cliv3#34)")
    static let malformedKept = Assumption(
        name: "railway-malformed-reference", value: "kept as written", alternatives: ["removed", "empty"],
        evidence: "docs:content/docs/variables/reference.md documents only `${{NAMESPACE.VAR}}` and `${{VAR}}`; nothing on unclosed or nested braces")
    static let systemVariablePrecedence = Assumption(
        name: "railway-system-variable-precedence", value: "Railway's value", alternatives: ["the service's value"],
        evidence: "only PORT is documented as replaceable by a service variable (docs:content/docs/deployments/healthchecks.md)")
}
