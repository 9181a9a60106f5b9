import Foundation
import Testing
@testable import Build
import TestSupport

/// Keeps "every BuildKit text railsim prints is quoted from BuildKit's source" true without BuildKit's
/// source at hand: each `BuildKitMessage` entry carries citations, its text must still fit them, no
/// other source file spells a catalogued text, and the Dockerfile code's other error texts are
/// railsim's (or another tool's) by an explicit list. `scripts/buildkit-message-audit.py` checks the
/// citations themselves against a BuildKit checkout.
@Suite struct BuildKitMessageCatalogueTests {
    static let dockerfileSources = RepoLocations.packageRoot.appendingPathComponent("Sources/Build/Dockerfile")
    static let catalogueFiles = ["BuildKitMessage.swift", "BuildKitMessage+Build.swift", "BuildKitMessage+Checks.swift"]

    /// One sample output per catalogue entry, with values that exercise Go's quoting.
    static let samples: [(String, String)] = [
        ("emptyDockerfile", BuildKitMessage.emptyDockerfile),
        ("noStagesToBuild", BuildKitMessage.noStagesToBuild),
        ("invalidEscapeToken", BuildKitMessage.invalidEscapeToken("x")),
        ("duplicateDirective", BuildKitMessage.duplicateDirective("escape")),
        ("emptyContinuationLine", BuildKitMessage.emptyContinuationLine("RUN a b")),
        ("unterminatedHeredoc", BuildKitMessage.unterminatedHeredoc),
        ("fileWithNoInstructions", BuildKitMessage.fileWithNoInstructions),
        ("lineTooLong", BuildKitMessage.lineTooLong(max: 65535)),
        ("heredocLexingInconsistent", BuildKitMessage.heredocLexingInconsistent("EOF")),
        ("jsonArrayNotStrings", BuildKitMessage.jsonArrayNotStrings),
        ("mustHaveTwoArguments", BuildKitMessage.mustHaveTwoArguments("ENV")),
        ("missingEquals", BuildKitMessage.missingEquals("a\"b")),
        ("parseErrorOnLine", BuildKitMessage.parseErrorOnLine(3, "x")),
        ("noBuildStage", BuildKitMessage.noBuildStage),
        ("unknownInstruction", BuildKitMessage.unknownInstruction("FRM")),
        ("didYouMean", BuildKitMessage.didYouMean("unknown instruction: FRM", "FROM")),
        ("atLeastOneArgument", BuildKitMessage.atLeastOneArgument("ENV")),
        ("exactlyOneArgument", BuildKitMessage.exactlyOneArgument("USER")),
        ("noDestination", BuildKitMessage.noDestination("COPY")),
        ("heredocDestination", BuildKitMessage.heredocDestination("ADD")),
        ("blankNames", BuildKitMessage.blankNames("LABEL")),
        ("chainedOnbuild", BuildKitMessage.chainedOnbuild),
        ("onbuildTriggerNotAllowed", BuildKitMessage.onbuildTriggerNotAllowed("FROM")),
        ("invalidNetworkMode", BuildKitMessage.invalidNetworkMode("br\"idge")),
        ("invalidSecurity", BuildKitMessage.invalidSecurity("x")),
        ("emptyVolume", BuildKitMessage.emptyVolume),
        ("notJSON", BuildKitMessage.notJSON("SHELL")),
        ("invalidStageName", BuildKitMessage.invalidStageName("1x")),
        ("fromArity", BuildKitMessage.fromArity),
        ("healthcheckNoneArguments", BuildKitMessage.healthcheckNoneArguments),
        ("healthcheckUnknownType", BuildKitMessage.healthcheckUnknownType("FOO")),
        ("healthcheckMissingCommand", BuildKitMessage.healthcheckMissingCommand),
        ("intervalTooShort", BuildKitMessage.intervalTooShort(flag: "timeout", minimum: "1ms")),
        ("negativeRetries", BuildKitMessage.negativeRetries(-1)),
        ("flagWithoutDashes", BuildKitMessage.flagWithoutDashes("x")),
        ("unknownFlag", BuildKitMessage.unknownFlag("--form")),
        ("duplicateFlag", BuildKitMessage.duplicateFlag("--from")),
        ("missingFlagValue", BuildKitMessage.missingFlagValue("--chown")),
        ("notBoolean", BuildKitMessage.notBoolean("--link", "maybe")),
        ("failedToProcess", BuildKitMessage.failedToProcess("${x", "syntax error: missing '}'")),
        ("unexpectedEndLookingFor", BuildKitMessage.unexpectedEndLookingFor("}")),
        ("unterminatedSingleQuote", BuildKitMessage.unterminatedSingleQuote),
        ("unterminatedDoubleQuote", BuildKitMessage.unterminatedDoubleQuote),
        ("missingBrace", BuildKitMessage.missingBrace),
        ("badSubstitution", BuildKitMessage.badSubstitution),
        ("missingSlash", BuildKitMessage.missingSlash),
        ("unsupportedModifier", BuildKitMessage.unsupportedModifier("!")),
        ("requiredVariable", BuildKitMessage.requiredVariable("NAME", BuildKitMessage.notAllowedUnset)),
        ("notAllowedUnset", BuildKitMessage.notAllowedUnset),
        ("notAllowedEmpty", BuildKitMessage.notAllowedEmpty),
        ("invalidPattern", BuildKitMessage.invalidPattern("\\x", "invalid escape '\\x'")),
        ("invalidPatternEscape", BuildKitMessage.invalidPatternEscape("x")),
        ("copySourceNotFound", BuildKitMessage.copySourceNotFound(path: "/requirements.txt")),
        ("processDidNotComplete", BuildKitMessage.processDidNotComplete(["/bin/sh", "-c", "pip install -r requirements.txt"], exitCode: 1)),
        ("invalidCheckOption", BuildKitMessage.invalidCheckOption("skipp")),
        ("checkOptionNotBool", BuildKitMessage.checkOptionNotBool("error=maybe", "maybe")),
        ("failedToParseCheckOptions", BuildKitMessage.failedToParseCheckOptions("invalid check option \"skipp\"")),
        ("failedToParseCheckBuildArg", BuildKitMessage.failedToParseCheckBuildArg("invalid check option \"skipp\"")),
        ("variableInCopyFrom", BuildKitMessage.variableInCopyFrom),
        ("invalidStageIndex", BuildKitMessage.invalidStageIndex(3)),
        ("circularDependency", BuildKitMessage.circularDependency("stage0")),
        ("illegalExclusionPattern", BuildKitMessage.illegalExclusionPattern),
        ("badPattern", BuildKitMessage.badPattern),
        ("scannerTokenTooLong", BuildKitMessage.scannerTokenTooLong),
        ("invalidDuration", BuildKitMessage.invalidDuration(quoted: "\"x\"")),
        ("missingDurationUnit", BuildKitMessage.missingDurationUnit(quoted: "\"5\"")),
        ("unknownDurationUnit", BuildKitMessage.unknownDurationUnit(quotedUnit: "\"x\"", quoted: "\"5x\"")),
        ("parseIntSyntax", BuildKitMessage.parseIntSyntax("x")),
        ("parseIntRange", BuildKitMessage.parseIntRange("99999999999")),
        ("checkWarning", BuildKitMessage.checkWarning(rule: "StageNameCasing", detail: BuildKitMessage.stageNameCasing("Build"), line: 3)),
        ("lintViolation", BuildKitMessage.lintViolation(rules: ["StageNameCasing", "FromAsCasing"])),
        ("stageNameCasingRule", rule(BuildKitMessage.stageNameCasingRule)),
        ("stageNameCasing", BuildKitMessage.stageNameCasing("Build")),
        ("fromAsCasingRule", rule(BuildKitMessage.fromAsCasingRule)),
        ("fromAsCasing", BuildKitMessage.fromAsCasing(from: "FROM", as: "as")),
        ("noEmptyContinuationRule", rule(BuildKitMessage.noEmptyContinuationRule)),
        ("noEmptyContinuation", BuildKitMessage.noEmptyContinuation),
        ("consistentInstructionCasingRule", rule(BuildKitMessage.consistentInstructionCasingRule)),
        ("consistentInstructionCasing", BuildKitMessage.consistentInstructionCasing("run", BuildKitMessage.majorityUppercase)),
        ("majorityLowercase", BuildKitMessage.majorityLowercase),
        ("majorityUppercase", BuildKitMessage.majorityUppercase),
        ("duplicateStageNameRule", rule(BuildKitMessage.duplicateStageNameRule)),
        ("duplicateStageName", BuildKitMessage.duplicateStageName("b\"uild")),
        ("reservedStageNameRule", rule(BuildKitMessage.reservedStageNameRule)),
        ("reservedStageName", BuildKitMessage.reservedStageName("scratch")),
        ("jsonArgsRecommendedRule", rule(BuildKitMessage.jsonArgsRecommendedRule)),
        ("jsonArgsRecommended", BuildKitMessage.jsonArgsRecommended("CMD")),
        ("maintainerDeprecatedRule", rule(BuildKitMessage.maintainerDeprecatedRule)),
        ("maintainerDeprecated", BuildKitMessage.maintainerDeprecated),
        ("undefinedArgInFromRule", rule(BuildKitMessage.undefinedArgInFromRule)),
        ("undefinedArgInFrom", BuildKitMessage.undefinedArgInFrom("VERSON", suggest: "")),
        ("undefinedArgInFromSuggestion", BuildKitMessage.undefinedArgInFromSuggestion("VERSION")),
        ("workdirRelativePathRule", rule(BuildKitMessage.workdirRelativePathRule)),
        ("workdirRelativePath", BuildKitMessage.workdirRelativePath("app")),
        ("undefinedVarRule", rule(BuildKitMessage.undefinedVarRule)),
        ("undefinedVar", BuildKitMessage.undefinedVar("PAHT", suggest: "")),
        ("undefinedVarSuggestion", BuildKitMessage.undefinedVarSuggestion("PATH")),
        ("multipleInstructionsDisallowedRule", rule(BuildKitMessage.multipleInstructionsDisallowedRule)),
        ("multipleInstructionsDisallowed", BuildKitMessage.multipleInstructionsDisallowed("CMD")),
        ("legacyKeyValueFormatRule", rule(BuildKitMessage.legacyKeyValueFormatRule)),
        ("legacyKeyValueFormat", BuildKitMessage.legacyKeyValueFormat("ENV")),
        ("invalidBaseImagePlatformRule", rule(BuildKitMessage.invalidBaseImagePlatformRule)),
        ("redundantTargetPlatformRule", rule(BuildKitMessage.redundantTargetPlatformRule)),
        ("redundantTargetPlatform", BuildKitMessage.redundantTargetPlatform("$TARGETPLATFORM")),
        ("secretsUsedInArgOrEnvRule", rule(BuildKitMessage.secretsUsedInArgOrEnvRule)),
        ("secretsUsedInArgOrEnv", BuildKitMessage.secretsUsedInArgOrEnv("ENV", "API_TOKEN")),
        ("invalidDefaultArgInFromRule", rule(BuildKitMessage.invalidDefaultArgInFromRule)),
        ("invalidDefaultArgInFrom", BuildKitMessage.invalidDefaultArgInFrom("${IMAGE}")),
        ("fromPlatformFlagConstDisallowedRule", rule(BuildKitMessage.fromPlatformFlagConstDisallowedRule)),
        ("fromPlatformFlagConstDisallowed", BuildKitMessage.fromPlatformFlagConstDisallowed("linux/amd64")),
        ("copyIgnoredFileRule", rule(BuildKitMessage.copyIgnoredFileRule)),
        ("copyIgnoredFile", BuildKitMessage.copyIgnoredFile(BuildKitMessage.copyCommandName, "secret.txt")),
        ("copyCommandName", BuildKitMessage.copyCommandName),
        ("addCommandName", BuildKitMessage.addCommandName),
        ("invalidDefinitionDescriptionRule", rule(BuildKitMessage.invalidDefinitionDescriptionRule)),
        ("exposeProtoCasingRule", rule(BuildKitMessage.exposeProtoCasingRule)),
        ("exposeProtoCasing", BuildKitMessage.exposeProtoCasing("80/TCP")),
        ("exposeInvalidFormatRule", rule(BuildKitMessage.exposeInvalidFormatRule)),
        ("exposeInvalidFormat", BuildKitMessage.exposeInvalidFormat("127.0.0.1:80:80")),
    ]

