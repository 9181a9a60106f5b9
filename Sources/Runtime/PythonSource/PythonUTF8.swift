/// UTF-8 validation for the tokenizer. CPython decodes source as UTF-8 unless a PEP 263
/// cookie says otherwise (https://peps.python.org/pep-3120/); a file that is not valid
/// UTF-8 fails with `SyntaxError: Non-UTF-8 code starting with '\xNN' …`.
enum PythonUTF8 {
    /// Length of the well-formed UTF-8 sequence starting at `i` (whose lead byte is ≥ 0x80),
    /// or 0 when it is malformed (overlong forms and surrogates included, as in the codec).
    @inline(__always)
    static func sequenceLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = p.count
        let b0 = p[i]
        @inline(__always) func cont(_ j: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            j < n && p[j] >= lo && p[j] <= hi
        }
        switch b0 {
        case 0xC2...0xDF:
            return cont(i + 1) ? 2 : 0
        case 0xE0:
            return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(i + 1) && cont(i + 2) ? 3 : 0
        case 0xED:
            return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0
        case 0xF0:
            return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF4:
            return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0
        default:
            return 0
        }
    }

    /// 1-based character offset of byte `i` on a line starting at `lineStart`, the unit of
    /// `SyntaxError.offset`.
    static func characterOffset(_ p: UnsafeBufferPointer<UInt8>, lineStart: Int, byte i: Int) -> Int {
        var count = 1
        var j = lineStart
        let end = min(i, p.count)
        while j < end {
            if p[j] & 0xC0 != 0x80 { count += 1 }
            j += 1
        }
        return count
    }

    /// True when one of the first two lines carries a PEP 263 coding cookie naming an
    /// encoding other than UTF-8. The scanner then stops validating UTF-8 (CPython would
    /// decode with that codec; byte columns of non-ASCII text then differ from CPython's).
    static func declaresOtherEncoding(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var i = start
        for _ in 0..<2 {
            let lineStart = i
            while i < p.count, p[i] != 0x0A, p[i] != 0x0D { i += 1 }
            if let name = cookie(p, lineStart, i) {
                let normalized = String(name.lowercased().map { $0 == "_" ? "-" : $0 })
                return !(normalized == "utf-8" || normalized == "utf8" || normalized.hasPrefix("utf-8-"))
            }
            // Only a comment or blank line may precede the cookie line (PEP 263).
            var k = lineStart
            while k < i, p[k] == 0x20 || p[k] == 0x09 || p[k] == 0x0C { k += 1 }
            if k < i, p[k] != UInt8(ascii: "#") { return false }
            if i < p.count, p[i] == 0x0D { i += 1 }
            if i < p.count, p[i] == 0x0A { i += 1 }
        }
        return false
    }

    /// The PEP 263 regex `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` over one line.
    private static func cookie(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
        var i = start
        while i < end, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0C { i += 1 }
        guard i < end, p[i] == UInt8(ascii: "#") else { return nil }
        let word: [UInt8] = Array("coding".utf8)
        while i + 6 < end {
            var matches = true
            for k in 0..<6 where p[i + k] != word[k] { matches = false; break }
            if matches, p[i + 6] == UInt8(ascii: ":") || p[i + 6] == UInt8(ascii: "=") {
                var j = i + 7
                while j < end, p[j] == 0x20 || p[j] == 0x09 { j += 1 }
                let nameStart = j
                while j < end, isNameByte(p[j]) { j += 1 }
                if j > nameStart { return String(decoding: UnsafeBufferPointer(rebasing: p[nameStart..<j]), as: UTF8.self) }
            }
            i += 1
        }
        return nil
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
    }
}
