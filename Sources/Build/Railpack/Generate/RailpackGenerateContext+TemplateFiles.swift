/// Rendering a file the app may override (railpack:core/generate/template.go TemplateFiles).
extension RailpackGenerateContext {
    struct TemplateFile: Sendable, Equatable {
        /// The app file used, or "" for the built-in default.
        var fileName: String
        var contents: String
    }

    /// The first of `candidates` that exists in the app, else `defaultContents`, rendered with
    /// `data`. A candidate that exists but cannot be read fails, as do template errors.
    func templateFile(_ candidates: [String], defaultContents: String, data: [String: GoTextTemplate.Value]) throws(RailpackPlanFailure) -> TemplateFile {
        var fileName = ""
        var source = defaultContents
        if let found = candidates.first(where: { app.hasFile($0) }) {
            guard let text = app.readFile(found) else { throw .error("error reading \(found)") }
            fileName = found
            source = text
        }
        do throws(GoTextTemplate.Failure) {
            return TemplateFile(fileName: fileName, contents: try GoTextTemplate.render(source, name: fileName, data: data))
        } catch {
            switch error {
            case .parse(let message): throw .error("failed to parse template: \(message)")
            case .unsupported(let what): throw .error("railsim does not render \(what) in \(fileName.isEmpty ? "Railpack's template" : fileName)")
            }
        }
    }
}
