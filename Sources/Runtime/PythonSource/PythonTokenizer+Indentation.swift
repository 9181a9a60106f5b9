extension PythonTokenizer {
    /// At the start of a logical line, measures the indentation and emits INDENT/DEDENT
    /// tokens (tokenizer.c `tok_get`, "Get indentation level";
    /// https://docs.python.org/3/reference/lexical_analysis.html#indentation).
    mutating func processIndentation() throws(PythonSyntaxError) {
        var col = 0
        var altcol = 0
        while true {
            let c = at(pos)
            if c == 0x20 {
                col += 1
                altcol += 1
            } else if c == 0x09 {
                // Tabs advance to the next multiple of 8 (tokenizer.c `TABSIZE`); `altcol`
                // counts them as 1 so ambiguous mixes raise TabError like CPython.
                col = (col / 8 + 1) * 8
                altcol += 1
            } else if c == 0x0C {
                // A form feed resets the column count (tokenizer.c: `col = altcol = 0`).
                col = 0
                altcol = 0
            } else {
                break
            }
            pos += 1
        }
        let c = at(pos)
        // Blank and comment-only lines do not change indentation (lexical_analysis "Blank lines").
        if c == UInt8(ascii: "#") || c == 0x0A || c == 0x0D || (c == 0 && pos >= count) { return }
        let top = indents[indents.count - 1]
        let altTop = altIndents[altIndents.count - 1]
        if col == top {
            if altcol != altTop { throw tabError() }
        } else if col > top {
            // tokenizer.c: `if (tok->indent+1 >= MAXINDENT)` → "too many levels of indentation".
            if indents.count >= PythonTokenizer.maxIndent {
                throw error("too many levels of indentation", at: lineStart, exceptionName: "IndentationError")
            }
            if altcol <= altTop { throw tabError() }
            indents.append(col)
            altIndents.append(altcol)
            appendMarker(.indent)
        } else {
            while indents.count > 1 && col < indents[indents.count - 1] {
                indents.removeLast()
                altIndents.removeLast()
                appendMarker(.dedent)
            }
            if col != indents[indents.count - 1] {
                throw error("unindent does not match any outer indentation level", at: pos, exceptionName: "IndentationError")
            }
            if altcol != altIndents[altIndents.count - 1] { throw tabError() }
        }
    }

    private func tabError() -> PythonSyntaxError {
        error("inconsistent use of tabs and spaces in indentation", at: lineStart, exceptionName: "TabError")
    }

    private mutating func appendMarker(_ kind: PyTokenKind) {
        let column = Int32(pos - lineStart)
        tokens.append(PyToken(kind: kind, code: 0, start: Int32(pos), end: Int32(pos), line: Int32(line),
                              column: column, endLine: Int32(line), endColumn: column))
    }
}
