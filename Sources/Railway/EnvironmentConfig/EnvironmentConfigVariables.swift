import Snapshot

/// `services.<id>.variables`: a map from name to `{"value": …}` or `null`
/// (cli:src/controllers/config/environment.rs, `variables: BTreeMap<String, Option<Variable>>`).
///
/// Values are kept verbatim, reference templates included: `${{Postgres.DATABASE_URL}}` is
/// resolved by Railway when it deploys (docs:content/docs/variables.md), so resolving it is the
/// variables stage's job, not the reader's.
struct EnvironmentConfigVariables {
    var variables: [ServiceVariable] = []
    var notes: [ProjectNote] = []

    init(_ object: EnvironmentConfigObject) throws(ProjectSourceError) {
        // Members arrive in file order (ConfigDocumentParser restores it), which for an export
        // is the name order of the CLI's BTreeMap.
        for member in object.members {
            let location = SourceLocation(file: object.file, line: member.line ?? object.line)
            if case .null = member.value {
                // `Option<Variable>` = None: a deletion marker in a patch; nothing to set.
                notes.append(.interpreted(location: location,
                                          what: "variable \(member.key) is null (removed); railsim leaves it unset"))
                continue
            }
            guard let entry = try object.object(member.key) else { continue }
            notes += try entry.check(EnvironmentConfigSchema.variable)
            if let value = try entry.string("value") {
                variables.append(ServiceVariable(name: member.key, value: value))
                continue
            }
            // `railway environment config` asks for decrypted values (cli:src/commands/environment/
            // config.rs passes `decrypt_variables = true`), so a missing value is most likely a
            // sealed variable, which the API never shows (docs:content/docs/variables.md). The
            // deploy still gets it, so railsim keeps it set, with an unknown (empty) value.
            let why = try entry.boolean("isSealed") == true ? "is sealed" : "has no value"
            variables.append(ServiceVariable(name: member.key, value: ""))
            notes.append(.interpreted(location: location,
                                      what: "variable \(member.key) \(why) in the export; railsim treats it as set to an empty string"))
        }
    }
}
