import Build
import Snapshot

/// How the started process serves HTTP, as far as railsim can tell from the start command and
/// the app's source: where it binds, and which routes the app declares.
struct ServingPrediction {
    enum Host: Equatable { case anyAddress, loopback(String), unknown }
    enum Port: Equatable { case railwayPort, fixed(String), unknown }

    var server: String
    var host: Host
    var port: Port
    /// Route paths declared with decorators on the app object; nil when railsim cannot tell.
    var routes: [String]?
    /// False when the app also mounts routers or blueprints railsim does not follow.
    var routesComplete: Bool
    var location: SourceLocation?
    var notes: [RuntimeNote] = []
    /// False for processes that serve no HTTP at all (a celery worker): every healthcheck fails.
    var servesHTTP = true

    /// Why Railway's probe on $PORT would not get HTTP 200 at `path`, if railsim can tell.
    func problem(forHealthcheckPath path: String, environment: ProcessEnvironment) -> RuntimeNote? {
        if let portProblem = portProblem(environment: environment) { return portProblem }
        if let routes, routesComplete, !routes.contains(path) {
            return .healthcheckRouteMissing(path: path, routes: routes, location: location)
        }
        return nil
    }

    /// Railway's proxy and healthcheck reach the container on $PORT from outside: a loopback bind
    /// or another port gets "service unavailable" (docs:content/docs/deployments/healthchecks.md;
    /// docs:content/docs/networking/troubleshooting/application-failed-to-respond.md).
    func portProblem(environment: ProcessEnvironment) -> RuntimeNote? {
        if !servesHTTP { return .notListeningOnPort(detail: "\(server) serves no HTTP; Railway's healthcheck and proxy get no answer on $PORT", location: location) }
        if case .loopback(let address) = host {
            return .notListeningOnPort(detail: "\(server) binds \(address), which Railway cannot reach; bind 0.0.0.0", location: location)
        }
        if case .fixed(let value) = port, !environment.isRailwayPort(value) {
            return .notListeningOnPort(detail: "\(server) listens on port \(value), but Railway routes traffic and healthchecks to $PORT", location: location)
        }
        return nil
    }

    static func host(_ value: String?, default defaultHost: String) -> Host {
        let host = value ?? defaultHost
        if host == "0.0.0.0" || host == "::" || host == "[::]" || host.isEmpty { return .anyAddress }
        if host == "127.0.0.1" || host == "localhost" || host == "::1" { return .loopback(host) }
        return .unknown
    }

    static func port(_ value: String?, default defaultPort: String, environment: ProcessEnvironment) -> Port {
        let port = value ?? defaultPort
        return environment.isRailwayPort(port) ? .railwayPort : .fixed(port)
    }
}

/// Reads serving facts out of a scanned module: `uvicorn.run(...)`/`app.run(...)` calls in code
/// that runs as `__main__`, and route decorators on the app object.
enum ServingAnalysis {
    static let routeMethods: Set<String> = ["get", "post", "put", "delete", "patch", "head", "options", "route", "api_route", "websocket"]
    static let mountMethods: Set<String> = ["include_router", "mount", "register_blueprint", "add_route", "add_api_route", "add_url_rule"]

    /// Statements that run when the module is `__main__` (module level, the main guard, try/with).
    static func executed(_ scan: PythonModuleScan, asMain: Bool) -> [PyStatement] {
        var result: [PyStatement] = []
        var stack = [scan.body[...]]
        while let next = stack.popLast() {
            guard let statement = next.first else { continue }
            stack.append(next.dropFirst())
            result.append(statement)
            switch statement.kind {
            case .ifStatement(let branches, _):
                for branch in branches where branch.condition == .mainGuard && asMain { stack.append(branch.body[...]) }
            case .tryStatement(let body, _, let orElse, _): stack += [orElse[...], body[...]]
            case .with(let body): stack.append(body[...])
            default: break
            }
        }
        return result
    }

    /// Route paths declared on `appName` and whether other routers are mounted.
    static func routes(in scan: PythonModuleScan, appName: String) -> (routes: [String], complete: Bool) {
        var routes: [String] = []
        var complete = true
        for statement in executed(scan, asMain: false) {
            switch statement.kind {
            case .functionDef(_, let decorators, _):
                for case .call(let call) in decorators {
                    let parts = call.callee.split(separator: ".").map(String.init)
                    guard parts.count == 2, parts[0] == appName, routeMethods.contains(parts[1]) else { continue }
                    if case .string(let path)? = call.arguments.first(where: { $0.keyword == nil || $0.keyword == "path" || $0.keyword == "rule" })?.value { routes.append(path) }
                }
            case .call(let call):
                let parts = call.callee.split(separator: ".").map(String.init)
                if parts.count == 2, parts[0] == appName, mountMethods.contains(parts[1]) { complete = false }
            default: break
            }
        }
        return (routes, complete)
    }

