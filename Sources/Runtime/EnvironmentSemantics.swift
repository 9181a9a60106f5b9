import Snapshot
import Build

/// Module-level `os.environ["X"]` reads that crash start-up when the variable is not set
/// (python-imports.md §2.7: import-time side effects surface in the same traceback shape).
extension ImportMachine {
    /// `os._Environ.__getitem__`'s `raise KeyError(key) from None` line in Lib/os.py, per minor,
    /// with the patch release it was read from [EXP 3.8.18, 3.9.18, 3.10.13, 3.11.7, 3.12.1, 3.13.0].
    static let environGetitemLines: [Int: (patch: Int, line: Int)] = [
        8: (18, 675), 9: (18, 679), 10: (13, 680), 11: (7, 679), 12: (1, 685), 13: (0, 716),
    ]

    /// Raises `KeyError: 'X'` at the first `os.environ["X"]` of the statement whose variable the
    /// process does not have; true when it raised. Reads under `lambda`, `if`/`else`, `and`/`or`
    /// or comprehensions, and non-literal keys, are left alone.
    mutating func checkEnvironmentReads(_ statement: PyStatement, frame: Int) -> Bool {
        guard let environment, let view = statementView(statement, frame: frame) else { return false }
        let tokens = view.tokens
        let end = contentEnd(view)
        let from = valueStart(of: statement, tokens: tokens, end: end)
        for index in from..<end {
            let token = tokens[index]
            if token.isKeyword(.lambda) || token.isKeyword(.if_) || token.isKeyword(.for_) || token.isKeyword(.and) || token.isKeyword(.or) { return false }
        }
        for index in from..<end where index > from && tokens[index].isOp(.lsqb) {
            var first = index - 1
            guard tokens[first].isIdentifier else { continue }
            while first - 2 >= from, tokens[first - 1].isOp(.dot), tokens[first - 2].isIdentifier { first -= 2 }
            if first > from, tokens[first - 1].isOp(.dot) { continue }
            guard let dotted = view.dottedName(first, index), canonical(dotted, frame: frame) == "os.environ" else { continue }
            guard let close = view.matchingClose(index, limit: end), close > index + 1 else { return false }
            for k in (index + 1)..<close where tokens[k].kind != .string { return false }
            guard let key = PythonStringLiteral.decode(view, index + 1, close) else { return false }
            if environment[key] != nil { continue }
            let location = SourceLocation(file: frames[frame].sourcePath, line: statement.span.startLine + Int(tokens[first].line) - 1)
            if let writer = environmentWriter() {
                notes.append(.notSimulated("`os.environ[\"\(key)\"]` at \(location.file):\(location.line) reads a variable the service does not set, but \(writer) may set it first; railsim does not simulate that"))
                return false
            }
            notes.append(.missingEnvironmentVariable(name: key, location: location))
            return raiseKeyError(key, view: view, first: first, open: index, close: close, statement: statement)
        }
        return false
    }

    mutating func raiseKeyError(_ key: String, view: PyTokenView, first: Int, open: Int, close: Int, statement: PyStatement) -> Bool {
        let tokens = view.tokens
        var carets: TracebackCarets? = nil
        if statement.span.startLine == statement.span.endLine, tokens[close].endLine == 1 {
            // Snippet columns on its first line are relative to the statement's start column.
            let base = statement.span.startColumn
            carets = TracebackCarets(start: base + Int(tokens[first].column), end: base + Int(tokens[close].endColumn),
                                     anchorStart: base + Int(tokens[open].column), anchorEnd: base + Int(tokens[close].endColumn))
        } else {
            // Multi-line statements: CPython shows the instruction's own line(s).
            approximate = true
        }
        let known = Self.environGetitemLines[version.minor]
        if known == nil || known?.patch != version.patch { approximate = true }
        let line = known?.line ?? Self.environGetitemLines[13]?.line ?? 0
        let osFrame = version.minor >= 11
            ? TracebackFrame(file: "<frozen os>", line: line, function: "__getitem__", sourceLines: nil)
            : TracebackFrame(file: finder.python.stdlibDirectory + "/os.py", line: line, function: "__getitem__", sourceLines: ["            raise KeyError(key) from None"])
        guard let repr = Self.pythonRepr(key) else { approximate = true; raise(PythonException(type: "KeyError", message: "'\(key)'"), dynamic: false, carets: carets, trailing: [osFrame]); return true }
        raise(PythonException(type: "KeyError", message: repr), dynamic: false, carets: carets, trailing: [osFrame])
        return true
    }

    /// `repr()` of a `str` for the printable-ASCII keys environment variables use (Objects/unicodeobject.c
    /// `unicode_repr`: single quotes unless the text has `'` and no `"`); nil for anything else.
    static func pythonRepr(_ text: String) -> String? {
        guard text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) else { return nil }
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for character in text {
            if character == "\\" { out += "\\\\" } else if character == quote { out += "\\" + String(quote) } else { out.append(character) }
        }
        out.append(quote)
        return out
    }

    /// Something in the code run so far that may set environment variables railsim does not
    /// follow: python-dotenv, `os.environ[...] = …`, `setdefault`, `update`, `putenv`.
    func environmentWriter() -> String? {
        for (path, bytes) in sources {
            let text = String(decoding: bytes, as: UTF8.self)
            for marker in ["dotenv", "environ.setdefault", "environ.update", "putenv", "environ |="] where text.contains(marker) {
                return "`\(marker)` in \(path)"
            }
            var rest = text[...]
            while let hit = rest.range(of: "environ[") {
                rest = rest[hit.upperBound...]
                guard let close = rest.firstIndex(of: "]") else { break }
                let after = rest[rest.index(after: close)...].drop { $0 == " " || $0 == "\t" }
                if after.hasPrefix("="), !after.hasPrefix("==") { return "an `os.environ[…] = …` assignment in \(path)" }
            }
        }
        return nil
    }
}
