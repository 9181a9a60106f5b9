/// Railpack's version-text helpers shared by providers (railpack:internal/utils/utils.go).
enum RailpackSemver {
    /// The first `\d+(\.\d+)?(\.\d+)?` in the trimmed text, or "" (utils.go ExtractSemverVersion).
    /// RE2's `\d` is ASCII only.
    static func extract(_ text: String) -> String {
        let chars = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars)
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
        guard let start = chars.firstIndex(where: isDigit) else { return "" }
        var end = start
        while end < chars.count, isDigit(chars[end]) { end += 1 }
        for _ in 0..<2 {
            guard end + 1 < chars.count, chars[end] == ".", isDigit(chars[end + 1]) else { break }
            end += 1
            while end < chars.count, isDigit(chars[end]) { end += 1 }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: chars[start..<end])
        return String(out)
    }
}
