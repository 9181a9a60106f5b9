/// Railpack's PHP provider (railpack:core/providers/php/php.go PhpProvider): FrankenPHP's image
/// is both builder and runtime. Steps prepare the config files, add PHP extensions, run
/// Composer, then build the app, with Node for the assets when there is a package.json; the
/// image starts with /start-container.sh.
struct RailpackPhpProvider: RailpackLanguageProvider {
    let name = "php"  // railpack:core/providers/php/php.go Name

    // railpack:core/providers/php/php.go constants
    static let caddyfilePath = "/Caddyfile"
    static let composerCacheDirectory = "/opt/cache/composer"
    static let startCommand = "/start-container.sh"

    /// railpack:core/providers/php/php.go Detect
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool {
        ctx.app.hasFile("index.php") || ctx.app.hasFile("composer.json")
    }

    /// railpack:core/providers/php/php.go Plan
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        let composer = PhpComposerJson(app: ctx.app)
        PhpImage.addStep(&ctx, composer: composer)
        // Laravel is recognised by its `artisan` script alone (php.go usesLaravel).
        let isLaravel = ctx.app.hasFile("artisan")
        let configFiles = try PhpConfigFiles(ctx, isLaravel: isLaravel)

        var prepare = ctx.newCommandStep("prepare")
        prepare.addInput(.step("packages:image"))
        addPrepare(&ctx, &prepare, configFiles: configFiles, isLaravel: isLaravel)
        ctx.store(prepare)

        var extensions = ctx.newCommandStep("extensions")
        extensions.addInput(.step(prepare.name))
        let names = PhpExtensions.list(composer: composer, env: ctx.env, isLaravel: isLaravel)
        if !names.isEmpty {
            extensions.addCommand(.exec("install-php-extensions \(names.joined(separator: " "))"))
            extensions.caches += ctx.caches.aptCaches()
        }
        extensions.secrets = []
        ctx.store(extensions)

        var composerStep = ctx.newCommandStep("install:composer")
        composerStep.addInput(.step(extensions.name))
        addComposerInstall(&ctx, &composerStep, composer: composer)
        ctx.store(composerStep)

        var node = RailpackNodeAssets.make()
        let usesNode = node.detect(&ctx)
        if isLaravel { ctx.logInfo("Found Laravel app") }
        if isLaravel { ctx.setMetadata("phpLaravel", "true") }

        if usesNode {
            try deployWithNode(&ctx, node: &node, composer: composerStep.name, isLaravel: isLaravel)
        } else {
            // Where a custom build command would go (php.go Plan).
            var build = ctx.newCommandStep("build")
            build.addInputs([.step(composerStep.name), .local])
            ctx.store(build)
            ctx.deploy.base = .step(build.name)
            includeMiseIfUsed(&ctx)
        }
        ctx.deploy.startCommand = Self.startCommand
        ctx.startCommandOrigin = "Railpack's PHP provider"
    }

    /// The config files as assets written to their places, and Laravel-friendly defaults
    /// (php.go Prepare).
    private func addPrepare(_ ctx: inout RailpackGenerateContext, _ prepare: inout CommandStepBuilder, configFiles: PhpConfigFiles, isLaravel: Bool) {
        if !configFiles.caddyfile.filename.isEmpty { ctx.logInfo("Using custom Caddyfile: \(configFiles.caddyfile.filename)") }
        if !configFiles.phpIni.filename.isEmpty { ctx.logInfo("Using custom php.ini: \(configFiles.phpIni.filename)") }
        if !configFiles.startContainerScript.filename.isEmpty {
            ctx.logInfo("Using custom start-container.sh: \(configFiles.startContainerScript.filename)")
        }
        prepare.assets["Caddyfile"] = configFiles.caddyfile.contents
        prepare.assets["php.ini"] = configFiles.phpIni.contents
        prepare.assets["start-container.sh"] = configFiles.startContainerScript.contents
        prepare.addEnvVars([
            "APP_ENV": "production", "APP_DEBUG": "false", "APP_LOCALE": "en", "LOG_CHANNEL": "stderr", "LOG_LEVEL": "debug",
            "SERVER_NAME": ":80", "PHP_INI_DIR": "/usr/local/etc/php", "OCTANE_SERVER": "frankenphp", "IS_LARAVEL": isLaravel ? "true" : "false",
        ])
        prepare.addCommands([
            .exec("mkdir -p /usr/local/etc/php/conf.d"),
            .exec("mkdir -p /conf.d/"),
            .file(path: "/usr/local/etc/php/conf.d/php.ini", name: "php.ini", mode: 0, customName: ""),
            .file(path: Self.caddyfilePath, name: "Caddyfile", mode: 0, customName: ""),
            .file(path: "/start-container.sh", name: "start-container.sh", mode: 0o755, customName: "create start container script"),
        ])
        prepare.secrets = []
    }

    /// Composer copied from its image, the manifests (and `artisan`) copied in, and an install
    /// without scripts, which need the whole app; nothing without a readable composer.json
    /// (php.go InstallCompose, ComposerSupportingFiles).
    private func addComposerInstall(_ ctx: inout RailpackGenerateContext, _ step: inout CommandStepBuilder, composer: PhpComposerJson?) {
        step.secrets = []
        step.useSecrets(withPrefixes: ["COMPOSER", "PHP"], from: ctx.env)
        step.addEnvVars(["COMPOSER_FUND": "0", "COMPOSER_CACHE_DIR": Self.composerCacheDirectory])
        guard composer != nil else { return }
        step.addCache(ctx.caches.addCache("composer", directory: Self.composerCacheDirectory))
        step.addCommand(.copy(src: "/usr/bin/composer", dest: "/usr/bin/composer", image: "composer:latest"))
        for pattern in ["**/composer.json", "**/composer.lock", "artisan"] {
            for file in ctx.app.findFiles(pattern) + ctx.app.findDirectories(pattern) { step.addCommand(.copy(file)) }
        }
        step.addCommand(.exec("composer install --optimize-autoloader --no-scripts --no-interaction"))
    }

    /// Mise's tools reach the image only when something asked for one, such as a config package
    /// or Node (php.go ConditionallyIncludeMise).
    func includeMiseIfUsed(_ ctx: inout RailpackGenerateContext) {
        if !ctx.mise.misePackages.isEmpty { ctx.deploy.addInputs([ctx.mise.layer(app: ctx.app)]) }
    }
}
