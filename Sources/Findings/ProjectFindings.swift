import Railway

/// Turns what a project source (railway.ts, an environment config) noticed into findings.
public enum ProjectFindings {
    public static func findings(for notes: [ProjectNote]) -> [Finding] {
        notes.map { note in
            switch note {
            case .notEvaluated(let location, let what):
                return Finding(.infrastructureNotEvaluated, message: "cannot evaluate statically: \(what)", file: location.file, line: location.line,
                               explanation: "railsim reads .railway/railway.ts without running it, so it only knows values written as literals or the documented helpers; this part of the result does not include that value.")
            case .declaredNotSimulated(let location, let what):
                return Finding(.declaredNotSimulated, message: what, file: location.file, line: location.line)
            case .managedTwice(let service, let infrastructure, let configFile):
                return Finding(.managedTwice, message: "\(service) is declared in \(infrastructure) and also managed by \(configFile)", file: configFile.description,
                               explanation: "A service cannot be managed by both Config as Code and Infrastructure as Code (docs.railway.com/infrastructure-as-code).",
                               fix: "Run `railway config migrate --apply` for this service.")
            case .interpreted(let location, let what):
                return Finding(.projectSourceInterpreted, message: what, file: location.file, line: location.line)
            }
        }
    }
}
