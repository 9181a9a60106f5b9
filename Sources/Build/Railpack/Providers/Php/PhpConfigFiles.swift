/// The Caddyfile, php.ini and start-container.sh the `prepare` step writes: the app's own file of
/// that name if it has one, else Railpack's default, each rendered as a Go template with the
/// document root and whether the app is Laravel (railpack:core/providers/php/php.go getConfigFiles).
struct PhpConfigFiles: Sendable, Equatable {
    var caddyfile: RailpackTemplateFile
    var phpIni: RailpackTemplateFile
    var startContainerScript: RailpackTemplateFile

    /// RAILPACK_PHP_ROOT_DIR as given (not trimmed), else /app/public for Laravel, else /app.
    init(_ ctx: RailpackGenerateContext, isLaravel: Bool) throws(RailpackPlanFailure) {
        let configured = ctx.env.variable("RAILPACK_PHP_ROOT_DIR")
        let root = !configured.isEmpty ? configured : isLaravel ? "/app/public" : "/app"
        let data: [String: GoTextTemplate.Value] = ["RAILPACK_PHP_ROOT_DIR": .string(root), "IS_LARAVEL": .bool(isLaravel)]
        do throws(RailpackPlanFailure) {
            caddyfile = try ctx.templateFiles(["Caddyfile"], defaultContents: PhpDefaultAssets.caddyfile, data: data)
            startContainerScript = try ctx.templateFiles(["start-container.sh"], defaultContents: PhpDefaultAssets.startContainerScript, data: data)
            phpIni = try ctx.templateFiles(["php.ini"], defaultContents: PhpDefaultAssets.phpIni, data: data)
        } catch {
            throw .error("failed to get config files: \(error.message)")
        }
    }
}
