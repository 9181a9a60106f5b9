import Testing
@testable import Railway

/// Railway-provided variables (rule 21, docs:content/docs/variables/reference.md) and what a
/// build can see (rule 20, docs:content/docs/builds/dockerfiles.md).
@Suite struct ReferenceVariablesProvidedTests {
    func names(_ facts: DeploymentFacts) -> [String] { RailwayProvidedVariables.variables(for: facts).map(\.name) }
    func value(_ facts: DeploymentFacts, _ name: String) -> ProvidedVariable? {
        RailwayProvidedVariables.variables(for: facts).first { $0.name == name }
    }

    @Test func theBaseSet() {
        let facts = DeploymentFacts(serviceName: "api", environmentName: "staging")
        #expect(names(facts) == [
            "PORT", "RAILWAY_PRIVATE_DOMAIN", "RAILWAY_PROJECT_NAME", "RAILWAY_PROJECT_ID", "RAILWAY_ENVIRONMENT_NAME",
            "RAILWAY_ENVIRONMENT_ID", "RAILWAY_SERVICE_NAME", "RAILWAY_SERVICE_ID", "RAILWAY_REPLICA_ID", "RAILWAY_REPLICA_REGION",
            "RAILWAY_DEPLOYMENT_ID", "RAILWAY_SNAPSHOT_ID", "RAILWAY_ENVIRONMENT",
        ])
        #expect(value(facts, "RAILWAY_SERVICE_NAME")?.value == "api")
        #expect(value(facts, "RAILWAY_ENVIRONMENT_NAME")?.value == "staging")
        #expect(value(facts, "RAILWAY_ENVIRONMENT")?.value == "staging")
        #expect(value(facts, "RAILWAY_PRIVATE_DOMAIN")?.value == "api.railway.internal")
        #expect(value(facts, "RAILWAY_PRIVATE_DOMAIN")?.isPlaceholder == false)
        #expect(value(facts, "RAILWAY_SERVICE_ID")?.isPlaceholder == true)
        #expect(value(facts, "RAILWAY_SERVICE_ID")?.value.count == 36)
        #expect(value(facts, "PORT")?.phases == .runtime)
        #expect(value(facts, "RAILWAY_SERVICE_NAME")?.phases == .both)
        #expect(RailwayProvidedVariables.assumptions(for: facts).map(\.name) == ["railway-port", "railway-port-at-build"])
    }

    @Test func portOnlyWhenTheServiceDoesNotSetOne() {
        let facts = DeploymentFacts(serviceName: "api", userVariables: [ServiceVariable(name: "PORT", value: "3000")])
        #expect(!names(facts).contains("PORT"))
        #expect(RailwayProvidedVariables.assumptions(for: facts).isEmpty)
    }

    @Test func publicDomainOnlyWithADomain() {
        #expect(!names(DeploymentFacts(serviceName: "api")).contains("RAILWAY_PUBLIC_DOMAIN"))
        let custom = DeploymentFacts(serviceName: "api", publicDomain: .custom("api.example.com"))
        #expect(value(custom, "RAILWAY_PUBLIC_DOMAIN")?.value == "api.example.com")
        let generated = DeploymentFacts(serviceName: "api", publicDomain: .railwayGenerated)
        #expect(value(generated, "RAILWAY_PUBLIC_DOMAIN")?.value.hasSuffix(".up.railway.app") == true)
        #expect(value(generated, "RAILWAY_PUBLIC_DOMAIN")?.isPlaceholder == true)
    }

    @Test func gitVariablesOnlyForGitHubDeploys() {
        #expect(!names(DeploymentFacts(serviceName: "api")).contains { $0.hasPrefix("RAILWAY_GIT_") })
        let facts = DeploymentFacts(serviceName: "api", trigger: .gitHub(.init(sha: "d0beb8f5c55b36df7d674d55965a23b8d54ad69b", branch: "main")))
        #expect(names(facts).filter { $0.hasPrefix("RAILWAY_GIT_") }.count == 6)
        #expect(value(facts, "RAILWAY_GIT_COMMIT_SHA")?.isPlaceholder == false)
        #expect(value(facts, "RAILWAY_GIT_AUTHOR")?.isPlaceholder == true)
    }

    @Test func volumeAndTCPProxyOnlyWhenAttached() {
        let facts = DeploymentFacts(serviceName: "db", volume: .init(name: "pgdata", mountPath: "/var/lib/postgresql/data"), tcpProxyApplicationPort: 5432)
        #expect(value(facts, "RAILWAY_VOLUME_MOUNT_PATH")?.value == "/var/lib/postgresql/data")
        #expect(value(facts, "RAILWAY_TCP_APPLICATION_PORT")?.value == "5432")
        #expect(value(facts, "RAILWAY_TCP_PROXY_PORT")?.isPlaceholder == true)
    }

    @Test func privateDomainOfANameThatIsNoDNSLabel() {
        let facts = DeploymentFacts(serviceName: "OpenTelemetry Collector")
        #expect(value(facts, "RAILWAY_PRIVATE_DOMAIN")?.value == "opentelemetry-collector.railway.internal")
        #expect(value(facts, "RAILWAY_PRIVATE_DOMAIN")?.isPlaceholder == true)
        #expect(RailwayProvidedVariables.assumptions(for: facts).contains { $0.name == "railway-private-domain-label" })
    }

    @Test func referencesReachProvidedVariables() throws {
        // docs:content/docs/networking/domains/working-with-domains.md: `http://${{api.RAILWAY_PRIVATE_DOMAIN}}:${{api.PORT}}`.
        let api = ServiceVariableSet(service: "api", variables: [], provided: RailwayProvidedVariables.variables(for: DeploymentFacts(serviceName: "api")))
        let web = ServiceVariableSet(service: "web", variables: [
            ServiceVariable(name: "BACKEND_URL", value: "http://${{api.RAILWAY_PRIVATE_DOMAIN}}:${{api.PORT}}"),
            ServiceVariable(name: "ID", value: "${{api.RAILWAY_SERVICE_ID}}"),
        ])
        let result = ReferenceResolver.resolve(ProjectVariables(services: [api, web], isWholeProject: true))
        let backend = try #require(result.service(named: "web")?["BACKEND_URL"])
        #expect(backend.value == "http://api.railway.internal:8080")
        // PORT's number is assumed, so the value is marked inexact.
        #expect(backend.unknownParts == [.generatedByRailway(variable: "PORT")])
        #expect(result.service(named: "web")?["ID"]?.unknownParts == [.generatedByRailway(variable: "RAILWAY_SERVICE_ID")])
        #expect(result.service(named: "api")?["RAILWAY_PRIVATE_DOMAIN"]?.origin == .railway)
    }

    @Test func sameServicePortReference() throws {
        // docs:content/guides/n8n.md: `N8N_PORT=${{PORT}}` "Binds n8n to Railway's injected port".
        let provided = RailwayProvidedVariables.variables(for: DeploymentFacts(serviceName: "n8n"))
        let set = ServiceVariableSet(service: "n8n", variables: [ServiceVariable(name: "N8N_PORT", value: "${{PORT}}")], provided: provided)
        let result = ReferenceResolver.resolve(ProjectVariables(services: [set], isWholeProject: true))
        #expect(result.service(named: "n8n")?["N8N_PORT"]?.value == RailwayProvidedVariables.assumedPort)
    }

    @Test func aServiceVariableDoesNotReplaceARailwayOne() {
        let provided = RailwayProvidedVariables.variables(for: DeploymentFacts(serviceName: "api"))
        let set = ServiceVariableSet(service: "api", variables: [ServiceVariable(name: "RAILWAY_SERVICE_NAME", value: "mine"),
                                                                 ServiceVariable(name: "PORT", value: "3000")], provided: provided)
        let result = ReferenceResolver.resolve(ProjectVariables(services: [set], isWholeProject: true))
        #expect(result.service(named: "api")?["RAILWAY_SERVICE_NAME"]?.value == "api")
        #expect(result.service(named: "api")?["PORT"]?.value == "3000")
        #expect(result.service(named: "api")?["PORT"]?.origin == .declared)
        #expect(result.notes == [.railwayVariableOverridden(service: "api", variable: "RAILWAY_SERVICE_NAME")])
        #expect(result.assumptions.map(\.name) == ["railway-system-variable-precedence"])
    }

    // MARK: Build-time visibility (rule 20)

    func resolvedAPI() -> ResolvedServiceVariables? {
        let provided = RailwayProvidedVariables.variables(for: DeploymentFacts(serviceName: "api"))
        let set = ServiceVariableSet(service: "api", variables: [ServiceVariable(name: "NPM_TOKEN", value: "t"),
                                                                 ServiceVariable(name: "DATABASE_URL", value: "pg")], provided: provided)
        return ReferenceResolver.resolve(ProjectVariables(services: [set], isWholeProject: true)).service(named: "api")
    }

    @Test func dockerfileStagesSeeOnlyTheirARGs() throws {
        let api = try #require(resolvedAPI())
        let split = BuildVariableVisibility.split(api.variables, builder: .dockerfile, stageArgs: ["NPM_TOKEN", "RAILWAY_SERVICE_NAME", "PORT"])
        #expect(split.values == ["NPM_TOKEN": "t", "RAILWAY_SERVICE_NAME": "api"])
        #expect(split.withoutArg.contains("DATABASE_URL"))
        #expect(!split.withoutArg.contains("PORT"))
    }

    @Test func railpackAndNixpacksSeeEverythingBuildTime() throws {
        let api = try #require(resolvedAPI())
        for builder in [BuilderKind.railpack, .nixpacks] {
            let split = BuildVariableVisibility.split(api.variables, builder: builder, stageArgs: [])
            #expect(split.values["DATABASE_URL"] == "pg")
            #expect(split.values["PORT"] == nil)
            #expect(split.withoutArg.isEmpty)
        }
        #expect(api.environment(for: .runtime)["PORT"] == RailwayProvidedVariables.assumedPort)
    }
}
