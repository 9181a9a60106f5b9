/// The tokens Go's encoding/xml decoder produces in its default strict mode, for reading .csproj
/// files the way Railpack does (`xml.Unmarshal`; railpack:core/providers/dotnet/dotnet.go
/// InstallMisePackages). What matters is where Go reports an error: mismatched or unclosed tags,
/// unquoted attributes, unknown entities, `--` inside comments, unescaped `<` in attribute values,
/// `]]>` in text, characters outside XML's range, and a declared encoding other than UTF-8.
/// Names are checked exactly for ASCII; other letters are accepted as Unicode letters and marks,
/// a slight widening of Go's XML 1.0 (4th edition) name tables.
struct GoXMLDecoder {
    struct Name: Equatable {
        var space = ""
        var local = ""
    }

    enum Token {
        case start(Name, attributes: [(Name, String)])
        case end(Name)
        case text([UInt8])
        case other
    }

    /// The message Go's error prints: `XML syntax error on line N: …`, or another `xml: …` text.
    struct Failure: Error, Equatable {
        var message: String
    }

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    /// Open elements, innermost last, each with the namespace bindings it introduced.
    private var open: [(name: Name, bindings: [(prefix: String, previous: String?)])] = []
    private var namespaces: [String: String] = [:]
    private var pendingEnd: Name? = nil

    init(_ text: String) { bytes = Array(text.utf8) }

    // MARK: Tokens with nesting checked (Decoder.Token)

    /// The next token, nil at the end of the input. Ending inside an element is an error.
    mutating func token() throws(Failure) -> Token? {
        guard let token = try rawToken() else {
            if !open.isEmpty { throw syntax("unexpected EOF") }
            return nil
        }
        switch token {
        case .start(var name, var attributes):
            var bindings: [(prefix: String, previous: String?)] = []
            for (attribute, value) in attributes {
                if attribute.space == "xmlns" {
                    bindings.append((attribute.local, namespaces[attribute.local]))
                    namespaces[attribute.local] = value
                }
                if attribute.space.isEmpty && attribute.local == "xmlns" {
                    bindings.append(("", namespaces[""]))
                    namespaces[""] = value
                }
            }
            translate(&name, element: true)
            for index in attributes.indices { translate(&attributes[index].0, element: false) }
            open.append((name, bindings))
            return .start(name, attributes: attributes)
        case .end(var name):
            translate(&name, element: true)
            guard let top = open.popLast() else { throw syntax("unexpected end element </\(name.local)>") }
            if top.name.local != name.local { throw syntax("element <\(top.name.local)> closed by </\(name.local)>") }
            if top.name.space != name.space {
                throw syntax("element <\(top.name.local)> in space \(top.name.space)closed by </\(name.local)> in space \(name.space)")
            }
            for binding in top.bindings.reversed() { namespaces[binding.prefix] = binding.previous }
            return .end(name)
        default:
            return token
        }
    }

    /// Consumes tokens up to the end of the element just started (Decoder.Skip).
    mutating func skip() throws(Failure) {
        var depth = 1
        while depth > 0 {
            guard let token = try token() else { throw syntax("unexpected EOF") }
            if case .start = token { depth += 1 } else if case .end = token { depth -= 1 }
        }
    }

    /// Prefixes become their bound URL; `xml` its fixed URL; unbound prefixes stay as they are.
    private func translate(_ name: inout Name, element: Bool) {
        if name.space == "xmlns" || (name.space.isEmpty && !element) || (name.space.isEmpty && name.local == "xmlns") { return }
        if name.space == "xml" { name.space = "http://www.w3.org/XML/1998/namespace"; return }
        if let url = namespaces[name.space] { name.space = url }
    }

    // MARK: Raw tokens (Decoder.rawToken)

