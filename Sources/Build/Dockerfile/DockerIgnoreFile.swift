/// Reads a `.dockerignore` as moby/patternmatcher `ignorefile.ReadAll` does (the reader BuildKit's
/// dockerui uses): BOM stripped, `#` comments in column 1 only, lines trimmed, patterns cleaned with
/// `filepath.Clean` and one leading `/` removed, `!` kept in front.
public enum DockerIgnoreFile {
    /// The patterns, in file order. A line over 65535 bytes makes BuildKit fail ("bufio.Scanner: token too
    /// long"); use `readAll` to see that error — here such a file yields the patterns before that line.
    public static func patterns(from bytes: [UInt8]) -> [String] {
        (try? readAll(bytes)) ?? readAll(bytes, stopAtLongLine: true)
    }

    public struct ReadError: Error, Sendable, Equatable { public var message: String }

    public static func readAll(_ bytes: [UInt8]) throws(ReadError) -> [String] {
        let lines = scanLines(bytes)
        if lines.tooLong {
            // ignorefile.ReadAll returns the scanner's error as it is.
            throw ReadError(message: BuildKitMessage.scannerTokenTooLong)
        }
        return process(lines.lines)
    }

    private static func readAll(_ bytes: [UInt8], stopAtLongLine: Bool) -> [String] { process(scanLines(bytes).lines) }

    /// The 1-based line each pattern of `patterns(from:)` comes from, so a finding can name it.
    public static func patternLines(from bytes: [UInt8]) -> [Int] {
        numbered(scanLines(bytes).lines).map(\.line)
    }

    private static func process(_ lines: [ArraySlice<UInt8>]) -> [String] { numbered(lines).map(\.pattern) }

    private static func numbered(_ lines: [ArraySlice<UInt8>]) -> [(line: Int, pattern: String)] {
        var out: [(line: Int, pattern: String)] = []
        for (n, var line) in lines.enumerated() {
            if n == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            if line.first == UInt8(ascii: "#") { continue }
            var pattern = DockerGoText.trimSpace(String(decoding: line, as: UTF8.self))
            if pattern.isEmpty { continue }
            let invert = pattern.hasPrefix("!")
            if invert { pattern = DockerGoText.trimSpace(String(pattern.unicodeScalars.dropFirst())) }
            if !pattern.isEmpty {
                pattern = DockerGoPath.clean(pattern)
                if pattern.utf8.count > 1, pattern.hasPrefix("/") { pattern = String(pattern.dropFirst()) }
            }
            out.append((n + 1, invert ? "!" + pattern : pattern))
        }
        return out
    }

    /// bufio.ScanLines: split at `\n`, drop one trailing `\r`, no empty token after a final newline.
    private static func scanLines(_ b: [UInt8]) -> (lines: [ArraySlice<UInt8>], tooLong: Bool) {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while start < b.count {
            let end = b[start...].firstIndex(of: 0x0A) ?? b.count
            if end - start > DockerfileBytes.maxLineLength { return (lines, true) }
            var line = b[start..<end]
            if line.last == 0x0D { line = line.dropLast() }
            lines.append(line)
            start = end + 1
        }
        return (lines, false)
    }
}
