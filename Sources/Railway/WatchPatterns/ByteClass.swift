/// A bracket expression (`[a-z]`, `[!0-9]`, `[[:digit:]_]`) as a table over the 256 byte values,
/// parsed the way git's wildmatch reads it (git:wildmatch.c, `case '['`): `!` or `^` negates, the
/// first member may be `]`, `a-z` is a range only between two members, `\` escapes, and an
/// unknown `[:name:]` or a class that never closes makes the whole pattern fail to match.
struct ByteClass: Sendable, Equatable {
    private let members: [Bool]
    let negated: Bool

    func matches(_ byte: UInt8) -> Bool { members[Int(byte)] != negated }

    struct Parsed: Sendable, Equatable {
        var set: ByteClass
        /// Index just after the closing `]`.
        var next: Int
    }

    /// Parses the class whose `[` is at `open`.
    static func parse(_ pattern: [UInt8], openingAt open: Int) -> Result<Parsed, GlobProgram.Defect> {
        let n = pattern.count
        var members = [Bool](repeating: false, count: 256)
        var j = open + 1
        guard j < n else { return .failure(.unterminatedClass) }
        let negated = pattern[j] == UInt8(ascii: "!") || pattern[j] == UInt8(ascii: "^")
        if negated { j += 1 }
        var previous: UInt8?
        while true {
            guard j < n else { return .failure(.unterminatedClass) }
            let c = pattern[j]
            var current: UInt8? = c
            if c == UInt8(ascii: "\\") {
                j += 1
                guard j < n else { return .failure(.unterminatedClass) }
                members[Int(pattern[j])] = true
                current = pattern[j]
            } else if c == UInt8(ascii: "-"), let low = previous, j + 1 < n, pattern[j + 1] != UInt8(ascii: "]") {
                j += 1
                var high = pattern[j]
                if high == UInt8(ascii: "\\") {
                    j += 1
                    guard j < n else { return .failure(.unterminatedClass) }
                    high = pattern[j]
                }
                if low <= high { for b in low...high { members[Int(b)] = true } }
                current = nil
            } else if c == UInt8(ascii: "["), j + 1 < n, pattern[j + 1] == UInt8(ascii: ":") {
                let nameStart = j + 2
                var close = nameStart
                while close < n, pattern[close] != UInt8(ascii: "]") { close += 1 }
                guard close < n else { return .failure(.unterminatedClass) }
                if close - nameStart - 1 < 0 || pattern[close - 1] != UInt8(ascii: ":") {
                    // No `:]`: the `[` is an ordinary member and the scan goes on from the `:`.
                    members[Int(c)] = true
                } else {
                    let name = String(decoding: pattern[nameStart..<(close - 1)], as: UTF8.self)
                    guard let test = Self.namedClass(name) else { return .failure(.unknownClassName(name)) }
                    for b in 0...255 where test(UInt8(b)) { members[b] = true }
                    j = close
                    current = nil
                }
            } else {
                members[Int(c)] = true
            }
            previous = current
            j += 1
            if j < n, pattern[j] == UInt8(ascii: "]") {
                return .success(Parsed(set: ByteClass(members: members, negated: negated), next: j + 1))
            }
        }
    }

    /// The POSIX class names wildmatch knows, with git's own ASCII-only ctype
    /// (git:git-compat-util.h `sane_ctype`: space is only tab, LF, CR and space).
    private static func namedClass(_ name: String) -> ((UInt8) -> Bool)? {
        func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
        func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        func isSpace(_ b: UInt8) -> Bool { b == 9 || b == 10 || b == 13 || b == 32 }
        func isPrint(_ b: UInt8) -> Bool { b >= 0x20 && b <= 0x7e }
        switch name {
        case "alnum": return { isUpper($0) || isLower($0) || isDigit($0) }
        case "alpha": return { isUpper($0) || isLower($0) }
        case "blank": return { $0 == 32 || $0 == 9 }
        case "cntrl": return { $0 < 0x20 || $0 == 0x7f }
        case "digit": return isDigit
        case "graph": return { isPrint($0) && !isSpace($0) }
        case "lower": return isLower
        case "print": return isPrint
        case "punct": return { isPrint($0) && !isSpace($0) && !isUpper($0) && !isLower($0) && !isDigit($0) }
        case "space": return isSpace
        case "upper": return isUpper
        case "xdigit": return { isDigit($0) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) }
        default: return nil
        }
    }
}
