import Testing
@testable import Build

@Suite("Distribution → import names catalogue")
struct DistributionCatalogTests {
    let catalog = DistributionCatalog.shared

    @Test("known pairs from real wheels", arguments: [
        ("PyYAML", "yaml"), ("python-dotenv", "dotenv"), ("beautifulsoup4", "bs4"), ("Pillow", "PIL"),
        ("scikit-learn", "sklearn"), ("fastapi", "fastapi"), ("python-dateutil", "dateutil"),
        ("attrs", "attr"), ("protobuf", "google"), ("typing_extensions", "typing_extensions"),
        ("PyJWT", "jwt"), ("grpcio", "grpc"),
    ])
    func knownPairs(distribution: String, importName: String) throws {
        let lookup = catalog.importNames(forDistribution: distribution)
        guard case .catalogue(let names, let version, _) = lookup else {
            Issue.record("\(distribution) should be in the catalogue, got \(lookup)")
            return
        }
        #expect(names.contains(importName), "\(distribution): \(names)")
        #expect(!version.isEmpty)
        #expect(lookup.rule.contains(version))
    }

    @Test("both sources are represented")
    func sources() throws {
        #expect(catalog.entries.count >= 250)
        let yaml = try #require(catalog.entry(forDistribution: "pyyaml"))
        #expect(yaml.source == .topLevelTxt && yaml.importNames == ["_yaml", "yaml"])
        #expect(catalog.entries.values.contains { $0.source == .record })
        #expect(catalog.entries.values.contains { $0.source == .topLevelTxt })
    }

    @Test("names in any spelling are normalised before lookup")
    func spelling() {
        #expect(catalog.importNames(forDistribution: "pyyaml") == catalog.importNames(forDistribution: "PyYAML"))
        #expect(catalog.importNames(forDistribution: " Python_Dotenv ").names == ["dotenv"])
    }

    @Test("fallback rule: PEP 503 name with dashes as underscores")
    func fallback() {
        #expect(catalog.importNames(forDistribution: "My-Unknown.Package_x") == .normalizedNameGuess("my_unknown_package_x"))
        #expect(catalog.importNames(forDistribution: "zzz-not-a-real-dist").rule.contains("guess"))
        #expect(catalog.importNames(forDistribution: "").names == [""])
    }

    @Test("reverse lookup")
    func reverse() {
        #expect(catalog.distributions(providingImport: "yaml") == ["pyyaml"])
        #expect(catalog.distributions(providingImport: "bs4") == ["beautifulsoup4"])
        #expect(catalog.distributions(providingImport: "requests").first == "requests")
        #expect(catalog.distributions(providingImport: "no_such_module_xyz").isEmpty)
        #expect(catalog.distributions(providingImport: "google").count > 5)
    }

    @Test("namespace packages are told apart by their submodules")
    func namespaces() {
        let storage = catalog.distributions(providingModule: "google.cloud.storage")
        #expect(storage.contains("google-cloud-storage"))
        #expect(!storage.contains("protobuf"))
        #expect(catalog.distributions(providingModule: "google.protobuf.message") == ["protobuf"])
        #expect(catalog.distributions(providingModule: "yaml.loader") == ["pyyaml"])
    }

    @Test("malformed data lines are skipped")
    func malformed() {
        let c = DistributionCatalog(data: "bad line\n\t\t\t\nok\t1.0\tr\tok_mod\t\nx\t1\tt\t\nshort\t1\tt\n")
        #expect(c.entries.keys.sorted() == ["ok", "x"])
        #expect(c.importNames(forDistribution: "x").names.isEmpty)
    }
}

@Suite("Catalogue dependencies (Requires-Dist)")
struct DistributionCatalogDependencyTests {
    let catalog = DistributionCatalog.shared

    @Test("the catalogue covers the 1,000 best-ranked distributions, with their Requires-Dist")
    func size() {
        #expect(catalog.entries.count >= 990)
        #expect(catalog.entries.values.filter { $0.dependencies == nil }.count < 10)
    }

    @Test("requests: base dependencies, and the socks extra only when asked")
    func requests() {
        let base = Set(catalog.dependencies(of: "Requests", extras: []).map(\.name))
        #expect(base == ["charset-normalizer", "idna", "urllib3", "certifi"])
        let socks = catalog.dependencies(of: "requests", extras: ["socks"])
        #expect(socks.contains { $0.name == "pysocks" && $0.marker == "extra == \"socks\"" })
    }

    @Test("fastapi[standard] names uvicorn with its standard extra; fastapi alone does not")
    func fastapi() throws {
        #expect(!catalog.dependencies(of: "fastapi", extras: []).contains { $0.name == "uvicorn" })
        let uvicorn = try #require(catalog.dependencies(of: "fastapi", extras: ["standard"]).first { $0.name == "uvicorn" })
        #expect(uvicorn.extras == ["standard"])
        #expect(uvicorn.marker?.contains("extra == \"standard\"") == true)
    }

    @Test("markers other than extra are kept for the caller to evaluate")
    func markersKept() throws {
        let typing = try #require(catalog.dependencies(of: "uvicorn", extras: []).first { $0.name == "typing-extensions" })
        #expect(typing.marker == "python_version < \"3.11\"")
    }

    @Test("unknown distributions have no dependencies in the catalogue")
    func unknown() {
        #expect(catalog.dependencies(of: "zzz-not-a-real-dist", extras: []).isEmpty)
        #expect(catalog.entry(forDistribution: "zzz-not-a-real-dist")?.dependencies == nil)
    }

    @Test("the data format: `?` is unknown, empty is none, extras and markers parsed")
    func format() {
        let c = DistributionCatalog(chunks: ["a\t1\tt\ta\t\t?\nb\t1\tr\tb\t\t\n", "c\t2\tt\tc\t\td[x,y];extra == \"z\"|e\n"])
        #expect(c.entries["a"]?.dependencies == nil)
        #expect(c.entries["b"]?.dependencies == [])
        #expect(c.entries["c"]?.dependencies == [CatalogDependency(name: "d", extras: ["x", "y"], marker: "extra == \"z\""), CatalogDependency(name: "e")])
        #expect(c.dependencies(of: "c", extras: []) == [CatalogDependency(name: "e")])
        #expect(c.dependencies(of: "c", extras: ["Z"]).count == 2)
    }
}
