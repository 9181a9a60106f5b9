import Foundation
import Runtime

/// Renders scanner results and oracle JSON into the same canonical strings, so agreement
/// is a plain comparison and a disagreement prints as a readable diff. The context
/// vocabulary is documented in scripts/python-ast-dump.py.
enum PythonOracleCanonical {
    struct FileFacts: Equatable {
        var imports: [String]
        var bound: [String]
        var all: [String]?
        var getattr: Bool
    }

    // MARK: scanner side

    static func facts(_ scan: PythonModuleScan, aliasSpans: Bool) -> FileFacts {
        FileFacts(imports: imports(scan.body, aliasSpans: aliasSpans).sorted(),
                  bound: scan.boundNames.sorted(), all: scan.dunderAll, getattr: scan.definesModuleGetattr)
    }

    static func imports(_ body: [PyStatement], aliasSpans: Bool) -> [String] {
        var out: [String] = []
        var work: [([PyStatement], [String])] = [(body, [])]
        while let (statements, ctx) = work.popLast() {
            for s in statements {
                switch s.kind {
                case let .importModules(modules):
                    out.append("import " + modules.map { alias($0.name, $0.asName, aliasSpans ? $0.span : nil) }.joined(separator: ", ")
                               + " @" + render(s.span) + " " + render(ctx))
                case let .importFrom(module, level, names):
                    out.append("from \(level):\(module ?? "-") " + names.map { alias($0.name, $0.asName, aliasSpans ? $0.span : nil) }.joined(separator: ", ")
                               + " @" + render(s.span) + " " + render(ctx))
                case let .dynamicImport(d):
                    out.append("dynamic \(d.function.rawValue) \(d.module) pkg=\(d.package ?? "-") @" + render(d.span) + " " + render(ctx))
                case let .functionDef(_, _, body):
                    work.append((body, ctx + ["def"]))
                case let .classDef(_, _, body):
                    work.append((body, ctx + ["class"]))
                case let .ifStatement(branches, orElse):
                    for b in branches { work.append((b.body, ctx + ["if:" + tag(b.condition)])) }
                    if let orElse { work.append((orElse, ctx + ["else"])) }
                case let .tryStatement(body, handlers, orElse, finally):
                    work.append((body, ctx + ["try"]))
                    for h in handlers { work.append((h.body, ctx + ["except"])) }
                    work.append((orElse, ctx + ["try:else"]))
                    work.append((finally, ctx + ["finally"]))
                case let .loop(body, orElse):
                    work.append((body, ctx + ["loop"]))
                    work.append((orElse, ctx + ["loop:else"]))
                case let .with(body):
                    work.append((body, ctx + ["with"]))
                case let .match(cases):
                    for c in cases { work.append((c, ctx + ["case"])) }
                case .assignment, .call, .other:
                    break
                }
            }
        }
        return out
    }

    static func tag(_ c: PyCondition) -> String {
        switch c {
        case .typeChecking: return "typeChecking"
        case .notTypeChecking: return "notTypeChecking"
        case .mainGuard: return "mainGuard"
        case let .versionCompare(op, version): return "version:\(op):" + version.map(String.init).joined(separator: ".")
        case let .platformCompare(op, value): return "platform:\(op):\(value)"
        case .unknown: return "unknown"
        }
    }

    // MARK: oracle side

    static func facts(_ record: [String: Any], aliasSpans: Bool) -> FileFacts {
        var imports: [String] = []
        for node in record["imports"] as? [[String: Any]] ?? [] {
            let ctx = render(node["ctx"] as? [String] ?? [])
            let span = render(spanFrom(node["span"]))
            let names = (node["names"] as? [[Any]] ?? []).map { a -> String in
                let aliasSpan = aliasSpans ? spanFrom(a.count > 2 ? a[2] : nil) : nil
                return alias(a.first as? String ?? "?", a.count > 1 ? a[1] as? String : nil, aliasSpan)
            }.joined(separator: ", ")
            switch node["kind"] as? String {
            case "import":
                imports.append("import \(names) @\(span) \(ctx)")
            case "from":
                imports.append("from \(node["level"] as? Int ?? -1):\(node["module"] as? String ?? "-") \(names) @\(span) \(ctx)")
            default:
                imports.append("dynamic \(node["func"] as? String ?? "?") \(node["module"] as? String ?? "?") pkg=\(node["package"] as? String ?? "-") @\(span) \(ctx)")
            }
        }
        return FileFacts(imports: imports.sorted(), bound: (record["bound"] as? [String] ?? []).sorted(),
                         all: record["all"] as? [String], getattr: record["getattr"] as? Bool ?? false)
    }

    // MARK: rendering

    static func alias(_ name: String, _ asName: String?, _ span: PySourceSpan?) -> String {
        var s = name
        if let asName { s += " as " + asName }
        if let span { s += " <" + render(span) + ">" }
        return s
    }

    static func render(_ span: PySourceSpan?) -> String {
        guard let span else { return "?" }
        return "\(span.startLine):\(span.startColumn)-\(span.endLine):\(span.endColumn)"
    }

    static func render(_ ctx: [String]) -> String { "[" + ctx.joined(separator: "/") + "]" }

    static func spanFrom(_ value: Any?) -> PySourceSpan? {
        guard let a = value as? [Int], a.count == 4 else { return nil }
        return PySourceSpan(startLine: a[0], startColumn: a[1], endLine: a[2], endColumn: a[3])
    }

    /// A short description of how two fact sets differ.
    static func difference(expected: FileFacts, actual: FileFacts) -> String {
        var lines: [String] = []
        let missing = expected.imports.filter { !actual.imports.contains($0) }
        let extra = actual.imports.filter { !expected.imports.contains($0) }
        for m in missing.prefix(3) { lines.append("    ast only:     \(m)") }
        for e in extra.prefix(3) { lines.append("    scanner only: \(e)") }
        if expected.bound != actual.bound {
            let e = Set(expected.bound), a = Set(actual.bound)
            lines.append("    bound names: ast only \(e.subtracting(a).sorted().prefix(5)), scanner only \(a.subtracting(e).sorted().prefix(5))")
        }
        if expected.all != actual.all { lines.append("    __all__: ast \(String(describing: expected.all)) scanner \(String(describing: actual.all))") }
        if expected.getattr != actual.getattr { lines.append("    __getattr__: ast \(expected.getattr) scanner \(actual.getattr)") }
        return lines.joined(separator: "\n")
    }
}