    /// A rule entry as its citations read: name, description, URL.
    static func rule(_ r: DockerfileCheckRule) -> String { [r.name, r.description, r.url ?? ""].joined(separator: " ") }

    static func catalogue() throws -> BuildKitMessageCitations {
        var all = BuildKitMessageCitations(source: "", file: "")
        for name in catalogueFiles {
            let url = dockerfileSources.appendingPathComponent(name)
            let source = try #require(try? String(contentsOf: url, encoding: .utf8))
            let one = BuildKitMessageCitations(source: source, file: name)
            all.entries += one.entries
            all.problems += one.problems
        }
        return all
    }

    /// Entries, citations and samples line up one to one, and every sample fits its citations.
    static func audit(_ catalogue: BuildKitMessageCitations, samples: [(String, String)]) -> [String] {
        var problems = catalogue.problems
        let sampled = Dictionary(samples, uniquingKeysWith: { a, _ in a })
        if sampled.count != samples.count { problems.append("duplicate sample names") }
        let names = Set(catalogue.entries.map(\.name))
        for entry in catalogue.entries {
            guard let text = sampled[entry.name] else { problems.append("`\(entry.name)` has no sample in the test"); continue }
            if !entry.citations.isEmpty && !BuildKitMessageCitations.matches(text, entry.citations) {
                problems.append("`\(entry.name)` produces \(text.debugDescription), which its citations do not describe: \(BuildKitMessageCitations.expression(for: entry.citations))")
            }
        }
        for (name, _) in samples where !names.contains(name) { problems.append("sample `\(name)` names no catalogue entry") }
        return problems
    }

