/// The provider's start command (railpack:core/providers/python/python.go GetStartCommand,
/// django.go). Later rules overwrite earlier ones, so Flask beats FastAPI beats FastHTML beats
/// Django, and the framework commands always name `main:app` whatever the main file is.
extension RailpackPythonProvider {
    func startCommand(_ ctx: inout RailpackGenerateContext, project: PythonProject) -> String {
        var command = ""
        if project.isDjango { command = djangoStartCommand(&ctx, project: project) }
        let hasMain = project.mainFile != nil
        let uvicorn = "uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}"
        if project.usesDependency("python-fasthtml") && hasMain && project.usesDependency("uvicorn") { command = uvicorn }
        if project.usesDependency("fastapi") && hasMain && project.usesDependency("uvicorn") { command = uvicorn }
        if project.usesDependency("flask") && hasMain && project.usesDependency("gunicorn") {
            command = "gunicorn --bind 0.0.0.0:${PORT:-8000} main:app"
        }
        if command.isEmpty, let main = project.mainFile { command = "python \(main)" }
        return command
    }

    /// `python manage.py migrate && gunicorn …:application`, or "" without a WSGI application (django.go getDjangoStartCommand).
    private func djangoStartCommand(_ ctx: inout RailpackGenerateContext, project: PythonProject) -> String {
        guard let application = Self.djangoApplication(ctx.app, env: ctx.env) else { return "" }
        ctx.logInfo("Using Django app: \(application)")
        return "python manage.py migrate && gunicorn --bind 0.0.0.0:${PORT:-8000} \(application):application"
    }

    /// RAILPACK_DJANGO_APP_NAME, else the first capture of `WSGI_APPLICATION = ["'](.*).application["']`
    /// over `**/*.py` in doublestar order (django.go getDjangoAppName).
    static func djangoApplication(_ app: RailpackApp, env: RailpackEnvironment) -> String? {
        let configured = env.configVariable("DJANGO_APP_NAME").value
        if !configured.isEmpty { return configured }
        for file in app.findFiles("**/*.py") {
            if let text = app.readFile(file), let name = wsgiApplication(in: text) { return name }
        }
        return nil
    }

    /// The regexp's leftmost match: `.` matches anything but a newline and `(.*)` is greedy, so
    /// the capture runs to the last `<any>application<quote>` on the line.
    static func wsgiApplication(in text: String) -> String? {
        let marker = "WSGI_APPLICATION = "
        var search = text[...]
        while let range = search.range(of: marker) {
            let rest = search[range.upperBound...]
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let line = Array(rest.dropFirst().prefix { $0 != "\n" })
                let tail = Array("application")
                var index = line.count - tail.count - 1
                while index >= 1 {
                    if Array(line[index..<(index + tail.count)]) == tail, let after = line[safe: index + tail.count], after == "\"" || after == "'" {
                        return String(line[..<(index - 1)])
                    }
                    index -= 1
                }
            }
            search = search[range.upperBound...]
        }
        return nil
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
