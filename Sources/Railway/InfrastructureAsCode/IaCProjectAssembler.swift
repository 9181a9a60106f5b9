import Snapshot

/// Turns the evaluated project definition into railsim's `ProjectDefinition`. Only resources
/// listed in `project(…).resources` are part of the graph the CLI plans (cli:src/iac/compiler.rs
/// `project_definition_to_graph` flattens `resources`, or `services`, and nothing else), so a
/// declared but unlisted service is not deployed.
struct IaCProjectAssembler {
    let file: String
    let environment: String
    let resources: [IaCResource]
    var notes: [ProjectNote] = []

    private func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }

    mutating func assemble(_ definition: IaCValue, line: Int) -> [ServiceDefinition] {
        guard case .object(let fields) = definition else {
            if let unknown = definition.unknownValue {
                notes.append(.notEvaluated(location: location(unknown.line), what: "the project definition: \(unknown.description)"))
            } else {
                notes.append(.notEvaluated(location: location(line),
                                           what: "the default export gives \(definition.typeDescription), not a project definition"))
            }
            return []
        }
        let listed = listedResources(fields.present("resources") ?? fields.present("services") ?? .array([]), line: fields.line)

        // Variable references name the resource by its name in the graph; a reference to a
        // resource outside the graph keeps its address (compiler.rs `variable_to_config`).
        var namesByAddress: [String: String] = [:]
        for index in listed { namesByAddress[resources[index].address] = resources[index].name }

        var services: [ServiceDefinition] = []
        var mapper = IaCServiceMapper(file: file, environment: environment, namesByAddress: namesByAddress, resources: resources)
        for index in listed {
            let resource = resources[index]
            let here = location(resource.line)
            switch resource.kind {
            case .service:
                services.append(mapper.service(resource))
            case .database:
                services.append(mapper.database(resource))
            case .volume:
                notes.append(.declaredNotSimulated(location: here, what: "volume \"\(resource.name)\""))
            case .bucket:
                notes.append(.declaredNotSimulated(location: here, what: "bucket \"\(resource.name)\""))
            case .group:
                notes.append(.declaredNotSimulated(location: here, what: "group \"\(resource.name)\" (canvas organisation only)"))
            }
        }
        let listedSet = Set(listed)
        for (index, resource) in resources.enumerated()
        where !listedSet.contains(index) && (resource.kind == .service || resource.kind == .database) {
            notes.append(.interpreted(location: location(resource.line), what:
                "\(resource.kind.rawValue) \"\(resource.name)\" is declared but not listed in project(…).resources, so Railway does not manage it; railsim leaves it out"))
        }
        return services
    }

    /// The resource indices of the list, flattened (compiler.rs `flatten_resources`), in order,
    /// each address once.
    private mutating func listedResources(_ list: IaCValue, line: Int) -> [Int] {
        var indices: [Int] = []
        var addresses: [String: Int] = [:]
        var pending = [list]
        var visited = 0
        while let item = pending.popLast() {
            visited += 1
            if visited + pending.count > TypeScriptLimits.maxArrayLength {
                notes.append(.notEvaluated(location: location(line), what:
                    "the project lists more than \(TypeScriptLimits.maxArrayLength) entries; railsim reads the first ones"))
                break
            }
            switch item {
            case .array(let items):
                pending += items.reversed()
            case .resource(let index):
                let resource = resources[index]
                if let first = addresses[resource.address] {
                    if first != index {
                        notes.append(.interpreted(location: location(resource.line), what:
                            "\(resource.kind.rawValue) \"\(resource.name)\" is declared again (first at line \(resources[first].line)); one name is one resource in Railway's graph, and railsim keeps the first"))
                    }
                    continue
                }
                addresses[resource.address] = index
                indices.append(index)
            case .unknown(let unknown):
                notes.append(.notEvaluated(location: location(unknown.line), what: "a resource of the project: \(unknown.description)"))
            case .object(let object):
                notes.append(.notEvaluated(location: location(object.line), what:
                    "a resource written as a plain object; railsim reads resources made by the SDK's helpers"))
            default:
                notes.append(.notEvaluated(location: location(line), what:
                    "a resource of the project is \(item.typeDescription), not a resource"))
            }
        }
        return indices
    }
}