    private mutating func rawToken() throws(Failure) -> Token? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name)
        }
        guard let first = next() else { return nil }
        if first != UInt8(ascii: "<") {
            back()
            return .text(try text(quote: nil, cdata: false))
        }
        let second = try mustNext()
        switch second {
        case UInt8(ascii: "/"):
            guard let name = try qualifiedName() else { throw syntax("expected element name after </") }
            skipSpace()
            if try mustNext() != UInt8(ascii: ">") { throw syntax("invalid characters between </\(name.local) and >") }
            return .end(name)
        case UInt8(ascii: "?"):
            guard let target = try plainName() else { throw syntax("expected target name after <?") }
            skipSpace()
            var content: [UInt8] = []
            var previous: UInt8 = 0
            while true {
                let byte = try mustNext()
                content.append(byte)
                if previous == UInt8(ascii: "?") && byte == UInt8(ascii: ">") { break }
                previous = byte
            }
            content.removeLast(2)
            if target == "xml" { try checkDeclaration(String(decoding: content, as: UTF8.self)) }
            return .other
        case UInt8(ascii: "!"):
            return try markupDeclaration()
        default:
            back()
            return try startElement()
        }
    }

    private mutating func markupDeclaration() throws(Failure) -> Token {
        let kind = try mustNext()
        if kind == UInt8(ascii: "-") {
            if try mustNext() != UInt8(ascii: "-") { throw syntax("invalid sequence <!- not part of <!--") }
            var b0: UInt8 = 0, b1: UInt8 = 0
            while true {
                let byte = try mustNext()
                if b0 == UInt8(ascii: "-") && b1 == UInt8(ascii: "-") {
                    if byte != UInt8(ascii: ">") { throw syntax("invalid sequence \"--\" not allowed in comments") }
                    return .other
                }
                b0 = b1; b1 = byte
            }
        }
        if kind == UInt8(ascii: "[") {
            for expected in Array("CDATA[".utf8) {
                if try mustNext() != expected { throw syntax("invalid <![ sequence") }
            }
            return .text(try text(quote: nil, cdata: true))
        }
        // A directive such as <!DOCTYPE …>: quoted `>` and nested `<…>` and comments do not end it.
        // Its first byte is only recorded, not interpreted.
        var quote: UInt8 = 0
        var depth = 0
        var byte = kind
        var pending: UInt8? = nil
        while true {
            if let held = pending { byte = held; pending = nil } else {
                byte = try mustNext()
                if quote == 0 && byte == UInt8(ascii: ">") && depth == 0 { return .other }
            }
            if byte == quote {
                quote = 0
            } else if quote != 0 {
                continue
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                depth -= 1
            } else if byte == UInt8(ascii: "<") {
                var matched = 0
                for expected in Array("!--".utf8) {
                    let candidate = try mustNext()
                    if candidate != expected { pending = candidate; break }
                    matched += 1
                }
                if matched < 3 {
                    depth += 1
                    continue
                }
                var b0: UInt8 = 0, b1: UInt8 = 0
                while true {
                    let inner = try mustNext()
                    if b0 == UInt8(ascii: "-") && b1 == UInt8(ascii: "-") && inner == UInt8(ascii: ">") { break }
                    b0 = b1; b1 = inner
                }
            }
        }
    }

    private mutating func startElement() throws(Failure) -> Token {
        guard let name = try qualifiedName() else { throw syntax("expected element name after <") }
        var attributes: [(Name, String)] = []
        while true {
            skipSpace()
            let byte = try mustNext()
            if byte == UInt8(ascii: "/") {
                if try mustNext() != UInt8(ascii: ">") { throw syntax("expected /> in element") }
                pendingEnd = name
                break
            }
            if byte == UInt8(ascii: ">") { break }
            back()
            guard let attribute = try qualifiedName() else { throw syntax("expected attribute name in element") }
            skipSpace()
            if try mustNext() != UInt8(ascii: "=") { throw syntax("attribute name without = in element") }
            skipSpace()
            let quote = try mustNext()
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw syntax("unquoted or missing attribute value in element")
            }
            attributes.append((attribute, String(decoding: try text(quote: quote, cdata: false), as: UTF8.self)))
        }
        return .start(name, attributes: attributes)
    }

    /// Character data up to `<`, the closing quote or `]]>`, with the five predefined entities and
    /// numeric references replaced and CR/CRLF made LF (Decoder.text).
    private mutating func text(quote: UInt8?, cdata: Bool) throws(Failure) -> [UInt8] {
        var out: [UInt8] = []
        var b0: UInt8 = 0, b1: UInt8 = 0
        var truncate = 0
        while true {
            guard let byte = next() else {
                if cdata { throw syntax("unexpected EOF in CDATA section") }
                break
            }
            if b0 == UInt8(ascii: "]") && b1 == UInt8(ascii: "]") && byte == UInt8(ascii: ">") {
                if cdata { truncate = 2; break }
                throw syntax("unescaped ]]> not in CDATA section")
            }
            if byte == UInt8(ascii: "<") && !cdata {
                if quote != nil { throw syntax("unescaped < inside quoted string") }
                back()
                break
            }
            if let quote, byte == quote { break }
            if byte == UInt8(ascii: "&") && !cdata {
                out.append(contentsOf: try entity())
                b0 = 0; b1 = 0
                continue
            }
            if byte == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
            } else if !(b1 == UInt8(ascii: "\r") && byte == UInt8(ascii: "\n")) {
                out.append(byte)
            }
            b0 = b1; b1 = byte
        }
        out.removeLast(truncate)
        for scalar in String(decoding: out, as: UTF8.self).unicodeScalars where !Self.isXMLCharacter(scalar.value) {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            throw syntax("illegal character code U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)")
        }
        return out
    }

    /// After `&`: `#N;`, `#xH;` or one of lt, gt, amp, apos, quot followed by `;`.
    private mutating func entity() throws(Failure) -> [UInt8] {
        var raw: [UInt8] = [UInt8(ascii: "&")]
        var byte = try mustNext()
        var replacement: [UInt8]? = nil
        if byte == UInt8(ascii: "#") {
            raw.append(byte)
            byte = try mustNext()
            var hex = false
            if byte == UInt8(ascii: "x") { hex = true; raw.append(byte); byte = try mustNext() }
            var digits: [UInt8] = []
            while Self.isDigit(byte, hex: hex) {
                digits.append(byte); raw.append(byte)
                byte = try mustNext()
            }
            if byte != UInt8(ascii: ";") { back() } else {
                raw.append(byte)
                if let value = UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10), value <= 0x10FFFF {
                    // Go's string(rune) turns surrogates into U+FFFD.
                    replacement = Array(String(Unicode.Scalar(value).map(Character.init) ?? "\u{FFFD}").utf8)
                }
            }
        } else {
            back()
            let name = try nameBytes()
            let terminator = try mustNext()
            raw.append(contentsOf: name)
            if terminator != UInt8(ascii: ";") { back() } else {
                raw.append(terminator)
                let entities: [String: UInt8] = ["lt": 0x3C, "gt": 0x3E, "amp": 0x26, "apos": 0x27, "quot": 0x22]
                if Self.isName(name), let value = entities[String(decoding: name, as: UTF8.self)] { replacement = [value] }
            }
        }
        if let replacement { return replacement }
        var shown = String(decoding: raw, as: UTF8.self)
        if raw.last != UInt8(ascii: ";") { shown += " (no semicolon)" }
        throw syntax("invalid character entity \(shown)")
    }

    // MARK: Names

    private mutating func qualifiedName() throws(Failure) -> Name? {
        guard let name = try plainName() else { return nil }
        guard let colon = name.firstIndex(of: ":") else { return Name(local: name) }
        return Name(space: String(name[..<colon]), local: String(name[name.index(after: colon)...]))
    }

    private mutating func plainName() throws(Failure) -> String? {
        let raw = try nameBytes()
        if raw.isEmpty { return nil }
        guard Self.isName(raw) else { throw syntax("invalid XML name: \(String(decoding: raw, as: UTF8.self))") }
        return String(decoding: raw, as: UTF8.self)
    }

    /// Bytes up to the first ASCII byte that cannot be in a name; non-ASCII bytes are taken as is (readName).
    private mutating func nameBytes() throws(Failure) -> [UInt8] {
        var out: [UInt8] = []
        while true {
            let byte = try mustNext()
            if byte < 0x80 && !Self.isNameByte(byte) { back(); return out }
            out.append(byte)
        }
    }

    private static func isNameByte(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x3A || c == 0x2E || c == 0x2D
    }

    private static func isName(_ bytes: [UInt8]) -> Bool {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        guard let first = scalars.first, isNameStart(first) else { return false }
        return scalars.dropFirst().allSatisfy { isNameStart($0) || isNameContinue($0) }
    }

    private static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || c == "_" || c == ":" }
        return c.value != 0xFFFD && c.properties.isAlphabetic
    }

    private static func isNameContinue(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == "-" || c == "." || (c >= "0" && c <= "9") }
        return c.value == 0xB7 || c.properties.generalCategory == .nonspacingMark || c.properties.generalCategory == .spacingMark
            || c.properties.generalCategory == .decimalNumber || c.properties.generalCategory == .modifierLetter
    }

    private static func isDigit(_ c: UInt8, hex: Bool) -> Bool {
        (c >= 0x30 && c <= 0x39) || (hex && ((c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)))
    }

    /// railpack's decoder has no CharsetReader, so only UTF-8 may be declared; only version 1.0 is accepted.
    private func checkDeclaration(_ content: String) throws(Failure) {
        let version = Self.declarationValue("version", content)
        if !version.isEmpty && version != "1.0" {
            throw Failure(message: "xml: unsupported version \"\(version)\"; only version 1.0 is supported")
        }
        let encoding = Self.declarationValue("encoding", content)
        if !encoding.isEmpty && encoding.lowercased() != "utf-8" {
            throw Failure(message: "xml: encoding \"\(encoding)\" declared but Decoder.CharsetReader is nil")
        }
    }

    /// The quoted value right after the first `name=` (procInst).
    private static func declarationValue(_ name: String, _ content: String) -> String {
        guard let range = content.range(of: name + "=") else { return "" }
        let rest = content[range.upperBound...]
        guard let quote = rest.first, quote == "'" || quote == "\"" else { return "" }
        let body = rest.dropFirst()
        guard let end = body.firstIndex(of: quote) else { return "" }
        return String(body[..<end])
    }

    /// XML 1.0's Char production.
    private static func isXMLCharacter(_ r: UInt32) -> Bool {
        r == 0x09 || r == 0x0A || r == 0x0D || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
    }

    // MARK: Bytes

    private mutating func next() -> UInt8? {
        guard position < bytes.count else { return nil }
        let byte = bytes[position]
        position += 1
        if byte == 0x0A { line += 1 }
        return byte
    }

    private mutating func mustNext() throws(Failure) -> UInt8 {
        guard let byte = next() else { throw syntax("unexpected EOF") }
        return byte
    }

    private mutating func back() {
        position -= 1
        if bytes[position] == 0x0A { line -= 1 }
    }

    private mutating func skipSpace() {
        while let byte = next() {
            if byte != 0x20 && byte != 0x0D && byte != 0x0A && byte != 0x09 { back(); return }
        }
    }

    private func syntax(_ message: String) -> Failure { Failure(message: "XML syntax error on line \(line): \(message)") }
}
