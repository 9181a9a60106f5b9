/// Railpack's static-site provider: detection only for now (railpack:core/providers/staticfile/staticfile.go).
struct RailpackStaticfileProvider: RailpackDetectionOnlyProvider {
    let name = "staticfile"  // railpack:core/providers/staticfile/staticfile.go Name

    /// A site root exists: RAILPACK_STATIC_FILE_ROOT, a Staticfile `root:`, a `public` entry, or
    /// `index.html` (railpack:core/providers/staticfile/staticfile.go Detect, getRootDir).
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool {
        if !ctx.env.configVariable("STATIC_FILE_ROOT").value.isEmpty { return true }
        if let root = Self.staticfileRoot(ctx.app), !root.isEmpty { return true }
        return ctx.app.hasMatch("public") || ctx.app.hasFile("index.html")
    }

    /// `root:` of the YAML `Staticfile`, trimmed and unquoted (railpack:core/providers/staticfile/staticfile.go StaticfileConfig.RootDir).
    static func staticfileRoot(_ app: RailpackApp) -> String? {
        guard let text = app.readFile("Staticfile") else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("root:") {
            var value = line.dropFirst("root:".count).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            return value.trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
