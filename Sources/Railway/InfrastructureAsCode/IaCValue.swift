/// A value of the evaluated file. The SDK's helpers return plain objects (`github()` returns
/// `{ type: "github", repo, branch, … }`, `preserve()` returns `{ type: "preserve" }`;
/// railway-ts-sdk:src/iac/sdk.ts), so railsim represents them the same way and a hand-written
/// object behaves exactly like the helper's. Only what has identity or behaviour gets its own case.
indirect enum IaCValue: Sendable {
    case string(String)
    case number(Double)
    case boolean(Bool)
    case null
    case undefined
    case array([IaCValue])
    case object(IaCObject)
    /// A service, database, volume, bucket or group, by index into the evaluator's table: the
    /// SDK's nodes have identity (`group()` marks its members, `db.env.X` names the database).
    case resource(Int)
    case builtin(IaCBuiltin)
    case closure(IaCClosure)
    /// The `ctx` the CLI passes to the program.
    case context
    /// `ctx.shared`: any member is a shared-variable reference.
    case sharedVariables
    /// `resource.env`: any member is a reference to that resource's variable.
    case variableReferences(resource: Int)
    /// `import * as iac from "railway/iac"`.
    case sdkNamespace
    /// What railsim cannot know without running the file.
    case unknown(IaCUnknown)

    /// JavaScript truthiness (https://tc39.es/ecma262/#sec-toboolean); nil when unknown.
    var truthiness: Bool? {
        switch self {
        case .string(let text): return !text.isEmpty
        case .number(let number): return !(number == 0 || number.isNaN)
        case .boolean(let flag): return flag
        case .null, .undefined: return false
        case .unknown: return nil
        default: return true
        }
    }

    /// `null` or `undefined`: what `??` and optional chaining skip.
    var isNullish: Bool {
        switch self {
        case .null, .undefined: return true
        default: return false
        }
    }

    var unknownValue: IaCUnknown? {
        if case .unknown(let unknown) = self { return unknown }
        return nil
    }

    /// How the value reads in a note ("a number", "an object").
    var typeDescription: String {
        switch self {
        case .string: return "a string"
        case .number: return "a number"
        case .boolean: return "a boolean"
        case .null: return "null"
        case .undefined: return "undefined"
        case .array: return "an array"
        case .object: return "an object"
        case .resource: return "a resource"
        case .builtin, .closure: return "a function"
        case .context, .sharedVariables, .variableReferences, .sdkNamespace: return "an object"
        case .unknown: return "an unknown value"
        }
    }
}

/// A plain object: keys keep insertion order, as JavaScript's do for string keys
/// (https://tc39.es/ecma262/#sec-ordinaryownpropertykeys), which makes variable order stable.
struct IaCObject: Sendable {
    private(set) var keys: [String] = []
    private var values: [String: IaCValue] = [:]
    /// Where the object literal (or the helper call that made it) is.
    var line: Int

    init(line: Int, _ entries: [(String, IaCValue)] = []) {
        self.line = line
        for (key, value) in entries { self[key] = value }
    }

    subscript(key: String) -> IaCValue? {
        get { values[key] }
        set {
            if values[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil { keys.removeAll { $0 == key } }
            values[key] = newValue
        }
    }

    var entries: [(key: String, value: IaCValue)] { keys.compactMap { key in values[key].map { (key, $0) } } }

    /// A member that is present and neither `null` nor `undefined`.
    func present(_ key: String) -> IaCValue? {
        guard let value = values[key], !value.isNullish else { return nil }
        return value
    }
}

/// A value railsim could not evaluate, and why: becomes a `notEvaluated` note where it matters.
struct IaCUnknown: Sendable, Equatable {
    var line: Int
    /// The expression, as written (shortened).
    var expression: String
    /// Why it cannot be evaluated statically.
    var reason: String
    /// The opaque value of a name (an import, a runtime global, a function declaration, a
    /// variable something may have changed): where it is used says more than where it came from.
    var isName = false

    /// The expression as inline code, then why: "`process.env.X` (process is …)". An expression
    /// holding a backtick (a template literal) is fenced with two.
    var description: String {
        let code = expression.contains("`") ? "`` \(expression) ``" : "`\(expression)`"
        return "\(code) (\(reason))"
    }
}

/// An arrow function from the file, with the scope it closes over.
struct IaCClosure: Sendable {
    var function: TSArrowFunction
    var scope: Int
    var line: Int
}

/// The Railway SDK's exports railsim evaluates (railway-ts-sdk:src/iac/sdk.ts, and its
/// docs/railway-config-dsl.md "Import surface"), plus the two functions on `ctx`.
enum IaCBuiltin: String, Sendable, CaseIterable {
    case defineRailway, define, project, service, fn, github, image, template, empty
    case postgres, redis, mysql, mongo, database, volume, bucket, group, ref, preserve
    case isEnvironment, randomString

    /// The names `import … from "railway/iac"` can bind.
    static let exported: [String: IaCBuiltin] = Dictionary(
        uniqueKeysWithValues: allCases.filter { $0 != .isEnvironment && $0 != .randomString }.map { ($0.rawValue, $0) })
}

/// JavaScript's Number-to-String (https://tc39.es/ecma262/#sec-numeric-types-number-tostring),
/// for the values railsim can render exactly: integers below 2^53, and decimals whose shortest
/// form has no exponent (Swift's shortest round-trip digits match JavaScript's there).
enum JavaScriptNumber {
    static func string(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        let text = value.description
        return text.contains("e") ? nil : text
    }

    /// The value as an integer setting (replicas, timeouts), when it is one exactly.
    static func integer(_ value: Double) -> Int? {
        guard value == value.rounded(), abs(value) < 9_007_199_254_740_992 else { return nil }
        return Int(value)
    }
}
