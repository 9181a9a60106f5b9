import Build

/// `import yaml` then `yaml.safe_load(...)` at module level, where `yaml` is a scanned source
/// module (a local `yaml.py` shadowing the distribution, `random.py` shadowing the stdlib) that
/// does not bind the name: AttributeError (Objects/moduleobject.c `_Py_module_getattro_impl`;
/// python-imports.md §3.1) [EXP 3.8.18, 3.9.18, 3.10.13, 3.11.7, 3.12.1, 3.13.0].
extension ImportMachine {
    /// Checks `m.attr(…)`, `x = m.attr(…)` and `x = m.attr`; true when it raised.
    mutating func checkModuleAttribute(_ statement: PyStatement, frame: Int) -> Bool {
        let dotted: String
        switch statement.kind {
        case .call(let call): dotted = call.callee
        case .assignment(_, .call(let call)): dotted = call.callee
        case .assignment(_, .name(let name)): dotted = name
        default: return false
        }
        let parts = dotted.split(separator: ".", maxSplits: 2).map(String.init)
        guard parts.count >= 2, let moduleName = frames[frame].moduleNames[parts[0]], let module = modules[moduleName],
              case .source(let file, _) = module.origin, module.scan != nil else { return false }
        let attribute = parts[1]
        if attribute.hasPrefix("__") || modules[moduleName + "." + attribute] != nil { return false }
        if hasAttribute(module, attribute), !isBoundOnlyByCurrentImport(moduleName, attribute) { return false }
        guard let view = statementView(statement, frame: frame) else { return false }
        // The attribute is looked up first in the statement: the callee of the (right-hand) call.
        let tokens = view.tokens
        let end = contentEnd(view)
        let from = valueStart(of: statement, tokens: tokens, end: end)
        guard from + 2 < end, tokens[from].isIdentifier, view.text(from) == parts[0], tokens[from + 1].isOp(.dot),
              tokens[from + 2].isIdentifier, view.text(from + 2) == attribute else { return false }
        var carets: TracebackCarets? = nil
        if statement.span.startLine == statement.span.endLine {
            let base = statement.span.startColumn
            let start = base + Int(tokens[from].column), stop = base + Int(tokens[from + 2].endColumn)
            carets = TracebackCarets(start: start, end: stop, anchorStart: start, anchorEnd: stop)
        } else {
            approximate = true
        }
        let shown = module.displayFile ?? file
        var exception = PythonException(type: "AttributeError", message: attributeMessage(moduleName, attribute, module: module, file: shown))
        // 3.10+ excepthooks suggest from dir(module), also while it initialises: the names bound
        // so far (Python/suggestions.c; 3.13 traceback.py) [EXP 3.10.13, 3.12.1, 3.13.0].
        if version.minor >= 10, let suggestion = suggestion(for: attribute, from: moduleName, topLevelOn13: false) {
            exception.suggestion = suggestion
        }
        raise(exception, dynamic: false, carets: carets)
        return true
    }

    /// The message per version: "partially initialized" for a module still running its body
    /// (3.8+), and 3.13's "consider renaming" hints for a file in sys.path[0]'s directory.
    func attributeMessage(_ name: String, _ attribute: String, module: Module, file: String) -> String {
        let plain = "module '\(name)' has no attribute '\(attribute)'"
        guard version.minor >= 13 else {
            return module.initialized ? plain : "partially initialized \(plain) (most likely due to a circular import)"
        }
        // `_PyModule_IsPossiblyShadowing`: origin's directory equals sys.path[0] ('' → cwd), unless -P.
        let first = sysPath.first ?? ""
        let pathZero = first.isEmpty ? cwd : first
        let safePath = !(environment?["PYTHONSAFEPATH"] ?? "").isEmpty
        let shadowing = !safePath && !name.contains(".") && ImagePath.dirname(file) == pathZero
        if shadowing, stdlib?.stdlibModuleNames?.contains(name) == true {
            return "\(plain) (consider renaming '\(file)' since it has the same name as the standard library module named '\(name)' and the import system gives it precedence)"
        }
        if module.initialized { return plain }
        if shadowing { return "\(plain) (consider renaming '\(file)' if it has the same name as a third-party module you intended to import)" }
        return "partially initialized module '\(name)' from '\(file)' has no attribute '\(attribute)' (most likely due to a circular import)"
    }
}
