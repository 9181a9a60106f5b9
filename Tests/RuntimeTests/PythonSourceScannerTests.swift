import Runtime
import Testing

/// The shape of scan results for the constructs railsim relies on.
@Suite("Python statement scanner")
struct PythonSourceScannerTests {
    func scan(_ source: String) throws -> PythonModuleScan { try PythonSourceScanner.scan(source) }

    func span(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> PySourceSpan {
        PySourceSpan(startLine: l1, startColumn: c1, endLine: l2, endColumn: c2)
    }

    @Test func semicolonStatementsHaveTheirOwnSpans() throws {
        let s = try scan("import os; import nosuchmod  # comment\n")
        #expect(s.body.count == 2)
        #expect(s.body[0].span == span(1, 0, 1, 9))
        #expect(s.body[1].span == span(1, 11, 1, 27))
        #expect(s.body[1].kind == .importModules([PyImportedModule(name: "nosuchmod", asName: nil, span: span(1, 18, 1, 27))]))
    }

    @Test func decoratorsAreExpressions() throws {
        let s = try scan("@app.get(\"/health\")\n@cache\ndef health():\n    import json\n")
        guard case let .functionDef(name, decorators, body) = s.body.first?.kind else { Issue.record("no def"); return }
        #expect(name == "health")
        #expect(decorators == [
            .call(PyCall(callee: "app.get", arguments: [PyArgument(keyword: nil, value: .string("/health"))], span: span(1, 1, 1, 19))),
            .name("cache"),
        ])
        #expect(body.count == 1)
        #expect(s.body[0].span == span(3, 0, 4, 15))
    }

    @Test func launchCallsAndAssignments() throws {
        let s = try scan("""
        app = FastAPI(title='x')
        if __name__ == "__main__":
            uvicorn.run("main:app", host="0.0.0.0", port=0x1F90, reload=True, **extra)
        sys.path.insert(0, os.path.dirname(__file__))
        """)
        #expect(s.body[0].kind == .assignment(targets: ["app"], value: .call(PyCall(
            callee: "FastAPI", arguments: [PyArgument(keyword: "title", value: .string("x"))], span: span(1, 6, 1, 24)))))
        guard case let .ifStatement(branches, orElse) = s.body[1].kind else { Issue.record("no if"); return }
        #expect(orElse == nil)
        #expect(branches[0].condition == .mainGuard)
        guard case let .call(run) = branches[0].body.first?.kind else { Issue.record("no call"); return }
        #expect(run.callee == "uvicorn.run")
        #expect(run.arguments.map(\.keyword) == [nil, "host", "port", "reload", nil])
        #expect(run.arguments[2].value == .integer(8080))
        #expect(run.arguments[3].value == .other("True"))
        #expect(run.arguments[4].value == .other("**extra"))
        guard case let .call(insert) = s.body[2].kind else { Issue.record("no insert"); return }
        #expect(insert.callee == "sys.path.insert")
        #expect(insert.arguments[1].value == .call(PyCall(callee: "os.path.dirname", arguments: [PyArgument(keyword: nil, value: .name("__file__"))], span: span(4, 19, 4, 44))))
    }

    @Test func conditions() throws {
        let cases: [(String, PyCondition)] = [
            ("TYPE_CHECKING", .typeChecking),
            ("typing.TYPE_CHECKING", .typeChecking),
            ("not t.TYPE_CHECKING", .notTypeChecking),
            ("'__main__' == __name__", .mainGuard),
            ("sys.version_info >= (3, 11)", .versionCompare(op: ">=", version: [3, 11])),
            ("(3, 8) > sys.version_info", .versionCompare(op: "<", version: [3, 8])),
            ("sys.version_info[:2] == (3, 9)", .versionCompare(op: "==", version: [3, 9])),
            ("sys.platform == 'win32'", .platformCompare(op: "==", value: "win32")),
            ("sys.platform.startswith(\"linux\")", .platformCompare(op: "startswith", value: "linux")),
            ("os.environ.get('X')", .unknown("os.environ.get('X')")),
        ]
        for (test, expected) in cases {
            let s = try scan("if \(test):\n    pass\n")
            guard case let .ifStatement(branches, _) = s.body.first?.kind else { Issue.record("no if for \(test)"); continue }
            #expect(branches[0].condition == expected, "\(test)")
        }
    }

    @Test func tryElseFinallyAndHandlers() throws {
        let s = try scan("""
        try: import a
        except (ImportError, mod.Error) as e: import b
        except: pass
        else: import c
        finally: import d
        """)
        guard case let .tryStatement(body, handlers, orElse, finally) = s.body.first?.kind else { Issue.record("no try"); return }
        #expect(body.count == 1 && orElse.count == 1 && finally.count == 1)
        #expect(handlers.map(\.types) == [["ImportError", "mod.Error"], nil])
        #expect(handlers[0].span == span(2, 0, 2, 46))
        #expect(!s.boundNames.contains("e"))
    }

    @Test func softKeywordsStayNames() throws {
        let s = try scan("""
        match = re.match(p, s)
        type = 1
        case = match.group(0)
        match(x)
        match x:
            case 1: import one
            case _:
                import other
        type Alias = int
        """)
        #expect(s.boundNames.isSuperset(of: ["match", "type", "case", "Alias"]))
        #expect(s.body.contains { if case .match(let cases) = $0.kind { return cases.count == 2 } else { return false } })
        #expect(s.body.contains { if case .call(let c) = $0.kind { return c.callee == "match" } else { return false } })
    }

    @Test func dunderAllAndGetattr() throws {
        let s = try scan("""
        __all__ = ['a', "b"]
        __all__ += ['c']
        __all__.append('d')
        if x:
            def __getattr__(name): ...
        """)
        #expect(s.dunderAll == ["a", "b", "c", "d"])
        #expect(s.definesModuleGetattr)
        #expect(try scan("__all__ = [n for n in dir()]\n").dunderAll == nil)
        #expect(try scan("class C:\n    def __getattr__(self, n): ...\n").definesModuleGetattr == false)
    }

    @Test func dynamicImportsAndLambdas() throws {
        let s = try scan("m = importlib.import_module('.x', package='pkg')\nf = lambda: __import__('lazy')\n")
        #expect(s.body[0].kind == .dynamicImport(PyDynamicImport(function: .importlibImportModule, module: ".x", package: "pkg", span: span(1, 4, 1, 48))))
        guard case .assignment(["m"], .call) = s.body[1].kind else { Issue.record("no assignment"); return }
        guard case let .functionDef("<lambda>", _, body) = s.body[2].kind, case .dynamicImport = body.first?.kind else {
            Issue.record("lambda import not wrapped")
            return
        }
    }

    @Test func stringsAndCommentsDoNotImport() throws {
        let s = try scan("x = 'import a'\n# import b\ny = f\"{'import c'}\" \"\"\"\nimport d\"\"\"\n")
        #expect(s.body.allSatisfy { if case .importModules = $0.kind { return false } else { return true } })
    }

    @Test func tabsCrlfAndBom() throws {
        let source: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("if x:\r\n\timport a\r\n\timport b\r\nimport c".utf8)
        let s = try PythonSourceScanner.scan(source)
        guard case let .ifStatement(branches, _) = s.body.first?.kind else { Issue.record("no if"); return }
        #expect(branches[0].body.count == 2)
        #expect(s.body[0].span.startColumn == 0)
        #expect(s.body[1].span == span(4, 0, 4, 8))
    }

    @Test func encodingCookieDisablesUTF8Validation() throws {
        let latin1: [UInt8] = Array("# -*- coding: latin-1 -*-\nx = '".utf8) + [0xE9] + Array("'\nimport a\n".utf8)
        #expect(try PythonSourceScanner.scan(latin1).boundNames.contains("a"))
    }
}
