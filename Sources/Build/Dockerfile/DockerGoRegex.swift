/// A small Go-RE2-compatible regex engine for the regexps moby/patternmatcher builds from ignore
/// patterns (`^`, literals, `\x` escapes, `[...]` classes passed through from the pattern, `.`, `(.*/)?`,
/// `*`, `?`, `+`, `$`, and the assertions `\b` `\B` `\A` `\z` a backslash before a letter can
/// produce, e.g. `src\bin` from a Windows-style path). Parsing follows Go regexp/syntax with the Perl flags Go's `regexp.Compile` uses
/// (`.` excludes `\n`, classes may match `\n`, `^`/`$` anchor the whole text); matching is a Pike VM, so
/// time is linear in the path and there is no backtracking or recursion on input.
struct DockerGoRegex {
    struct SyntaxError: Error { var message: String }

    private enum Inst {
        case char(CharSet)
        case any        // any scalar except \n
        case split(Int, Int)
        case jmp(Int)
        case begin, end
        /// `\b` (true) or `\B` (false): Go's ASCII word boundary.
        case wordBoundary(Bool)
        case match
    }

    struct CharSet {
        var ranges: [ClosedRange<UInt32>]
        var negated: Bool
        func contains(_ c: Unicode.Scalar) -> Bool { ranges.contains { $0.contains(c.value) } != negated }
    }

    private enum Node {
        case set(CharSet), any, begin, end, wordBoundary(Bool)
        case group([Node])
        case alt([[Node]])
        indirect case repeatNode(Node, min: Int, max: Int?) // * ? + {n,m}
    }

    private var prog: [Inst] = []

    init(_ pattern: String) throws(SyntaxError) {
        let p = Array(pattern.unicodeScalars)
        var i = 0
        // Frames of alternatives (each a concatenation). Only one level of grouping can occur in
        // patternmatcher output; the explicit stack keeps the parser flat and bounded anyway.
        var stack: [[[Node]]] = [[[]]]
        func append(_ n: Node) { stack[stack.count - 1][stack[stack.count - 1].count - 1].append(n) }
        func popLast() -> Node? { stack[stack.count - 1][stack[stack.count - 1].count - 1].popLast() }
        func close(_ frame: [[Node]]) -> Node { frame.count == 1 ? .group(frame[0]) : .alt(frame) }
        while i < p.count {
            let c = p[i]
            switch c {
            case "(":
                i += 1
                if stack.count > 16 { throw SyntaxError(message: "railsim: regexp nesting too deep") }
                stack.append([[]])
            case ")":
                i += 1
                guard stack.count > 1, let inner = stack.popLast() else { throw SyntaxError(message: "unexpected )") }
                append(close(inner))
            case "|":
                i += 1
                stack[stack.count - 1].append([])
            case "*", "+", "?", "{":
                var minCount = 0, maxCount: Int? = nil
                if c == "{" {
                    // Go: `{n}`, `{n,}`, `{n,m}` repeat (n, m ≤ 1000); anything else is a literal `{`.
                    var j = i + 1
                    var n1 = "", n2: String? = nil
                    while j < p.count, p[j].value >= 0x30, p[j].value <= 0x39 { n1.unicodeScalars.append(p[j]); j += 1 }
                    if j < p.count, p[j] == "," {
                        j += 1
                        n2 = ""
                        while j < p.count, p[j].value >= 0x30, p[j].value <= 0x39 { n2?.unicodeScalars.append(p[j]); j += 1 }
                    }
                    guard !n1.isEmpty, j < p.count, p[j] == "}" else {
                        i += 1
                        append(.set(CharSet(ranges: [c.value...c.value], negated: false)))
                        continue
                    }
                    guard let lo = Int(n1.prefix(5)), lo <= 1000 else { throw SyntaxError(message: "invalid repeat count") }
                    minCount = lo
                    if let n2 {
                        if n2.isEmpty { maxCount = nil } else {
                            guard let hi = Int(n2.prefix(5)), hi <= 1000, hi >= lo else { throw SyntaxError(message: "invalid repeat count") }
                            maxCount = hi
                        }
                    } else {
                        maxCount = lo
                    }
                    i = j + 1
                } else {
                    i += 1
                    minCount = c == "+" ? 1 : 0
                    maxCount = c == "?" ? 1 : nil
                }
                guard let last = popLast() else { throw SyntaxError(message: "missing argument to repetition operator") }
                if case .repeatNode = last { throw SyntaxError(message: "invalid nested repetition operator") }
                if i < p.count, p[i] == "?" { i += 1 } // non-greedy: irrelevant for a yes/no match
                append(.repeatNode(last, min: minCount, max: maxCount))
            case "[":
                i += 1
                append(.set(try Self.parseClass(p, &i)))
            case ".": i += 1; append(.any)
            case "^": i += 1; append(.begin)
            case "$": i += 1; append(.end)
            case "\\":
                i += 1
                // Go regexp/syntax parse.go (PerlX): `\A` `\b` `\B` `\z` `\Q…\E` are read before
                // parseEscape; `\C` and `\p`/`\P` classes are left to it (railsim rejects them).
                if i < p.count, ["A", "z", "b", "B", "Q"].contains(p[i]) {
                    let c = p[i]
                    i += 1
                    switch c {
                    case "A": append(.begin)
                    case "z": append(.end)
                    case "b": append(.wordBoundary(true))
                    case "B": append(.wordBoundary(false))
                    default:
                        // `\Q…\E` (or to the end): literal text.
                        while i < p.count {
                            if p[i] == "\\", i + 1 < p.count, p[i + 1] == "E" { i += 2; break }
                            append(.set(CharSet(ranges: [p[i].value...p[i].value], negated: false)))
                            i += 1
                        }
                    }
                    continue
                }
                append(.set(try Self.parseEscape(p, &i)))
            default:
                i += 1
                append(.set(CharSet(ranges: [c.value...c.value], negated: false)))
            }
        }
        guard stack.count == 1 else { throw SyntaxError(message: "missing closing )") }
        emit(close(stack[0]))
        // railsim's own bound: nested `{n}` counts could otherwise expand the program without limit.
        guard prog.count <= Self.maxProgram else { throw SyntaxError(message: "railsim: regexp too large") }
        prog.append(.match)
    }

