/// A `.railway/railway.ts` that does not tokenize or parse: the line and a one-line message. The
/// reader turns it into a `ProjectSourceError` naming the file.
struct TypeScriptSyntaxError: Error, Sendable, Equatable {
    var line: Int
    var message: String
}

/// railsim's guard rails, not platform rules. The parser and evaluator recurse over the syntax
/// tree, so the tree's depth is capped where it is built: a file nested deeper gets a clear error
/// instead of exhausting the stack. Evaluation is bounded in steps and in the size of the values
/// it builds, so a file that doubles a string or an array on every line cannot hang railsim.
enum TypeScriptLimits {
    /// Deepest expression or statement nesting the parser accepts.
    static let maxNesting = 200
    /// Deepest chain of calls to the file's own arrow functions the evaluator follows.
    static let maxCallDepth = 16
    /// Expressions and statements evaluated in all; past it, values are unknown.
    static let maxEvaluationSteps = 1_000_000
    /// Longest string (in UTF-8 bytes) and longest array the evaluator builds.
    static let maxStringLength = 1 << 20
    static let maxArrayLength = 100_000
}
