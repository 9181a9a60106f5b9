/// The syntax tree of the TypeScript subset railsim reads statically. Constructs outside the
/// subset still parse (so a valid file never becomes a syntax error) and land in `unsupported`,
/// which the evaluator reports as "cannot evaluate statically". Types are skipped while parsing:
/// they do not exist at run time (https://www.typescriptlang.org/docs/handbook/2/basic-types.html#erased-types).
struct TSExpression: Sendable, Equatable {
    var line: Int
    var kind: Kind
    /// Levels of nesting below and including this node; the parser refuses trees deeper than
    /// `TypeScriptLimits.maxNesting`, so walking one recursively is bounded.
    var height: Int

    indirect enum Kind: Sendable, Equatable {
        case identifier(String)
        case string(String)
        /// nil: a BigInt literal.
        case number(Double?)
        case boolean(Bool)
        case null
        /// A template literal: `quasis.count == substitutions.count + 1`.
        case template(quasis: [String], substitutions: [TSExpression])
        case array([TSArrayElement])
        case object([TSObjectMember])
        case member(TSExpression, name: String, optional: Bool)
        case index(TSExpression, TSExpression, optional: Bool)
        case call(TSExpression, [TSArgument], optional: Bool)
        case arrow(TSArrowFunction)
        case conditional(TSExpression, TSExpression, TSExpression)
        /// `&&`, `||`, `??`, and the binary operators (`===`, `+`, …).
        case binary(String, TSExpression, TSExpression)
        /// `!`, `-`, `+`, `typeof`, `void`, `delete`, `~`.
        case unary(String, TSExpression)
        case await(TSExpression)
        case assignment(String, TSExpression, TSExpression)
        /// Parsed but outside the subset: what it is, and a short form of its text, for the note.
        case unsupported(what: String, text: String)
    }
}

enum TSArrayElement: Sendable, Equatable {
    case element(TSExpression)
    case spread(TSExpression)
    case hole
}

enum TSObjectMember: Sendable, Equatable {
    case property(key: TSPropertyKey, value: TSExpression)
    /// `{ name }`.
    case shorthand(name: String, line: Int)
    case spread(TSExpression)
    /// A method, getter or setter: outside the subset.
    case unsupported(line: Int, what: String)
}

enum TSPropertyKey: Sendable, Equatable {
    case name(String)
    case computed(TSExpression)
}

enum TSArgument: Sendable, Equatable {
    case argument(TSExpression)
    case spread(TSExpression)
}

struct TSArrowFunction: Sendable, Equatable {
    var parameters: [TSParameter]
    var body: Body
    var isAsync: Bool

    enum Body: Sendable, Equatable {
        case expression(TSExpression)
        case block([TSStatement])
    }
}

struct TSParameter: Sendable, Equatable {
    var binding: TSBinding
    var defaultValue: TSExpression?
}

/// What a declaration or parameter binds.
enum TSBinding: Sendable, Equatable {
    case name(String)
    /// `{ a, b: c, ...rest }`: (property, local name) pairs; a nested pattern or a default value
    /// inside the pattern makes it `unsupported`.
    case object([(key: String, local: String)], rest: String?)
    /// `...args` as the last parameter.
    case rest(String)
    case unsupported(String)

    static func == (lhs: TSBinding, rhs: TSBinding) -> Bool {
        switch (lhs, rhs) {
        case (.name(let a), .name(let b)), (.rest(let a), .rest(let b)), (.unsupported(let a), .unsupported(let b)):
            return a == b
        case (.object(let a, let ra), .object(let b, let rb)):
            return ra == rb && a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.local == $1.local }
        default:
            return false
        }
    }

    /// The names this binding introduces.
    var names: [String] {
        switch self {
        case .name(let name), .rest(let name): return [name]
        case .object(let pairs, let rest): return pairs.map(\.local) + (rest.map { [$0] } ?? [])
        case .unsupported: return []
        }
    }
}

struct TSStatement: Sendable, Equatable {
    var line: Int
    var kind: Kind
    /// For statements railsim may not follow (an `if` on an unknown condition, a loop): the names
    /// the statement could change, as `name.` `name[` `name =` `name++` appear in it.
    var touched: [String] = []

    indirect enum Kind: Sendable, Equatable {
        /// `import … from "module"`: the bindings it introduces (type-only imports introduce none).
        case importDeclaration(module: String, bindings: [TSImportBinding])
        case exportDefault(TSExpression)
        case declaration([TSDeclarator])
        case returnStatement(TSExpression?)
        case expression(TSExpression)
        case ifStatement(TSExpression, then: [TSStatement], otherwise: [TSStatement]?)
        case block([TSStatement])
        /// `type`, `interface`, `declare …`: nothing at run time.
        case typeOnly
        /// `function f() {}`, `class C {}`, `enum E {}`: binds `name`, but railsim does not evaluate it.
        case unsupportedDeclaration(name: String?, what: String)
        /// A loop, `switch`, `try`, `throw`…: control flow railsim does not follow.
        case unsupported(String)
        case empty
    }
}

struct TSDeclarator: Sendable, Equatable {
    var binding: TSBinding
    var initializer: TSExpression?
    var line: Int
    /// Declared with `const`: assigning to it later is a TypeError.
    var constant: Bool
}

enum TSImportBinding: Sendable, Equatable {
    case named(imported: String, local: String)
    case defaultImport(local: String)
    case namespace(local: String)

    var local: String {
        switch self {
        case .named(_, let local), .defaultImport(let local), .namespace(let local): return local
        }
    }
}
