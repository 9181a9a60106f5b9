/// The plan's JSON shape: exactly the keys Railpack's json tags give, with `omitempty` fields left
/// out when empty (railpack:core/plan/plan.go, step.go, layer.go, filters.go, command.go, cache.go).
extension RailpackPlan {
    /// The plan as `railpack plan` prints it: the plan object plus `"$schema"` (railpack:cli/common.go
    /// addSchemaToPlanMap; railpack:core/config/config.go SchemaUrl), keys sorted, two-space indent,
    /// one final newline (railpack:cli/plan.go).
    public func railpackPlanOutput() -> String {
        guard case .object(var members) = jsonValue else { return "" }
        members["$schema"] = .string("https://schema.railpack.com")
        return RailpackJSONValue.object(members).rendered(indent: "  ") + "\n"
    }

    public var jsonValue: RailpackJSONValue {
        var object: [String: RailpackJSONValue] = ["deploy": deploy.jsonValue]  // `json:"deploy"`: always present
        if !steps.isEmpty { object["steps"] = .array(steps.map(\.jsonValue)) }
        if !caches.isEmpty { object["caches"] = .object(caches.mapValues(\.jsonValue)) }
        if !secrets.isEmpty { object["secrets"] = .strings(secrets) }
        if !exclude.isEmpty { object["exclude"] = .strings(exclude) }
        return .object(object)
    }
}

extension RailpackPlan.Deploy {
    var jsonValue: RailpackJSONValue {
        var object: [String: RailpackJSONValue] = ["base": base.jsonValue]  // `json:"base"`: always present
        if !inputs.isEmpty { object["inputs"] = .array(inputs.map(\.jsonValue)) }
        if !startCommand.isEmpty { object["startCommand"] = .string(startCommand) }
        if !variables.isEmpty { object["variables"] = .object(variables.mapValues { .string($0) }) }
        if !paths.isEmpty { object["paths"] = .strings(paths) }
        return .object(object)
    }
}

extension RailpackPlan.Step {
    var jsonValue: RailpackJSONValue {
        var object: [String: RailpackJSONValue] = [:]
        if !name.isEmpty { object["name"] = .string(name) }
        if !inputs.isEmpty { object["inputs"] = .array(inputs.map(\.jsonValue)) }
        if !commands.isEmpty { object["commands"] = .array(commands.map(\.jsonValue)) }
        if !secrets.isEmpty { object["secrets"] = .strings(secrets) }
        if !assets.isEmpty { object["assets"] = .object(assets.mapValues { .string($0) }) }
        if !variables.isEmpty { object["variables"] = .object(variables.mapValues { .string($0) }) }
        if !caches.isEmpty { object["caches"] = .strings(caches) }
        return .object(object)
    }
}

extension RailpackPlan.Layer {
    /// The embedded Filter's fields sit beside the layer's own (railpack:core/plan/layer.go).
    var jsonValue: RailpackJSONValue {
        var object: [String: RailpackJSONValue] = [:]
        if !image.isEmpty { object["image"] = .string(image) }
        if !step.isEmpty { object["step"] = .string(step) }
        if local { object["local"] = .bool(true) }
        if spread { object["spread"] = .bool(true) }
        if !include.isEmpty { object["include"] = .strings(include) }
        if !exclude.isEmpty { object["exclude"] = .strings(exclude) }
        return .object(object)
    }
}

extension RailpackPlan.Command {
    var jsonValue: RailpackJSONValue {
        switch self {
        case .exec(let cmd, let customName):
            var object: [String: RailpackJSONValue] = ["cmd": .string(cmd)]
            if !customName.isEmpty { object["customName"] = .string(customName) }
            return .object(object)
        case .path(let path):
            return .object(["path": .string(path)])
        case .copy(let src, let dest, let image):
            var object: [String: RailpackJSONValue] = ["src": .string(src), "dest": .string(dest)]
            if !image.isEmpty { object["image"] = .string(image) }
            return .object(object)
        case .file(let path, let name, let mode, let customName):
            var object: [String: RailpackJSONValue] = ["path": .string(path), "name": .string(name)]
            if mode != 0 { object["mode"] = .number(Int(mode)) }
            if !customName.isEmpty { object["customName"] = .string(customName) }
            return .object(object)
        }
    }
}

extension RailpackPlan.Cache {
    var jsonValue: RailpackJSONValue {
        var object: [String: RailpackJSONValue] = [:]
        if !directory.isEmpty { object["directory"] = .string(directory) }
        if !type.isEmpty { object["type"] = .string(type) }
        return .object(object)
    }
}

extension RailpackJSONValue {
    static func strings(_ values: [String]) -> RailpackJSONValue { .array(values.map { .string($0) }) }
}
