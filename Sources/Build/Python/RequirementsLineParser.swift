// One logical requirements.txt line → entries and problems, mirroring pip 23's `RequirementsFileParser`
// (`break_args_options`, optparse over `shlex.split`) and `parse_req_from_line` / `parse_editable`.
// https://pip.pypa.io/en/stable/reference/requirements-file-format/#supported-options

struct RequirementsLineParser {
    var entries: [RequirementEntry] = []
    var problems: [RequirementProblem] = []

    /// pip's options allowed in requirements files: the global ones, then the per-requirement ones.
    private struct OptionSpec {
        var long: String
        var short: String?
        var takesValue: Bool
        var perRequirement: Bool
    }

    private static let optionSpecs: [OptionSpec] = [
        OptionSpec(long: "--index-url", short: "-i", takesValue: true, perRequirement: false),
        OptionSpec(long: "--extra-index-url", short: nil, takesValue: true, perRequirement: false),
        OptionSpec(long: "--no-index", short: nil, takesValue: false, perRequirement: false),
        OptionSpec(long: "--constraint", short: "-c", takesValue: true, perRequirement: false),
        OptionSpec(long: "--requirement", short: "-r", takesValue: true, perRequirement: false),
        OptionSpec(long: "--editable", short: "-e", takesValue: true, perRequirement: false),
        OptionSpec(long: "--find-links", short: "-f", takesValue: true, perRequirement: false),
        OptionSpec(long: "--no-binary", short: nil, takesValue: true, perRequirement: false),
        OptionSpec(long: "--only-binary", short: nil, takesValue: true, perRequirement: false),
        OptionSpec(long: "--prefer-binary", short: nil, takesValue: false, perRequirement: false),
        OptionSpec(long: "--require-hashes", short: nil, takesValue: false, perRequirement: false),
        OptionSpec(long: "--pre", short: nil, takesValue: false, perRequirement: false),
        OptionSpec(long: "--trusted-host", short: nil, takesValue: true, perRequirement: false),
        OptionSpec(long: "--use-feature", short: nil, takesValue: true, perRequirement: false),
        OptionSpec(long: "--global-option", short: nil, takesValue: true, perRequirement: true),
        OptionSpec(long: "--hash", short: nil, takesValue: true, perRequirement: true),
        OptionSpec(long: "--config-settings", short: nil, takesValue: true, perRequirement: true),
    ]

    mutating func parseLine(_ text: String, line: Int) {
        let (args, optionText) = Self.breakArgsOptions(text)
        guard let tokens = Self.shlexSplit(optionText) else {
            problems.append(.init(line: line, severity: .error, message: "no closing quotation in options: \(optionText)"))
            return
        }
        var parsedOptions: [(spec: OptionSpec, value: String?)] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard token.hasPrefix("-") else {
                // optparse keeps stray positional tokens; pip drops them silently.
                problems.append(.init(line: line, severity: .warning, message: "pip ignores '\(token)' after the options"))
                continue
            }
            switch Self.lookupOption(token) {
            case .failure(let failure):
                problems.append(.init(line: line, severity: .error, message: failure.message))
                return
            case .success(let (spec, inlineValue)):
                var value = inlineValue
                if spec.takesValue && value == nil {
                    guard index < tokens.count else {
                        problems.append(.init(line: line, severity: .error, message: "\(spec.long) option requires an argument"))
                        return
                    }
                    value = tokens[index]
                    index += 1
                } else if !spec.takesValue && value != nil {
                    problems.append(.init(line: line, severity: .error, message: "\(spec.long) option does not take a value"))
                    return
                }
                parsedOptions.append((spec, value))
            }
        }

        if !args.isEmpty {
            var entry = RequirementEntry(line: line, kind: .option(""), editable: false, hashes: [], requirementOptions: [])
            for (spec, value) in parsedOptions {
                if spec.long == "--hash", let value { entry.hashes.append(value) }
                else if spec.perRequirement { entry.requirementOptions.append("\(spec.long)=\(value ?? "")") }
                else {
                    problems.append(.init(line: line, severity: .warning,
                                          message: "pip ignores \(spec.long) on a requirement line; put it on a line of its own"))
                }
            }
            switch Self.requirementKind(args) {
            case .success(let (kind, warning)):
                entry.kind = kind
                entries.append(entry)
                if let warning { problems.append(.init(line: line, severity: .warning, message: warning)) }
            case .failure(let failure):
                problems.append(.init(line: line, severity: .error, message: failure.message))
            }
            return
        }

