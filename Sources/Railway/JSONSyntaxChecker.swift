/// A strict RFC 8259 syntax check with the line of the first error.
///
/// Foundation's JSONSerialization on Linux accepts trailing commas (`{"a": 1,}`) and reports
/// errors as "around character N" or not at all ("Unexpected end of file"), so a railway.json that
/// a strict parser rejects would pass and errors would lose their line. This checker runs first:
/// grammar from RFC 8259 §2–7 (https://www.rfc-editor.org/rfc/rfc8259). Iterative (an explicit
/// stack of open containers), so nesting depth cannot exhaust the call stack.
enum JSONSyntaxChecker {
    struct Failure: Error, Equatable {
        var line: Int
        var column: Int
        var reason: String
    }

    static func check(_ text: String) -> Failure? {
        let bytes = Array(text.utf8)
        var index = 0
        var line = 1
        var lineStart = 0
        enum Container { case object, array }
        // What may come next.
        enum Expect { case value, valueOrClose, key, keyOrClose, colon, commaOrClose, end }
        var stack: [Container] = []
        var expect = Expect.value

        func failure(_ reason: String) -> Failure { Failure(line: line, column: index - lineStart + 1, reason: reason) }
        func describe(_ c: UInt8) -> String {
            c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x" + (c < 0x10 ? "0" : "") + String(c, radix: 16, uppercase: true)
        }

        // RFC 8259 §7: a string, with escapes; control characters must be escaped.
        func scanString() -> Failure? {
            index += 1
            while index < bytes.count {
                let c = bytes[index]
                if c == 0x22 { index += 1; return nil }
                if c == 0x0A { return failure("unescaped newline in string") }
                if c < 0x20 { return failure("unescaped control character in string") }
                if c == 0x5C {
                    guard index + 1 < bytes.count else { break }
                    let e = bytes[index + 1]
                    if e == UInt8(ascii: "u") {
                        let hex = bytes[min(index + 2, bytes.count)..<min(index + 6, bytes.count)]
                        guard hex.count == 4, hex.allSatisfy({ isHex($0) }) else { return failure("invalid \\u escape in string") }
                        index += 6
                        continue
                    }
                    guard [0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74].contains(e) else {
                        return failure("invalid escape '\\\(Character(Unicode.Scalar(e)))' in string")
                    }
                    index += 2
                    continue
                }
                index += 1
            }
            return failure("unterminated string")
        }

        // RFC 8259 §6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
        func scanNumber() -> Failure? {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { return failure("invalid number") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if index < bytes.count, isDigit(bytes[index]) { index = start; return failure("number with a leading zero") }
            } else {
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { return failure("invalid number") }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count, isDigit(bytes[index]) else { return failure("invalid number") }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            return nil
        }

        func afterValue() -> Expect { stack.isEmpty ? .end : .commaOrClose }

        // A UTF-8 byte order mark is tolerated (RFC 8259 §8.1 allows parsers to ignore it).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count {
            let c = bytes[index]
            if c == 0x20 || c == 0x09 || c == 0x0D { index += 1; continue }
            if c == 0x0A { index += 1; line += 1; lineStart = index; continue }
            switch expect {
            case .end:
                return failure("unexpected \(describe(c)) after the top-level value")
            case .colon:
                guard c == UInt8(ascii: ":") else { return failure("expected ':' after an object key, found \(describe(c))") }
                index += 1
                expect = .value
            case .commaOrClose:
                if c == UInt8(ascii: ",") {
                    index += 1
                    expect = stack.last == .object ? .key : .value
                } else if c == UInt8(ascii: "}"), stack.last == .object {
                    stack.removeLast(); index += 1; expect = afterValue()
                } else if c == UInt8(ascii: "]"), stack.last == .array {
                    stack.removeLast(); index += 1; expect = afterValue()
                } else {
                    return failure("expected ',' or '\(stack.last == .object ? "}" : "]")', found \(describe(c))")
                }
            case .key, .keyOrClose:
                if c == UInt8(ascii: "}") {
                    guard expect == .keyOrClose else { return failure("trailing comma before '}'") }
                    stack.removeLast(); index += 1; expect = afterValue()
                    continue
                }
                guard c == 0x22 else { return failure("expected a double-quoted object key, found \(describe(c))") }
                if let error = scanString() { return error }
                expect = .colon
            case .value, .valueOrClose:
                if c == UInt8(ascii: "]") {
                    guard expect == .valueOrClose else {
                        return stack.last == .array ? failure("trailing comma before ']'") : failure("unexpected ']'")
                    }
                    stack.removeLast(); index += 1; expect = afterValue()
                    continue
                }
                switch c {
                case UInt8(ascii: "{"): stack.append(.object); index += 1; expect = .keyOrClose
                case UInt8(ascii: "["): stack.append(.array); index += 1; expect = .valueOrClose
                case 0x22:
                    if let error = scanString() { return error }
                    expect = afterValue()
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if let error = scanNumber() { return error }
                    expect = afterValue()
                default:
                    var matched = false
                    for literal in ["true", "false", "null"] where bytes[index...].starts(with: literal.utf8) {
                        index += literal.utf8.count
                        matched = true
                        break
                    }
                    guard matched else { return failure("unexpected \(describe(c))") }
                    expect = afterValue()
                }
            }
        }
        if expect == .end { return nil }
        if stack.isEmpty && expect == .value { return failure("the file is empty") }
        let wanted: String
        switch expect {
        case .value, .valueOrClose: wanted = "a value"
        case .key, .keyOrClose: wanted = "an object key"
        case .colon: wanted = "':'"
        case .commaOrClose, .end: wanted = "',' or '\(stack.last == .object ? "}" : "]")'"
        }
        return failure("unexpected end of file, expected \(wanted)")
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f")) }
}
