import Build
import Railway
import Snapshot

/// `python manage.py <command>`: the hand-over to Django (`execute_from_command_line`) and what
/// `django.setup()` and the system checks import before the command runs. Facts from Django 6.1.3
/// (django/conf/project_template/manage.py-tpl, django/core/management/__init__.py,
/// django/apps/registry.py, django/apps/config.py, django/core/checks/urls.py) and from the
/// experiments that `scripts/generate-django-frames.py` records.
struct DjangoStartup {
    /// Where manage.py hands over: the statements to walk and the frames they run in.
    struct HandOver {
        /// The module-level statement that calls the function (`main()`), or nil when the
        /// hand-over code sits directly in the main guard (pre-2.0 templates).
        var callStatement: PyStatement?
        var functionName: String?
        var body: [PyStatement]
    }

    /// Finds `execute_from_command_line(...)` in the main module: directly in its body or main
    /// guard, or one call level down (a function of this module called from there).
    static func handOver(in scan: PythonModuleScan) -> HandOver? {
        var functions: [String: [PyStatement]] = [:]
        for statement in scan.body { if case .functionDef(let name, _, let body) = statement.kind { functions[name] = body } }
        var topLevel: [[PyStatement]] = [scan.body]
        for statement in scan.body {
            if case .ifStatement(let branches, _) = statement.kind, let guarded = branches.first, guarded.condition == .mainGuard {
                topLevel.append(guarded.body)
            }
        }
        for statements in topLevel {
            if callsExecute(statements) { return HandOver(callStatement: nil, functionName: nil, body: statements) }
            for statement in statements {
                guard case .call(let call) = statement.kind, let body = functions[call.callee], callsExecute(body) else { continue }
                return HandOver(callStatement: statement, functionName: call.callee, body: body)
            }
        }
        return nil
    }

    static func isExecuteCall(_ callee: String) -> Bool {
        callee == "execute_from_command_line" || callee == "django.core.management.execute_from_command_line" || callee == "management.execute_from_command_line"
    }

    /// Whether these statements (or a `try`/`with`/`if` nested in them) call `execute_from_command_line`.
    static func callsExecute(_ statements: [PyStatement]) -> Bool {
        var stack = [statements[...]]
        while let next = stack.popLast() {
            for statement in next {
                switch statement.kind {
                case .call(let call) where isExecuteCall(call.callee): return true
                case .tryStatement(let body, let handlers, let orElse, let finally):
                    stack += [body[...], orElse[...], finally[...]] + handlers.map { $0.body[...] }
                case .with(let body): stack.append(body[...])
                case .ifStatement(let branches, let orElse): stack += branches.map { $0.body[...] } + [(orElse ?? [])[...]]
                default: continue
                }
            }
        }
        return false
    }

    /// `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "literal")` among these statements.
    static func settingsDefault(in statements: [PyStatement]) -> String? {
        var stack = [statements[...]]
        while let next = stack.popLast() {
            for statement in next {
                switch statement.kind {
                case .call(let call) where call.callee == "os.environ.setdefault" || call.callee == "environ.setdefault":
                    if call.arguments.count >= 2, case .string("DJANGO_SETTINGS_MODULE") = call.arguments[0].value,
                       case .string(let value) = call.arguments[1].value { return value }
                case .tryStatement(let body, _, let orElse, let finally): stack += [body[...], orElse[...], finally[...]]
                case .ifStatement(let branches, let orElse): stack += branches.map { $0.body[...] } + [(orElse ?? [])[...]]
                default: continue
                }
            }
        }
        return nil
    }
}

/// A `raise` statement found by the tokenizer in an `except` clause (the scanner omits `raise`).
struct PyRaise {
    enum Cause: Equatable { case explicit, suppressed, implicit }
    var type: String
    /// The message when the argument is a plain string literal (implicitly concatenated), else nil.
    var message: String?
    var cause: Cause
    var span: PySourceSpan

    /// The first `raise` statement inside `span` of `source`, read with the real tokenizer.
    static func first(in source: [UInt8], within span: PySourceSpan) -> PyRaise? {
        guard let tokens = try? PythonSourceScanner.tokenize(source) else { return nil }
        let view = PyTokenView(tokens: tokens, source: source)
        guard let start = tokens.firstIndex(where: { $0.isKeyword(.raise) && Int($0.line) > span.startLine && Int($0.line) <= span.endLine }) else { return nil }
        var end = start + 1
        var depth = 0
        var fromIndex: Int? = nil
        while end < tokens.count, tokens[end].kind != .newline, tokens[end].kind != .endMarker {
            if tokens[end].isOpenBracket { depth += 1 } else if tokens[end].isCloseBracket { depth -= 1 }
            if depth == 0, tokens[end].isKeyword(.from) { fromIndex = end }
            end += 1
        }
        let exprEnd = fromIndex ?? end
        // `Type(args)` or `Type`.
        var typeEnd = start + 1
        while typeEnd < exprEnd, tokens[typeEnd].kind == .name || tokens[typeEnd].isOp(.dot) { typeEnd += 1 }
        guard let type = view.dottedName(start + 1, typeEnd) else { return nil }
        var message: String? = nil
        if typeEnd < exprEnd, tokens[typeEnd].isOp(.lpar), tokens[exprEnd - 1].isOp(.rpar) {
            message = PythonStringLiteral.decode(view, typeEnd + 1, exprEnd - 1)
        } else if typeEnd == exprEnd {
            message = ""
        }
        var cause = Cause.implicit
        if let fromIndex { cause = fromIndex + 2 == end && tokens[fromIndex + 1].isKeyword(.none_) ? .suppressed : .explicit }
        return PyRaise(type: type, message: message, cause: cause, span: view.span(start, end))
    }
}

