/// Token categories the scanner uses, named after `Lib/token.py`. Comments and non-logical
/// newlines (NL) are dropped by the tokenizer because no statement rule needs them.
enum PyTokenKind: UInt8, Sendable {
    case name
    case number
    /// Any string literal, including a whole f-string (PEP 701 splits f-strings into
    /// FSTRING_START/MIDDLE/END; import extraction only needs to skip them).
    case string
    case op
    case newline
    case indent
    case dedent
    case endMarker
}

/// Flags stored in `PyToken.code` for `.string` tokens.
enum PyStringFlags {
    static let bytes: UInt8 = 1
    static let formatted: UInt8 = 2
    static let raw: UInt8 = 4
}

/// One token. Positions are byte offsets into the source and CPython-style line/column
/// pairs (1-based lines, 0-based UTF-8 byte columns). `Int32` keeps the token at 28 bytes,
/// which matters when a large file produces hundreds of thousands of tokens.
struct PyToken: Sendable {
    var kind: PyTokenKind
    /// `PyKeyword` raw value for names, `PyOperator` raw value for operators,
    /// `PyStringFlags` for strings, 0 otherwise.
    var code: UInt8
    var start: Int32
    var end: Int32
    var line: Int32
    var column: Int32
    var endLine: Int32
    var endColumn: Int32

    var keyword: PyKeyword { kind == .name ? PyKeyword(rawValue: code) ?? .none : .none }
    var op: PyOperator { kind == .op ? PyOperator(rawValue: code) ?? .unknown : .unknown }

    @inline(__always) func isOp(_ o: PyOperator) -> Bool { kind == .op && code == o.rawValue }
    @inline(__always) func isKeyword(_ k: PyKeyword) -> Bool { kind == .name && code == k.rawValue }
    /// A NAME that is not a hard keyword (soft keywords `match`/`case`/`type`/`_` count as names).
    var isIdentifier: Bool { kind == .name && (code == 0 || PyKeyword(rawValue: code)?.isSoft == true) }
    var isOpenBracket: Bool { kind == .op && (code == PyOperator.lpar.rawValue || code == PyOperator.lsqb.rawValue || code == PyOperator.lbrace.rawValue) }
    var isCloseBracket: Bool { kind == .op && (code == PyOperator.rpar.rawValue || code == PyOperator.rsqb.rawValue || code == PyOperator.rbrace.rawValue) }
}

/// Python keywords (`keyword.kwlist`) plus the soft keywords (`keyword.softkwlist`), so that
/// statement rules compare one byte instead of strings.
enum PyKeyword: UInt8, Sendable {
    case none = 0
    case false_, none_, true_, and, as_, assert, async, await, break_, class_, continue_, def, del,
         elif, else_, except, finally, for_, from, global, if_, import_, in_, is_, lambda, nonlocal,
         not, or, pass, raise, return_, try_, while_, with, yield
    // Soft keywords: ordinary names except in their statement position.
    case match, case_, type, underscore

    var isSoft: Bool { rawValue >= PyKeyword.match.rawValue }
}

/// Operators and delimiters (`Lib/token.py` EXACT_TOKEN_TYPES).
enum PyOperator: UInt8, Sendable {
    case unknown = 0
    case lpar, rpar, lsqb, rsqb, lbrace, rbrace, colon, comma, semi, plus, minus, star, slash,
         vbar, amper, less, greater, equal, dot, percent, eqequal, notequal, lessequal,
         greaterequal, tilde, circumflex, leftshift, rightshift, doublestar, plusequal,
         minequal, starequal, slashequal, percentequal, amperequal, vbarequal, circumflexequal,
         leftshiftequal, rightshiftequal, doublestarequal, doubleslash, doubleslashequal, at,
         atequal, rarrow, ellipsis, colonequal, exclamation

    /// `+=`, `-=`, … (augmented assignment operators).
    var isAugmentedAssignment: Bool {
        switch self {
        case .plusequal, .minequal, .starequal, .slashequal, .percentequal, .amperequal, .vbarequal,
             .circumflexequal, .leftshiftequal, .rightshiftequal, .doublestarequal,
             .doubleslashequal, .atequal:
            return true
        default:
            return false
        }
    }

    /// Source spelling of comparison operators, used for `PyCondition`.
    var comparisonSpelling: String? {
        switch self {
        case .eqequal: return "=="
        case .notequal: return "!="
        case .less: return "<"
        case .lessequal: return "<="
        case .greater: return ">"
        case .greaterequal: return ">="
        default: return nil
        }
    }
}
