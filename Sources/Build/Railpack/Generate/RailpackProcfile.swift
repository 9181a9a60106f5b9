/// The pass that runs after the language provider: a `Procfile` start command replaces the
/// provider's, `web` first, then `worker`, then any other entry
/// (railpack:core/providers/procfile/procfile.go ProcfileProvider.Plan).
enum RailpackProcfile {
    static func apply(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        guard let text = ctx.app.readFile("Procfile") else { return }
        // Railpack reads the file as a YAML map of strings; a line that is not `name: value`
        // makes the document something else and planning fails (procfile.go, app.go ReadYAML).
        // railsim words the error itself: yaml.v2's message depends on the parser state.
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset == 0 && raw.hasPrefix("\u{FEFF}") ? raw.dropFirst() : raw[...]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || line.first == " " || line.first == "\t" { continue }
            if !(trimmed.contains(": ") || trimmed.hasSuffix(":")) {
                throw .error("error reading Procfile as YAML: line \(offset + 1) is not a `name: command` entry, so the file is not a map of process types")
            }
        }
        let processes = Procfile(text: text).processes.map { (name: $0.name, command: yamlScalar($0.command), line: $0.line) }
        let web = processes.first { $0.name == "web" && !$0.command.isEmpty }
        let worker = processes.first { $0.name == "worker" && !$0.command.isEmpty }
        let chosen: (name: String, command: String, line: Int)?
        if let web { chosen = web } else if let worker { chosen = worker } else {
            // Go ranges over a map here, so upstream's pick among other entries is random;
            // railsim takes the first in the file.
            chosen = processes.first { !$0.command.isEmpty }
        }
        guard let chosen else { return }
        ctx.logInfo("Found \(chosen.name) command in Procfile")
        ctx.deploy.startCommand = chosen.command
        ctx.startCommandOrigin = "\(ctx.app.path("Procfile")?.description ?? "Procfile"):\(chosen.line) (\(chosen.name))"
    }

    /// A YAML scalar's value: quotes removed from a quoted one, a ` #` comment cut from a plain one.
    static func yamlScalar(_ text: String) -> String {
        if text.count >= 2, let quote = text.first, quote == "\"" || quote == "'", text.last == quote {
            let body = String(text.dropFirst().dropLast())
            return quote == "'" ? body.replacingOccurrences(of: "''", with: "'") : body.replacingOccurrences(of: "\\\"", with: "\"")
        }
        if let comment = text.range(of: " #") { return String(text[..<comment.lowerBound]).trimmingCharacters(in: .whitespaces) }
        return text
    }
}
