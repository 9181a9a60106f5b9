/// The regular expressions Railpack runs over framework config files and scripts, as small
/// matchers with Go's RE2 meaning: `\s` is `[\t\n\f\r ]`, `.` stops at a newline, the leftmost
/// match wins and its submatches are the ones a backtracking matcher would prefer.
enum NodeConfigScan {
    /// Unicode scalars, not Characters, so a CRLF is two characters as it is to Go.
    typealias Char = Unicode.Scalar

    static func chars(_ text: String) -> [Char] { Array(text.unicodeScalars) }

    static func isSpace(_ c: Char) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }

    /// ASCII word characters, as Go's `\b` sees them.
    static func isWord(_ c: Char) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" }

    /// `<key>:\s*['"](.+?)['"]`: the shortest non-empty run after the opening quote that ends
    /// just before a quote of either kind on the same line (astro.go, vite.go outDir; next.go
    /// distDir; react_router.go buildDirectory).
    static func quotedValue(after key: String, in text: String) -> String? {
        let chars = Self.chars(text), needle = Self.chars(key + ":")
        var start = 0
        while start + needle.count <= chars.count {
            defer { start += 1 }
            guard Array(chars[start..<(start + needle.count)]) == needle else { continue }
            var index = start + needle.count
            while index < chars.count, isSpace(chars[index]) { index += 1 }
            guard index < chars.count, chars[index] == "'" || chars[index] == "\"" else { continue }
            let valueStart = index + 1
            guard valueStart < chars.count, chars[valueStart] != "\n" else { continue }
            var end = valueStart + 1
            while end < chars.count, chars[end] != "\n" {
                if chars[end] == "'" || chars[end] == "\"" { return String(String.UnicodeScalarView(chars[valueStart..<end])) }
                end += 1
            }
        }
        return nil
    }

    /// `vite\s+build(?:\s+-[^\s]*)*\s+(?:--outDir)\s+([^-\s;]+)`: only flags between `vite build`
    /// and an `--outDir` with its value. The flag loop is greedy, so in an unbroken run of flags
    /// the last `--outDir` followed by a value wins (vite.go getViteOutputDirectory).
    static func viteOutDir(inBuildScript script: String) -> String? {
        let chars = Self.chars(script)
        let vite = Self.chars("vite"), build = Self.chars("build"), flag = Self.chars("--outDir")
        func has(_ word: [Char], at index: Int) -> Bool {
            index + word.count <= chars.count && Array(chars[index..<(index + word.count)]) == word
        }
        func skipSpaces(_ index: Int) -> Int {
            var index = index
            while index < chars.count, isSpace(chars[index]) { index += 1 }
            return index
        }
        /// From just after `build` or a flag: more flags first, then `--outDir <value>` here.
        func afterFlags(_ index: Int) -> String? {
            let next = skipSpaces(index)
            guard next > index, next < chars.count, chars[next] == "-" else { return nil }
            var end = next
            while end < chars.count, !isSpace(chars[end]) { end += 1 }
            if let deeper = afterFlags(end) { return deeper }
            guard has(flag, at: next), next + flag.count < chars.count, isSpace(chars[next + flag.count]) else { return nil }
            let valueStart = skipSpaces(next + flag.count)
            var valueEnd = valueStart
            while valueEnd < chars.count, chars[valueEnd] != "-", chars[valueEnd] != ";", !isSpace(chars[valueEnd]) { valueEnd += 1 }
            return valueEnd > valueStart ? String(String.UnicodeScalarView(chars[valueStart..<valueEnd])) : nil
        }
        for start in chars.indices where has(vite, at: start) {
            let afterVite = skipSpaces(start + vite.count)
            guard afterVite > start + vite.count, has(build, at: afterVite) else { continue }
            if let value = afterFlags(afterVite + build.count) { return value }
        }
        return nil
    }

    /// `(?m)(?:^|[{,])\s*['"]?ssr['"]?\s*:\s*false\b`: SSR switched off in a React Router config
    /// (react_router.go reactRouterSPAConfigRegex).
    static func disablesSSR(_ text: String) -> Bool {
        let chars = Self.chars(text), ssr = Self.chars("ssr"), falseWord = Self.chars("false")
        for start in chars.indices where start + ssr.count <= chars.count && Array(chars[start..<(start + ssr.count)]) == ssr {
            // Before: an optional quote, whitespace, then a line start, `{` or `,`.
            var openings = [start]
            if start > 0, chars[start - 1] == "'" || chars[start - 1] == "\"" { openings.append(start - 1) }
            let anchored = openings.contains { opening in
                var index = opening
                while true {
                    if index == 0 || chars[index - 1] == "\n" || chars[index - 1] == "{" || chars[index - 1] == "," { return true }
                    guard isSpace(chars[index - 1]) else { return false }
                    index -= 1
                }
            }
            guard anchored else { continue }
            var index = start + ssr.count
            if index < chars.count, chars[index] == "'" || chars[index] == "\"" { index += 1 }
            while index < chars.count, isSpace(chars[index]) { index += 1 }
            guard index < chars.count, chars[index] == ":" else { continue }
            index += 1
            while index < chars.count, isSpace(chars[index]) { index += 1 }
            guard index + falseWord.count <= chars.count, Array(chars[index..<(index + falseWord.count)]) == falseWord else { continue }
            let after = index + falseWord.count
            if after == chars.count || !isWord(chars[after]) { return true }
        }
        return false
    }
}
