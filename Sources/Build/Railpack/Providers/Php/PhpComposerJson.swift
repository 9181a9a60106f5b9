import Railway

/// composer.json as the PHP provider reads it: Go's `ReadJSON` into a `map[string]any`, so any
/// JSON object works (a top-level `null` too) and anything else is an error that each caller
/// treats as "no composer.json" (railpack:core/providers/php/php.go readComposerJson;
/// railpack:core/app/app.go ReadJSON). Parsed with Foundation through the repo's JSON reader,
/// which also accepts the comments and trailing commas Railpack's StandardizeJSON does.
struct PhpComposerJson: Sendable, Equatable {
    let members: [ConfigMember]

    /// nil when composer.json is missing, unreadable, not JSON, or not an object.
    init?(app: RailpackApp) {
        guard let text = app.readFile("composer.json"),
              let document = try? ConfigDocumentParser.parseJSONWithComments(text, file: "composer.json") else { return nil }
        switch document {
        case .table(let members): self.members = members
        case .null: self.members = []
        default: return nil
        }
    }

    /// `require` when it is an object; duplicate keys resolve to the last, as in Go.
    var require: [ConfigMember]? {
        guard let value = members.last(where: { $0.key == "require" })?.value, case .table(let entries) = value else { return nil }
        var seen = Set<String>()
        return entries.reversed().filter { seen.insert($0.key).inserted }.reversed()
    }

    /// `require.php` when it is a string (objx `Get("require.php").IsStr()`).
    var requiredPhp: String? {
        guard case .string(let text)? = require?.last(where: { $0.key == "php" })?.value else { return nil }
        return text
    }
}