    @Test func everyEntryIsCitedAndFitsItsCitations() throws {
        let catalogue = try Self.catalogue()
        let problems = Self.audit(catalogue, samples: Self.samples)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        let citations = catalogue.entries.reduce(0) { $0 + $1.citations.count }
        print("buildkit message catalogue: \(catalogue.entries.count) entries, \(citations) citations")
        #expect(catalogue.entries.count == Self.samples.count)
    }

    /// The same audit on a made-up catalogue: an uncited entry, a stray citation, and a text that
    /// drifted from its citation must all be reported.
    @Test func auditCatchesUncitedAndDriftedEntries() {
        let source = """
            enum Fake {
                static let uncited = "no build stage in current context"
                // BuildKit frontend/dockerfile/instructions/parse.go errAtLeastOneArgument: "%s requires at least one argument"
                static func drifted(_ c: String) -> String { "\\(c) requires one argument" }
                // BuildKit frontend/dockerfile/parser/parser.go Parse: "unterminated heredoc"

                // BuildKit frontend/dockerfile/instructions/parse.go parseError.Error: "dockerfile parse error on line %d: %v"
                static func fine(_ n: Int) -> String { "dockerfile parse error on line \\(n): x" }
            }
            """
        let fake = BuildKitMessageCitations(source: source, file: "Fake.swift")
        let problems = Self.audit(fake, samples: [("uncited", "no build stage in current context"), ("drifted", "ENV requires one argument"),
                                                  ("fine", "dockerfile parse error on line 3: x")])
        #expect(problems.contains { $0.contains("`uncited` has no citation comment") }, "\(problems)")
        #expect(problems.contains { $0.contains("citation not followed by a catalogue entry") }, "\(problems)")
        #expect(problems.contains { $0.contains("`drifted` produces") }, "\(problems)")
        #expect(!problems.contains { $0.contains("`fine`") }, "\(problems)")
        #expect(problems.count == 3, "\(problems)")
    }

