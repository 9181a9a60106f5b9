import Testing
@testable import Railway

/// Reference variables (docs:content/docs/variables.md "Reference variables";
/// docs:content/docs/variables/reference.md "Template syntax").
@Suite struct ReferenceVariablesTests {
    func vars(_ pairs: KeyValuePairs<String, String>) -> [ServiceVariable] { pairs.map { ServiceVariable(name: $0.key, value: $0.value) } }

    func resolve(_ services: [String: [ServiceVariable]], shared: [ServiceVariable] = [], whole: Bool = true) -> VariableResolution {
        ReferenceResolver.resolve(ProjectVariables(services, shared: shared, isWholeProject: whole))
    }

    // MARK: Template syntax

    @Test func templatesSplitTextAndReferences() {
        let template = VariableTemplate(parsing: "https://${{ backend.RAILWAY_PUBLIC_DOMAIN }}/api?x=${{shared.KEY}}")
        #expect(template.segments == [
            .text("https://"),
            .reference(VariableReference(written: "${{ backend.RAILWAY_PUBLIC_DOMAIN }}", body: "backend.RAILWAY_PUBLIC_DOMAIN")),
            .text("/api?x="),
            .reference(VariableReference(written: "${{shared.KEY}}", body: "shared.KEY")),
        ])
        #expect(template.problems.isEmpty)
        #expect(VariableTemplate(parsing: "plain $HOME ${HOME} {{x}}").isLiteral)
    }

    @Test func malformedTemplatesStayText() {
        let unterminated = VariableTemplate(parsing: "a${{ shared.X")
        #expect(unterminated.segments == [.text("a${{ shared.X")])
        #expect(unterminated.problems == [.unterminated("${{ shared.X")])
        let empty = VariableTemplate(parsing: "x${{  }}y")
        #expect(empty.segments == [.text("x${{  }}y")])
        #expect(empty.problems == [.empty("${{  }}")])
        let nested = VariableTemplate(parsing: "${{ a.${{B}} }}")
        #expect(nested.segments == [.text("${{ a."), .reference(VariableReference(written: "${{B}}", body: "B")), .text(" }}")])
        #expect(nested.problems == [.nested("${{ a.")])
    }

    @Test func templateFunctionsAreRecognisedEvenWithBracesInStrings() {
        // docs:content/docs/templates/create.md: `${{secret(22, "…+/")}}==`.
        let template = VariableTemplate(parsing: "${{secret(8, \"ab}}cd\")}}==")
        #expect(template.segments == [.function(call: "secret(8, \"ab}}cd\")", written: "${{secret(8, \"ab}}cd\")}}"), .text("==")])
    }

    // MARK: Resolution

    @Test func sameServiceSharedAndOtherServices() throws {
        // The docs' GRAPHQL_ENDPOINT example: a chain through a same-service reference to a shared one.
        let result = resolve([
            "api": vars(["DOMAIN": "${{shared.DOMAIN}}", "GRAPHQL_PATH": "/v1/gql", "GRAPHQL_ENDPOINT": "https://${{DOMAIN}}/${{GRAPHQL_PATH}}"]),
            "web": vars(["API": "${{ api.GRAPHQL_ENDPOINT }}"]),
        ], shared: vars(["DOMAIN": "example.com"]))
        let api = try #require(result.service(named: "api"))
        #expect(api["GRAPHQL_ENDPOINT"]?.value == "https://example.com//v1/gql")
        #expect(result.service(named: "web")?["API"]?.value == "https://example.com//v1/gql")
        #expect(result.notes.isEmpty)
        #expect(result.assumptions.isEmpty)
        #expect(api["GRAPHQL_ENDPOINT"]?.isExact == true)
    }

    @Test func serviceNamesWithSpacesAndDots() {
        // docs:content/guides/instrument-app-opentelemetry.md: `${{OpenTelemetry Collector.RAILWAY_PRIVATE_DOMAIN}}`.
        let result = resolve([
            "OpenTelemetry Collector": vars(["HOST": "otel"]),
            "api.v2": vars(["URL": "http://v2"]),
            "web": vars(["A": "${{OpenTelemetry Collector.HOST}}", "B": "${{api.v2.URL}}"]),
        ])
        #expect(result.service(named: "web")?["A"]?.value == "otel")
        #expect(result.service(named: "web")?["B"]?.value == "http://v2")
    }

    @Test func namesAreCaseSensitive() {
        let result = resolve(["Postgres": vars(["URL": "pg"]), "web": vars(["A": "${{postgres.URL}}"])])
        #expect(result.service(named: "web")?["A"]?.value == "")
        #expect(result.notes == [.unknownService(service: "web", variable: "A", reference: "${{postgres.URL}}", namespace: "postgres")])
    }

    @Test func unresolvedReferencesBecomeEmptyWithANoteAndAnAssumption() {
        let result = resolve([
            "api": vars(["X": "1"]),
            "web": vars(["A": "a${{api.MISSING}}b", "B": "${{nope.X}}", "C": "${{shared.NONE}}", "D": "${{ALSO_MISSING}}"]),
        ])
        let web = result.service(named: "web")
        #expect(web?["A"]?.value == "ab")
        #expect(web?["B"]?.value == "")
        #expect(result.notes == [
            .unknownVariable(service: "web", variable: "A", reference: "${{api.MISSING}}", scope: "api", name: "MISSING"),
            .unknownService(service: "web", variable: "B", reference: "${{nope.X}}", namespace: "nope"),
            .unknownVariable(service: "web", variable: "C", reference: "${{shared.NONE}}", scope: "shared", name: "NONE"),
            .unknownVariable(service: "web", variable: "D", reference: "${{ALSO_MISSING}}", scope: "web", name: "ALSO_MISSING"),
        ])
        #expect(result.assumptions.map(\.name) == ["railway-unresolved-reference"])
    }

    @Test func servicesRailsimWasNotToldAboutKeepThePlaceholder() throws {
        // Only the command line's service is known: `Postgres` may well exist.
        let result = resolve(["web": vars(["DATABASE_URL": "${{Postgres.DATABASE_URL}}?sslmode=disable"])], whole: false)
        let url = try #require(result.service(named: "web")?["DATABASE_URL"])
        #expect(url.value == "${{Postgres.DATABASE_URL}}?sslmode=disable")
        #expect(!url.isExact)
        #expect(url.unknownParts == [.outsideProject(reference: "${{Postgres.DATABASE_URL}}")])
        #expect(result.assumptions.isEmpty)
    }

    @Test func imageServicesHaveVariablesRailsimCannotList() throws {
        // A Postgres image service declares some variables; DATABASE_URL comes from its template.
        let project = ProjectVariables(services: [
            ServiceVariableSet(service: "Postgres", variables: vars(["PGUSER": "postgres"]), undeclaredVariables: "a database image: its template defines more variables"),
            ServiceVariableSet(service: "api", variables: vars(["DATABASE_URL": "${{Postgres.DATABASE_URL}}", "USER": "${{Postgres.PGUSER}}"])),
        ], isWholeProject: true)
        let result = ReferenceResolver.resolve(project)
        let api = try #require(result.service(named: "api"))
        #expect(api["USER"]?.value == "postgres")
        #expect(api["DATABASE_URL"]?.value == "${{Postgres.DATABASE_URL}}")
        #expect(api["DATABASE_URL"]?.unknownParts == [.undeclaredService(reference: "${{Postgres.DATABASE_URL}}", service: "Postgres")])
        #expect(result.notes == [.valueUnknown(service: "api", variable: "DATABASE_URL", reference: "${{Postgres.DATABASE_URL}}",
                                               why: "a database image: its template defines more variables")])
    }

    @Test func cyclesAreFoundAndBroken() {
        let result = resolve(["api": vars(["A": "a${{B}}", "B": "b${{web.C}}", "SELF": "x${{SELF}}"]), "web": vars(["C": "c${{api.A}}"])])
        let api = result.service(named: "api")
        #expect(api?["A"]?.value == "abc")
        #expect(api?["SELF"]?.value == "x")
        #expect(result.notes == [
            .cycle(service: "web", variable: "C", reference: "${{api.A}}", path: ["api.A", "api.B", "web.C", "api.A"]),
            .cycle(service: "api", variable: "SELF", reference: "${{SELF}}", path: ["api.SELF", "api.SELF"]),
        ])
        #expect(result.assumptions.map(\.name) == ["railway-reference-cycle"])
    }

    @Test func longChainsNeedNoCallStack() {
        // 10,000 variables each naming the next: a recursive resolver would run out of stack.
        let count = 10_000
        var list = (0..<count).map { ServiceVariable(name: "V\($0)", value: "${{V\($0 + 1)}}") }
        list.append(ServiceVariable(name: "V\(count)", value: "end"))
        let result = resolve(["api": list])
        #expect(result.service(named: "api")?["V0"]?.value == "end")
        #expect(result.notes.isEmpty)
    }

    @Test func templateFunctionsAndMalformedTextAreKept() throws {
        let result = resolve(["api": vars(["SECRET": "${{secret(32)}}", "ODD": "${{ shared.X"])])
        let api = try #require(result.service(named: "api"))
        #expect(api["SECRET"]?.value == "${{secret(32)}}")
        #expect(api["SECRET"]?.unknownParts == [.templateFunction("secret(32)")])
        #expect(api["ODD"]?.value == "${{ shared.X")
        #expect(result.notes == [
            .templateFunction(service: "api", variable: "SECRET", call: "secret(32)"),
            .malformedReference(service: "api", variable: "ODD", problem: .unterminated("${{ shared.X")),
        ])
        #expect(result.assumptions.map(\.name) == ["railway-malformed-reference"])
    }

    @Test func laterDuplicatesWinAndOrderIsKept() {
        let result = resolve(["api": vars(["B": "1", "A": "2", "B": "3"])])
        #expect(result.service(named: "api")?.variables.map(\.name) == ["B", "A"])
        #expect(result.service(named: "api")?["B"]?.value == "3")
    }

    @Test func arbitraryValuesNeverCrash() {
        var random = WatchPatternSoup(seed: 4)
        let pieces = ["${{", "}}", "$", "{", "}", ".", " ", "\"", "(", ")", "\\", "A", "api", "shared", "é", "\n"]
        var list: [ServiceVariable] = []
        for index in 0..<500 {
            let value = (0..<(random.next() % 10)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            list.append(ServiceVariable(name: index % 7 == 0 ? "A" : "V\(index % 50)", value: value))
        }
        let result = resolve(["api": list, "shared": list], shared: list)
        #expect(result.services.count == 2)
    }
}
