// A small PEP 508 requirement parser (https://peps.python.org/pep-0508/), following the grammar as
// `packaging.requirements.Requirement` (packaging ≥ 22, `_parser.py`) implements it, so that what pip
// accepts or rejects on a requirements.txt line is predicted without Python.

/// Result of parsing one PEP 508 string.
struct PEP508Requirement: Sendable, Hashable {
    var name: String
    var extras: [String]
    var clauses: [RequirementVersionClause]
    var url: String?
    var marker: String?
}

struct PEP508Parser {
    private let s: [Unicode.Scalar]
    private var i = 0

    private init(_ text: String) { s = Array(text.unicodeScalars) }

    /// Parses `text`, or returns a message saying what was expected where.
    static func parse(_ text: String) -> Result<PEP508Requirement, PEP508Error> {
        var p = PEP508Parser(text)
        do { return .success(try p.requirement()) } catch let e as PEP508Error { return .failure(e) } catch {
            return .failure(PEP508Error(message: "invalid requirement"))
        }
    }

    /// Parses a marker expression alone and returns it normalised as `packaging` prints it.
    static func normalizeMarker(_ text: String) -> Result<String, PEP508Error> {
        var p = PEP508Parser(text)
        do {
            p.skipWS()
            let m = try p.markerList()
            p.skipWS()
            guard p.atEnd else { throw p.fail("expected 'and', 'or' or end of marker") }
            return .success(PEP508Parser.format(m, first: true))
        } catch let e as PEP508Error { return .failure(e) } catch { return .failure(PEP508Error(message: "invalid marker")) }
    }

    /// Parses a marker expression into packaging's nested list form, for `PEP508Marker.evaluate`.
    static func parseMarker(_ text: String) -> Result<[MarkerNode], PEP508Error> {
        var p = PEP508Parser(text)
        do {
            p.skipWS()
            let m = try p.markerList()
            p.skipWS()
            guard p.atEnd else { throw p.fail("expected 'and', 'or' or end of marker") }
            return .success(m)
        } catch let e as PEP508Error { return .failure(e) } catch { return .failure(PEP508Error(message: "invalid marker")) }
    }

    // MARK: requirement = name ws* extras? ws* (url_req | versionspec)? ws* (';' marker)?

    private mutating func requirement() throws -> PEP508Requirement {
        skipWS()
        let name = try identifier(what: "package name")
        skipWS()
        var extras: [String] = []
        if peek == "[" {
            i += 1
            extras = try extrasList()
        }
        skipWS()
        var url: String?
        var clauses: [RequirementVersionClause] = []
        if peek == "@" {
            i += 1
            skipWS()
            let start = i
            while let c = peek, !isWS(c) { i += 1 }
            guard i > start else { throw fail("expected a URL after '@'") }
            url = String(String.UnicodeScalarView(s[start..<i]))
            let hadSpace = peek.map(isWS) ?? false
            skipWS()
            if atEnd { return PEP508Requirement(name: name, extras: extras, clauses: [], url: url, marker: nil) }
            guard hadSpace, peek == ";" else { throw fail("expected end or ';' (after URL and whitespace)") }
        } else if peek == "(" {
            i += 1
            skipWS()
            clauses = try versionMany()
            skipWS()
            guard peek == ")" else { throw fail("expected ')' to close the version specifier") }
            i += 1
        } else if let c = peek, "<>=!~".unicodeScalars.contains(c) {
            clauses = try versionMany()
        }
        skipWS()
        var marker: String?
        if peek == ";" {
            i += 1
            skipWS()
            let m = try markerList()
            marker = PEP508Parser.format(m, first: true)
            skipWS()
        }
        guard atEnd else {
            throw fail(clauses.isEmpty && url == nil && marker == nil
                       ? "expected a version specifier (e.g. '>=1.0'), '[', '@', ';' or end"
                       : "expected end of requirement or ';'")
        }
        return PEP508Requirement(name: name, extras: extras, clauses: clauses, url: url, marker: marker)
    }

    private mutating func identifier(what: String) throws -> String {
        let start = i
        guard let c = peek, PythonPackageName.isAlnum(c) else { throw fail("expected \(what)") }
        while let c = peek, PythonPackageName.isAlnum(c) || c == "." || c == "_" || c == "-" { i += 1 }
        // Names end with a letter or digit; give the trailing punctuation back (as packaging's `\b` does).
        while i > start + 1, !PythonPackageName.isAlnum(s[i - 1]) { i -= 1 }
        return String(String.UnicodeScalarView(s[start..<i]))
    }

