/// YAML scalars as libyaml scans them in a block mapping (YAML 1.2 §7.3 flow scalars, §7.3.3
/// plain scalars): the pieces of a Procfile value.
extension NixpacksProcfile {
    /// One line of a plain scalar: up to a ` #` comment, trailing blanks trimmed. `: ` inside it is
    /// "mapping values are not allowed in this context" (libyaml's scanner), or, on the line after
    /// an empty value, a nested mapping where a string was expected.
    static func plainLine(_ content: [Unicode.Scalar], line number: Int, nestedKeyMeansMap: Bool) throws(Failure) -> (String, Bool) {
        var end = content.count
        var endedByComment = false
        var index = 0
        while index < content.count {
            let c = content[index]
            if c == "#", index > 0, content[index - 1] == " " || content[index - 1] == "\t" {
                end = index
                endedByComment = true
                break
            }
            if c == ":", index + 1 == content.count || content[index + 1] == " " || content[index + 1] == "\t" {
                throw .invalid(nestedKeyMeansMap ? "invalid type: map, expected a string" : "mapping values are not allowed in this context", line: number)
            }
            index += 1
        }
        return (String(String.UnicodeScalarView(content[..<end])).trimmingTrailingBlanks, endedByComment)
    }

    /// libyaml's scanner: a plain scalar cannot start with an indicator, except `-`, `?` and `:`
    /// followed by a non-blank.
    static func isPlainStartScalar(_ c: Unicode.Scalar, next: Unicode.Scalar?) -> Bool {
        if "-?:".unicodeScalars.contains(c) { return next != nil && next != " " && next != "\t" }
        return !",[]{}#&*!|>'\"%@`".unicodeScalars.contains(c)
    }

    /// A single- or double-quoted scalar closed on the same line, and the index after its quote.
    static func quoted(_ line: [Unicode.Scalar], from start: Int, line number: Int) throws(Failure) -> (String, Int) {
        let quote = line[start]
        var out = String.UnicodeScalarView()
        var index = start + 1
        while index < line.count {
            let c = line[index]
            if quote == "'" {
                if c == "'" {
                    if index + 1 < line.count, line[index + 1] == "'" { out.append("'"); index += 2; continue }
                    return (String(out), index + 1)
                }
                out.append(c)
                index += 1
                continue
            }
            if c == "\"" { return (String(out), index + 1) }
            if c == "\\" {
                guard index + 1 < line.count else { throw .notModelled("a double-quoted string continued on the next line", line: number) }
                let escape = line[index + 1]
                index += 2
                switch escape {
                case "0": out.append("\0")
                case "a": out.append("\u{07}")
                case "b": out.append("\u{08}")
                case "t", "\t": out.append("\t")
                case "n": out.append("\n")
                case "v": out.append("\u{0B}")
                case "f": out.append("\u{0C}")
                case "r": out.append("\r")
                case "e": out.append("\u{1B}")
                case " ": out.append(" ")
                case "\"": out.append("\"")
                case "/": out.append("/")
                case "\\": out.append("\\")
                case "N": out.append("\u{85}")
                case "_": out.append("\u{A0}")
                case "L": out.append("\u{2028}")
                case "P": out.append("\u{2029}")
                case "x", "u", "U":
                    let width = escape == "x" ? 2 : escape == "u" ? 4 : 8
                    guard index + width <= line.count,
                          let value = UInt32(String(String.UnicodeScalarView(line[index..<(index + width)])), radix: 16),
                          let scalar = Unicode.Scalar(value) else {
                        throw .invalid("found invalid escape sequence in a double-quoted scalar", line: number)
                    }
                    out.append(scalar)
                    index += width
                default:
                    throw .invalid("found unknown escape character while parsing a quoted scalar", line: number)
                }
                continue
            }
            out.append(c)
            index += 1
        }
        throw .notModelled("a quoted string continued on the next line", line: number)
    }
}

extension String {
    /// YAML trims spaces and tabs from the end of a plain scalar line.
    var trimmingTrailingBlanks: String {
        var scalars = Array(unicodeScalars)
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
