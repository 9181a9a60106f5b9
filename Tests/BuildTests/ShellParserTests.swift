import Foundation
import Testing
import TestSupport
@testable import Build

/// ShellCommandLine: POSIX quoting, operators, assignments, parameter expansion, redirections, errors
/// (POSIX Shell Command Language §2.2, §2.3, §2.6, §2.9.1), plus a comparison with real bash.
@Suite struct ShellParserTests {
    func words(_ text: String, _ env: [String: String]? = [:]) throws -> [[String]] {
        try ShellParser.parse(text, environment: env).commands.map(\.command.words)
    }

    @Test func quoting() throws {
        #expect(try words(#"a "b c" 'd e' f\ g"#) == [["a", "b c", "d e", "f g"]])
        #expect(try words(#""a"'b'c"#) == [["abc"]])
        #expect(try words(#"'$HOME' "\$HOME" \$HOME"#, ["HOME": "/root"]) == [["$HOME", "$HOME", "$HOME"]])
        #expect(try words(#""a\"b" "a\\b" "a\b" 'a\b'"#) == [[#"a"b"#, #"a\b"#, #"a\b"#, #"a\b"#]])
        #expect(try words(#""" '' x"#) == [["", "", "x"]])
        #expect(try words("a#b #comment") == [["a#b"]])
        #expect(try words("a \\\nb") == [["a", "b"]])
    }

    @Test func operators() throws {
        let line = try ShellParser.parse("a && b || c; d | e & f", environment: [:])
        #expect(line.commands.map(\.command.words) == [["a"], ["b"], ["c"], ["d"], ["e"], ["f"]])
        #expect(line.commands.map(\.next) == [.and, .or, .sequence, .pipe, .sequence, nil])
        #expect(try words("a&&b||c;d") == [["a"], ["b"], ["c"], ["d"]])
        #expect(try words("a '&&' \"|\" b") == [["a", "&&", "|", "b"]])
        #expect(try words("a;") == [["a"]])
    }

    @Test func assignments() throws {
        let line = try ShellParser.parse("PORT=8000 DEBUG=\"1 2\" python app.py X=1", environment: [:])
        let command = try #require(line.commands.first?.command)
        #expect(command.assignments.map(\.name) == ["PORT", "DEBUG"])
        #expect(command.assignments.map(\.value) == ["8000", "1 2"])
        #expect(command.words == ["python", "app.py", "X=1"])
        #expect(try words("\"A\"=1 cmd") == [["A=1", "cmd"]])
        #expect(try words("1A=1 cmd") == [["1A=1", "cmd"]])
        #expect(try ShellParser.parse("A=1", environment: [:]).commands.first?.command.words == [])
    }

