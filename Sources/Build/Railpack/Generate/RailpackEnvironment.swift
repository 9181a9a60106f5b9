/// The build environment Railpack is given (`--env` on the CLI; the service's variables on
/// Railway). `RAILPACK_*` names configure the build (railpack:core/app/environment.go).
public struct RailpackEnvironment: Sendable, Equatable {
    public var variables: [String: String]

    public init(_ variables: [String: String] = [:]) { self.variables = variables }

    func variable(_ name: String) -> String { variables[name] ?? "" }

    /// `RAILPACK_<name>`, trimmed, with the variable's full name; ("", "") when unset
    /// (railpack:core/app/environment.go GetConfigVariable).
    func configVariable(_ name: String) -> (value: String, name: String) {
        let full = "RAILPACK_" + name
        guard let value = variables[full] else { return ("", "") }
        return (value.trimmingCharacters(in: .whitespacesAndNewlines), full)
    }

    /// A space-separated `RAILPACK_<name>`; a doubled space gives an empty item, as Go's
    /// `strings.Split` does (railpack:core/app/environment.go GetConfigVariableList).
    func configVariableList(_ name: String) -> [String]? {
        let value = configVariable(name).value
        guard !value.isEmpty else { return nil }
        return value.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    }

    /// "1" or "true", any case (railpack:core/app/environment.go IsConfigVariableTruthy).
    func isConfigVariableTruthy(_ name: String) -> Bool {
        let value = configVariable(name).value.lowercased()
        return value == "1" || value == "true"
    }

    /// Variable names starting with `prefix`. Go returns them in map order; railsim sorts them so
    /// the plan is stable (railpack:core/app/environment.go GetSecretsWithPrefix).
    func names(withPrefix prefix: String) -> [String] {
        variables.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
