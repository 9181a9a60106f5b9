/// The Railway SDK's helpers, evaluated as railway-ts-sdk:src/iac/sdk.ts defines them: source
/// helpers return plain objects, resource helpers declare a resource and return it.
extension InfrastructureAsCodeEvaluator {
    mutating func callBuiltin(_ builtin: IaCBuiltin, _ arguments: [IaCValue], line: Int) -> IaCValue {
        func argument(_ index: Int) -> IaCValue { index < arguments.count ? arguments[index] : .undefined }
        func unknownCall(_ reason: String) -> IaCValue {
            .unknown(IaCUnknown(line: line, expression: "\(builtin.rawValue)(…)", reason: reason))
        }
        // Every helper's first argument is a name (or the program, for defineRailway).
        if let unknown = argument(0).unknownValue, builtin != .defineRailway, builtin != .define { return .unknown(unknown) }

        switch builtin {
        case .defineRailway, .define:
            // `defineRailway(program)` returns the program unchanged (sdk.ts).
            return argument(0)
        case .project:
            return project(name: argument(0), definition: argument(1), line: line, unknownCall)
        case .service, .fn:
            guard case .string(let name) = argument(0) else { return unknownCall("the service name is \(argument(0).typeDescription), not a string") }
            return declare(IaCResource(kind: .service, name: name, line: line, config: argument(1).isNullish ? nil : argument(1)))
        case .github:
            // `{ type: "github", repo, branch: options.branch ?? "main", ...options }` (sdk.ts `github`).
            guard case .string = argument(0) else { return unknownCall("the repository is \(argument(0).typeDescription), not a string") }
            let options = argument(1)
            if let unknown = options.unknownValue { return .unknown(unknown) }
            var branch = IaCValue.string("main")
            if case .object(let fields) = options, let given = fields.present("branch") { branch = given }
            return source(["type": .string("github"), "repo": argument(0), "branch": branch], options: options, line: line)
        case .image:
            let options = argument(1)
            if let unknown = options.unknownValue { return .unknown(unknown) }
            return source(["type": .string("image"), "image": argument(0)], options: options, line: line)
        case .template:
            let options = argument(1)
            if let unknown = options.unknownValue { return .unknown(unknown) }
            return source(["type": .string("template"), "template": argument(0)], options: options, line: line)
        case .empty:
            return .object(IaCObject(line: line, [("type", .string("empty"))]))
        case .postgres, .mysql, .redis, .mongo:
            guard case .string(let name) = argument(0) else { return unknownCall("the database name is \(argument(0).typeDescription), not a string") }
            // The helpers' images (sdk.ts `postgres`, `mysql`, `redis`, `mongo`); their config
            // object is spread over those defaults, so an `image` in it wins.
            let defaults: [IaCBuiltin: String] = [
                .postgres: "ghcr.io/railwayapp-templates/postgres-ssl:18", .mysql: "mysql:9",
                .redis: "railwayapp/redis:8.2", .mongo: "mongo:8",
            ]
            var image = defaults[builtin]
            if case .object(let config) = argument(1), case .string(let given)? = config.present("image") { image = given }
            return declare(IaCResource(kind: .database, name: name, line: line, config: argument(1), engine: builtin.rawValue, image: image))
        case .database:
            guard case .string(let name) = argument(0) else { return unknownCall("the database name is \(argument(0).typeDescription), not a string") }
            var image: String?
            if case .object(let options) = argument(2), case .string(let given)? = options.present("image") { image = given }
            let engine: String? = if case .string(let text) = argument(1) { text } else { nil }
            return declare(IaCResource(kind: .database, name: name, line: line, config: argument(2), engine: engine, image: image))
        case .volume, .bucket:
            guard case .string(let name) = argument(0) else { return unknownCall("the name is \(argument(0).typeDescription), not a string") }
            return declare(IaCResource(kind: builtin == .volume ? .volume : .bucket, name: name, line: line, config: argument(1)))
        case .group:
            return group(name: argument(0), members: argument(1), line: line, unknownCall)
        case .ref:
            guard case .resource(let index) = argument(0), case .string(let output) = argument(1) else {
                return argument(1).unknownValue.map { .unknown($0) } ?? unknownCall("ref() needs a resource and a variable name")
            }
            return .object(IaCObject(line: line, [("type", .string("reference")), ("resource", .string(resources[index].address)),
                                                  ("output", .string(output))]))
        case .preserve:
            return .object(IaCObject(line: line, [("type", .string("preserve"))]))
        case .isEnvironment:
            // `isEnvironment: (name) => environment === name` (sdk.ts `createRailwayContext`).
            guard case .string(let name) = argument(0) else { return .boolean(false) }
            return .boolean(name.utf16.elementsEqual(environment.utf16))
        case .randomString:
            return unknownCall("ctx.randomString() hashes the environment and label; railsim does not reproduce it")
        }
    }

