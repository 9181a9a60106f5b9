/// Decides whether an instruction's rest is BuildKit's exec (JSON) form, reproducing Go's
/// `json.Unmarshal(rest, &[]any)` as used by parser/line_parsers.go `parseJSON`:
/// any syntax error (including trailing text and nesting deeper than Go's 10000 levels) makes it shell
/// form, an out-of-range number too (Go saves that error while decoding into `any`), and a valid array
/// with a non-string element is the hard error. Iterative byte scanner: no recursion.
enum DockerfileJSONArray {
    enum Outcome: Equatable {
        case notJSON
        case nonStringElement
        case strings([String])
    }

    /// Go encoding/json `maxNestingDepth`.
    static let maxDepth = 10000

    static func parse(_ rest: String) -> Outcome {
        let trimmed = DockerGoText.trimLeftSpace(rest)
        let b = Array(trimmed.utf8)
        guard b.first == UInt8(ascii: "[") else { return .notJSON }
        var i = 0
        var depth = 0
        var strings: [String] = []
        var nonString = false
        // Stack of container kinds: true = array, false = object. Bounded by maxDepth.
        var stack: [Bool] = []
        // States: expecting a value, or after a value (expecting , or close).
        func skipWS() { while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 } }

        enum Expect { case value, valueOrClose, keyOrClose, key, colon, commaOrClose }
        var expect = Expect.value
        while true {
            skipWS()
            switch expect {
            case .value, .valueOrClose:
                guard i < b.count else { return .notJSON }
                let c = b[i]
                if expect == .valueOrClose, c == UInt8(ascii: "]") {
                    i += 1; stack.removeLast(); depth -= 1
                    expect = .commaOrClose
                    if stack.isEmpty { return finish(b, &i, strings, nonString) }
                    continue
                }
                let topLevelElement = stack.count == 1 && stack.first == true
                switch c {
                case UInt8(ascii: "["):
                    depth += 1
                    if depth > maxDepth { return .notJSON }
                    if !stack.isEmpty && topLevelElement { nonString = true }
                    stack.append(true); i += 1; expect = .valueOrClose
                case UInt8(ascii: "{"):
                    depth += 1
                    if depth > maxDepth { return .notJSON }
                    if topLevelElement { nonString = true }
                    stack.append(false); i += 1; expect = .keyOrClose
                case UInt8(ascii: "\""):
                    guard let s = scanString(b, &i) else { return .notJSON }
                    if topLevelElement { strings.append(s) }
                    expect = .commaOrClose
                default:
                    guard scanLiteralOrNumber(b, &i) else { return .notJSON }
                    if topLevelElement { nonString = true }
                    expect = .commaOrClose
                }
            case .keyOrClose, .key:
                guard i < b.count else { return .notJSON }
                if expect == .keyOrClose, b[i] == UInt8(ascii: "}") {
                    i += 1; stack.removeLast(); depth -= 1; expect = .commaOrClose
                    continue
                }
                guard b[i] == UInt8(ascii: "\""), scanString(b, &i) != nil else { return .notJSON }
                expect = .colon
            case .colon:
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return .notJSON }
                i += 1; expect = .value
            case .commaOrClose:
                guard i < b.count, let top = stack.last else { return .notJSON }
                let c = b[i]
                if c == UInt8(ascii: ",") {
                    i += 1; expect = top ? .value : .key
                } else if top, c == UInt8(ascii: "]") {
                    i += 1; stack.removeLast(); depth -= 1
                    if stack.isEmpty { return finish(b, &i, strings, nonString) }
                } else if !top, c == UInt8(ascii: "}") {
                    i += 1; stack.removeLast(); depth -= 1
                } else {
                    return .notJSON
                }
            }
        }
    }

    private static func finish(_ b: [UInt8], _ i: inout Int, _ strings: [String], _ nonString: Bool) -> Outcome {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        if i != b.count { return .notJSON } // "invalid character after top-level value"
        return nonString ? .nonStringElement : .strings(strings)
    }

    /// true/false/null or a number per the JSON grammar; numbers that overflow float64 fail like Go's
    /// `convertNumber` does when decoding into `any`.
    private static func scanLiteralOrNumber(_ b: [UInt8], _ i: inout Int) -> Bool {
        for lit in ["true", "false", "null"] {
            let u = Array(lit.utf8)
            if b.count - i >= u.count, Array(b[i..<(i + u.count)]) == u { i += u.count; return true }
        }
        let start = i
        func digit(_ k: Int) -> Bool { k < b.count && b[k] >= 0x30 && b[k] <= 0x39 }
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        guard digit(i) else { return false }
        if b[i] == 0x30 { i += 1 } else { while digit(i) { i += 1 } }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        let text = String(decoding: b[start..<i], as: UTF8.self)
        guard let v = Double(text), v.isFinite else { return false }
        return true
    }

    /// A JSON string starting at b[i] == '"'. Invalid UTF-8 and lone surrogates become U+FFFD as in Go.
    private static func scanString(_ b: [UInt8], _ i: inout Int) -> String? {
        i += 1
        var out: [UInt8] = []
        var scalars = String.UnicodeScalarView()
        func flush() {
            if !out.isEmpty { scalars.append(contentsOf: String(decoding: out, as: UTF8.self).unicodeScalars); out.removeAll() }
        }
        func hex4(_ k: Int) -> UInt32? {
            guard k + 4 <= b.count else { return nil }
            var v: UInt32 = 0
            for j in k..<(k + 4) {
                let c = b[j]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                default: return nil
                }
                v = v * 16 + d
            }
            return v
        }
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1; flush()
                return String(scalars)
            }
            if c < 0x20 { return nil }
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            guard i + 1 < b.count else { return nil }
            let e = b[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let v = hex4(i) else { return nil }
                i += 4
                flush()
                if v >= 0xD800, v < 0xDC00 {
                    // A high surrogate combines only with an immediately following \u low surrogate.
                    if i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u"), let lo = hex4(i + 2),
                       lo >= 0xDC00, lo < 0xE000, let s = Unicode.Scalar(0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)) {
                        scalars.append(s); i += 6
                    } else {
                        scalars.append("\u{FFFD}")
                    }
                } else if let s = Unicode.Scalar(v) {
                    scalars.append(s)
                } else {
                    scalars.append("\u{FFFD}")
                }
            default:
                return nil
            }
        }
        return nil
    }
}
