/// Lines as Go's `bufio.Scanner` with `ScanLines` yields them, which several providers use to
/// read manifests line by line (railpack:core/providers/ruby/ruby.go, elixir/elixir.go): split at
/// `\n`, one trailing `\r` dropped, no empty line after a final newline, and the scan stopped at a
/// line longer than `bufio.MaxScanTokenSize` (64 KiB), where callers treat the error as "no match".
enum GoLineScanner {
    static let maxTokenSize = 64 * 1024

    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        // Bytes, not Characters: Swift treats "\r\n" as one Character, which would hide the split.
        var pieces = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        if pieces.last?.isEmpty == true { pieces.removeLast() }
        for raw in pieces {
            guard raw.count < maxTokenSize else { return lines }
            let line = raw.last == 0x0D ? raw.dropLast() : raw
            lines.append(String(decoding: line, as: UTF8.self))
        }
        return lines
    }
}
