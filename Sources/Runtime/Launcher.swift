import Build

/// Server launchers railsim models, with how each changes sys.path, imports the app, reports
/// failures and binds (python-imports.md §4, read from the launchers' own source).
enum Launcher: String, Sendable {
    case uvicorn, gunicorn

    init?(consoleScript: String) { self.init(rawValue: consoleScript) }

    /// Parsed launcher arguments.
    struct Arguments {
        var app: String?
        var host: String?
        var port: String?
        var bind: [String] = []
        var chdir: String?
        var pythonPath: [String] = []
        var appDir: String?
        var factory = false
    }

    func parse(_ arguments: [String]) -> Arguments {
        var parsed = Arguments()
        let valued: Set<String>
        switch self {
        // uvicorn/main.py click options that take a value.
        case .uvicorn: valued = ["--host", "--port", "--uds", "--fd", "--app-dir", "--workers", "--loop", "--http", "--ws", "--lifespan",
                                 "--env-file", "--log-config", "--log-level", "--root-path", "--limit-concurrency", "--backlog",
                                 "--timeout-keep-alive", "--ssl-keyfile", "--ssl-certfile", "--forwarded-allow-ips", "--reload-dir",
                                 "--reload-include", "--reload-exclude", "--reload-delay", "--interface", "--h11-max-incomplete-event-size",
                                 "--ws-max-size", "--ws-ping-interval", "--ws-ping-timeout", "--header", "--limit-max-requests",
                                 "--timeout-graceful-shutdown", "--ssl-keyfile-password", "--ssl-version", "--ssl-cert-reqs", "--ssl-ca-certs", "--ssl-ciphers"]
        // gunicorn/config.py settings with a value.
        case .gunicorn: valued = ["-b", "--bind", "--chdir", "--pythonpath", "-k", "--worker-class", "-w", "--workers", "-c", "--config",
                                  "-t", "--timeout", "--threads", "--log-level", "--access-logfile", "--error-logfile", "-e", "--env",
                                  "--max-requests", "--graceful-timeout", "--keep-alive", "-n", "--name", "-u", "--user", "-g", "--group",
                                  "--worker-connections", "--backlog", "--forwarded-allow-ips", "--max-requests-jitter", "--log-config"]
        }
        for item in CommandOptions(arguments, takesValue: valued, attachedShortValue: self == .gunicorn ? ["-b"] : []).items {
            switch item {
            case .positional(let word): if parsed.app == nil { parsed.app = word }
            case .option(let option):
                switch option.name {
                case "--host": parsed.host = option.value
                case "--port": parsed.port = option.value
                case "--app-dir": parsed.appDir = option.value
                case "--factory": parsed.factory = true
                case "-b", "--bind": if let value = option.value { parsed.bind.append(value) }
                case "--chdir": parsed.chdir = option.value
                case "--pythonpath": parsed.pythonPath += (option.value ?? "").split(separator: ",").map(String.init)
                default: continue
                }
            }
        }
        return parsed
    }
}
