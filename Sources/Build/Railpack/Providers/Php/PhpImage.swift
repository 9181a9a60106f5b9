/// The FrankenPHP image every PHP build starts from, chosen once the PHP version is resolved
/// (railpack:core/providers/php/php.go phpImagePackage, getPhpImage).
///
/// Railpack resolves the version against the PHP releases mise knows that also have a
/// `dunglas/frankenphp:php<version>-trixie` tag on Docker Hub, newest first. railsim is offline:
/// it uses the newest patch Railpack's own snapshots show for a minor (as of the emulated
/// commit), and otherwise the version as requested, which FrankenPHP also tags for minors.
enum PhpImage {
    /// railpack:core/providers/php/php.go DEFAULT_PHP_VERSION
    static let defaultVersion = "8.4"
    /// Newest patch with a FrankenPHP trixie image, per railpack:core/__snapshots__ php-* (commit 30017e48, 2026-07-31).
    static let newestPatch = ["8.2": "8.2.33", "8.4": "8.4.24"]

    /// railpack:core/providers/php/php.go getPhpImage
    static func image(_ version: String) -> String { "dunglas/frankenphp:php\(version)-trixie" }

    static func resolved(_ version: String) -> String { newestPatch[version] ?? version }

    /// The `packages:image` step: git, zip, unzip and CA certificates plus every configured apt
    /// package, build and runtime alike, since this image is also the runtime; PHP at 8.4 unless
    /// composer.json's `require.php` asks otherwise (a leading `^` dropped) (php.go phpImagePackage).
    static func addStep(_ ctx: inout RailpackGenerateContext, composer: PhpComposerJson?) {
        var step = ctx.newImageStep("packages:image") { packages in
            image(resolved(packages["php"]?.resolvedVersion ?? defaultVersion))
        }
        step.aptPackages = ["git", "zip", "unzip", "ca-certificates"]
        step.aptPackages += ctx.config.buildAptPackages ?? []
        step.aptPackages += ctx.config.deploy?.aptPackages ?? []
        ctx.resolver.setDefault("php", version: defaultVersion)
        step.packages.append("php")
        if let required = composer?.requiredPhp {
            let version = required.hasPrefix("^") ? String(required.dropFirst()) : required
            ctx.setVersion("php", version, source: "composer.json > require > php")
        }
        ctx.store(step)
    }
}