    private mutating func extrasList() throws -> [String] {
        var out: [String] = []
        skipWS()
        if peek == "]" { i += 1; return out }
        while true {
            skipWS()
            let e = try identifier(what: "an extra name")
            if !out.contains(e) { out.append(e) }
            skipWS()
            if peek == "," { i += 1; continue }
            if peek == "]" { i += 1; return out }
            throw fail("expected ',' or ']' in extras")
        }
    }

    private static let operators = ["===", "==", "!=", "<=", ">=", "~=", "<", ">"]

    private mutating func versionMany() throws -> [RequirementVersionClause] {
        var out: [RequirementVersionClause] = []
        while true {
            skipWS()
            guard let op = Self.operators.first(where: { matches($0) }) else {
                throw fail("expected a version operator (==, !=, <=, >=, <, >, ~=, ===)")
            }
            i += op.unicodeScalars.count
            skipWS()
            let start = i
            while let c = peek, !isWS(c), c != ",", c != ";", c != ")" { i += 1 }
            let version = String(String.UnicodeScalarView(s[start..<i]))
            guard PEP440.isValid(version, op: op) else {
                throw PEP508Error(message: version.isEmpty
                                  ? "expected a version after '\(op)'"
                                  : "'\(op)\(version)' is not a valid version specifier (PEP 440)", offset: start)
            }
            out.append(RequirementVersionClause(op: op, version: version))
            skipWS()
            if peek == "," { i += 1; continue }
            return out
        }
    }

    // MARK: markers (packaging `_parse_marker`: a flat list of atoms joined by and/or; parentheses nest)

    indirect enum MarkerNode {
        case item(String, String, String)
        case list([MarkerNode])
        case boolOp(String)
    }

    private mutating func markerList() throws -> [MarkerNode] {
        var out = [try markerAtom()]
        while true {
            let save = i
            skipWS()
            if let op = ["and", "or"].first(where: { matchesWord($0) }) {
                i += op.count
                skipWS()
                out.append(.boolOp(op))
                out.append(try markerAtom())
            } else {
                i = save
                return out
            }
        }
    }

    private mutating func markerAtom() throws -> MarkerNode {
        skipWS()
        if peek == "(" {
            i += 1
            skipWS()
            let inner = try markerList()
            skipWS()
            guard peek == ")" else { throw fail("expected ')' in marker") }
            i += 1
            return .list(inner)
        }
        let lhs = try markerVar()
        skipWS()
        let op = try markerOp()
        skipWS()
        let rhs = try markerVar()
        return .item(lhs.serialized, op, rhs.serialized)
    }

    private struct MarkerValue {
        var text: String
        var isVariable: Bool
        var serialized: String { isVariable ? text : "\"\(text)\"" }
    }

    /// Marker variables accepted by packaging (legacy dotted spellings become underscores).
    private static let variables: [String] = [
        "python_full_version", "python_version", "os_name", "os.name", "sys_platform", "sys.platform",
        "platform_release", "platform_system", "platform_version", "platform.version", "platform_machine",
        "platform.machine", "platform_python_implementation", "platform.python_implementation",
        "python_implementation", "implementation_name", "implementation_version", "extras", "extra",
        "dependency_groups",
    ]

    private mutating func markerVar() throws -> MarkerValue {
        if let q = peek, q == "'" || q == "\"" {
            i += 1
            let start = i
            while let c = peek, c != q { i += 1 }
            guard peek == q else { throw fail("unterminated string in marker") }
            let text = String(String.UnicodeScalarView(s[start..<i]))
            i += 1
            return MarkerValue(text: text, isVariable: false)
        }
        for v in Self.variables where matchesWord(v) {
            i += v.count
            var name = v.replacingOccurrences(".", with: "_")
            if name == "python_implementation" { name = "platform_python_implementation" }
            return MarkerValue(text: name, isVariable: true)
        }
        throw fail("expected a marker variable (e.g. python_version) or a quoted string")
    }

