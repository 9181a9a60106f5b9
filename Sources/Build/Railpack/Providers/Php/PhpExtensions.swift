/// The extensions `install-php-extensions` adds, in upstream's order: `ext-*` requirements,
/// RAILPACK_PHP_EXTENSIONS, Laravel's server requirements, the PDO driver for DB_CONNECTION, and
/// Redis. Without a readable composer.json there are none at all, whatever the variables say
/// (railpack:core/providers/php/php.go getPhpExtensions). Duplicates are kept, as upstream keeps them.
enum PhpExtensions {
    /// https://laravel.com/docs/12.x/deployment#server-requirements (railpack:core/providers/php/php.go getPhpExtensions)
    static let laravel = ["ctype", "curl", "dom", "fileinfo", "filter", "hash", "mbstring", "openssl", "pcre", "pdo", "session", "tokenizer", "xml"]

    static func list(composer: PhpComposerJson?, env: RailpackEnvironment, isLaravel: Bool) -> [String] {
        guard let composer else { return [] }
        // Go ranges over the require map, in random order; railsim keeps the file's order.
        var extensions = (composer.require ?? []).compactMap { $0.key.hasPrefix("ext-") ? String($0.key.dropFirst(4)) : nil }
        let configured = env.configVariable("PHP_EXTENSIONS").value
        if !configured.isEmpty {
            extensions += configured.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        }
        if isLaravel { extensions += laravel }
        switch env.variable("DB_CONNECTION") {
        case "mysql": extensions.append("pdo_mysql")
        case "pgsql": extensions.append("pdo_pgsql")
        default: break
        }
        if needsRedis(composer: composer, env: env) { extensions.append("redis") }
        return extensions
    }

    /// Redis named by a variable (host, URL, or a cache, session or queue driver), or a required
    /// package whose name contains `redis` (so `predis` too) (php.go needsRedisExtension).
    static func needsRedis(composer: PhpComposerJson, env: RailpackEnvironment) -> Bool {
        if !env.variable("REDIS_HOST").isEmpty || !env.variable("REDIS_URL").isEmpty { return true }
        if ["CACHE_DRIVER", "SESSION_DRIVER", "QUEUE_CONNECTION"].contains(where: { env.variable($0) == "redis" }) { return true }
        return (composer.require ?? []).contains { $0.key.contains("redis") || $0.key.contains("predis") }
    }
}
