/// One problem railsim predicts, as a plain value: reporters render it, nothing else does.
public struct Finding: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, info

        var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Stable id, e.g. `RS401`; see docs/rules.md.
    public var rule: String
    /// Short kebab-case name of the rule, e.g. `module-not-in-image`.
    public var name: String
    public var severity: Severity
    public var message: String
    public var file: String?
    public var line: Int?
    /// The root cause in repository terms.
    public var explanation: String?
    /// What to change.
    public var fix: String?

    public init(_ rule: Rule, message: String, file: String? = nil, line: Int? = nil, explanation: String? = nil, fix: String? = nil) {
        self.rule = rule.id
        self.name = rule.name
        self.severity = rule.severity
        self.message = message
        self.file = file
        self.line = line
        self.explanation = explanation
        self.fix = fix
    }
}

/// The catalogue of rules. Ids never change meaning; new rules get new ids.
public struct Rule: Sendable, Equatable {
    public var id: String
    public var name: String
    public var severity: Finding.Severity

    // Railway: config and builder choice.
    public static let configSyntax = Rule(id: "RS101", name: "config-syntax", severity: .error)
    public static let configUnknownKey = Rule(id: "RS102", name: "config-unknown-key", severity: .warning)
    public static let configInvalidValue = Rule(id: "RS103", name: "config-invalid-value", severity: .error)
    public static let configDeprecated = Rule(id: "RS104", name: "config-as-code-deprecated", severity: .warning)
    public static let repoRootConfigApplies = Rule(id: "RS105", name: "repo-root-config-applies", severity: .warning)
    public static let configFileIgnored = Rule(id: "RS106", name: "config-file-ignored", severity: .warning)
    public static let configUnconfirmedKey = Rule(id: "RS107", name: "config-key-unconfirmed", severity: .info)
    public static let configIgnoredAfterCutoff = Rule(id: "RS108", name: "config-as-code-ignored", severity: .warning)
    public static let managedTwice = Rule(id: "RS109", name: "managed-by-config-and-iac", severity: .error)
    public static let infrastructureNotEvaluated = Rule(id: "RS110", name: "iac-not-evaluated", severity: .warning)
    public static let declaredNotSimulated = Rule(id: "RS111", name: "declared-not-simulated", severity: .info)
    public static let projectSourceInterpreted = Rule(id: "RS112", name: "project-source-interpreted", severity: .info)
    public static let variableReferenceUnresolved = Rule(id: "RS113", name: "variable-reference-unresolved", severity: .warning)
    public static let variableValueUnknown = Rule(id: "RS114", name: "variable-value-unknown", severity: .info)
    public static let dockerfileMissing = Rule(id: "RS201", name: "dockerfile-missing", severity: .error)
    public static let dockerfileOutsideContext = Rule(id: "RS202", name: "dockerfile-outside-context", severity: .warning)
    public static let dockerfilePathIgnored = Rule(id: "RS203", name: "dockerfile-path-ignored", severity: .warning)
    public static let detectedDockerfileWins = Rule(id: "RS204", name: "detected-dockerfile-wins", severity: .warning)
    public static let nixpacksDeprecated = Rule(id: "RS205", name: "nixpacks-deprecated", severity: .info)
    public static let rootDirectoryMissing = Rule(id: "RS206", name: "root-directory-missing", severity: .error)
    // Build.
    public static let buildFailed = Rule(id: "RS301", name: "build-failed", severity: .error)
    public static let copySourceMissing = Rule(id: "RS302", name: "copy-source-not-in-context", severity: .error)
    public static let dockerfileSyntax = Rule(id: "RS303", name: "dockerfile-syntax", severity: .error)
    public static let noProvider = Rule(id: "RS304", name: "no-provider", severity: .error)
    public static let noStartCommand = Rule(id: "RS305", name: "no-start-command", severity: .error)
    public static let runNotModelled = Rule(id: "RS306", name: "run-not-modelled", severity: .info)
    public static let unknownBaseImage = Rule(id: "RS307", name: "unknown-base-image", severity: .warning)
    public static let requirementGuessed = Rule(id: "RS308", name: "requirement-import-name-guessed", severity: .info)
    public static let unsetVariable = Rule(id: "RS309", name: "unset-variable-expanded", severity: .warning)
    public static let unsupportedProvider = Rule(id: "RS310", name: "not-a-python-service", severity: .warning)
    public static let pyprojectWithoutLock = Rule(id: "RS311", name: "pyproject-without-lock", severity: .warning)
    public static let dockerfileWarning = Rule(id: "RS312", name: "dockerfile-warning", severity: .warning)
    public static let requirementNotModelled = Rule(id: "RS313", name: "requirement-not-modelled", severity: .info)
    public static let dependenciesUnknown = Rule(id: "RS314", name: "dependencies-unknown", severity: .info)
    public static let requiresPythonIgnored = Rule(id: "RS315", name: "requires-python-ignored", severity: .warning)
    public static let uvLockStale = Rule(id: "RS316", name: "uv-lock-stale", severity: .error)
    public static let literalMainApp = Rule(id: "RS317", name: "railpack-literal-main-app", severity: .error)
    // Runtime.
    public static let moduleNotInImage = Rule(id: "RS401", name: "module-not-in-image", severity: .error)
    public static let missingDistribution = Rule(id: "RS402", name: "missing-distribution", severity: .error)
    public static let startFileMissing = Rule(id: "RS403", name: "start-file-not-in-image", severity: .error)
    public static let startCrash = Rule(id: "RS404", name: "start-crash", severity: .error)
    public static let lazyImport = Rule(id: "RS405", name: "lazy-import-fails", severity: .warning)
    public static let conditionalImport = Rule(id: "RS406", name: "conditional-import-may-fail", severity: .warning)
    public static let literalVariable = Rule(id: "RS407", name: "variable-not-expanded", severity: .warning)
    public static let notListening = Rule(id: "RS408", name: "not-listening-on-port", severity: .error)
    public static let healthcheckRoute = Rule(id: "RS409", name: "healthcheck-route-missing", severity: .error)
    public static let syntaxError = Rule(id: "RS410", name: "python-syntax-error", severity: .error)
    public static let notSimulated = Rule(id: "RS411", name: "not-simulated", severity: .info)
    public static let assumedDistribution = Rule(id: "RS412", name: "distribution-contents-assumed", severity: .info)
    public static let environmentVariableMissing = Rule(id: "RS413", name: "environment-variable-missing", severity: .error)
    public static let installedOffSysPath = Rule(id: "RS414", name: "installed-off-sys-path", severity: .error)

    public static let all: [Rule] = [
        configSyntax, configUnknownKey, configInvalidValue, configDeprecated, repoRootConfigApplies, configFileIgnored, configUnconfirmedKey, configIgnoredAfterCutoff, managedTwice,
        infrastructureNotEvaluated, declaredNotSimulated, projectSourceInterpreted, variableReferenceUnresolved, variableValueUnknown,
        dockerfileMissing, dockerfileOutsideContext, dockerfilePathIgnored, detectedDockerfileWins, nixpacksDeprecated, rootDirectoryMissing,
        buildFailed, copySourceMissing, dockerfileSyntax, noProvider, noStartCommand, runNotModelled, unknownBaseImage, requirementGuessed,
        unsetVariable, unsupportedProvider, pyprojectWithoutLock, dockerfileWarning, requirementNotModelled, dependenciesUnknown, requiresPythonIgnored, uvLockStale, literalMainApp,
        moduleNotInImage, missingDistribution, startFileMissing, startCrash, lazyImport, conditionalImport, literalVariable, notListening,
        healthcheckRoute, syntaxError, notSimulated, assumedDistribution, environmentVariableMissing, installedOffSysPath,
    ]
}
