/// Finds the line on which each key of a config document is written.
///
/// TOMLKit and Foundation parse values but do not report positions, so this scanner walks the
/// text once with the formats' own lexical rules (strings, escapes, comments, brackets) and maps
/// key paths such as `deploy.startCommand` to lines. It never decides values: the real parsers do.
enum KeyLineLocator {
    /// TOML: table headers `[a.b]` / `[[a]]` set the current path; `key = …` at bracket depth 0
    /// binds `path.key`, and `k = v` inside an inline table binds under that table's key.
    /// Multi-line strings and arrays are skipped (TOML v1.0.0 spec, toml.io).
    static func tomlLines(_ text: String) -> [String: Int] {
        var result: [String: Int] = [:]
        var table: [String] = []
        var inMultiline: [UInt8]? = nil  // the closing delimiter of an open multi-line string
        let bytes = Array(text.utf8)
        var line = 1
        var index = 0
        var atLineStart = true

        func skipSpaces() { while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }
        func readKeyPath() -> [String] {
            var parts: [String] = []
            while index < bytes.count {
                skipSpaces()
                guard index < bytes.count else { break }
                let c = bytes[index]
                if c == 0x22 || c == 0x27 {  // quoted key
                    let quote = c
                    index += 1
                    var part: [UInt8] = []
                    while index < bytes.count, bytes[index] != quote, bytes[index] != 0x0A {
                        if quote == 0x22, bytes[index] == 0x5C, index + 1 < bytes.count { index += 1 }
                        part.append(bytes[index]); index += 1
                    }
                    if index < bytes.count, bytes[index] == quote { index += 1 }
                    parts.append(String(decoding: part, as: UTF8.self))
                } else {
                    let start = index
                    while index < bytes.count, isBareKeyByte(bytes[index]) { index += 1 }
                    if start == index { break }
                    parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
                }
                skipSpaces()
                if index < bytes.count, bytes[index] == 0x2E { index += 1; continue }
                break
            }
            return parts
        }

        // Open `[` / `{` brackets in value position, with the key path their members belong to:
        // inline-table keys bind under it (TOML v1.0.0 "Inline Table"); array elements share the
        // array's path, as ConfigDocumentParser looks them up.
        var brackets: [(open: UInt8, path: [String])] = []
        var lastKey: [String] = []
        var expectInlineKey = false

        while index < bytes.count {
            if let closing = inMultiline {
                if bytes[index] == 0x0A { line += 1; index += 1; continue }
                if bytes[index] == 0x5C, closing[0] == 0x22 {
                    // A line-ending backslash: the newline it escapes still ends a line (TOML v1.0.0 "String").
                    if index + 1 < bytes.count, bytes[index + 1] == 0x0A { line += 1 }
                    index += 2
                    continue
                }
                if index + 2 < bytes.count, bytes[index] == closing[0], bytes[index + 1] == closing[0], bytes[index + 2] == closing[0] {
                    index += 3
                    inMultiline = nil
                } else { index += 1 }
                continue
            }
            let c = bytes[index]
            if c == 0x0A { line += 1; index += 1; atLineStart = true; continue }
            if c == 0x20 || c == 0x09 || c == 0x0D { index += 1; continue }
            if c == 0x23 {  // comment to end of line
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                continue
            }
            if atLineStart && brackets.isEmpty {
                atLineStart = false
                if c == 0x5B {  // table header
                    index += 1
                    let isArrayTable = index < bytes.count && bytes[index] == 0x5B
                    if isArrayTable { index += 1 }
                    table = readKeyPath()
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                    let key = table.joined(separator: ".")
                    if result[key] == nil { result[key] = line }
                    continue
                }
                let keyPath = readKeyPath()
                if !keyPath.isEmpty {
                    lastKey = table + keyPath
                    let key = lastKey.joined(separator: ".")
                    if result[key] == nil { result[key] = line }
                }
                skipSpaces()
                if index < bytes.count, bytes[index] == 0x3D { index += 1 }
                continue
            }
            atLineStart = false
            if expectInlineKey, c != 0x7D {
                expectInlineKey = false
                let keyPath = readKeyPath()
                if !keyPath.isEmpty {
                    lastKey = (brackets.last?.path ?? table) + keyPath
                    let key = lastKey.joined(separator: ".")
                    if result[key] == nil { result[key] = line }
                    skipSpaces()
                    if index < bytes.count, bytes[index] == 0x3D { index += 1 }
                    continue
                }
            }
            switch c {
            case 0x22, 0x27:
                if index + 2 < bytes.count, bytes[index + 1] == c, bytes[index + 2] == c {
                    inMultiline = [c, c, c]
                    index += 3
                } else {
                    index += 1
                    while index < bytes.count, bytes[index] != c, bytes[index] != 0x0A {
                        if c == 0x22, bytes[index] == 0x5C { index += 1 }
                        index += 1
                    }
                    if index < bytes.count, bytes[index] == c { index += 1 }
                }
            case 0x5B:
                brackets.append((c, brackets.last?.open == 0x5B ? brackets.last?.path ?? lastKey : lastKey))
                index += 1
            case 0x7B:
                brackets.append((c, brackets.last?.open == 0x5B ? brackets.last?.path ?? lastKey : lastKey))
                expectInlineKey = true
                index += 1
            case 0x2C:
                if brackets.last?.open == 0x7B { expectInlineKey = true }
                index += 1
            case 0x5D, 0x7D:
                if !brackets.isEmpty { brackets.removeLast() }
                expectInlineKey = false
                index += 1
            default: index += 1
            }
        }
        return result
    }

