import Testing
@testable import Railway

/// The TypeScript tokenizer (ECMAScript's lexical grammar, https://tc39.es/ecma262/#sec-ecmascript-language-lexical-grammar).
@Suite struct InfrastructureAsCodeLexerTests {
    static func kinds(_ text: String) throws -> [TypeScriptToken.Kind] {
        try TypeScriptLexer.tokenize(text).map(\.kind).dropLast()
    }

    @Test func punctuatorsLongestFirst() throws {
        #expect(try Self.kinds("a?.b ?? c === d !== e => ...f ?.5 >>>= g") == [
            .identifier("a"), .punctuator("?."), .identifier("b"), .punctuator("??"), .identifier("c"), .punctuator("==="),
            .identifier("d"), .punctuator("!=="), .identifier("e"), .punctuator("=>"), .punctuator("..."), .identifier("f"),
            .punctuator("?"), .number(0.5), .punctuator(">>>="), .identifier("g"),
        ])
    }

    @Test func commentsAndLines() throws {
        let tokens = try TypeScriptLexer.tokenize("#!/usr/bin/env node\na // one\n/* two\nthree */ b\r\nc\u{2028}d")
        #expect(tokens.map(\.kind) == [.identifier("a"), .identifier("b"), .identifier("c"), .identifier("d"), .endOfFile])
        #expect(tokens.map(\.line) == [2, 4, 5, 6, 6])
        #expect(tokens.map(\.newlineBefore) == [true, true, true, true, false])
    }

    @Test func stringEscapes() throws {
        #expect(try Self.kinds(#"'it\'s' "tab\there" "\x41\u0042\u{1F600}\uD83D\uDE00" "a\\#nb" "\0" 'q"'"#) == [
            .string("it's"), .string("tab\there"), .string("AB😀😀"), .string("ab"), .string("\u{0}"), .string("q\""),
        ])
    }

    @Test func templatesNestWithAnExplicitStack() throws {
        #expect(try Self.kinds("`a${ `b${ {c: 1}.c }d` }e${f}g` `plain\\n`") == [
            .template(.head, "a"), .template(.head, "b"), .punctuator("{"), .identifier("c"), .punctuator(":"), .number(1),
            .punctuator("}"), .punctuator("."), .identifier("c"), .template(.tail, "d"), .template(.middle, "e"), .identifier("f"),
            .template(.tail, "g"), .template(.whole, "plain\n"),
        ])
        // A template spans lines; CR LF in it is LF.
        let tokens = try TypeScriptLexer.tokenize("`one\r\ntwo` x")
        #expect(tokens.map(\.kind).dropLast() == [.template(.whole, "one\ntwo"), .identifier("x")])
        #expect(tokens[1].line == 2)
    }

    @Test func numbers() throws {
        #expect(try Self.kinds("0 42 1_000 .5 5. 1e3 2.5E-1 0x1F 0o17 0b101 10n") == [
            .number(0), .number(42), .number(1000), .number(0.5), .number(5), .number(1000), .number(0.25), .number(31),
            .number(15), .number(5), .number(nil),
        ])
    }

    @Test func regularExpressionsAndDivision() throws {
        #expect(try Self.kinds("a = /ab[/]c\\//gi; b = c / d / e; f(/x/)") == [
            .identifier("a"), .punctuator("="), .regularExpression("/ab[/]c\\//gi"), .punctuator(";"),
            .identifier("b"), .punctuator("="), .identifier("c"), .punctuator("/"), .identifier("d"), .punctuator("/"), .identifier("e"),
            .punctuator(";"), .identifier("f"), .punctuator("("), .regularExpression("/x/"), .punctuator(")"),
        ])
    }

    @Test func unicodeIdentifiers() throws {
        #expect(try Self.kinds("const café_$1 = ünïcode") == [
            .identifier("const"), .identifier("café_$1"), .punctuator("="), .identifier("ünïcode"),
        ])
    }

    @Test func bracketPartners() throws {
        let tokens = try TypeScriptLexer.tokenize("f(a, [b], `x${c}y${d}z`)")
        #expect(tokens[1].partner == 13)   // ( … )
        #expect(tokens[4].partner == 6)    // [ … ]
        #expect(tokens[8].partner == 10)   // `x${ … }y${
        #expect(tokens[10].partner == 12)  // }y${ … }z`
    }
}
