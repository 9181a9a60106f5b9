/// The pass that runs after the language provider: a `Procfile` start command replaces the
/// provider's, `web` first, then `worker`, then any other entry
/// (railpack:core/providers/procfile/procfile.go ProcfileProvider.Plan).
enum RailpackProcfile {
    static func apply(_ ctx: inout RailpackGenerateContext) {
        guard let text = ctx.app.readFile("Procfile") else { return }
        let processes = Procfile(text: text).processes
        let web = processes.first { $0.name == "web" }, worker = processes.first { $0.name == "worker" }
        let chosen: (name: String, command: String, line: Int)?
        if let web { chosen = web } else if let worker { chosen = worker } else {
            // Go ranges over a map here, so upstream's pick among other entries is random;
            // railsim takes the first in the file.
            chosen = processes.first
        }
        guard let chosen else { return }
        ctx.logInfo("Found \(chosen.name) command in Procfile")
        ctx.deploy.startCommand = chosen.command
        ctx.startCommandOrigin = "\(ctx.app.path("Procfile")?.description ?? "Procfile"):\(chosen.line) (\(chosen.name))"
    }
}