    static let maxProgram = 100_000

    private mutating func emit(_ n: Node) {
        if prog.count > Self.maxProgram { return }
        switch n {
        case .set(let s): prog.append(.char(s))
        case .any: prog.append(.any)
        case .begin: prog.append(.begin)
        case .end: prog.append(.end)
        case .wordBoundary(let b): prog.append(.wordBoundary(b))
        case .group(let nodes): for m in nodes { emit(m) }
        case .alt(let alts):
            var jumps: [Int] = []
            for (k, a) in alts.enumerated() {
                if k < alts.count - 1 {
                    let split = prog.count
                    prog.append(.split(0, 0))
                    for m in a { emit(m) }
                    jumps.append(prog.count)
                    prog.append(.jmp(0))
                    prog[split] = .split(split + 1, prog.count)
                } else {
                    for m in a { emit(m) }
                }
            }
            for j in jumps { prog[j] = .jmp(prog.count) }
        case .repeatNode(let inner, let min, let max):
            for _ in 0..<min { emit(inner) }
            if let max {
                for _ in min..<max {
                    let split = prog.count
                    prog.append(.split(0, 0))
                    emit(inner)
                    prog[split] = .split(split + 1, prog.count)
                }
            } else {
                let split = prog.count
                prog.append(.split(0, 0))
                emit(inner)
                prog.append(.jmp(split))
                prog[split] = .split(split + 1, prog.count)
            }
        }
    }