        for (spec, value) in parsedOptions {
            let v = value ?? ""
            switch spec.long {
            case "--requirement":
                entries.append(.init(line: line, kind: .include(v), editable: false, hashes: [], requirementOptions: []))
            case "--constraint":
                entries.append(.init(line: line, kind: .constraint(v), editable: false, hashes: [], requirementOptions: []))
            case "--editable":
                switch Self.editableReference(v) {
                case .success(let ref):
                    entries.append(.init(line: line, kind: .url(ref), editable: true, hashes: [], requirementOptions: []))
                case .failure(let failure):
                    problems.append(.init(line: line, severity: .error, message: failure.message))
                }
            default:
                if spec.perRequirement {
                    problems.append(.init(line: line, severity: .warning,
                                          message: "pip ignores \(spec.long) on a line without a requirement"))
                } else {
                    let text = spec.takesValue ? "\(spec.long) \(v)" : spec.long
                    entries.append(.init(line: line, kind: .option(text), editable: false, hashes: [], requirementOptions: []))
                }
            }
        }
    }

    // MARK: tokens

    /// pip `break_args_options`: split on single spaces; arguments end at the first token starting with `-`.
    static func breakArgsOptions(_ line: String) -> (String, String) {
        let tokens = line.split(separator: " ", omittingEmptySubsequences: false)
        let firstOption = tokens.firstIndex(where: { $0.hasPrefix("-") }) ?? tokens.count
        let args = tokens[..<firstOption].joined(separator: " ").pipTrimmed()
        let options = tokens[firstOption...].joined(separator: " ")
        return (args, options)
    }

    /// Python `shlex.split` (POSIX mode, no comments); nil on an unterminated quote or trailing escape.
    static func shlexSplit(_ text: String) -> [String]? {
        var out: [String] = []
        var current = ""
        var inToken = false
        var quote: Character?
        var escaping = false
        for ch in text {
            if escaping {
                if quote == "\"" && !"\\\"$`\n".contains(ch) { current.append("\\") }
                current.append(ch)
                escaping = false
                inToken = true
                continue
            }
            if let q = quote {
                if ch == q { quote = nil }
                else if ch == "\\" && q == "\"" { escaping = true }
                else { current.append(ch) }
                continue
            }
            if ch == "\\" { escaping = true; inToken = true }
            else if ch == "'" || ch == "\"" { quote = ch; inToken = true }
            else if ch.isWhitespace {
                if inToken { out.append(current); current = ""; inToken = false }
            } else { current.append(ch); inToken = true }
        }
        if quote != nil || escaping { return nil }
        if inToken { out.append(current) }
        return out
    }

    /// optparse lookup: exact long name, `--name=value`, a unique prefix of a long name, or a short
    /// option with the value attached (`-rfile.txt`).
    private static func lookupOption(_ token: String) -> Result<(OptionSpec, String?), RequirementsLineFailure> {
        if token.hasPrefix("--") {
            let parts = token.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let inline = parts.count > 1 ? String(parts[1]) : nil
            if let spec = optionSpecs.first(where: { $0.long == name }) { return .success((spec, inline)) }
            let candidates = optionSpecs.filter { $0.long.hasPrefix(name) }
            if candidates.count == 1 { return .success((candidates[0], inline)) }
            if candidates.count > 1 {
                return .fail("ambiguous option: \(name) (\(candidates.map(\.long).joined(separator: ", "))?)")
            }
            return .fail("no such option: \(name) (not allowed in a requirements file)")
        }
        let short = String(token.prefix(2))
        guard let spec = optionSpecs.first(where: { $0.short == short }) else {
            return .fail("no such option: \(short) (not allowed in a requirements file)")
        }
        let rest = String(token.dropFirst(2))
        return .success((spec, rest.isEmpty ? nil : rest))
    }
}

/// Why a requirements line was rejected (becomes a `RequirementProblem`).
struct RequirementsLineFailure: Error, Sendable {
    var message: String
}

extension Result where Failure == RequirementsLineFailure {
    static func fail(_ message: String) -> Self { .failure(RequirementsLineFailure(message: message)) }
}