    @Test func parameterExpansion() throws {
        let env = ["PORT": "8080", "EMPTY": "", "NAME": "web"]
        #expect(try words("--port ${PORT:-8000} ${UNSET:-8000} ${EMPTY:-d} ${EMPTY-d}x ${NAME:+set} ${UNSET+set}x", env)
                == [["--port", "8080", "8000", "d", "x", "set", "x"]])
        // An unquoted expansion that is empty disappears (§2.6.5 field splitting, §2.6.7).
        #expect(try words("$NAME.py ${NAME}_1 $NAME_1x pre${NAME}post", env) == [["web.py", "web_1", "prewebpost"]])
        // `:=` assigns for the rest of the line (§2.6.2).
        #expect(try words("${UNSET:=v} ${UNSET=w}", env) == [["v", "v"]])
        #expect(try words("a$ b$. \"$\"", env) == [["a$", "b$.", "$"]])
        // Without an environment (exec form) nothing expands.
        #expect(try ShellParser.splitWords("python $PORT ${X:-1} 'a b' && c") == ["python", "$PORT", "${X:-1}", "a b", "&&", "c"])
    }

    @Test func unsetReferences() throws {
        let line = try ShellParser.parse("gunicorn -b 0.0.0.0:$PORT app:app --workers ${WORKERS} ${T:-1} > $LOG", environment: [:])
        #expect(line.commands.first?.command.unsetReferences == ["PORT", "WORKERS", "LOG"])
        #expect(line.commands.first?.command.words == ["gunicorn", "-b", "0.0.0.0:", "app:app", "--workers", "1"])
    }

    @Test func redirections() throws {
        #expect(try words("caddy run 2>&1") == [["caddy", "run"]])
        #expect(try words("python app.py > out.log 2> err.log < in.txt") == [["python", "app.py"]])
        #expect(try words("echo a>b c") == [["echo", "a", "c"]])
        #expect(try words("echo 10 2>/dev/null") == [["echo", "10"]])
    }

    @Test(arguments: [
        ("python -c 'print(1)", "unexpected EOF while looking for matching `''"),
        ("echo \"abc", "unexpected EOF while looking for matching `\"'"),
        ("a &&", "syntax error: unexpected end of command after '&&'"),
        ("a |", "syntax error: unexpected end of command after '|'"),
        ("echo ${PORT", "bad substitution: missing '}'"),
        ("echo ${X:?must be set}", "X: must be set"),
    ])
    func errors(text: String, message: String) {
        #expect(throws: ShellSyntaxError(message: message)) { try ShellParser.parse(text, environment: [:]) }
    }

    @Test func hostileInputsDoNotCrash() {
        for text in ["\\", "'", "\"", "${", "$", "${}", "${:-}", "&&", "|", ";;", String(repeating: "${A:-", count: 2000), String(repeating: "'a' ", count: 5000), "\u{0}"] {
            _ = try? ShellParser.parse(text, environment: [:])
            _ = try? ShellParser.splitWords(text)
        }
    }

    // MARK: comparison with bash

    static let bashInputs: [String] = [
        #"a b   c"#, #""a b" c"#, #"'a b' c"#, #"a\ b"#, #""a"'b'c"#, #"'$A' "$A" \$A"#,
        #"$A"#, #""$A""#, #"x$A"#, #"${A}y"#, #"$A.txt"#, #"${U:-d}"#, #"${U:-x y}"#, #""${U:-x y}""#, #"${E:-d}"#, #"${E-d}"#,
        #"${A:+alt}"#, #"${U:+alt}z"#, #"$U x"#, #""$U" x"#, #"a""b"#, #"''"#, #""a\"b""#, #""a\\b""#, #""a\b""#, #"'a\b'"#,
        #"a#b"#, #"a #c"#, #"x=1"#, #"$S"#, #""$S""#, #"pre${S}post"#, #"${U}"#, #"$U$U"#, #""$U$U""#, #"a$"#, #"a$.b"#,
        #"--port=${PORT:-8000}"#, #"0.0.0.0:$PORT"#, #"'it''s'"#, #""it's""#, #"\"q\""#, #"${A-$E}"#, #"a\\b"#, #"$E"#, #""$E""#,
        #"$S$A"#, #"${U-"x y"}"#, #"${A:-"x y"}"#,
    ]

    @Test func wordSplittingMatchesBash() throws {
        let bash = "/bin/bash"
        guard FileManager.default.isExecutableFile(atPath: bash) else {
            print("skipping the bash comparison: \(bash) not found")
            return
        }
        let env = ["A": "va", "E": "", "S": " s1  s2 ", "PORT": "8080"]
        for input in Self.bashInputs {
            // A marker argument: printf with no arguments still prints its format once.
            let script = "printf '%s\\0' MARK " + input
            let envArgs = ["-i"] + env.map { "\($0.key)=\($0.value)" } + [bash, "--norc", "--noprofile", "-c", script]
            let run = try ProcessRunner.run("/usr/bin/env", envArgs)
            var expected = run.stdout.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
            expected.removeLast()
            expected.removeFirst()
            let parsed = try ShellParser.parse(script, environment: env)
            let actual = Array((parsed.commands.first?.command.words ?? []).dropFirst(3))
            #expect(actual == expected, "input: \(input)")
        }
    }
}