    private mutating func markerOp() throws -> String {
        if matchesWord("in") { i += 2; return "in" }
        if matchesWord("not") {
            i += 3
            skipWS()
            guard matchesWord("in") else { throw fail("expected 'in' after 'not'") }
            i += 2
            return "not in"
        }
        for op in Self.operators where matches(op) {
            i += op.unicodeScalars.count
            return op
        }
        throw fail("expected a marker operator (==, !=, <, <=, >, >=, ~=, ===, in, not in)")
    }

    /// packaging `_format_marker`: nested lists get parentheses, except that a one-element list is
    /// printed as its element (so `(a) and b` prints as `a and b`, `((a or b))` as `a or b`).
    /// Values are printed as written (packaging normalises `extra` values only when evaluating).
    static func format(_ nodes: [MarkerNode], first: Bool) -> String {
        if nodes.count == 1 {
            switch nodes[0] {
            case .list(let inner): return format(inner, first: true)
            case .item(let a, let op, let b): return "\(a) \(op) \(b)"
            case .boolOp(let op): return op
            }
        }
        let inner = nodes.map { node -> String in
            switch node {
            case .item(let a, let op, let b): return "\(a) \(op) \(b)"
            case .boolOp(let op): return op
            case .list(let l): return format(l, first: false)
            }
        }.joined(separator: " ")
        return first ? inner : "(\(inner))"
    }

    // MARK: scanning helpers

    private var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }
    private var atEnd: Bool { i >= s.count }
    private func isWS(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
    private mutating func skipWS() { while let c = peek, isWS(c) { i += 1 } }

    private func matches(_ lit: String) -> Bool {
        var j = i
        for c in lit.unicodeScalars {
            guard j < s.count, s[j] == c else { return false }
            j += 1
        }
        return true
    }

    /// `lit` at the cursor, not followed by a name character (a `\b` word boundary).
    private func matchesWord(_ lit: String) -> Bool {
        guard matches(lit) else { return false }
        let j = i + lit.unicodeScalars.count
        guard j < s.count else { return true }
        let c = s[j]
        return !(PythonPackageName.isAlnum(c) || c == "_")
    }

    private func fail(_ message: String) -> PEP508Error {
        PEP508Error(message: message, offset: i)
    }
}

// MARK: - Marker evaluation

/// The values of PEP 508 environment markers for the image a build produces
/// (https://peps.python.org/pep-0508/#environment-markers). A variable without a value is unknown,
/// and a comparison on it is neither true nor false.
struct PEP508Environment: Sendable {
    /// Possible values per variable: one when known; several when only part is known (e.g.
    /// `python_full_version` when the image's patch version is not), then a comparison is known
    /// only if it comes out the same for all of them.
    var values: [String: [String]]

    /// A Linux x86_64 CPython image, as Railway's builders produce: `sys.platform` "linux",
    /// `platform.system()` "Linux", `os.name` "posix", `sys.implementation.name` "cpython",
    /// `platform.machine()` "x86_64". `platform_release`/`platform_version` (the kernel) stay unknown.
    /// With `python` nil the Python version variables are unknown.
    static func linuxCPython(python: PythonVersion?) -> PEP508Environment {
        var values: [String: [String]] = [
            "sys_platform": ["linux"], "platform_system": ["Linux"], "os_name": ["posix"],
            "implementation_name": ["cpython"], "platform_python_implementation": ["CPython"], "platform_machine": ["x86_64"],
        ]
        if let python {
            let full: [String] = python.patch.map { ["\(python.major).\(python.minor).\($0)"] }
                ?? ["\(python.major).\(python.minor).0", "\(python.major).\(python.minor).99"]  // patch unknown: lowest and a high one
            values["python_version"] = [python.short]
            values["python_full_version"] = full
            values["implementation_version"] = full
        }
        return PEP508Environment(values: values)
    }

    /// Only `extra` is set (for filtering a distribution's dependencies by requested extras).
    static let extrasOnly = PEP508Environment(values: [:])
}

/// PEP 508 marker evaluation following `packaging.markers.Marker.evaluate` (packaging ≥ 22): `and` binds
/// tighter than `or`; a comparison is a version comparison when `op + rhs` is a valid PEP 440 specifier,
/// else a string comparison (`in` / `not in` are substring tests); `extra` values are compared after
/// PEP 503/685 normalisation. Unknown variables give three-valued (Kleene) results.
enum PEP508Marker {
    struct Outcome: Sendable, Equatable {
        /// true / false, or nil when it depends on a variable whose value is unknown.
        var value: Bool?
        /// The unknown variables the result depended on.
        var unknownVariables: [String]
    }

