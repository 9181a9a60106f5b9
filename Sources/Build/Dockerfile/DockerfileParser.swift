/// Parses Dockerfile bytes the way BuildKit does: first the AST layer (frontend/dockerfile/parser/
/// parser.go `Parse`, which is all the PyPI `dockerfile` oracle runs), then the per-instruction checks of
/// frontend/dockerfile/instructions/parse.go (`DockerfileInstructionChecks`).
public enum DockerfileParser {
    /// Full parse: AST plus instruction-level validation, failing where `docker build` fails before
    /// running anything.
    public static func parse(_ bytes: [UInt8]) throws(DockerfileParseError) -> Dockerfile {
        if bytes.isEmpty {
            throw DockerfileParseError(line: 0, message: BuildKitMessage.emptyDockerfile, layer: .file)
        }
        let file = try parseAST(bytes)
        try DockerfileInstructionChecks.validate(file.instructions)
        return file
    }

    /// The AST layer only (BuildKit `parser.Parse`).
    public static func parseAST(_ bytes: [UInt8]) throws(DockerfileParseError) -> Dockerfile {
        var escape: UInt8 = UInt8(ascii: "\\")
        var directives: [DockerfileDirective] = []
        var directiveScanner = DockerfileDirectiveScanner()
        var instructions: [DockerInstruction] = []
        var warnings: [DockerfileWarning] = []
        var comments: [String] = []
        let (lines, tooLongAt) = DockerfileBytes.physicalLines(bytes)
        var index = 0 // next physical line to read; also the count of lines read (BuildKit currentLine)

        /// processLine: trim the newline (and leading blanks on an instruction's first line), feed the
        /// directive scanner, and blank out comment lines.
        func processLine(_ raw: ArraySlice<UInt8>, first: Bool, lineNumber: Int) throws(DockerfileParseError) -> ArraySlice<UInt8> {
            var token = DockerfileBytes.trimNewline(raw)
            if first { token = DockerfileBytes.trimLeadingSpace(token) }
            do {
                if let (name, value) = try directiveScanner.parse(token) {
                    if name == "escape" {
                        guard value == "`" || value == "\\" else {
                            throw DockerfileParseError(line: lineNumber, message: BuildKitMessage.invalidEscapeToken(value), layer: .ast)
                        }
                        escape = value == "`" ? UInt8(ascii: "`") : UInt8(ascii: "\\")
                    }
                    directives.append(DockerfileDirective(name: name, value: value, line: lineNumber))
                }
            } catch let failure as DockerfileDirectiveScanner.Failure {
                throw DockerfileParseError(line: lineNumber, message: failure.message, layer: .ast)
            } catch let error as DockerfileParseError {
                throw error
            } catch {
                throw DockerfileParseError(line: lineNumber, message: "\(error)", layer: .ast)
            }
            return DockerfileBytes.isComment(token) ? token[token.startIndex..<token.startIndex] : token
        }

        while index < lines.count {
            var raw = lines[index]
            if index == 0, raw.starts(with: [0xEF, 0xBB, 0xBF]) { raw = raw.dropFirst(3) }
            let directivesBefore = directives.count
            let first = try processLine(raw, first: true, lineNumber: index + 1)
            // BuildKit parser.go Parse: comment lines collect for the next instruction; an empty `#` resets
            // them, a directive line is not one of them.
            if DockerfileBytes.isComment(raw), directives.count == directivesBefore {
                let text = DockerGoText.trimSpace(String(decoding: raw.dropFirst(), as: UTF8.self))
                if text.isEmpty { comments = [] } else { comments.append(text) }
            }
            index += 1
            let startLine = index
            var (text, continued) = DockerfileBytes.trimContinuation(first, escape: escape)
            if !continued && text.isEmpty { continue }
            var buf = Array(text)
            var sawEmptyContinuation = false
            while continued && index < lines.count {
                let physical = lines[index]
                let processed = try processLine(physical, first: false, lineNumber: index + 1)
                index += 1
                if DockerfileBytes.isComment(physical) { continue }
                if DockerfileBytes.isBlank(processed) { sawEmptyContinuation = true; continue }
                (text, continued) = DockerfileBytes.trimContinuation(processed, escape: escape)
                buf += text
            }
            let line = DockerfileBytes.string(buf[...])
            if sawEmptyContinuation {
                warnings.append(DockerfileWarning(line: index, message: BuildKitMessage.emptyContinuationLine(line), rule: "NoEmptyContinuation"))
            }
            var node: DockerInstruction
            do {
                node = try DockerfileLineParsers.node(line, escape: Unicode.Scalar(escape))
            } catch {
                throw DockerfileParseError(line: startLine, message: error.message, layer: .ast)
            }
            if DockerfileLineParsers.canContainHeredoc(node) && DockerGoText.contains(line, "<<") {
                let declared: [DockerHeredoc]
                do {
                    declared = try DockerfileHeredocs.declared(in: line)
                } catch {
                    throw DockerfileParseError(line: startLine, message: error.message, layer: .ast)
                }
                for var doc in declared {
                    var content: [UInt8] = []
                    var terminated = false
                    let name = Array(doc.name.utf8)
                    while index < lines.count {
                        let body = lines[index]
                        index += 1
                        var candidate = DockerfileBytes.trimNewline(body)
                        if doc.chomp { candidate = candidate.drop { $0 == 0x09 } }
                        if Array(candidate) == name { terminated = true; break }
                        content += body
                    }
                    if !terminated {
                        throw DockerfileParseError(line: startLine, message: BuildKitMessage.unterminatedHeredoc, layer: .ast)
                    }
                    doc.content = String(decoding: content, as: UTF8.self)
                    node.heredocs.append(doc)
                }
            }
            node.startLine = startLine
            node.endLine = index
            node.comments = comments
            comments = []
            if let trigger = node.onbuildTrigger?.instruction {
                var t = trigger
                t.startLine = startLine
                t.endLine = index
                node.onbuildTrigger = DockerOnbuild(t)
            }
            instructions.append(node)
        }
        if instructions.isEmpty {
            throw DockerfileParseError(line: index, message: BuildKitMessage.fileWithNoInstructions, layer: .ast)
        }
        if let tooLongAt {
            throw DockerfileParseError(line: tooLongAt, message: BuildKitMessage.lineTooLong(max: DockerfileBytes.maxLineLength), layer: .ast)
        }
        return Dockerfile(directives: directives, escapeToken: Character(Unicode.Scalar(escape)), instructions: instructions, warnings: warnings)
    }
}
