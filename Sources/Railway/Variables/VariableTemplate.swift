/// A variable value cut into literal text and `${{ … }}` parts, Railway's template syntax
/// (docs:content/docs/variables/reference.md "Template syntax"). Text and references combine
/// freely (`https://${{DOMAIN}}/${{GRAPHQL_PATH}}`), and the docs write the braces both with and
/// without inner spaces (`${{ shared.VARIABLE_KEY }}`, `${{shared.API_KEY}}`,
/// docs:content/docs/variables.md), so the space around the body is not part of it.
public struct VariableTemplate: Sendable, Equatable {
    public enum Segment: Sendable, Equatable {
        case text(String)
        case reference(VariableReference)
        /// A template variable function such as `secret(32)`. Railway runs these once, when a
        /// template is deployed (docs:content/docs/templates/create.md), so the value is unknown here.
        case function(call: String, written: String)
    }

    public private(set) var segments: [Segment] = []
    /// `${{` that does not make a reference; the characters stay as literal text.
    public private(set) var problems: [TemplateProblem] = []

    public init(parsing value: String) {
        let bytes = Array(value.utf8)
        let n = bytes.count
        var textStart = 0
        var i = 0
        while i < n {
            guard Self.opens(bytes, at: i) else { i += 1; continue }
            let bodyStart = i + 3
            var j = bodyStart
            var sawParenthesis = false
            var inQuotes = false
            var nested: Int?
            while j < n {
                let c = bytes[j]
                if inQuotes {
                    // Function arguments are strings that may hold `}}` (an alphabet, say).
                    if c == UInt8(ascii: "\\") { j += 2; continue }
                    if c == UInt8(ascii: "\"") { inQuotes = false }
                } else if c == UInt8(ascii: "}"), j + 1 < n, bytes[j + 1] == UInt8(ascii: "}") {
                    break
                } else if Self.opens(bytes, at: j) {
                    nested = j
                    break
                } else if c == UInt8(ascii: "(") {
                    sawParenthesis = true
                } else if c == UInt8(ascii: "\""), sawParenthesis {
                    inQuotes = true
                }
                j += 1
            }
            let written = String(decoding: bytes[i..<min(j + 2, n)], as: UTF8.self)
            if let nested {
                // Railway documents no nesting; the outer `${{` stays text and the inner one is read.
                problems.append(.nested(String(decoding: bytes[i..<nested], as: UTF8.self)))
                i = nested
                continue
            }
            guard j < n else {
                problems.append(.unterminated(String(decoding: bytes[i...], as: UTF8.self)))
                break
            }
            let body = Self.trimmed(String(decoding: bytes[bodyStart..<j], as: UTF8.self))
            let segment: Segment
            if body.isEmpty {
                problems.append(.empty(written))
                i = j + 2
                continue
            } else if Self.isFunctionCall(body) {
                segment = .function(call: body, written: written)
            } else {
                segment = .reference(VariableReference(written: written, body: body))
            }
            appendText(bytes[textStart..<i])
            segments.append(segment)
            i = j + 2
            textStart = i
        }
        appendText(bytes[textStart..<n])
    }

    /// Every reference, in order.
    public var references: [VariableReference] {
        segments.compactMap { if case .reference(let reference) = $0 { return reference } else { return nil } }
    }

    /// Whether the value holds no reference and no function: it is taken as written.
    public var isLiteral: Bool { segments.allSatisfy { if case .text = $0 { return true } else { return false } } }

    private mutating func appendText(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        if case .text(let previous)? = segments.last {
            segments[segments.count - 1] = .text(previous + text)
        } else {
            segments.append(.text(text))
        }
    }

    private static func opens(_ bytes: [UInt8], at i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i] == UInt8(ascii: "$") && bytes[i + 1] == UInt8(ascii: "{") && bytes[i + 2] == UInt8(ascii: "{")
    }

    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// `name(...)` with an identifier name, the shape of `secret(length?, alphabet?)`.
    private static func isFunctionCall(_ body: String) -> Bool {
        guard body.hasSuffix(")"), let open = body.firstIndex(of: "(") else { return false }
        let name = body[..<open].trimmingSuffix(while: { $0 == " " })
        guard let head = name.first, head == "_" || head.isLetter else { return false }
        return name.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }
}

/// How a `${{` failed to make a reference. Railway's behaviour for these is undocumented; railsim
/// keeps the characters as they are and says so.
public enum TemplateProblem: Sendable, Equatable {
    /// `${{` with no `}}` after it.
    case unterminated(String)
    /// `${{}}` or `${{   }}`.
    case empty(String)
    /// `${{` opened again before the first one closed; the outer one is left as text.
    case nested(String)
}

private extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
