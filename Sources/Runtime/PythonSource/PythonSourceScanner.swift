/// Entry point: scans Python source for the facts railsim needs to predict start-up import
/// failures, without executing anything.
public enum PythonSourceScanner {
    /// Tokenizes and scans UTF-8 `source` (a leading BOM is allowed).
    ///
    /// Throws `PythonSyntaxError` for what CPython's tokenizer rejects (unterminated strings,
    /// inconsistent dedents, too deep nesting, NUL bytes, invalid UTF-8, unbalanced brackets)
    /// and for malformed statement structure (unexpected indent, missing block, malformed
    /// import statements). It does not validate full expression grammar.
    public static func scan(_ source: [UInt8]) throws(PythonSyntaxError) -> PythonModuleScan {
        let tokens = try tokenize(source)
        var scanner = PythonStatementScanner(view: PyTokenView(tokens: tokens, source: source))
        let body = try scanner.scanModule()
        var scan = PythonModuleScan(body: body, boundNames: scanner.boundNames.names,
                                    definesModuleGetattr: scanner.definesModuleGetattr, dunderAll: scanner.dunderAll)
        scan.firstBinding = scanner.boundNames.first
        scan.classes = scanner.classes
        return scan
    }

    /// Scans source given as a `String`.
    public static func scan(_ source: String) throws(PythonSyntaxError) -> PythonModuleScan {
        try scan(Array(source.utf8))
    }

    static func tokenize(_ source: [UInt8]) throws(PythonSyntaxError) -> [PyToken] {
        let result: Result<[PyToken], PythonSyntaxError> = source.withUnsafeBufferPointer { buffer in
            do throws(PythonSyntaxError) {
                return .success(try PythonTokenizer.tokenize(buffer))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
