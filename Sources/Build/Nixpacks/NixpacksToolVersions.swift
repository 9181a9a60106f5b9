/// An asdf `.tool-versions` file as Nixpacks reads it (nixpacks:src/nixpacks/asdf.rs
/// `parse_tool_versions_content`): each line trimmed, `#` lines skipped, split once at the first
/// run of whitespace into tool and version (the version keeps any further words); lines without
/// a version are dropped, and a repeated tool keeps its last line (a HashMap).
enum NixpacksToolVersions {
    static func parse(_ text: String) -> [String: String] {
        var versions: [String: String] = [:]
        // Rust's `lines()` splits at `\n` and drops a `\r` before it.
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Array(rawLine)
            if line.last == "\r" { line.removeLast() }
            let trimmed = NixpacksText.trim(line)
            if trimmed.first == "#" { continue }
            guard let gap = trimmed.firstIndex(where: { $0.properties.isWhitespace }) else { continue }
            let afterGap = trimmed[gap...].drop { $0.properties.isWhitespace }
            let tool = String(String.UnicodeScalarView(trimmed[..<gap]))
            versions[tool] = String(String.UnicodeScalarView(afterGap))
        }
        return versions
    }
}

/// Text helpers with Rust's semantics: Rust works on Unicode scalars and bytes, never on
/// grapheme clusters, and its `trim` and `\s` mean the Unicode White_Space property.
enum NixpacksText {
    /// `str::trim`.
    static func trim<C: Collection>(_ scalars: C) -> [Unicode.Scalar] where C.Element == Unicode.Scalar {
        let array = Array(scalars)
        guard let first = array.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = array.lastIndex(where: { !$0.properties.isWhitespace }) else { return [] }
        return Array(array[first...last])
    }

    static func trim(_ text: String) -> String { String(String.UnicodeScalarView(trim(text.unicodeScalars))) }

    /// `str::contains` for a string needle: a byte search, so a combining mark after the match
    /// does not hide it the way Swift's character-based `contains` would.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        let bytes = Array(haystack.utf8)
        let target = Array(needle.utf8)
        guard !target.isEmpty else { return true }
        guard bytes.count >= target.count else { return false }
        for start in 0...(bytes.count - target.count) where bytes[start] == target[0] {
            if Array(bytes[start..<(start + target.count)]) == target { return true }
        }
        return false
    }
}
