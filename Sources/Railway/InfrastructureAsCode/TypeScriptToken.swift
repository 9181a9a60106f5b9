/// One token of `.railway/railway.ts`. The lexer keeps what the parser and the notes need: the
/// cooked value of literals (escapes already applied) and the 1-based line the token starts on.
struct TypeScriptToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Identifiers and reserved words alike; the parser decides which words are keywords in
        /// which position, as ECMAScript does (https://tc39.es/ecma262/#sec-keywords-and-reserved-words).
        case identifier(String)
        /// A quoted string, cooked.
        case string(String)
        /// A numeric literal; nil for a BigInt (`10n`), which has no Double value.
        case number(Double?)
        /// A template literal piece, cooked. `head` is `` `…${ ``, `middle` is `}…${`, `tail` is
        /// `` }…` `` and `whole` is a template without substitutions.
        case template(TemplatePiece, String)
        /// Punctuation, longest match first (`===`, `=>`, `?.`, `...`).
        case punctuator(String)
        /// A regular expression literal, as written: lexed so the rest of the file still
        /// tokenizes, never evaluated.
        case regularExpression(String)
        /// `#name` (a class private name): outside the subset, lexed so the file still tokenizes.
        case privateName(String)
        case endOfFile
    }

    enum TemplatePiece: Sendable, Equatable { case whole, head, middle, tail }

    var kind: Kind
    var line: Int
    /// A line terminator precedes this token: automatic semicolon insertion needs it
    /// (https://tc39.es/ecma262/#sec-automatic-semicolon-insertion).
    var newlineBefore: Bool
    /// For `(`, `[`, `{` and a template piece that opens a `${`: the index of the token that
    /// closes it, so the parser can step over a group in one move.
    var partner: Int?

    func isPunctuator(_ text: String) -> Bool { kind == .punctuator(text) }
    func isIdentifier(_ text: String) -> Bool { kind == .identifier(text) }

    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    /// How the token reads in an error message: `'}'`, `'service'`, `a string`, `end of file`.
    var display: String {
        switch kind {
        case .identifier(let name): return "'\(name)'"
        case .string: return "a string"
        case .number: return "a number"
        case .template: return "a template literal"
        case .punctuator(let text): return "'\(text)'"
        case .regularExpression: return "a regular expression"
        case .privateName(let name): return "'#\(name)'"
        case .endOfFile: return "end of file"
        }
    }
}
