/// Decodes `str` literal tokens to their value, for import names, `__all__` entries and
/// call arguments (escape rules: https://docs.python.org/3/reference/lexical_analysis.html#escape-sequences).
enum PythonStringLiteral {
    /// The value of adjacent `str` literals (implicit concatenation), or nil when a token is
    /// not a plain `str` literal (bytes, f-string) or uses an escape this decoder does not
    /// model (`\N{…}`, surrogates, malformed `\x`/`\u`).
    static func decode(_ view: PyTokenView, _ from: Int, _ to: Int) -> String? {
        guard from < to else { return nil }
        var out: [UInt8] = []
        for i in from..<to {
            let t = view.tokens[i]
            guard t.kind == .string, t.code & (PyStringFlags.bytes | PyStringFlags.formatted) == 0 else { return nil }
            guard decodeOne(view.source, Int(t.start), Int(t.end), raw: t.code & PyStringFlags.raw != 0, into: &out) else { return nil }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func decodeOne(_ s: [UInt8], _ start: Int, _ end: Int, raw: Bool, into out: inout [UInt8]) -> Bool {
        var i = start
        while i < end, s[i] != UInt8(ascii: "'"), s[i] != UInt8(ascii: "\"") { i += 1 }
        guard i < end else { return false }
        let quote = s[i]
        let triple = i + 2 < end && s[i + 1] == quote && s[i + 2] == quote && end - i >= 6
        let q = triple ? 3 : 1
        var p = i + q
        let stop = end - q
        guard p <= stop else { return false }
        while p < stop {
            let c = s[p]
            if c == 0x0D {
                // CPython reads `\r\n` and `\r` as `\n`.
                out.append(0x0A)
                p += (p + 1 < stop && s[p + 1] == 0x0A) ? 2 : 1
                continue
            }
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                p += 1
                continue
            }
            guard p + 1 < stop else { out.append(c); p += 1; continue }
            let e = s[p + 1]
            if raw {
                out.append(c)
                p += 1
                continue
            }
            p += 2
            switch e {
            case 0x0A: continue
            case 0x0D:
                if p < stop && s[p] == 0x0A { p += 1 }
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(e)
            case UInt8(ascii: "a"): out.append(7)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "v"): out.append(11)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = UInt32(e - 0x30)
                var digits = 1
                while digits < 3, p < stop, s[p] >= 0x30, s[p] <= 0x37 {
                    value = value * 8 + UInt32(s[p] - 0x30)
                    p += 1
                    digits += 1
                }
                guard append(value, to: &out) else { return false }
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let width = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
                guard p + width <= stop else { return false }
                var value: UInt32 = 0
                for k in 0..<width {
                    guard let d = hexValue(s[p + k]) else { return false }
                    value = value &* 16 &+ UInt32(d)
                }
                p += width
                guard append(value, to: &out) else { return false }
            case UInt8(ascii: "N"):
                return false
            default:
                // Unknown escapes keep the backslash (a DeprecationWarning/SyntaxWarning).
                out.append(c)
                p -= 1
            }
        }
        return true
    }

    private static func append(_ value: UInt32, to out: inout [UInt8]) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
        return true
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
}
