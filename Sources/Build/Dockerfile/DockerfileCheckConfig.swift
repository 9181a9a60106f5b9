/// Which build checks run and whether a violation fails the build: BuildKit's `linter.Config`, read
/// from the `# check=` directive or, when set, the BUILDKIT_DOCKERFILE_CHECK build-arg, which then
/// replaces the directive entirely (dockerfile2llb/convert.go `newRuleLinter`; dockerui/config.go
/// reads `build-arg:BUILDKIT_DOCKERFILE_CHECK`). Railway passes service variables as build args, so
/// a service variable of that name is the build-arg.
public struct DockerfileCheckConfig: Sendable, Equatable {
    public var skipAll = false
    public var skipRules: Set<String> = []
    public var experimentalAll = false
    public var experimentalRules: Set<String> = []
    /// `error=true`: any violation fails the build (linter.go `Error`).
    public var returnAsError = false

    public init() {}

    public struct ParseError: Error, Sendable, Equatable { public var message: String }

    /// The build-arg (and service variable) BuildKit reads the config from (dockerui/config.go `keyDockerfileLintArg`).
    public static let buildArgName = "BUILDKIT_DOCKERFILE_CHECK"

    /// linter.go `ParseLintOptions`: up to three `;`-separated `key=value` parts (`strings.SplitN(s, ";", 3)`,
    /// so a third part keeps any further `;`), keys `skip`, `experimental`, `error`.
    public static func parse(_ text: String) throws(ParseError) -> DockerfileCheckConfig {
        var config = DockerfileCheckConfig()
        let trimmed = DockerGoText.trimSpace(text)
        if trimmed.isEmpty { return config }
        for part in splitN(trimmed, ";", 3) {
            guard let (rawKey, rawValue) = DockerGoText.cut(part, "=") else {
                throw ParseError(message: BuildKitMessage.invalidCheckOption(part))
            }
            let key = DockerGoText.trimSpace(rawKey)
            let value = DockerGoText.trimSpace(rawValue)
            switch key {
            case "skip":
                if value == "all" { config.skipAll = true } else { config.skipRules = Set(splitAll(value, ",").map(DockerGoText.trimSpace)) }
            case "experimental":
                if value == "all" { config.experimentalAll = true } else {
                    config.experimentalRules = Set(splitAll(value, ",").map(DockerGoText.trimSpace))
                }
            case "error":
                guard let flag = parseBool(value) else {
                    throw ParseError(message: BuildKitMessage.checkOptionNotBool(part, value))
                }
                config.returnAsError = flag
            default:
                throw ParseError(message: BuildKitMessage.invalidCheckOption(key))
            }
        }
        return config
    }

    /// linter.go `WithMergedConfig`: a per-instruction `# check=` adds skipped and experimental rules; it
    /// cannot clear them, and its `error=` is ignored.
    func merged(with other: DockerfileCheckConfig) -> DockerfileCheckConfig {
        var out = self
        out.skipAll = skipAll || other.skipAll
        out.experimentalAll = experimentalAll || other.experimentalAll
        out.skipRules.formUnion(other.skipRules)
        out.experimentalRules.formUnion(other.experimentalRules)
        return out
    }

    /// linter.go `WithMergedConfigFromComments`: the first comment that parses as a `check` directive
    /// (value cut at its first space, so `# check=skip=X // why` works) is merged; one that fails to
    /// parse leaves the config as it is, and later comments are not looked at.
    func merged(withComments comments: [String]) -> DockerfileCheckConfig {
        for comment in comments {
            let bytes = Array(comment.utf8)
            guard let (key, value) = DockerfileDirectiveScanner.match(Array(DockerfileBytes.trimLeadingSpace(bytes[...]))),
                  key.lowercased() == "check" else { continue }
            let word = DockerGoText.cut(value, " ").map { $0.0 } ?? value
            guard let config = try? Self.parse(word) else { return self }
            return merged(with: config)
        }
        return self
    }

    /// Whether BuildKit's linter runs `rule` under this config (linter.go `Run`): experimental rules only
    /// when enabled, the others unless skipped.
    func runs(_ rule: DockerfileCheckRule) -> Bool {
        if rule.experimental { return experimentalAll || experimentalRules.contains(rule.name) }
        return !(skipAll || skipRules.contains(rule.name))
    }

    /// parser/directives.go `ParseDirective("check", dt)`: its own scan of the file's top lines (BOM and a
    /// `#!` first line skipped, `#` required in column 1, stopping at the first non-directive line), the
    /// value cut at its first space. nil when the file has no `check` directive.
    public static func directiveValue(in bytes: [UInt8]) -> String? {
        var data = bytes[...]
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        if data.starts(with: [UInt8(ascii: "#"), UInt8(ascii: "!")]) {
            guard let newline = data.firstIndex(of: 0x0A) else { return nil }
            data = data[(newline + 1)...]
        }
        var seen: Set<String> = []
        var rest = data
        while !rest.isEmpty {
            let end = rest.firstIndex(of: 0x0A) ?? rest.endIndex
            var line = rest[..<end]
            rest = end < rest.endIndex ? rest[(end + 1)...] : rest[rest.endIndex...]
            if line.last == 0x0D { line = line.dropLast() }  // bufio.ScanLines drops one trailing \r
            guard line.first == UInt8(ascii: "#"),
                  let (key, value) = DockerfileDirectiveScanner.match(Array(DockerfileBytes.trimLeadingSpace(line.dropFirst()))) else { return nil }
            let name = key.lowercased()
            guard DockerfileDirectiveScanner.known.contains(name), seen.insert(name).inserted else { return nil }
            if name == "check" { return DockerGoText.cut(value, " ").map { $0.0 } ?? value }
        }
        return nil
    }

    /// strconv.ParseBool.
    static func parseBool(_ s: String) -> Bool? {
        switch s {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: return nil
        }
    }

    /// Go strings.SplitN.
    static func splitN(_ s: String, _ sep: Unicode.Scalar, _ n: Int) -> [String] {
        var parts: [String] = []
        var rest = Substring(s)
        while parts.count < n - 1, let i = rest.unicodeScalars.firstIndex(of: sep) {
            parts.append(String(rest[..<i]))
            rest = rest[rest.unicodeScalars.index(after: i)...]
        }
        parts.append(String(rest))
        return parts
    }

    /// Go strings.Split (an empty string gives one empty part).
    static func splitAll(_ s: String, _ sep: Unicode.Scalar) -> [String] { splitN(s, sep, Int.max) }
}
