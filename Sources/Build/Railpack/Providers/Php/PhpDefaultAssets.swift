/// The three files Railpack's PHP provider writes into every image unless the app has its own
/// (railpack:core/providers/php/php.go, embedded with go:embed): FrankenPHP's Caddyfile, php.ini
/// and the container start script. Upstream code, so only their markers are carried
/// (RailpackEmbeddedFile); an app's own file is rendered from its bytes.
enum PhpDefaultAssets {
    static let caddyfile = RailpackEmbeddedFile.marker("core/providers/php/Caddyfile")
    static let phpIni = RailpackEmbeddedFile.marker("core/providers/php/php.ini")
    static let startContainerScript = RailpackEmbeddedFile.marker("core/providers/php/start-container.sh")
}
