import Testing
@testable import Build

/// The Procfile as Nixpacks reads it: YAML into a map of strings (nixpacks:src/providers/procfile.rs,
/// serde_yaml 0.9).
@Suite struct NixpacksProcfileTests {
    static func start(_ text: String) throws -> String? {
        try NixpacksProcfile.parse(text).start?.command
    }

    static func failure(_ text: String) -> NixpacksProcfile.Failure? {
        do { _ = try NixpacksProcfile.parse(text); return nil } catch { return error }
    }

    @Test(arguments: [
        ("web: gunicorn app:app --bind 0.0.0.0:$PORT\n", "gunicorn app:app --bind 0.0.0.0:$PORT"),
        ("worker: celery -A x worker\nweb: python web.py\n", "python web.py"),
        ("release: migrate\nworker: celery\n", "celery"),
        ("zeta: z\nalpha: a\n", "a"),
        ("web: python main.py # the server\n", "python main.py"),
        ("web: echo a#b\n", "echo a#b"),
        ("web: 'echo ''quoted'''\n", "echo 'quoted'"),
        ("web: \"python -c \\\"print(1)\\\"\"\n", "python -c \"print(1)\""),
        ("web: 8000\n", "8000"),
        ("web:\n", ""),
        ("web: python\n  main.py\n  --debug\n", "python main.py --debug"),
        ("web:\n  python main.py\n", "python main.py"),
        ("web: a\nweb: b\n", "b"),
        ("# comment only\n\nweb: x\n", "x"),
        ("\u{FEFF}web: x\n", "x"),
        ("  web: x\n  worker: y\n", "x"),
    ])
    func startCommand(text: String, command: String) throws {
        #expect(try Self.start(text) == command)
    }

    @Test func emptyOrReleaseOnly() throws {
        #expect(try Self.start("") == nil)
        #expect(try Self.start("# nothing\n") == nil)
        #expect(try Self.start("release: migrate\n") == nil)
        #expect(try NixpacksProcfile.parse("release: migrate\n").release?.command == "migrate")
    }

    @Test func lineNumbers() throws {
        #expect(try NixpacksProcfile.parse("# c\nworker: w\nweb: x\n").start?.line == 3)
    }

    @Test(arguments: [
        "web: echo ready: go\n",
        "web python main.py\n",
        "web: x\nworker\n",
        "- web: x\n",
        "web: [a, b]\n",
        "web: @x\n",
        "web: x\n\tworker: y\n",
        "web: \"x\" y\n",
        "web: x\n worker: y\n",
    ])
    func invalidYAMLFailsTheBuild(text: String) {
        guard case .invalid? = Self.failure(text) else {
            Issue.record("\(text.debugDescription) should be rejected as YAML")
            return
        }
    }

    @Test(arguments: ["web: &a x\n", "web: |\n  x\n", "---\nweb: x\n", "web: \"x\n  y\"\n", "web: !!str x\n", "{web: x}\n"])
    func unreadYAMLIsReported(text: String) {
        guard case .notModelled? = Self.failure(text) else {
            Issue.record("\(text.debugDescription) should be reported as not modelled")
            return
        }
    }

    @Test func plannerReportsProcfileFailures() {
        let error = NT.error { () throws(NixpacksPlanError) in try NT.plan(["main.py": "", "Procfile": "web: a: b\n"]) }
        #expect(error?.kind == .nixpacks)
        #expect(error?.message.hasPrefix("Reading Procfile") == true)
        #expect(error?.line == 1)
    }
}
