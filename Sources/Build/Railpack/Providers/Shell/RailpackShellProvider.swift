/// Railpack's shell-script provider: detection only for now (railpack:core/providers/shell/shell.go).
struct RailpackShellProvider: RailpackDetectionOnlyProvider {
    let name = "shell"  // railpack:core/providers/shell/shell.go Name

    /// The script named by RAILPACK_SHELL_SCRIPT, else `start.sh`, must exist; a missing one is
    /// logged as a warning even while only detecting (railpack:core/providers/shell/shell.go getScript).
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool {
        let (configured, variable) = ctx.env.configVariable("SHELL_SCRIPT")
        let script = configured.isEmpty ? "start.sh" : configured
        if ctx.app.hasFile(script) { return true }
        ctx.logWarn(variable.isEmpty ? "script \(script) not found" : "\(variable) \(script) script not found")
        return false
    }
}
