import Build

/// Server launchers railsim models, with how each changes sys.path, imports the app, reports
/// failures and binds (python-imports.md §4, read from the launchers' own source).
enum Launcher: String, Sendable, CaseIterable {
    case uvicorn, gunicorn, hypercorn, fastapi, flask, daphne, waitress = "waitress-serve", celery, streamlit

    init?(consoleScript: String) { self.init(rawValue: consoleScript) }

    /// `python -m X`: the module each launcher runs as `__main__` (each project's `__main__.py`).
    init?(module: String) {
        switch module {
        case "uvicorn": self = .uvicorn
        case "gunicorn": self = .gunicorn      // gunicorn/__main__.py
        case "hypercorn": self = .hypercorn    // hypercorn/__main__.py
        case "fastapi", "fastapi_cli": self = .fastapi  // fastapi/__main__.py → fastapi_cli
        case "flask": self = .flask            // flask/__main__.py
        case "waitress": self = .waitress      // waitress/__main__.py → runner.run
        case "celery": self = .celery          // celery/__main__.py
        case "streamlit": self = .streamlit    // streamlit/__main__.py
        default: return nil
        }
    }

    /// The distribution that installs the launcher (its PyPI name).
    var distribution: String {
        switch self {
        case .fastapi: return "fastapi-cli"
        case .waitress: return "waitress"
        default: return rawValue
        }
    }

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
        var subcommand: String?
        var appOption: String?
        var listen: String?
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
        // hypercorn/__main__.py argparse options with a value.
        case .hypercorn: valued = ["-b", "--bind", "-w", "--workers", "-k", "--worker-class", "-c", "--config", "--root-path", "--log-level",
                                   "--access-logfile", "--error-logfile", "--certfile", "--keyfile", "--graceful-timeout", "--keep-alive"]
        // fastapi_cli/cli.py typer options; flask/cli.py click options (the group's --app/-A, run's --host/--port).
        case .fastapi: valued = ["--host", "--port", "--app", "--entrypoint", "--root-path", "--workers", "--proxy-headers", "--forwarded-allow-ips"]
        case .flask: valued = ["--app", "-A", "--env-file", "-e", "--host", "-h", "--port", "-p", "--cert", "--key", "--extra-files", "--exclude-patterns"]
        // daphne/cli.py argparse; waitress/runner.py getopt; celery/bin/celery.py click; streamlit config flags.
        case .daphne: valued = ["-p", "--port", "-b", "--bind", "-u", "--unix-socket", "--fd", "-e", "--endpoint", "-t", "--http-timeout",
                                "--access-log", "--root-path", "--proxy-headers-host", "--proxy-headers-port", "-v", "--verbosity"]
        case .waitress: valued = ["--host", "--port", "--listen", "--unix-socket", "--threads", "--url-scheme", "--url-prefix", "--ident"]
        case .celery: valued = ["-A", "--app", "-b", "--broker", "--result-backend", "--loader", "--config", "--workdir", "-l", "--loglevel",
                                "-c", "--concurrency", "-Q", "--queues", "-n", "--hostname", "-P", "--pool"]
        case .streamlit: valued = ["--server.port", "--server.address", "--server.headless"]
        case .gunicorn: valued = ["-b", "--bind", "--chdir", "--pythonpath", "-k", "--worker-class", "-w", "--workers", "-c", "--config",
                                  "-t", "--timeout", "--threads", "--log-level", "--access-logfile", "--error-logfile", "-e", "--env",
                                  "--max-requests", "--graceful-timeout", "--keep-alive", "-n", "--name", "-u", "--user", "-g", "--group",
                                  "--worker-connections", "--backlog", "--forwarded-allow-ips", "--max-requests-jitter", "--log-config"]
        }
        for item in CommandOptions(arguments, takesValue: valued, attachedShortValue: self == .gunicorn ? ["-b"] : []).items {
            switch item {
            case .positional(let word):
                // `flask run`, `fastapi run|dev`, `celery worker`, `streamlit run` take a subcommand first.
                if parsed.subcommand == nil, [.flask, .fastapi, .celery, .streamlit].contains(self) { parsed.subcommand = word; continue }
                if parsed.app == nil { parsed.app = word }
            case .option(let option):
                switch option.name {
                case "--host", "-h" where self == .flask, "--server.address": parsed.host = option.value
                case "--port", "--server.port": parsed.port = option.value
                case "-p" where self == .flask || self == .daphne: parsed.port = option.value
                case "--app", "-A": parsed.appOption = option.value
                case "--listen": parsed.listen = option.value
                case "-b" where self == .daphne, "--bind" where self == .daphne: parsed.host = option.value
                case "--workdir": parsed.chdir = option.value
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
