import Snapshot

/// The bytes of an exported environment config as text. JSON exchanged between systems must be
/// UTF-8 (RFC 8259 §8.1, https://www.rfc-editor.org/rfc/rfc8259#section-8.1), and serde_json
/// only writes UTF-8, so anything else is a damaged file and gets an error with its line rather
/// than replacement characters.
enum EnvironmentConfigText {
    static func decode(_ bytes: [UInt8], file: String) throws(ProjectSourceError) -> String {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                scalars.append(scalar)
            case .emptyInput:
                return String(scalars)
            case .error:
                throw ProjectSourceError(location: SourceLocation(file: file, line: line),
                                         message: "invalid JSON: the file is not UTF-8 text")
            }
        }
    }

    /// The line on which the top-level value starts (after leading whitespace).
    static func firstValueLine(_ text: String) -> Int {
        var line = 1
        for byte in text.utf8 {
            if byte == 0x0A { line += 1 } else if byte != 0x20, byte != 0x09, byte != 0x0D { break }
        }
        return line
    }
}