    static let digit: [ClosedRange<UInt32>] = [0x30...0x39]
    static let space: [ClosedRange<UInt32>] = [0x09...0x0A, 0x0C...0x0D, 0x20...0x20]
    static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]

    /// Go `parseEscape` for the escapes railsim supports; others are reported as syntax errors (which
    /// patternmatcher turns into ErrBadPattern) — a deliberate narrowing, see the component notes.
    private static func parseEscape(_ p: [Unicode.Scalar], _ i: inout Int) throws(SyntaxError) -> CharSet {
        guard i < p.count else { throw SyntaxError(message: "trailing backslash at end of expression") }
        let c = p[i]
        i += 1
        if c.value < 0x80, !(c.properties.isAlphabetic || (c.value >= 0x30 && c.value <= 0x39)) {
            return CharSet(ranges: [c.value...c.value], negated: false)
        }
        switch c {
        case "0"..."7":
            // Go parseEscape: `\0` takes up to two more octal digits; `\1`–`\7` only when an octal digit
            // follows (a lone one would be a backreference).
            let isOctal = { (i: Int) in i < p.count && p[i].value >= 0x30 && p[i].value <= 0x37 }
            if c != "0", !isOctal(i) { break }
            var r = c.value - 0x30
            for _ in 1..<3 where isOctal(i) {
                r = r * 8 + p[i].value - 0x30
                i += 1
            }
            return CharSet(ranges: [r...r], negated: false)
        case "x":
            // Go parseEscape: `\xHH` or `\x{H…}` (at least one digit, at most U+10FFFF).
            func hex(_ s: Unicode.Scalar) -> UInt32? { UInt32(String(Character(s)), radix: 16) }
            guard i < p.count else { break }
            if p[i] == "{" {
                var j = i + 1, r: UInt32 = 0, digits = 0
                while j < p.count, p[j] != "}" {
                    guard let v = hex(p[j]), r <= 0x10FFFF else { throw SyntaxError(message: "invalid escape sequence") }
                    r = r * 16 + v
                    digits += 1
                    j += 1
                }
                guard j < p.count, digits > 0, r <= 0x10FFFF else { throw SyntaxError(message: "invalid escape sequence") }
                i = j + 1
                return CharSet(ranges: [r...r], negated: false)
            }
            guard i + 1 < p.count, let x = hex(p[i]), let y = hex(p[i + 1]) else { break }
            i += 2
            return CharSet(ranges: [(x * 16 + y)...(x * 16 + y)], negated: false)
        case "a": return CharSet(ranges: [7...7], negated: false)
        case "f": return CharSet(ranges: [12...12], negated: false)
        case "n": return CharSet(ranges: [10...10], negated: false)
        case "r": return CharSet(ranges: [13...13], negated: false)
        case "t": return CharSet(ranges: [9...9], negated: false)
        case "v": return CharSet(ranges: [11...11], negated: false)
        case "d": return CharSet(ranges: digit, negated: false)
        case "D": return CharSet(ranges: digit, negated: true)
        case "s": return CharSet(ranges: space, negated: false)
        case "S": return CharSet(ranges: space, negated: true)
        case "w": return CharSet(ranges: word, negated: false)
        case "W": return CharSet(ranges: word, negated: true)
        default: break
        }
        throw SyntaxError(message: "invalid escape sequence: \\" + String(Character(c)))
    }

    /// Go `parseClass` (PerlX: a `-` that cannot form a range is literal; `]` first is literal).
    private static func parseClass(_ p: [Unicode.Scalar], _ i: inout Int) throws(SyntaxError) -> CharSet {
        var set = CharSet(ranges: [], negated: false)
        if i < p.count, p[i] == "^" { set.negated = true; i += 1 }
        var first = true
        while i < p.count, p[i] != "]" || first {
            first = false
            if p[i] == "[", i + 1 < p.count, p[i + 1] == ":" {
                let names: [String: [ClosedRange<UInt32>]] = [
                    "alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A], "alpha": [0x41...0x5A, 0x61...0x7A], "ascii": [0...0x7F],
                    "blank": [0x09...0x09, 0x20...0x20], "cntrl": [0...0x1F, 0x7F...0x7F], "digit": digit,
                    "graph": [0x21...0x7E], "lower": [0x61...0x7A], "print": [0x20...0x7E],
                    "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E], "space": [0x09...0x0D, 0x20...0x20],
                    "upper": [0x41...0x5A], "word": word, "xdigit": [0x30...0x39, 0x41...0x46, 0x61...0x66],
                ]
                var j = i + 2
                while j + 1 < p.count, !(p[j] == ":" && p[j + 1] == "]") { j += 1 }
                if j + 1 < p.count {
                    var name = String(String.UnicodeScalarView(p[(i + 2)..<j]))
                    let neg = name.hasPrefix("^")
                    if neg { name.removeFirst() }
                    guard let r = names[name] else { throw SyntaxError(message: "invalid character class range") }
                    if neg {
                        var lo: UInt32 = 0
                        for x in r { if x.lowerBound > lo { set.ranges.append(lo...(x.lowerBound - 1)) }; lo = x.upperBound + 1 }
                        set.ranges.append(lo...0x10FFFF)
                    } else {
                        set.ranges += r
                    }
                    i = j + 2
                    continue
                }
            }
            var lo: CharSet
            if p[i] == "\\" {
                i += 1
                lo = try parseEscape(p, &i)
            } else {
                lo = CharSet(ranges: [p[i].value...p[i].value], negated: false)
                i += 1
            }
            if i + 1 < p.count, p[i] == "-", p[i + 1] != "]", !lo.negated, lo.ranges.count == 1, lo.ranges[0].count == 1 {
                i += 1
                var hi: UInt32
                if p[i] == "\\" {
                    i += 1
                    let h = try parseEscape(p, &i)
                    guard !h.negated, h.ranges.count == 1, h.ranges[0].count == 1 else { throw SyntaxError(message: "invalid character class range") }
                    hi = h.ranges[0].lowerBound
                } else {
                    hi = p[i].value
                    i += 1
                }
                let l = lo.ranges[0].lowerBound
                guard l <= hi else { throw SyntaxError(message: "invalid character class range") }
                set.ranges.append(l...hi)
            } else if lo.negated {
                var start: UInt32 = 0
                for r in lo.ranges { if r.lowerBound > start { set.ranges.append(start...(r.lowerBound - 1)) }; start = r.upperBound + 1 }
                set.ranges.append(start...0x10FFFF)
            } else {
                set.ranges += lo.ranges
            }
        }
        guard i < p.count else { throw SyntaxError(message: "missing closing ]") }
        i += 1
        return set
    }

    /// Go `Regexp.MatchString`: a match anywhere (the patterns start with `^`).
    func matches(_ text: String) -> Bool {
        let t = Array(text.unicodeScalars)
        var current: [Int] = []
        var onList = [Int](repeating: -1, count: prog.count)
        func add(_ pc: Int, _ pos: Int, into list: inout [Int]) {
            var work = [pc]
            while let x = work.popLast() {
                if onList[x] == pos { continue }
                onList[x] = pos
                switch prog[x] {
                case .jmp(let a): work.append(a)
                case .split(let a, let b): work.append(b); work.append(a)
                case .begin: if pos == 0 { work.append(x + 1) }
                case .end: if pos == t.count { work.append(x + 1) }
                case .wordBoundary(let wanted):
                    // Go syntax.IsWordChar: ASCII letters, digits and `_`.
                    let isWord = { (i: Int) in i >= 0 && i < t.count && Self.word.contains { $0.contains(t[i].value) } }
                    if (isWord(pos - 1) != isWord(pos)) == wanted { work.append(x + 1) }
                default: list.append(x)
                }
            }
        }
        for pos in 0...t.count {
            add(0, pos, into: &current)
            if current.contains(where: { if case .match = prog[$0] { return true }; return false }) { return true }
            guard pos < t.count else { break }
            var next: [Int] = []
            let c = t[pos]
            for pc in current {
                switch prog[pc] {
                case .char(let s): if s.contains(c) { add(pc + 1, pos + 1, into: &next) }
                case .any: if c != "\n" { add(pc + 1, pos + 1, into: &next) }
                default: break
                }
            }
            current = next
        }
        return false
    }
}
