import Testing
@testable import Build

@Suite("requirements.txt parser")
struct RequirementsFileTests {
    private func parse(_ text: String) -> RequirementsFile { RequirementsFile.parse(text, path: "requirements.txt") }

    private func requirement(_ entry: RequirementEntry?) -> PythonRequirement? {
        if case .requirement(let r)? = entry?.kind { return r }
        return nil
    }

    private func reference(_ entry: RequirementEntry?) -> RequirementDirectReference? {
        if case .url(let r)? = entry?.kind { return r }
        return nil
    }

    @Test("plain requirements, extras, specifiers, markers and PEP 503 names")
    func plain() throws {
        let file = parse("""
            Django>=4.2,<5
            PyYAML
            uvicorn[standard] == 0.30.1
            Foo.Bar_baz[a, b,a]  ~=1.4.2 ; python_version<'3.11' and sys_platform=="linux"
            requests (>=2.0)
            """)
        #expect(file.problems.isEmpty)
        #expect(file.entries.count == 5)
        let django = try #require(requirement(file.entries[0]))
        #expect(django.name == "Django" && django.normalizedName == "django")
        #expect(django.specifier == ">=4.2,<5")
        #expect(file.entries[0].line == 1)
        #expect(requirement(file.entries[1])?.normalizedName == "pyyaml")
        let uvicorn = try #require(requirement(file.entries[2]))
        #expect(uvicorn.extras == ["standard"] && uvicorn.specifier == "==0.30.1")
        let foo = try #require(requirement(file.entries[3]))
        #expect(foo.normalizedName == "foo-bar-baz")
        #expect(foo.extras == ["a", "b"])
        #expect(foo.clauses == [RequirementVersionClause(op: "~=", version: "1.4.2")])
        #expect(foo.marker == #"python_version < "3.11" and sys_platform == "linux""#)
        #expect(requirement(file.entries[4])?.specifier == ">=2.0")
        #expect(file.normalizedNames == ["django", "pyyaml", "uvicorn", "foo-bar-baz", "requests"])
    }

    @Test("comments need whitespace before '#'; blank lines are skipped")
    func comments() throws {
        let file = parse("""
            # a comment

            flask # web framework
            \t# indented comment
            git+https://github.com/org/repo.git#egg=repo
            six#not-a-comment
            """)
        #expect(file.entries.count == 2)
        #expect(requirement(file.entries[0])?.name == "flask")
        #expect(file.entries[0].line == 3)
        let repo = try #require(reference(file.entries[1]))
        #expect(repo.form == .vcs && repo.name == "repo" && repo.url.hasSuffix("#egg=repo"))
        #expect(file.problems.count == 1)
        #expect(file.problems.first?.line == 6)
        #expect(file.problems.first?.severity == .error)
    }

    @Test("line continuations keep the first line number; hashes are collected")
    func continuations() throws {
        let file = parse("""
            numpy==1.26.4 \\
                --hash=sha256:aaaa \\
                --hash sha256:bbbb
            # comment ending in a backslash is not a continuation \\
            pandas
            req\\
            uests
            """)
        #expect(file.problems.isEmpty, "\(file.problems)")
        #expect(file.entries.count == 3)
        #expect(file.entries[0].line == 1)
        #expect(file.entries[0].hashes == ["sha256:aaaa", "sha256:bbbb"])
        #expect(requirement(file.entries[1])?.name == "pandas")
        #expect(file.entries[1].line == 5)
        #expect(requirement(file.entries[2])?.name == "requests")
        #expect(file.entries[2].line == 6)
    }

    @Test("URL and path forms")
    func urls() throws {
        let file = parse("""
            mypkg @ https://example.com/mypkg-1.0-py3-none-any.whl ; python_version >= "3.9"
            https://example.com/dist/other_pkg-2.0-py3-none-any.whl
            https://example.com/archive/master.zip
            file:///opt/wheels/thing-1.0.tar.gz#egg=thing
            git+https://github.com/a/b.git@v1.0#egg=bpkg[extra1]&subdirectory=src
            ./localpkg
            ./localpkg[dev]
            .
            dist/pkg_name-0.1-py3-none-any.whl
            /abs/path/to/project
            """)
        #expect(file.problems.isEmpty, "\(file.problems)")
        let refs = file.entries.compactMap { reference($0) }
        #expect(refs.count == 10)
        #expect(refs[0].form == .nameAtURL && refs[0].name == "mypkg" && refs[0].marker == #"python_version >= "3.9""#)
        #expect(refs[0].url == "https://example.com/mypkg-1.0-py3-none-any.whl")
        #expect(refs[1].form == .url && refs[1].normalizedName == "other-pkg")
        #expect(refs[2].form == .url && refs[2].name == nil)
        #expect(refs[3].form == .url && refs[3].name == "thing")
        #expect(refs[4].form == .vcs && refs[4].name == "bpkg" && refs[4].extras == ["extra1"])
        #expect(refs[5].form == .localPath && refs[5].url == "./localpkg" && refs[5].name == nil)
        #expect(refs[6].url == "./localpkg" && refs[6].extras == ["dev"])
        #expect(refs[7].form == .localPath && refs[7].url == ".")
        #expect(refs[8].form == .localPath && refs[8].normalizedName == "pkg-name")
        #expect(refs[9].form == .localPath)
    }

