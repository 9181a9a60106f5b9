import Foundation
import Railway

/// The package.json fields the interim Node support reads, decoded the way Go's encoding/json
/// fills Railpack's `PackageJson` struct: a field of the wrong type is an error, a missing one
/// is empty (railpack:core/providers/node/package_json.go PackageJson). The text goes through
/// the same comment-and-trailing-comma standardising as Railpack's `ReadJSON`
/// (railpack:core/app/app.go ReadJSON, internal/utils StandardizeJSON).
struct InterimPackageJson: Sendable, Equatable {
    var scripts: [String: String] = [:]
    /// Present (even empty) when the manifest names one; `null` counts as absent.
    var packageManager: String?
    var dependencies: [String: String] = [:]
    var devDependencies: [String: String] = [:]
    var engines: [String: String] = [:]
    var main = ""
    var workspaces: [String] = []

    init() {}

    /// `error reading <file> as JSON: …` on a syntax or type error (app.go ReadJSON).
    init(reading file: String, in app: RailpackApp) throws(RailpackPlanFailure) {
        guard let text = app.readFile(file) else { throw .error("error reading \(file)") }
        let document: ConfigValue
        do throws(ConfigSyntaxError) {
            document = try ConfigDocumentParser.parseJSONWithComments(text, file: file)
        } catch {
            throw .error("error reading \(file) as JSON: \(error.message)")
        }
        guard let members = document.members else {
            throw .error("error reading \(file) as JSON: json: cannot unmarshal \(document.typeName) into Go value of type node.PackageJson")
        }
        func strings(_ key: String) throws(RailpackPlanFailure) -> [String: String] {
            guard let value = members.last(where: { $0.key == key })?.value, value != .null else { return [:] }
            guard let entries = value.members else { throw Self.typeError(file, key, value) }
            var map: [String: String] = [:]
            for entry in entries {
                switch entry.value {
                case .string(let text): map[entry.key] = text
                case .null: map[entry.key] = ""
                default: throw Self.typeError(file, "\(key).\(entry.key)", entry.value)
                }
            }
            return map
        }
        scripts = try strings("scripts")
        dependencies = try strings("dependencies")
        devDependencies = try strings("devDependencies")
        engines = try strings("engines")
        switch members.last(where: { $0.key == "packageManager" })?.value {
        case .string(let text)?: packageManager = text
        case nil, .null?: packageManager = nil
        case let other?: throw Self.typeError(file, "packageManager", other)
        }
        switch members.last(where: { $0.key == "main" })?.value {
        case .string(let text)?: main = text
        case nil, .null?: break
        case let other?: throw Self.typeError(file, "main", other)
        }
        // An array of names, or `{"packages": [...]}`; anything else is ignored (UnmarshalJSON).
        switch members.last(where: { $0.key == "workspaces" })?.value {
        case .array(let items)?: workspaces = items.map { if case .string(let text) = $0 { return text } else { return "" } }
        case .table(let object)?:
            if case .array(let items)? = object.last(where: { $0.key == "packages" })?.value {
                workspaces = items.compactMap { if case .string(let text) = $0 { return text } else { return nil } }
            }
        default: break
        }
    }

    private static func typeError(_ file: String, _ field: String, _ value: ConfigValue) -> RailpackPlanFailure {
        .error("error reading \(file) as JSON: json: cannot unmarshal \(value.typeName) into Go struct field PackageJson.\(field)")
    }

    /// package_json.go HasScript
    func hasScript(_ name: String) -> Bool { !(scripts[name] ?? "").isEmpty }
    func script(_ name: String) -> String { scripts[name] ?? "" }
    /// package_json.go hasDependency
    func hasDependency(_ name: String) -> Bool { dependencies[name] != nil || devDependencies[name] != nil }
    /// A `file:` dependency needs the whole app in the install step (package_json.go hasLocalDependency).
    var hasLocalDependency: Bool { (dependencies.values.map { $0 } + devDependencies.values).contains { $0.hasPrefix("file:") } }

    /// `name@version(+hash)`, else ("", "") (package_json.go GetPackageManagerInfo).
    var packageManagerInfo: (name: String, version: String) {
        guard let packageManager else { return ("", "") }
        let parts = packageManager.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return ("", "") }
        let version = parts[1].split(separator: "+", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return (parts[0].trimmingCharacters(in: .whitespaces), version.trimmingCharacters(in: .whitespaces))
    }
}