    /// Finds `uvicorn.run(app, host=…, port=…)` or `<app>.run(host=…, port=…)` in code run as main.
    static func mainServer(_ scan: PythonModuleScan, file: String, environment: ProcessEnvironment) -> ServingPrediction? {
        let statements = executed(scan, asMain: true)
        var assignments: [String: PyExpression] = [:]
        for statement in statements { if case .assignment(let targets, let value) = statement.kind { for target in targets { assignments[target] = value } } }
        for statement in statements {
            guard case .call(let call) = statement.kind else { continue }
            let location = SourceLocation(file: file, line: call.span.startLine)
            let keyword = { (name: String) in call.arguments.first { $0.keyword == name }?.value }
            if call.callee == "uvicorn.run" || call.callee == "hypercorn.run" {
                // uvicorn.run defaults: host "127.0.0.1", port 8000 (uvicorn/config.py Config.__init__).
                var appName = "app"
                if case .name(let name)? = call.arguments.first?.value { appName = name }
                let (routes, complete) = routes(in: scan, appName: appName)
                return ServingPrediction(server: "uvicorn.run", host: host(keyword("host"), assignments, default: "127.0.0.1"),
                                         port: port(keyword("port"), assignments, default: "8000", environment: environment),
                                         routes: routes.isEmpty && complete ? nil : routes, routesComplete: complete, location: location)
            }
            let parts = call.callee.split(separator: ".").map(String.init)
            if parts.count == 2, parts[1] == "run", assignments[parts[0]] != nil {
                // Flask.run defaults: host 127.0.0.1, port 5000 (flask/app.py Flask.run).
                let (routes, complete) = routes(in: scan, appName: parts[0])
                return ServingPrediction(server: "\(call.callee)", host: host(keyword("host"), assignments, default: "127.0.0.1"),
                                         port: port(keyword("port"), assignments, default: "5000", environment: environment),
                                         routes: routes.isEmpty && complete ? nil : routes, routesComplete: complete, location: location)
            }
        }
        return nil
    }

    static func host(_ expression: PyExpression?, _ assignments: [String: PyExpression], default defaultHost: String) -> ServingPrediction.Host {
        switch resolve(expression, assignments) {
        case nil: return ServingPrediction.host(nil, default: defaultHost)
        case .string(let value)?: return ServingPrediction.host(value, default: defaultHost)
        default: return .unknown
        }
    }

    static func port(_ expression: PyExpression?, _ assignments: [String: PyExpression], default defaultPort: String,
                     environment: ProcessEnvironment) -> ServingPrediction.Port {
        guard let value = resolve(expression, assignments) else { return ServingPrediction.port(nil, default: defaultPort, environment: environment) }
        if readsPortVariable(value, assignments) { return .railwayPort }
        if case .integer(let number) = value { return environment.isRailwayPort(String(number)) ? .railwayPort : .fixed(String(number)) }
        return .unknown
    }

    static func resolve(_ expression: PyExpression?, _ assignments: [String: PyExpression]) -> PyExpression? {
        var current = expression
        var hops = 0
        while case .name(let name)? = current, let next = assignments[name], hops < 8 { current = next; hops += 1 }
        return current
    }

    /// `os.environ.get("PORT", …)`, `os.getenv("PORT")`, `os.environ["PORT"]`, possibly inside `int(…)`.
    static func readsPortVariable(_ expression: PyExpression, _ assignments: [String: PyExpression]) -> Bool {
        var stack = [expression]
        var visited = 0
        while let next = stack.popLast(), visited < 32 {
            visited += 1
            switch next {
            case .call(let call):
                if ["os.environ.get", "os.getenv", "environ.get", "getenv"].contains(call.callee),
                   case .string("PORT")? = call.arguments.first?.value { return true }
                stack += call.arguments.map(\.value)
            case .other(let text):
                if text.contains("environ") && (text.contains("\"PORT\"") || text.contains("'PORT'")) { return true }
            case .name(let name):
                if let value = assignments[name] { stack.append(value) }
            default: break
            }
        }
        return false
    }
}
