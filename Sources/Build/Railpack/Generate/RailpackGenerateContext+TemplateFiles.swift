/// Templated config files: the first of the candidate files the app has, else the provider's
/// default, rendered with Go template data (railpack:core/generate/template.go TemplateFiles).
/// PHP renders its Caddyfile, php.ini and start script this way; Node SPAs and static sites
/// render their Caddyfile the same way.
struct RailpackTemplateFile: Sendable, Equatable {
    /// The app file used, or "" when the default was rendered (TemplateFileResult.Filename).
    var filename: String
    var contents: String
}

extension RailpackGenerateContext {
    /// A file that exists but cannot be read fails, as `ReadFirstFileOf` does; so does a template
    /// Go would not parse ("failed to parse template: …"). Callers add their own prefix.
    func templateFiles(_ candidates: [String], defaultContents: String,
                       data: [String: GoTextTemplate.Value]) throws(RailpackPlanFailure) -> RailpackTemplateFile {
        var filename = ""
        var contents = defaultContents
        if let found = candidates.first(where: { app.hasFile($0) }) {
            guard let text = app.readFile(found) else { throw .error("error reading \(found)") }
            filename = found
            contents = text
        }
        do throws(GoTextTemplate.Failure) {
            let template = try GoTextTemplate(parsing: contents, name: filename)
            return RailpackTemplateFile(filename: filename, contents: template.render(data))
        } catch {
            throw .error("failed to parse template: \(error.message)")
        }
    }
}