/// Django's settings read statically: literal assignments at module level of the settings module
/// and of the modules it star-imports (`from .base import *`, the split-settings idiom).
struct DjangoSettings {
    enum Value: Equatable { case strings([String]), string(String), notLiteral(String), absent }

    /// The value of `name`: the last module-level assignment wins; an augmented assignment or
    /// any non-literal value makes it `notLiteral` (railsim does not evaluate Python).
    static func value(_ name: String, module: String, machine: ImportMachine, image: Image) -> Value {
        var order: [String] = [module]
        var index = 0
        var result = Value.absent
        // Star imports are followed breadth-first, bounded (no recursion on input).
        while index < order.count, index < 16 {
            let current = order[index]
            index += 1
            guard let entry = machine.modules[current], case .source(let file, _) = entry.origin, let scan = entry.scan,
                  let bytes = try? image.fileSystem.contents(of: file) else { continue }
            for statement in scan.body {
                if case .importFrom(let from, let level, let names) = statement.kind, names.contains(where: { $0.name == "*" }) {
                    let base = resolve(from: from, level: level, importer: current, isPackage: entry.origin.isPackage)
                    if let base, !order.contains(base) { order.append(base) }
                }
            }
            if let found = literal(name, source: bytes), index == 1 || result == .absent { result = found }
        }
        return result
    }

    static func resolve(from module: String?, level: Int, importer: String, isPackage: Bool) -> String? {
        guard level > 0 else { return module }
        var parts = importer.split(separator: ".").map(String.init)
        if !isPackage { parts.removeLast() }
        guard level - 1 <= parts.count else { return nil }
        parts.removeLast(level - 1)
        if let module { parts.append(module) }
        return parts.isEmpty ? nil : parts.joined(separator: ".")
    }

    /// Reads `NAME = [ "a", "b", ]` / `( … )` / `"a"` at module level with the real tokenizer.
    static func literal(_ name: String, source: [UInt8]) -> Value? {
        guard let tokens = try? PythonSourceScanner.tokenize(source) else { return nil }
        let view = PyTokenView(tokens: tokens, source: source)
        var found: Value? = nil
        var index = 0
        var depth = 0
        var lineStart = true
        while index < tokens.count {
            let token = tokens[index]
            defer { index += 1 }
            if token.kind == .indent { depth += 1; continue }
            if token.kind == .dedent { depth -= 1; continue }
            if token.kind == .newline { lineStart = true; continue }
            guard lineStart else { continue }
            lineStart = false
            guard depth == 0, token.kind == .name, view.text(index) == name, index + 1 < tokens.count else { continue }
            let next = tokens[index + 1]
            if next.kind == .op, next.op.isAugmentedAssignment {
                found = .notLiteral("`\(name) \(view.text(index + 1)) …` at line \(token.line)")
                continue
            }
            guard next.isOp(.equal) || next.isOp(.colon) else { continue }
            var valueStart = index + 2
            if next.isOp(.colon) {
                // `NAME: type = value`
                while valueStart < tokens.count, !tokens[valueStart].isOp(.equal), tokens[valueStart].kind != .newline { valueStart += 1 }
                guard valueStart < tokens.count, tokens[valueStart].isOp(.equal) else { continue }
                valueStart += 1
            }
            var valueEnd = valueStart
            while valueEnd < tokens.count, tokens[valueEnd].kind != .newline, tokens[valueEnd].kind != .endMarker { valueEnd += 1 }
            found = parse(view, valueStart, valueEnd, line: Int(token.line))
        }
        return found
    }

    static func parse(_ view: PyTokenView, _ from: Int, _ to: Int, line: Int) -> Value {
        let tokens = view.tokens
        guard from < to else { return .notLiteral("empty value at line \(line)") }
        if tokens[from].kind == .string, let value = PythonStringLiteral.decode(view, from, to) { return .string(value) }
        guard to - from >= 2, tokens[from].isOp(.lsqb) && tokens[to - 1].isOp(.rsqb) || tokens[from].isOp(.lpar) && tokens[to - 1].isOp(.rpar) else {
            return .notLiteral("`\(view.text(from, to))` at line \(line)")
        }
        var strings: [String] = []
        for range in view.splitTopLevel(from + 1, to - 1, at: .comma) where !range.isEmpty {
            guard let value = PythonStringLiteral.decode(view, range.lowerBound, range.upperBound) else {
                return .notLiteral("`\(view.text(from, to))` at line \(line)")
            }
            strings.append(value)
        }
        return .strings(strings)
    }
}