    private mutating func declare(_ resource: IaCResource) -> IaCValue {
        resources.append(resource)
        return .resource(resources.count - 1)
    }

    /// A source helper's object: the fixed fields, then the options spread over them.
    private func source(_ fields: KeyValuePairs<String, IaCValue>, options: IaCValue, line: Int) -> IaCValue {
        var object = IaCObject(line: line)
        for (key, value) in fields { object[key] = value }
        if case .object(let extra) = options {
            for (key, value) in extra.entries { object[key] = value }
        }
        return .object(object)
    }

    /// `project(name, definition)`: `{ name, ...definition, resources }`, with `resources`
    /// (or `services`) flattened one level (sdk.ts `project`).
    private func project(name: IaCValue, definition: IaCValue, line: Int, _ unknownCall: (String) -> IaCValue) -> IaCValue {
        if let unknown = definition.unknownValue { return .unknown(unknown) }
        guard case .object(let fields) = definition else {
            return unknownCall("project() needs a definition object, not \(definition.typeDescription)")
        }
        var result = IaCObject(line: line, [("name", name)])
        for (key, value) in fields.entries { result[key] = value }
        let list = fields.present("resources") ?? fields.present("services") ?? .array([])
        switch list {
        case .array(let items):
            var flat: [IaCValue] = []
            for item in items {
                if case .array(let inner) = item { flat += inner } else { flat.append(item) }
                if flat.count > TypeScriptLimits.maxArrayLength {
                    return unknownCall("resources has more than \(TypeScriptLimits.maxArrayLength) entries")
                }
            }
            result["resources"] = .array(flat)
        case .unknown:
            result["resources"] = list
        default:
            return unknownCall("resources is \(list.typeDescription), not an array")
        }
        return .object(result)
    }

    /// `group(name, [resources], options)` returns the group followed by its members, each
    /// marked with the group; `group(name, options)` returns the group alone (sdk.ts `group`).
    private mutating func group(name: IaCValue, members: IaCValue, line: Int, _ unknownCall: (String) -> IaCValue) -> IaCValue {
        guard case .string(let groupName) = name else { return unknownCall("the group name is \(name.typeDescription), not a string") }
        if let unknown = members.unknownValue { return .unknown(unknown) }
        guard case .array(let list) = members else {
            return declare(IaCResource(kind: .group, name: groupName, line: line, config: members))
        }
        // `resources.flat(Infinity)`, with an explicit stack.
        var flat: [IaCValue] = []
        var pending = Array(list.reversed())
        var visited = 0
        while let item = pending.popLast() {
            visited += 1
            if visited + pending.count > TypeScriptLimits.maxArrayLength {
                return unknownCall("the group lists more than \(TypeScriptLimits.maxArrayLength) entries")
            }
            if case .array(let inner) = item { pending += inner.reversed() } else { flat.append(item) }
        }
        for item in flat {
            if case .resource(let index) = item, resources[index].kind == .volume {
                // The docs' own example groups a volume; the SDK's group() throws for one. railsim
                // reads the group as documented and names the conflict.
                notes.append(.interpreted(location: location(line), what:
                    "group \"\(groupName)\" lists volume \"\(resources[index].name)\": Railway's docs group volumes this way, "
                    + "but the SDK's group() throws for a volume (railway-ts-sdk src/iac/sdk.ts); railsim reads the group as the docs do"))
            }
        }
        let group = declare(IaCResource(kind: .group, name: groupName, line: line, config: nil))
        for item in flat {
            if case .resource(let index) = item { resources[index].group = groupName }
        }
        return .array([group] + flat)
    }
}
