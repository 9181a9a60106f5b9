/// Railpack's shell-script provider (railpack:core/providers/shell/shell.go ShellProvider): the
/// app is started by running one script with the shell its shebang names; the build only makes
/// the script executable, after an install step when the config defines one.
struct RailpackShellProvider: RailpackLanguageProvider {
    let name = "shell"  // railpack:core/providers/shell/shell.go Name
    /// railpack:core/providers/shell/shell.go StartScriptName
    static let defaultScript = "start.sh"

    /// The script chosen at initialisation (shell.go Initialize).
    private(set) var script = ""

    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { Self.findScript(&ctx) != nil }

    mutating func initialize(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        guard let found = Self.findScript(&ctx) else { throw .error("start shell script could not be found") }
        script = found
    }

    /// railpack:core/providers/shell/shell.go Plan
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        let interpreter = try Self.interpreter(&ctx, script: script)
        ctx.deploy.startCommand = interpreter + " " + script
        ctx.startCommandOrigin = "Railpack's Shell provider (\(script))"
        ctx.setMetadata("detectedShellInterpreter", interpreter)
        // zsh is not in the runtime image, so it is installed there.
        if interpreter == "zsh" {
            ctx.logInfo("Installing zsh for shell script execution")
            ctx.deploy.addAptPackages(["zsh"])
        }
        ctx.logInfo("Using shell script: \(script) with interpreter: \(interpreter)")

        let miseName = ctx.mise.name
        var base = RailpackPlan.Layer.step(miseName)
        // A configured install step (e.g. RAILPACK_INSTALL_CMD) runs on the mise tools and the
        // source, and the build step builds on its result.
        if ctx.config.steps["install"] != nil {
            var install = ctx.newCommandStep("install")
            install.addInputs([.step(miseName), .local])
            ctx.store(install)
            base = .step(install.name)
        }
        var build = ctx.newCommandStep("build")
        build.addInputs([base, .local])
        build.addCommand(.exec("chmod +x " + script))
        ctx.store(build)

        ctx.deploy.addInputs([ctx.mise.layer(app: ctx.app), .step(build.name, include: ["."])])
    }

    /// RAILPACK_SHELL_SCRIPT, else `start.sh`; a missing one is logged as a warning, even while
    /// only detecting (railpack:core/providers/shell/shell.go getScript).
    static func findScript(_ ctx: inout RailpackGenerateContext) -> String? {
        let (configured, variable) = ctx.env.configVariable("SHELL_SCRIPT")
        let script = configured.isEmpty ? defaultScript : configured
        if ctx.app.hasFile(script) { return script }
        ctx.logWarn(variable.isEmpty ? "script \(script) not found" : "\(variable) \(script) script not found")
        return nil
    }

    /// The shell to run the script with: `sh` without a recognised shebang, otherwise the
    /// shebang's shell mapped to one the runtime image has (shell.go detectShellInterpreter,
    /// mapToAvailableShell). A script that cannot be read fails the plan as upstream's ReadFile does.
    static func interpreter(_ ctx: inout RailpackGenerateContext, script: String) throws(RailpackPlanFailure) -> String {
        guard let text = ctx.app.readFile(script) else {
            let reason = ctx.app.isDirectory(script) ? "is a directory" : "cannot be read"
            throw .error("error reading \(script): read \(script): \(reason)")
        }
        guard let shell = ShellShebang.shell(text) else { return "sh" }
        switch shell {
        case "bash", "zsh": return shell
        case "sh", "dash": return "sh"
        case "mksh", "ksh", "fish":
            ctx.logWarn("Shell '\(shell)' not available in runtime, using 'bash'")
            return "bash"
        default:
            ctx.logWarn("Unknown shell '\(shell)', using 'sh'")
            return "sh"
        }
    }
}
