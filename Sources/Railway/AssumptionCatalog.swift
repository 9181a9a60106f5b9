/// The undocumented platform behaviours a user may override with `--assume NAME=VALUE`, and the
/// values each can take. `--explore` simulates every listed alternative of the assumptions a
/// result depends on. Values are short tokens; the evidence lives with the code that assumes.
public enum AssumptionCatalog {
    public struct Entry: Sendable, Equatable {
        public var name: String
        /// railsim's default, first, then the alternatives `--explore` tries.
        public var values: [String]
        /// Accepts values outside `values` (e.g. any port number); `--explore` still tries `values` only.
        public var accepts: @Sendable (String) -> Bool
        public var summary: String
        /// How to describe acceptable values in an error, when not just `values`.
        public var valueHint: String? = nil

        public static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.name == rhs.name && lhs.values == rhs.values }
    }

    public static let configFilePrecedence = "config-file-precedence"
    public static let dockerfilePathBase = "dockerfile-path-base"
    public static let railwayPort = "railway-port"
    public static let customStartWordSplitting = "custom-start-word-splitting"
    public static let buildPlatform = "build-platform"

    public static let entries: [Entry] = [
        Entry(name: configFilePrecedence, values: ["root-directory", "repo-root"], accepts: { ["root-directory", "repo-root"].contains($0) },
              summary: "which config file wins when both the root directory and the repository root hold one"),
        Entry(name: dockerfilePathBase, values: ["root-directory-then-repo-root", "root-directory", "repo-root"],
              accepts: { ["root-directory-then-repo-root", "root-directory", "repo-root"].contains($0) },
              summary: "what a relative dockerfilePath / RAILWAY_DOCKERFILE_PATH is resolved against"),
        Entry(name: railwayPort, values: ["8080"], accepts: { value in Int(value).map { (1...65535).contains($0) } ?? false },
              summary: "the PORT Railway injects when the service sets none (any port number)", valueHint: "a port number 1-65535"),
        Entry(name: customStartWordSplitting, values: ["shell-words", "whitespace"], accepts: { ["shell-words", "whitespace"].contains($0) },
              summary: "how a custom start command on a Dockerfile build is split into words (it runs without a shell)"),
        Entry(name: buildPlatform, values: ["linux/amd64", "linux/arm64"], accepts: { ["linux/amd64", "linux/arm64"].contains($0) },
              summary: "the platform Railway builds Dockerfiles for (BuildKit's TARGETPLATFORM/BUILDPLATFORM ARGs)"),
    ]

    public static func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }

    /// Validates `NAME=VALUE` pairs; the error is one line for the command line.
    public static func parse(_ pairs: [String]) -> Result<[String: String], AssumptionChoiceError> {
        var choices: [String: String] = [:]
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { return .failure(.malformed(pair)) }
            guard let entry = entry(parts[0]) else { return .failure(.unknownName(parts[0], known: entries.map(\.name))) }
            guard entry.accepts(parts[1]) else {
                return .failure(.invalidValue(name: parts[0], value: parts[1], expected: entry.valueHint ?? "one of: " + entry.values.joined(separator: ", ")))
            }
            choices[parts[0]] = parts[1]
        }
        return .success(choices)
    }
}

/// A bad `--assume` argument (input error, exit 2).
public enum AssumptionChoiceError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case unknownName(String, known: [String])
    case invalidValue(name: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .malformed(let pair): return "--assume '\(pair)' must have the form NAME=VALUE"
        case .unknownName(let name, let known): return "--assume: unknown assumption '\(name)' (known: \(known.joined(separator: ", ")))"
        case .invalidValue(let name, let value, let expected):
            return "--assume: '\(value)' is not a value of \(name) (expected \(expected))"
        }
    }
}