    @Test("includes, constraints, editables and options")
    func options() throws {
        let file = parse("""
            -r base.txt
            --requirement=dev.txt
            -rother.txt
            -c constraints.txt
            --index-url https://pypi.example.com/simple
            -i https://mirror/simple
            --extra-index-url=https://extra/simple
            --no-binary :all:
            --only-binary=numpy
            --pre
            --trusted-host example.com --prefer-binary
            -e .
            -e ./libs/shared[test]
            --editable git+https://github.com/org/tool.git#egg=tool
            -f ./wheels
            --find-link ./more
            """)
        #expect(file.problems.isEmpty, "\(file.problems)")
        let kinds = file.entries.map(\.kind)
        #expect(kinds[0] == .include("base.txt"))
        #expect(kinds[1] == .include("dev.txt"))
        #expect(kinds[2] == .include("other.txt"))
        #expect(kinds[3] == .constraint("constraints.txt"))
        #expect(kinds[4] == .option("--index-url https://pypi.example.com/simple"))
        #expect(kinds[5] == .option("--index-url https://mirror/simple"))
        #expect(kinds[6] == .option("--extra-index-url https://extra/simple"))
        #expect(kinds[7] == .option("--no-binary :all:"))
        #expect(kinds[8] == .option("--only-binary numpy"))
        #expect(kinds[9] == .option("--pre"))
        #expect(kinds[10] == .option("--trusted-host example.com"))
        #expect(kinds[11] == .option("--prefer-binary"))
        #expect(file.entries[10].line == 11 && file.entries[11].line == 11)
        let dot = try #require(reference(file.entries[12]))
        #expect(file.entries[12].editable && dot.form == .localPath && dot.url == ".")
        let shared = try #require(reference(file.entries[13]))
        #expect(shared.url == "./libs/shared" && shared.extras == ["test"])
        let tool = try #require(reference(file.entries[14]))
        #expect(file.entries[14].editable && tool.form == .vcs && tool.name == "tool")
        #expect(kinds[15] == .option("--find-links ./wheels"))
        #expect(kinds[16] == .option("--find-links ./more"), "unique prefixes work as in optparse")
    }

    @Test("malformed lines become problems with line numbers", arguments: [
        ("foo==", "expected a version"),
        ("foo=1.0", "did you mean '=='"),
        ("foo>=1.0 bar", "expected end"),
        ("foo[bar", "extras"),
        ("foo ; python_version >", "marker"),
        ("foo ; bogus_var == '1'", "marker"),
        ("--bogus-option x", "no such option"),
        ("--index-url", "requires an argument"),
        ("-e requests", "not a valid editable"),
        ("-e git+https://github.com/o/r.git", "#egg="),
        ("-e https://example.com/x.zip", "not a valid editable"),
        ("--pre=yes", "does not take a value"),
        ("foo ~= 1", "not a valid version specifier"),
        ("foo == 1.0.*+local", "not a valid version"),
        ("--trusted-host 'unterminated", "quotation"),
        ("-x", "no such option"),
        ("@ https://x", "package name"),
        ("foo @", "URL"),
    ])
    func malformed(line: String, fragment: String) {
        let file = parse("ok-package\n" + line + "\n")
        #expect(file.entries.count == 1, "\(file.entries)")
        #expect(file.problems.count == 1)
        #expect(file.problems.first?.line == 2)
        #expect(file.problems.first?.severity == .error)
        #expect(file.problems.first?.message.contains(fragment) == true, "\(file.problems)")
    }

    @Test("warnings for options pip ignores")
    func warnings() {
        let file = parse("flask --index-url https://x/simple\n--hash=sha256:abc\n")
        #expect(file.entries.count == 1)
        #expect(file.problems.map(\.severity) == [.warning, .warning])
        #expect(file.problems.map(\.line) == [1, 2])
    }

    @Test("odd input never crashes", arguments: [
        "", "\\", "\\\\\\", "#", " # ", "\u{FEFF}flask", "\r\n\r\n", "[", "]", "-", "--", "-e", ";", "; ;",
        "a @ b ; c", "===", "(", "foo (", "foo ==1 (", "\u{0}", "é", "foo[é]", "\"", "'", "-r", "@",
        "foo;", "foo ; ", "pkg[]", "x==1;;", "git+", "file:", ".[", "[]", "-e [x]", "--hash", "\t\t",
        String(repeating: "a", count: 10_000), String(repeating: "(", count: 500),
        String(repeating: "foo\\\n", count: 50),
    ])
    func robust(text: String) {
        let file = parse(text)
        for e in file.entries { #expect(e.line >= 1) }
        for p in file.problems { #expect(p.line >= 1) }
    }

    @Test("BOM, CRLF and lone CR line endings")
    func lineEndings() {
        let file = parse("\u{FEFF}flask\r\nrequests\rsix\n")
        #expect(file.problems.isEmpty)
        #expect(file.entries.map(\.line) == [1, 2, 3])
        #expect(file.normalizedNames == ["flask", "requests", "six"])
    }

    @Test("PEP 503 normalisation")
    func normalize() {
        #expect(PythonPackageName.normalize("Foo.Bar__baz") == "foo-bar-baz")
        #expect(PythonPackageName.normalize("ruamel.yaml") == "ruamel-yaml")
        #expect(PythonPackageName.normalize("A-_.-b") == "a-b")
        #expect(PythonPackageName.isValid("a.b-c_d") && !PythonPackageName.isValid("-a") && !PythonPackageName.isValid(""))
    }
}
