/// A rendered template and the app file it came from ("" for the provider's default).
struct RailpackTemplateFile: Sendable, Equatable {
    var filename: String
    var contents: String
}

extension RailpackGenerateContext {
    /// The first of `candidates` that exists in the app, else the default, rendered as a Go
    /// template with `data` (railpack:core/generate/template.go TemplateFiles). A file that
    /// exists but cannot be read, or a template that does not parse, fails the plan.
    func templateFiles(_ candidates: [String], defaultContents: String, data: [String: GoTextTemplate.Value]) throws(RailpackPlanFailure) -> RailpackTemplateFile {
        var filename = ""
        var contents = defaultContents
        if let name = candidates.first(where: { app.hasFile($0) }) {
            guard let text = app.readFile(name) else { throw .error("error reading \(name): read \(name): is a directory") }
            filename = name
            contents = text
        }
        do throws(GoTextTemplate.Failure) {
            return RailpackTemplateFile(filename: filename, contents: try GoTextTemplate.render(contents, name: filename, data: data))
        } catch {
            throw .error("failed to parse template: \(error.message)")
        }
    }
}
