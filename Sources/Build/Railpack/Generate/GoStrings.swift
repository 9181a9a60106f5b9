/// Go string semantics that Railpack's decoders inherit, for providers that read files the way
/// Railpack does.
enum GoStrings {
    /// `strings.EqualFold` between an ASCII name (a Go struct field's key) and any key: ASCII
    /// letters match in either case, and the two non-ASCII letters that fold to ASCII (KELVIN
    /// SIGN to k, LONG S to s) match too. BurntSushi/toml and encoding/json both fall back to
    /// this when no key matches a field exactly.
    static func equalFold(_ asciiName: String, _ key: String) -> Bool {
        let name = Array(asciiName.unicodeScalars), other = Array(key.unicodeScalars)
        guard name.count == other.count else { return false }
        for (a, b) in zip(name, other) {
            let lower = Character(a).lowercased()
            if b.isASCII {
                guard Character(b).lowercased() == lower else { return false }
            } else if !(b.value == 0x212A && lower == "k") && !(b.value == 0x17F && lower == "s") {
                return false
            }
        }
        return true
    }

    /// `path.Join` then `path.Clean` for slash-separated paths: empty and `.` elements go, `..`
    /// removes the element before it, and a rooted path cannot climb above `/`.
    static func joinPath(_ elements: String...) -> String {
        let joined = elements.filter { !$0.isEmpty }.joined(separator: "/")
        guard !joined.isEmpty else { return "" }
        let rooted = joined.hasPrefix("/")
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", rooted {
                continue
            } else {
                parts.append(part)
            }
        }
        let body = parts.joined(separator: "/")
        if rooted { return "/" + body }
        return body.isEmpty ? "." : body
    }
}