    /// Evaluates `marker` once per extra in `extras` (pip's `iter_dependencies`: with no extras requested
    /// the context is `extra == ""`), true if any context is true.
    static func evaluate(_ marker: String, in environment: PEP508Environment, extras: [String]) -> Outcome {
        guard case .success(let nodes) = PEP508Parser.parseMarker(marker) else {
            return Outcome(value: nil, unknownVariables: ["(unparsable marker)"])
        }
        var unknown = Set<String>()
        var anyUnknown = false
        for extra in extras.isEmpty ? [""] : extras {
            var env = environment
            env.values["extra"] = [PythonPackageName.normalize(extra)]
            switch evaluate(nodes, env, &unknown) {
            case true?: return Outcome(value: true, unknownVariables: [])
            case nil: anyUnknown = true
            case false?: continue
            }
        }
        return Outcome(value: anyUnknown ? nil : false, unknownVariables: anyUnknown ? unknown.sorted() : [])
    }

    /// packaging `_evaluate_markers`: groups separated by `or`, each the `and` of its items.
    private static func evaluate(_ nodes: [PEP508Parser.MarkerNode], _ env: PEP508Environment, _ unknown: inout Set<String>) -> Bool? {
        var groups: [[Bool?]] = [[]]
        for node in nodes {
            switch node {
            case .list(let inner): groups[groups.count - 1].append(evaluate(inner, env, &unknown))
            case .item(let lhs, let op, let rhs): groups[groups.count - 1].append(compare(lhs, op, rhs, env, &unknown))
            case .boolOp(let op): if op == "or" { groups.append([]) }
            }
        }
        var result: Bool? = false
        for group in groups {
            var all: Bool? = true
            for v in group {
                if v == false { all = false; break }
                if v == nil { all = nil }
            }
            if all == true { return true }
            if all == nil { result = nil }
        }
        return result
    }

    private static func compare(_ lhs: String, _ op: String, _ rhs: String, _ env: PEP508Environment, _ unknown: inout Set<String>) -> Bool? {
        // The parser serialises literals quoted and variables bare.
        func literal(_ s: String) -> String? { s.hasPrefix("\"") && s.count >= 2 ? String(s.dropFirst().dropLast()) : nil }
        let variable = literal(lhs) == nil ? lhs : rhs
        let isExtra = variable == "extra"
        func values(_ s: String) -> [String]? {
            if let text = literal(s) { return [isExtra ? PythonPackageName.normalize(text) : text] }
            return env.values[s]
        }
        guard let left = values(lhs), let right = values(rhs) else {
            unknown.insert(literal(lhs) == nil && env.values[lhs] == nil ? lhs : rhs)
            return nil
        }
        var outcomes = Set<Bool>()
        for l in left {
            for r in right { outcomes.insert(evalOp(l, op, r)) }
        }
        if outcomes.count == 1, let only = outcomes.first { return only }
        unknown.insert(variable)
        return nil
    }

    /// packaging `_eval_op`: a specifier when `op + rhs` parses as one, else Python string operators.
    private static func evalOp(_ lhs: String, _ op: String, _ rhs: String) -> Bool {
        switch op {
        case "in": return rhs.contains(lhs)
        case "not in": return !rhs.contains(lhs)
        default: break
        }
        if let result = PEP440Version.specifierContains(lhs, op: op, spec: rhs) { return result }
        switch op {
        case "==": return lhs == rhs
        case "!=": return lhs != rhs
        case "<": return lhs < rhs
        case "<=": return lhs <= rhs
        case ">": return lhs > rhs
        case ">=": return lhs >= rhs
        default: return false  // packaging raises UndefinedComparison (e.g. `~=` on a non-version)
        }
    }
}

struct PEP508Error: Error, Sendable, Hashable {
    var message: String
    var offset: Int = 0
}

private extension String {
    func replacingOccurrences(_ a: Character, with b: Character) -> String {
        String(map { $0 == a ? b : $0 })
    }
}
