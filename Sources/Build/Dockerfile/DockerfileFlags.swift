/// BuildKit instructions/bflag.go `BFlags.Parse`: validates an instruction's flags against the flags that
/// instruction registers, with BuildKit's messages.
struct DockerfileFlags {
    enum Kind { case bool, string, strings }
    struct Failure: Error { var message: String }

    /// Parsed values: bool flags as "true"/"false", string flags as their last value, strings flags all.
    private(set) var values: [String: [String]] = [:]

    init(_ args: [String], accepts specs: [(String, Kind)]) throws(Failure) {
        let kinds = Dictionary(specs, uniquingKeysWith: { a, _ in a })
        for a in args {
            if a == "--" { return }
            guard a.hasPrefix("--") else {
                throw Failure(message: BuildKitMessage.flagWithoutDashes(a))
            }
            let (flagName, value, hasValue): (String, String, Bool) = DockerGoText.cut(a, "=").map { ($0.0, $0.1, true) } ?? (a, "", false)
            let name = String(flagName.unicodeScalars.dropFirst(2))
            guard let kind = kinds[name] else {
                // bflag.go Parse wraps it with util/suggest.
                throw Failure(message: DockerGoText.suggest(BuildKitMessage.unknownFlag(flagName), value: name, options: specs.map(\.0), caseSensitive: true))
            }
            if values[name] != nil && kind != .strings {
                throw Failure(message: BuildKitMessage.duplicateFlag(flagName))
            }
            switch kind {
            case .bool:
                if hasValue && value.isEmpty {
                    throw Failure(message: BuildKitMessage.missingFlagValue(flagName))
                }
                switch value.lowercased() {
                case "true", "": values[name] = ["true"]
                case "false": values[name] = ["false"]
                default:
                    throw Failure(message: BuildKitMessage.notBoolean(flagName, value))
                }
            case .string:
                guard hasValue else { throw Failure(message: BuildKitMessage.missingFlagValue(flagName)) }
                values[name] = [value]
            case .strings:
                guard hasValue else { throw Failure(message: BuildKitMessage.missingFlagValue(flagName)) }
                values[name, default: []].append(value)
            }
        }
    }

    func value(_ name: String) -> String? { values[name]?.last }
}
