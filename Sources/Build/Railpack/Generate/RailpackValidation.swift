/// The checks a plan must pass before Railpack hands it to BuildKit (railpack:core/validate.go ValidatePlan).
enum RailpackValidation {
    /// railpack:core/validate.go validateStartCommand: the message Railpack prints when no start command is found.
    static let missingStartMessage = "No start command detected. Specify a start command: https://railpack.com/config/file#deploy"
    /// First line of railpack:core/validate.go getNoProviderError.
    static let noProviderHeadline = "Railpack could not determine how to build the app."

    static func validate(_ plan: RailpackPlan, ctx: inout RailpackGenerateContext, provider: (any RailpackLanguageProvider)?,
                         errorMissingStartCommand: Bool) -> RailpackPlanFailure? {
        // At least one step must run a command (validateCommands).
        if !plan.steps.contains(where: { !$0.commands.isEmpty }) {
            let message = noProviderMessage(ctx.app)
            ctx.logError(message)
            return .noProvider(message: message)
        }
        if plan.deploy.startCommand.isEmpty {
            var message = missingStartMessage
            if let help = provider?.startCommandHelp, !help.isEmpty { message += "\n\n" + help }
            if errorMissingStartCommand {
                ctx.logError(message)
                return .noStartCommand(message: message)
            }
            ctx.logWarn(message)
        }
        // Every step needs an input, the first an image or step without filters (validateInputs).
        for step in plan.steps {
            guard let first = step.inputs.first else {
                let message = "step `\(step.name)` has no inputs"
                ctx.logError(message)
                return .error(message)
            }
            if first.image.isEmpty && first.step.isEmpty {
                let message = "`\(step.name)` inputs must be an image or step input\n\n\(compactJSON(first))"
                ctx.logError(message)
                return .error(message)
            }
            if !first.include.isEmpty || !first.exclude.isEmpty {
                let message = "the first input of `\(step.name)` cannot have any includes or excludes.\n\n\(compactJSON(first))"
                ctx.logError(message)
                return .error(message)
            }
        }
        if plan.deploy.base.image.isEmpty && plan.deploy.base.step.isEmpty {  // validateDeployLayers
            ctx.logError("deploy.base is required")
            return .error("deploy.base is required")
        }
        return nil
    }

    /// railpack:core/validate.go getNoProviderError: the supported languages, then the analysed
    /// directory's top level (directories first, then files).
    static func noProviderMessage(_ app: RailpackApp) -> String {
        let files = app.findFiles("*"), directories = app.findDirectories("*")
        var tree = "./\n"
        for (index, directory) in directories.enumerated() {
            tree += (index == directories.count - 1 && files.isEmpty ? "└── " : "├── ") + directory + "/\n"
        }
        for (index, file) in files.enumerated() {
            tree += (index == files.count - 1 ? "└── " : "├── ") + file + "\n"
        }
        var message = noProviderHeadline + "\n\nThe following languages are supported:\n"
        for provider in RailpackProviders.languageProviders() { message += "- \(capitalizedFirst(provider.name))\n" }
        message += "\nThe app contents that Railpack analyzed contains:\n\n" + tree + "\n"
        message += "Check out the docs for more information: https://railpack.com"
        return message
    }

    /// railpack:internal/utils/utils.go CapitalizeFirst
    static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// `Layer.String()`: the layer's compact JSON (railpack:core/plan/layer.go).
    private static func compactJSON(_ layer: RailpackPlan.Layer) -> String {
        layer.jsonValue.rendered(indent: "").replacingOccurrences(of: "\n", with: "")
    }
}
