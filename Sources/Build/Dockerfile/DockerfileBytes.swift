/// Byte-level line helpers matching BuildKit parser/parser.go, which works on raw `[]byte` lines.
enum DockerfileBytes {
    /// bufio.MaxScanTokenSize - 1: BuildKit's scanner cannot hold a longer line.
    static let maxLineLength = 65535

    /// Physical lines split after each `\n` (BuildKit `scanLines` keeps the line ending). Stops before the
    /// first line longer than `maxLineLength`, reporting its 1-based number.
    static func physicalLines(_ bytes: [UInt8]) -> (lines: [ArraySlice<UInt8>], tooLongAt: Int?) {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                if i - start > maxLineLength { return (lines, lines.count + 1) }
                lines.append(bytes[start...i])
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count {
            if bytes.count - start > maxLineLength { return (lines, lines.count + 1) }
            lines.append(bytes[start...])
        }
        return (lines, nil)
    }

    /// `trimNewline`: drop trailing `\r` and `\n` bytes.
    static func trimNewline(_ b: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var e = b.endIndex
        while e > b.startIndex, b[e - 1] == 0x0A || b[e - 1] == 0x0D { e -= 1 }
        return b[b.startIndex..<e]
    }

    /// Length in bytes of the Unicode White_Space character (Go `unicode.IsSpace`) starting at `i`, or 0.
    static func spaceWidth(_ b: ArraySlice<UInt8>, at i: Int) -> Int {
        let c = b[i]
        switch c {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2:
            if i + 1 < b.endIndex, b[i + 1] == 0x85 || b[i + 1] == 0xA0 { return 2 }
        case 0xE1:
            if i + 2 < b.endIndex, b[i + 1] == 0x9A, b[i + 2] == 0x80 { return 3 }
        case 0xE2:
            if i + 2 < b.endIndex {
                let (x, y) = (b[i + 1], b[i + 2])
                if x == 0x80, (0x80...0x8A).contains(y) || y == 0xA8 || y == 0xA9 || y == 0xAF { return 3 }
                if x == 0x81, y == 0x9F { return 3 }
            }
        case 0xE3:
            if i + 2 < b.endIndex, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        default: break
        }
        return 0
    }

    /// `trimLeadingWhitespace` (bytes.TrimLeftFunc with unicode.IsSpace).
    static func trimLeadingSpace(_ b: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var i = b.startIndex
        while i < b.endIndex {
            let w = spaceWidth(b, at: i)
            if w == 0 { break }
            i += w
        }
        return b[i...]
    }

    /// `isComment`: first non-blank byte is `#`.
    static func isComment(_ b: ArraySlice<UInt8>) -> Bool { trimLeadingSpace(b).first == UInt8(ascii: "#") }

    /// `isEmptyContinuationLine`.
    static func isBlank(_ b: ArraySlice<UInt8>) -> Bool { trimLeadingSpace(trimNewline(b)).isEmpty }

    /// `trimContinuationCharacter`: BuildKit's regex `([^E])E[ \t]*$|^E[ \t]*$` (E = escape token). A line
    /// ending in an escaped escape (`\\`) is therefore not continued (the quirk the regex comment admits).
    static func trimContinuation(_ b: ArraySlice<UInt8>, escape: UInt8) -> (ArraySlice<UInt8>, continued: Bool) {
        var e = b.endIndex
        while e > b.startIndex, b[e - 1] == 0x20 || b[e - 1] == 0x09 { e -= 1 }
        guard e > b.startIndex, b[e - 1] == escape else { return (b, false) }
        if e - 1 == b.startIndex { return (b[b.startIndex..<b.startIndex], true) }
        if b[e - 2] == escape { return (b, false) }
        return (b[b.startIndex..<(e - 1)], true)
    }

    static func string(_ b: ArraySlice<UInt8>) -> String { String(decoding: b, as: UTF8.self) }
}
