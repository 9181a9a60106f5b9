/// Small re-statements of Go standard-library text behaviour that BuildKit's messages and scanners rely on,
/// so railsim's output matches BuildKit byte for byte.
enum DockerGoText {
    /// Go `unicode.IsSpace`: the Unicode White_Space property (which includes U+0085 and U+00A0).
    static func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }

    /// Go `unicode.IsSpace` applied to a single byte converted with `rune(b)`, as BuildKit does in
    /// byte-indexed loops (parseHealthConfig, extractBuilderFlags): bytes 0x85 and 0xA0 count as space.
    static func isSpaceByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0: return true
        default: return false
        }
    }

    /// Go `strings.TrimSpace` on a String.
    static func trimSpace(_ s: Substring) -> Substring {
        var scalars = s.unicodeScalars[...]
        while let f = scalars.first, isSpace(f) { scalars = scalars.dropFirst() }
        while let l = scalars.last, isSpace(l) { scalars = scalars.dropLast() }
        return Substring(scalars)
    }

    static func trimSpace(_ s: String) -> String { String(trimSpace(s[...])) }

    static func trimLeftSpace(_ s: String) -> String {
        var scalars = s.unicodeScalars[...]
        while let f = scalars.first, isSpace(f) { scalars = scalars.dropFirst() }
        return String(Substring(scalars))
    }

    /// Go `strconv.Quote` (used by `%q` and `%#v` in BuildKit messages).
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default:
                if isPrint(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value < 0x80 {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value < 0x10000 {
                    out += "\\u" + hex(scalar.value, width: 4)
                } else {
                    out += "\\U" + hex(scalar.value, width: 8)
                }
            }
        }
        return out + "\""
    }

    /// Go `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrint(_ s: Unicode.Scalar) -> Bool {
        if s == " " { return true }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Levenshtein distance over Unicode scalars (agext/levenshtein `Distance` with default costs), used by
    /// BuildKit's util/suggest. Iterative two-row DP: no recursion, O(n·m) time.
    static func levenshtein(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// BuildKit util/suggest `WrapError`: appends " (did you mean X?)" for the closest option at distance < 3.
    /// Go iterates a map there, so ties are resolved in random order; railsim uses the given order.
    static func suggest(_ message: String, value: String, options: [String], caseSensitive: Bool) -> String {
        let val = caseSensitive ? value : value.lowercased()
        var best = ""
        var minDist = 3
        for option in options {
            let opt = caseSensitive ? option : option.lowercased()
            if val == opt { return message }
            let d = levenshtein(val, opt)
            if d < minDist {
                minDist = d
                if caseSensitive {
                    best = opt
                } else if value == value.lowercased() {
                    best = opt.lowercased()
                } else if value == value.uppercased() {
                    best = opt.uppercased()
                } else {
                    best = opt
                }
            }
        }
        return best.isEmpty ? message : BuildKitMessage.didYouMean(message, best)
    }
}

extension DockerGoText {
    /// Go `strings.Cut(s, sep)` for a one-scalar separator, comparing scalars (Swift `Character`
    /// comparison would treat `=` followed by a combining mark as a different character).
    static func cut(_ s: String, _ sep: Unicode.Scalar) -> (String, String)? {
        let u = s.unicodeScalars
        guard let i = u.firstIndex(of: sep) else { return nil }
        return (String(u[..<i]), String(u[u.index(after: i)...]))
    }

    /// Go `strings.Contains` on bytes.
    static func contains(_ s: String, _ needle: String) -> Bool {
        let h = Array(s.utf8), n = Array(needle.utf8)
        guard !n.isEmpty else { return true }
        guard h.count >= n.count else { return false }
        for i in 0...(h.count - n.count) where h[i] == n[0] && Array(h[i..<(i + n.count)]) == n { return true }
        return false
    }
}
