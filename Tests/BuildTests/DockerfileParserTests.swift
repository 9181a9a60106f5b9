import Foundation
import Testing
@testable import Build

/// Parser behaviour and BuildKit error texts, case by case.
@Suite struct DockerfileParserTests {
    func parse(_ s: String) throws(DockerfileParseError) -> Dockerfile { try DockerfileParser.parse(Array(s.utf8)) }

    func error(_ s: String) -> DockerfileParseError? {
        do { _ = try parse(s); return nil } catch { return error }
    }

    /// Input, line, BuildKit's message. `BuildKitMessageCatalogueTests` checks that every message here
    /// is one of `BuildKitMessage`'s.
    static let errorCases: [(String, Int, String)] = [
        ("", 0, "the Dockerfile cannot be empty"),
        ("# only\n\n", 2, "file with no instructions"),
        ("FROM x\nENV PATH\n", 2, "ENV must have two arguments"),
        ("FROM x\nENV a=1 b\n", 2, "Syntax error - can't find = in \"b\". Must be of the form: name=value"),
        ("FROM x\nLABEL =v\n", 2, "LABEL names can not be blank"),
        ("FROM x\nCMD [\"a\", 1]\n", 2, "when using JSON array syntax, arrays must be comprised of strings only"),
        ("# escape=\\\n# escape=`\nFROM x\n", 2, "only one escape parser directive can be used"),
        ("# escape=x\nFROM x\n", 1, "invalid escape token 'x' does not match ` or \\"),
        ("FROM x\nRUN cat <<EOF\nbody\n", 2, "unterminated heredoc"),
        ("FROM x\nCOPY onlyone\n", 2, "COPY requires at least two arguments, but only one was provided. Destination could not be determined"),
        ("FROM x\nADD \\\n  onlyone\n", 2, "ADD requires at least two arguments, but only one was provided. Destination could not be determined"),
        ("FROM x\nWORKDIR\n", 2, "WORKDIR requires exactly one argument"),
        ("FROM x\nEXPOSE\n", 2, "EXPOSE requires at least one argument"),
        ("FROM x\nFRM y\n", 2, "unknown instruction: FRM (did you mean FROM?)"),
        ("FROM x\nxyzzy y\n", 2, "unknown instruction: xyzzy"),
        ("FROM x\nrunn y\n", 2, "unknown instruction: runn (did you mean run?)"),
        ("FROM x\nCOPY --form=a b c\n", 2, "unknown flag: --form (did you mean from?)"),
        ("FROM x\nCOPY --chown b c\n", 2, "missing a value on flag: --chown"),
        ("FROM x\nCOPY --link= b c\n", 2, "missing a value on flag: --link"),
        ("FROM x\nCOPY --link=maybe b c\n", 2, "expecting boolean value for flag --link, not: maybe"),
        ("FROM x\nCOPY --from=a --from=b c d\n", 2, "duplicate flag specified: --from"),
        ("FROM x\nENV --foo=1 a=b\n", 2, "unknown flag: --foo"),
        ("FROM x\nRUN --network=bridge echo\n", 2, "invalid network mode \"bridge\""),
        ("FROM a b\n", 1, "FROM requires either one or three arguments"),
        ("FROM a AS 1x\n", 1, "invalid name for build stage: \"1x\", name can't start with a number or contain symbols"),
        ("FROM x\nONBUILD ONBUILD RUN y\n", 2, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"),
        ("FROM x\nONBUILD from y\n", 2, "FROM isn't allowed as an ONBUILD trigger"),
        ("FROM x\nSHELL /bin/sh -c\n", 2, "SHELL requires the arguments to be in JSON form"),
        ("FROM x\nHEALTHCHECK NONE x\n", 2, "HEALTHCHECK NONE takes no arguments"),
        ("FROM x\nHEALTHCHECK FOO x\n", 2, "Unknown type \"FOO\" in HEALTHCHECK (try CMD)"),
        ("FROM x\nHEALTHCHECK --interval=5x CMD y\n", 2, "time: unknown unit \"x\" in duration \"5x\""),
        ("FROM x\nHEALTHCHECK --timeout=1us CMD y\n", 2, "Interval \"timeout\" cannot be less than 1ms"),
        ("FROM x\nHEALTHCHECK --retries=-1 CMD y\n", 2, "--retries cannot be negative (-1)"),
        ("FROM x\nCOPY a <<EOF\nx\nEOF\n", 2, "COPY cannot accept a heredoc as a destination"),
        ("FROM x\nVOLUME [\"\"]\n", 2, "VOLUME specified can not be an empty string"),
        ("ARG =x\nFROM y\n", 1, "ARG names can not be blank"),
        ("RUN x\nFROM y\n", 1, "no build stage in current context"),
        ("FROM x\n" + String(repeating: "a", count: 65536) + "\n", 2, "dockerfile line greater than max allowed size of 65535"),
        ("FROM x\nRUN --security=weird echo\n", 2, "security \"weird\" is not valid"),
        ("FROM x\nHEALTHCHECK CMD\n", 2, "Missing command after HEALTHCHECK CMD"),
        ("FROM x\nHEALTHCHECK --retries=x CMD y\n", 2, "strconv.ParseInt: parsing \"x\": invalid syntax"),
        ("FROM x\nHEALTHCHECK --retries=99999999999 CMD y\n", 2, "strconv.ParseInt: parsing \"99999999999\": value out of range"),
        ("FROM x\nHEALTHCHECK --interval=5 CMD y\n", 2, "time: missing unit in duration \"5\""),
        ("FROM x\nHEALTHCHECK --interval=x CMD y\n", 2, "time: invalid duration \"x\""),
        ("FROM x\nSHELL []\n", 2, "SHELL requires at least one argument"),
    ]

    @Test(arguments: Self.errorCases)
    func errors(input: String, line: Int, message: String) {
        let e = error(input)
        #expect(e?.message == message, "\(input.prefix(60).debugDescription)")
        #expect(e?.line == line, "\(input.prefix(60).debugDescription)")
    }

    @Test func instructionErrorDescriptionHasBuildKitPrefix() {
        #expect(error("FROM x\nWORKDIR\n")?.description == "dockerfile parse error on line 2: WORKDIR requires exactly one argument")
    }

    @Test func continuationsCommentsAndWarnings() throws {
        let f = try parse("FROM x\nRUN foo \\\n# c\n\n  bar \\\n  \nbaz\n")
        let run = f.instructions[1]
        #expect(run.arguments == .shell("foo   bar baz"))
        #expect(run.startLine == 2 && run.endLine == 7)
        #expect(f.warnings == [DockerfileWarning(line: 7, message: "Empty continuation line found in: RUN foo   bar baz", rule: "NoEmptyContinuation")])
    }

    @Test func escapedEscapeIsNotAContinuation() throws {
        let f = try parse("FROM x\nENV C trailing\\\\\nRUN y\n")
        #expect(f.instructions.count == 3)
        #expect(f.instructions[1].arguments == .keyValues([DockerKeyValue(key: "C", value: "trailing\\\\", separator: "")]))
    }

    @Test func directivesAndBacktickEscape() throws {
        let f = try parse("\u{FEFF}# syntax=docker/dockerfile:1\n# escape=`\nFROM x\nRUN a `\n b\n# escape=\\\n")
        #expect(f.escapeToken == "`")
        #expect(f.directives.map(\.name) == ["syntax", "escape"])
        #expect(f.instructions[1].arguments == .shell("a  b"))
        let late = try parse("\n# escape=`\nFROM x\n")
        #expect(late.escapeToken == "\\" && late.directives.isEmpty)
    }

    @Test func flagsJSONAndForms() throws {
        let f = try parse("FROM --platform=$P img AS Build\nCOPY --chown=\"a b\" -- --x /y\nCMD ['a']\nENTRYPOINT [\"a\", \"b\"]\nWORKDIR /a b\n")
        #expect(f.instructions[0].flags == ["--platform=$P"])
        #expect(f.instructions[0].arguments == .words(["img", "AS", "Build"]))
        #expect(f.instructions[1].flags == ["--chown=a b"])
        #expect(f.instructions[1].arguments == .words(["--x", "/y"]))
        #expect(f.instructions[2].arguments == .shell("['a']"))
        #expect(f.instructions[3].arguments == .exec(["a", "b"]))
        #expect(f.instructions[4].arguments == .words(["/a b"]))
    }

    @Test func heredocs() throws {
        let f = try parse("FROM x\nRUN <<A cat <<-'B'\na\nA\n\tb\n\tB\nCOPY <<EOF /d/\nhi $X\nEOF\n")
        let run = f.instructions[1]
        #expect(run.heredocs.map(\.name) == ["A", "B"])
        #expect(run.heredocs[0].expand && !run.heredocs[1].expand && run.heredocs[1].chomp)
        #expect(run.heredocs[1].content == "\tb\n")
        #expect(DockerfileHeredocs.chomp(run.heredocs[1].content) == "b\n")
        #expect(f.instructions[2].heredocs == [DockerHeredoc(name: "EOF", fileDescriptor: 0, expand: true, chomp: false, content: "hi $X\n")])
        #expect(f.instructions[2].endLine == 9)
    }

    /// heredocFromMatch keeps strconv.ParseUint's value on error: too many digits is the maximum, not 0
    /// (found by the differential fuzzer: the oracle reports fd -1, Go's uint max seen as a C int).
    @Test func heredocFileDescriptorOverflow() throws {
        let f = try parse("FROM x\nRUN 3<<A 99999999999999999999<<B\nA\nB\n")
        #expect(f.instructions[1].heredocs.map(\.fileDescriptor) == [3, UInt.max])
    }

    @Test func onbuildTrigger() throws {
        let f = try parse("FROM x\nONBUILD RUN [\"a\"]\n")
        #expect(f.instructions[1].onbuildTrigger?.instruction.arguments == .exec(["a"]))
    }

    @Test func lexerReportsUnsetVariables() throws {
        let e = try DockerShellLexer().expand("/app:$PYTHONPATH", environment: [:])
        #expect(e.value == "/app:" && e.unset == ["PYTHONPATH"])
        #expect(throws: DockerShellError.self) { try DockerShellLexer().processWord("${a:?must be set}", environment: [:]) }
        do { _ = try DockerShellLexer().processWord("${x", environment: [:]) } catch {
            #expect(error.message == "failed to process \"${x\": unsupported modifier (\u{FFFD}) in substitution")
        }
    }

    @Test func lexerNestingIsBounded() {
        let deep = String(repeating: "${a:-", count: 5000) + "x" + String(repeating: "}", count: 5000)
        #expect(throws: DockerShellError.self) { try DockerShellLexer().processWord(deep, environment: [:]) }
        let ok = String(repeating: "${a:-", count: 50) + "x" + String(repeating: "}", count: 50)
        #expect((try? DockerShellLexer().processWord(ok, environment: [:])) == "x")
    }

    @Test func lexerPatternModifiers() throws {
        let env = ["v": "a.tar.gz", "p": "/usr/local/bin:/usr/bin"]
        let l = DockerShellLexer()
        #expect(try l.processWord("${v%.*}", environment: env) == "a.tar")
        #expect(try l.processWord("${v%%.*}", environment: env) == "a")
        #expect(try l.processWord("${v#*.}", environment: env) == "tar.gz")
        #expect(try l.processWord("${v##*.}", environment: env) == "gz")
        #expect(try l.processWord("${p//:/ }", environment: env) == "/usr/local/bin /usr/bin")
        #expect(try l.processWord("${p/usr/opt}", environment: env) == "/opt/local/bin:/usr/bin")
    }

    /// Random bytes and mutations must never crash or hang the parser.
    @Test func fuzzNeverCrashes() {
        var g = DockerfileGenerator(seed: 7)
        for _ in 0..<2000 {
            var bytes = Array(g.next().utf8)
            for _ in 0..<g.rand(4) where !bytes.isEmpty {
                bytes[g.rand(bytes.count)] = UInt8(g.rand(256))
            }
            _ = try? DockerfileParser.parse(bytes)
        }
    }
}
