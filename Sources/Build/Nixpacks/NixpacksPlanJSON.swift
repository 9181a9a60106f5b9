extension NixpacksPlan {
    /// The plan as `nixpacks plan` prints it (`BuildPlan::to_json`, serde_json's pretty printer:
    /// two-space indent, fields in declaration order, maps sorted, `None` fields left out), without
    /// the trailing newline `println!` adds. `nixpacks plan` strips the phases' `name` fields
    /// (mod.rs `remove_phase_names`); Nixpacks' snapshot tests serialise the plan directly and keep
    /// them, hence `phaseNames`.
    public func json(phaseNames: Bool = false) -> String {
        var writer = NixpacksJSONWriter()
        writer.object(fields(phaseNames: phaseNames), indent: 0)
        return writer.output
    }

    private func fields(phaseNames: Bool) -> [(String, NixpacksJSONValue)] {
        var out: [(String, NixpacksJSONValue)] = []
        if let providers { out.append(("providers", .strings(providers))) }
        if let buildImage { out.append(("buildImage", .string(buildImage))) }
        if let variables { out.append(("variables", .map(variables))) }
        if let staticAssets { out.append(("staticAssets", .map(staticAssets))) }
        if let phases {
            let sorted = phases.keys.sorted(by: NixpacksOrdering.less)
            out.append(("phases", .object(sorted.compactMap { key in
                phases[key].map { (key, .object($0.fields(name: phaseNames))) }
            })))
        }
        if let start { out.append(("start", .object(start.fields))) }
        return out
    }
}

extension NixpacksPhase {
    fileprivate func fields(name includeName: Bool) -> [(String, NixpacksJSONValue)] {
        var out: [(String, NixpacksJSONValue)] = []
        if includeName, let name { out.append(("name", .string(name))) }
        if let dependsOn { out.append(("dependsOn", .strings(dependsOn))) }
        if let nixPkgs { out.append(("nixPkgs", .strings(nixPkgs))) }
        if let nixLibs { out.append(("nixLibs", .strings(nixLibs))) }
        if let nixOverlays { out.append(("nixOverlays", .strings(nixOverlays))) }
        if let nixpkgsArchive { out.append(("nixpkgsArchive", .string(nixpkgsArchive))) }
        if let aptPkgs { out.append(("aptPkgs", .strings(aptPkgs))) }
        if let cmds { out.append(("cmds", .strings(cmds))) }
        if let onlyIncludeFiles { out.append(("onlyIncludeFiles", .strings(onlyIncludeFiles))) }
        if let cacheDirectories { out.append(("cacheDirectories", .strings(cacheDirectories))) }
        if let paths { out.append(("paths", .strings(paths))) }
        return out
    }
}

extension NixpacksStartPhase {
    fileprivate var fields: [(String, NixpacksJSONValue)] {
        var out: [(String, NixpacksJSONValue)] = []
        if let cmd { out.append(("cmd", .string(cmd))) }
        if let runImage { out.append(("runImage", .string(runImage))) }
        if let onlyIncludeFiles { out.append(("onlyIncludeFiles", .strings(onlyIncludeFiles))) }
        if let user { out.append(("user", .string(user))) }
        return out
    }
}

/// The JSON shapes a plan uses.
private indirect enum NixpacksJSONValue {
    case string(String)
    case strings([String])
    /// A BTreeMap<String, String>: printed sorted by key.
    case map([String: String])
    case object([(String, NixpacksJSONValue)])
}

/// serde_json's `PrettyFormatter` with its string escaping (serde_json 1.0 ser.rs): `"` and `\`,
/// the short escapes `\b \f \n \r \t`, other control characters as `\u00xx` in lower case, and
/// everything else (non-ASCII included) verbatim.
private struct NixpacksJSONWriter {
    var output = ""

    mutating func value(_ value: NixpacksJSONValue, indent: Int) {
        switch value {
        case .string(let text): string(text)
        case .strings(let items): array(items, indent: indent)
        case .map(let map):
            object(map.keys.sorted(by: NixpacksOrdering.less).compactMap { key in map[key].map { (key, .string($0)) } }, indent: indent)
        case .object(let fields): object(fields, indent: indent)
        }
    }

    mutating func object(_ fields: [(String, NixpacksJSONValue)], indent: Int) {
        guard !fields.isEmpty else { output += "{}"; return }
        output += "{\n"
        for (index, field) in fields.enumerated() {
            output += String(repeating: "  ", count: indent + 1)
            string(field.0)
            output += ": "
            value(field.1, indent: indent + 1)
            output += index == fields.count - 1 ? "\n" : ",\n"
        }
        output += String(repeating: "  ", count: indent) + "}"
    }

    mutating func array(_ items: [String], indent: Int) {
        guard !items.isEmpty else { output += "[]"; return }
        output += "[\n"
        for (index, item) in items.enumerated() {
            output += String(repeating: "  ", count: indent + 1)
            string(item)
            output += index == items.count - 1 ? "\n" : ",\n"
        }
        output += String(repeating: "  ", count: indent) + "]"
    }

    mutating func string(_ text: String) {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\u{08}": escaped += "\\b"
            case "\u{0C}": escaped += "\\f"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        output += escaped + "\""
    }
}