    private static func isBareKeyByte(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D
    }

    /// JSON: the line of each object key, by key path (RFC 8259 string rules). Iterative: a stack
    /// of open containers, so nesting depth cannot exhaust the call stack.
    static func jsonLines(_ text: String) -> [String: Int] {
        enum Container { case object(key: String?), array(index: Int) }
        var result: [String: Int] = [:]
        var stack: [Container] = []
        var path: [String] = []
        let bytes = Array(text.utf8)
        var index = 0
        var line = 1
        var pendingKey: (String, Int)? = nil

        func currentPath() -> [String] {
            var parts: [String] = []
            for entry in stack {
                switch entry {
                case .object(let key): if let key { parts.append(key) }
                case .array(let i): parts.append(String(i))
                }
            }
            return parts
        }

        while index < bytes.count {
            let c = bytes[index]
            switch c {
            case 0x0A: line += 1; index += 1
            case 0x22:
                index += 1
                var value: [UInt8] = []
                while index < bytes.count, bytes[index] != 0x22 {
                    // Keys are compared with Foundation's decoded keys, so escapes are decoded (RFC 8259 §7).
                    if bytes[index] == 0x5C, index + 1 < bytes.count {
                        index += 1
                        switch bytes[index] {
                        case UInt8(ascii: "n"): value.append(0x0A)
                        case UInt8(ascii: "t"): value.append(0x09)
                        case UInt8(ascii: "r"): value.append(0x0D)
                        case UInt8(ascii: "b"): value.append(0x08)
                        case UInt8(ascii: "f"): value.append(0x0C)
                        case UInt8(ascii: "u"):
                            let hex = String(decoding: bytes[min(index + 1, bytes.count)..<min(index + 5, bytes.count)], as: UTF8.self)
                            if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                                value += Array(String(Character(scalar)).utf8)
                                index += 4
                            } else { value.append(UInt8(ascii: "u")) }
                        default: value.append(bytes[index])
                        }
                        index += 1
                        continue
                    }
                    if bytes[index] == 0x0A { line += 1 }
                    value.append(bytes[index]); index += 1
                }
                index += 1
                var look = index
                while look < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[look]) { look += 1 }
                if look < bytes.count, bytes[look] == 0x3A, case .object = stack.last {
                    pendingKey = (String(decoding: value, as: UTF8.self), line)
                }
            case 0x3A:
                if let (key, keyLine) = pendingKey, case .object = stack.last {
                    stack[stack.count - 1] = .object(key: key)
                    let full = currentPath().joined(separator: ".")
                    if result[full] == nil { result[full] = keyLine }
                }
                pendingKey = nil
                index += 1
            case 0x7B: stack.append(.object(key: nil)); index += 1
            case 0x5B: stack.append(.array(index: 0)); index += 1
            case 0x7D, 0x5D: if !stack.isEmpty { stack.removeLast() }; index += 1
            case 0x2C:
                if case .array(let i) = stack.last { stack[stack.count - 1] = .array(index: i + 1) }
                if case .object = stack.last { stack[stack.count - 1] = .object(key: nil) }
                index += 1
            default: index += 1
            }
        }
        _ = path
        return result
    }
}
