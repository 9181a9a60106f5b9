import Testing
@testable import Build

/// Railpack's PHP provider (railpack:core/providers/php/php.go), against fixtures whose expected
/// plans were written from the provider's source.
@Suite struct RailpackPhpTests {
    typealias F = RailpackFragmentPlans

    @Test(arguments: ["php-laravel-vite", "php-composer-app"])
    func fixturePlan(name: String) throws {
        try F.planMatchingFixture(name)
    }

    @Test func laravelLogsAndMetadata() throws {
        let planned = try F.plan("php-laravel-vite")
        #expect(planned.result.metadata["phpLaravel"] == "true")
        #expect(planned.result.logs.contains(RailpackLog(.info, "Using custom Caddyfile: Caddyfile")))
        #expect(planned.result.logs.contains(RailpackLog(.info, "Found Laravel app")))
        #expect(planned.result.logs.contains(RailpackLog(.info, "Installing Node")))
        // `^8.2` loses its caret; the source names composer.json's key path (php.go phpImagePackage).
        #expect(planned.result.resolvedPackages["php"]?.requestedVersion == "8.2")
        #expect(planned.result.resolvedPackages["php"]?.source == "composer.json > require > php")
    }

    /// index.php alone: PHP 8.4, no extensions or Composer, the build step as the image base,
    /// and the default config files with /app as the document root (php.go Plan, getConfigFiles).
    @Test func vanillaIndex() throws {
        let planned = F.plan(files: ["index.php": "<?php echo 'hi';\n"])
        #expect(planned.result.failure == nil)
        #expect(F.stepNames(planned) == ["packages:image", "prepare", "extensions", "install:composer", "build"])
        let image = try #require(planned.result.plan?.step(named: "packages:image"))
        #expect(image.inputs == [.image("dunglas/frankenphp:php8.4.24-trixie")])
        #expect(F.commands(planned, "extensions") == [])
        #expect(F.commands(planned, "install:composer") == [])
        #expect(planned.result.plan?.deploy.base == .step("build"))
        #expect(planned.result.plan?.deploy.inputs == [])
        // Railpack's embedded defaults are upstream code: railsim writes their markers (RailpackEmbeddedFile).
        let assets = try #require(planned.result.plan?.step(named: "prepare")?.assets)
        #expect(assets["Caddyfile"] == "[railpack embedded file: core/providers/php/Caddyfile]")
        #expect(assets["php.ini"] == "[railpack embedded file: core/providers/php/php.ini]")
        #expect(assets["start-container.sh"] == "[railpack embedded file: core/providers/php/start-container.sh]")
    }

    /// Variables add drivers and Redis, in upstream's order; duplicates stay (php.go getPhpExtensions).
    @Test func extensionsFromVariables() {
        let composer = "{\"require\": {\"ext-pdo_mysql\": \"*\"}}"
        let planned = F.plan(files: ["composer.json": composer, "index.php": ""],
                             variables: ["RAILPACK_PHP_EXTENSIONS": "bcmath, gmp", "DB_CONNECTION": "mysql", "SESSION_DRIVER": "redis"])
        #expect(F.commands(planned, "extensions") == ["install-php-extensions pdo_mysql bcmath gmp pdo_mysql redis"])
    }

    /// Without a readable composer.json there are no extensions at all, whatever the variables
    /// say, and no Composer install (php.go getPhpExtensions, InstallCompose).
    @Test(arguments: ["[1, 2]", "{ not json", "\"text\""])
    func unreadableComposerJson(text: String) {
        let planned = F.plan(files: ["composer.json": text, "index.php": ""], variables: ["RAILPACK_PHP_EXTENSIONS": "gd"])
        #expect(planned.result.failure == nil)
        #expect(F.commands(planned, "extensions") == [])
        #expect(F.commands(planned, "install:composer") == [])
    }

    @Test func phpRootDirVariable() throws {
        // The template data, seen through an app Caddyfile that prints it (php.go getConfigFiles).
        let planned = F.plan(files: ["index.php": "", "Caddyfile": "root {{.RAILPACK_PHP_ROOT_DIR}}\n"], variables: ["RAILPACK_PHP_ROOT_DIR": "/app/web"])
        let caddyfile = try #require(planned.result.plan?.step(named: "prepare")?.assets["Caddyfile"])
        #expect(caddyfile == "root /app/web\n")
    }

    /// Config apt packages go on the image step too, since it is also the runtime (php.go phpImagePackage).
    @Test func configAptPackagesJoinTheImage() {
        let config = "{\"buildAptPackages\": [\"ffmpeg\"], \"deploy\": {\"aptPackages\": [\"libvips\"]}}"
        let planned = F.plan(files: ["index.php": "", "railpack.json": config])
        #expect(F.commands(planned, "packages:image") == ["sh -c 'apt-get update && apt-get install -y ca-certificates ffmpeg git libvips unzip zip'"])
    }

    /// A config package puts mise's tools into the image (php.go ConditionallyIncludeMise).
    @Test func configPackageIncludesMise() {
        let planned = F.plan(files: ["index.php": "", "railpack.json": "{\"packages\": {\"node\": \"22\"}}"])
        #expect(planned.result.plan?.deploy.inputs.first?.step == "packages:mise")
    }

    /// A user's template Go would reject, or that railsim cannot render, stops the plan with
    /// upstream's prefixes (php.go Plan, getConfigFiles; template.go TemplateFiles).
    @Test(arguments: [
        ("{{range .X}}x{{end}}", "failed to get config files: failed to parse template: template: Caddyfile:1: railsim does not emulate the template action {{range .X}}"),
        ("root\n{{.RAILPACK_PHP_ROOT_DIR", "failed to get config files: failed to parse template: template: Caddyfile:2: unclosed action"),
        ("{{if .IS_LARAVEL}}x", "failed to get config files: failed to parse template: template: Caddyfile:1: unexpected EOF"),
        ("x{{end}}", "failed to get config files: failed to parse template: template: Caddyfile:1: unexpected {{end}}"),
    ] as [(String, String)])
    func badCaddyfile(text: String, message: String) {
        let planned = F.plan(files: ["index.php": "", "Caddyfile": text])
        #expect(planned.result.failure == .error(message))
    }
}
