/// BuildKit parser/directives.go `DirectiveParser.ParseLine`: `# key=value` lines at the very top of the
/// file. Scanning stops for good at the first line that is not a known directive.
struct DockerfileDirectiveScanner {
    private(set) var done = false
    private var seen: Set<String> = []
    static let known: Set<String> = ["syntax", "escape", "check"]

    struct Failure: Error { var message: String }

    mutating func parse(_ line: ArraySlice<UInt8>) throws(Failure) -> (name: String, value: String)? {
        if done { return nil }
        guard line.first == UInt8(ascii: "#") else { done = true; return nil }
        let rest = DockerfileBytes.trimLeadingSpace(line.dropFirst())
        guard let (key, value) = Self.match(Array(rest)) else { done = true; return nil }
        let k = key.lowercased()
        guard Self.known.contains(k) else { done = true; return nil }
        if seen.contains(k) {
            throw Failure(message: BuildKitMessage.duplicateDirective(k))
        }
        seen.insert(k)
        return (k, value)
    }

    /// The regex `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` (Go `\s` = `[\t\n\f\r ]`), by hand. When only
    /// blanks follow `=`, the lazy group still takes one character: the last blank.
    static func match(_ b: [UInt8]) -> (String, String)? {
        func isWS(_ c: UInt8) -> Bool { c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20 }
        func isAlpha(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        var i = 0
        guard i < b.count, isAlpha(b[i]) else { return nil }
        while i < b.count, isAlpha(b[i]) || (b[i] >= 0x30 && b[i] <= 0x39) { i += 1 }
        let key = String(decoding: b[0..<i], as: UTF8.self)
        while i < b.count, isWS(b[i]) { i += 1 }
        guard i < b.count, b[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        let afterEq = i
        while i < b.count, isWS(b[i]) { i += 1 }
        var e = b.count
        while e > i, isWS(b[e - 1]) { e -= 1 }
        if e > i { return (key, String(decoding: b[i..<e], as: UTF8.self)) }
        guard b.count > afterEq else { return nil }
        return (key, String(decoding: b[(b.count - 1)...], as: UTF8.self))
    }
}