    /// Citation fragments long enough to be unmistakable (short ones such as "not found" or "invalid
    /// syntax" are common words, and other tools' texts use them too).
    static func fragments(_ catalogue: BuildKitMessageCitations) -> Set<String> {
        var out: Set<String> = []
        for entry in catalogue.entries {
            for c in entry.citations {
                for f in BuildKitMessageCitations.pieces(BuildKitMessageCitations.unescape(c.literal)).fixed where f.count >= 20 {
                    out.insert(f)
                }
            }
        }
        return out
    }

    /// String literals on a line of Swift code (comment lines skipped), with Swift escapes left as written.
    static func literals(_ line: String) -> [String] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("//") { return [] }
        guard let re = try? NSRegularExpression(pattern: #""((?:[^"\\]|\\.)*)""#) else { return [] }
        return re.matches(in: line, range: NSRange(line.startIndex..., in: line)).compactMap { m in
            Range(m.range(at: 1), in: line).map { String(line[$0]) }
        }
    }

    static func swiftFiles(under directory: URL) -> [URL] {
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    /// A BuildKit text spelled anywhere but the catalogue would escape the citation check.
    @Test func noCataloguedTextIsSpelledOutsideTheCatalogue() throws {
        let fragments = Self.fragments(try Self.catalogue())
        #expect(fragments.count > 40)
        var found: [String] = []
        for url in Self.swiftFiles(under: RepoLocations.packageRoot.appendingPathComponent("Sources"))
        where !Self.catalogueFiles.contains(url.lastPathComponent) {
            let source = try #require(try? String(contentsOf: url, encoding: .utf8))
            for (n, line) in source.components(separatedBy: "\n").enumerated() {
                for literal in Self.literals(line) {
                    let text = BuildKitMessageCitations.unescape(literal)
                    for f in fragments where text.contains(f) { found.append("\(url.lastPathComponent):\(n + 1): \(f.debugDescription)") }
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// Error texts the Dockerfile code writes as literals, and whose they are. Anything else must come
    /// from `BuildKitMessage` or begin with "railsim".
    static let notBuildKitTexts: [(file: String, prefix: String, owner: String)] = [
        ("DockerfileBuilder.swift", "Dockerfile `", "Railway's message for a missing Dockerfile"),
        ("DockerfileBuilder.swift", "start command cannot be split into words: ", "railsim's, about Railway's start command"),
        ("DockerfileParser.swift", "\\(error)", "the text of an error type railsim does not expect here"),
        ("DockerRun.swift", "ERROR: Could not ", "pip's, from a RUN railsim models"),
        ("DockerRun+Files.swift", "\\(name): cannot stat '", "coreutils', from a RUN railsim models"),
        ("DockerRun+Tools.swift", "error: No virtual environment found;", "uv's, from a RUN railsim models"),
        ("DockerGoRegex.swift", "", "Go regexp/syntax codes; never shown, patternmatcher reports ErrBadPattern instead"),
    ]

    @Test func dockerfileErrorLiteralsAreCataloguedOrNotBuildKits() throws {
        guard let site = try? NSRegularExpression(pattern: #"(?:message|reason):\s*"((?:[^"\\]|\\.)*)"|fail\(\.\w+,\s*"((?:[^"\\]|\\.)*)""#) else {
            Issue.record("expression does not compile")
            return
        }
        var unexplained: [String] = []
        for url in Self.swiftFiles(under: Self.dockerfileSources) where !Self.catalogueFiles.contains(url.lastPathComponent) {
            let file = url.lastPathComponent
            let source = try #require(try? String(contentsOf: url, encoding: .utf8))
            for (n, line) in source.components(separatedBy: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for m in site.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    let group = m.range(at: 1).location != NSNotFound ? 1 : 2
                    guard let r = Range(m.range(at: group), in: line) else { continue }
                    let literal = String(line[r])
                    if literal.hasPrefix("railsim") { continue }
                    if Self.notBuildKitTexts.contains(where: { $0.file == file && literal.hasPrefix($0.prefix) }) { continue }
                    unexplained.append("\(file):\(n + 1): \(literal)")
                }
            }
        }
        #expect(unexplained.isEmpty, "error text neither from BuildKitMessage nor listed as railsim's or another tool's:\n\(unexplained.joined(separator: "\n"))")
    }

    /// The inverse: every text the tests hold up as BuildKit's is one the catalogue cites.
    @Test func everyTestedBuildKitTextIsCatalogued() throws {
        let catalogue = try Self.catalogue()
        var asserted = DockerfileParserTests.errorCases.map(\.2) + DockerfileBuilderTests.parseFailureCases.map(\.1)
        asserted.append(DockerfileBuilderTests.notFound("/requirements.txt"))
        asserted.append("Empty continuation line found in: RUN foo   bar baz")
        let ignoreErrors = try #require(try DockerIgnoreTests.table()["errors"] as? [[String: Any]])
        asserted += ignoreErrors.compactMap { $0["error"] as? String }
        asserted.append("bufio.Scanner: token too long")
        for c in DockerfileLintTests.cases {
            for w in c.warnings {
                asserted.append(w["detail"] ?? "")
                asserted.append([w["rule"] ?? "", w["description"] ?? "", w["url"] ?? ""].joined(separator: " "))
            }
            if let error = c.error { asserted.append(error) }
        }
        var missing: [String] = []
        for text in asserted where !catalogue.entries.contains(where: { BuildKitMessageCitations.matches(text, $0.citations) }) {
            missing.append(text)
        }
        #expect(missing.isEmpty, "asserted as BuildKit's but not catalogued:\n\(missing.joined(separator: "\n"))")
    }
}
