/// One glob compiled into steps, with git's `wildmatch` meaning under `WM_PATHNAME`
/// (git:wildmatch.c `dowild`). Railway documents watch paths as gitignore-style patterns and links
/// git's own pattern format (docs:content/docs/builds/build-configuration.md), so git is the
/// reference. Matching runs a small NFA over the UTF-8 bytes: the work is bounded by
/// pattern length × path length and nothing recurses, whatever the pattern.
struct GlobProgram: Sendable, Equatable {
    enum Step: Sendable, Equatable {
        case byte(UInt8)
        /// `?`: any byte but `/`.
        case anyButSlash
        /// `[...]`: never matches `/` (wildmatch.c, end of the `[` case).
        case set(ByteClass)
        /// `*`, and `**` that is not a whole path segment: a run of bytes without `/`.
        case starInSegment
        /// A segment-level `**` at the end, or before an escaped `\/`: any run of bytes.
        case starAcross
        /// `**/` is two steps. This one consumes nothing: it either skips the whole `**/` (no
        /// directory) or enters `directoryRun`.
        case directories
        /// Inside `**/`: any bytes, left only through a `/` (so `**/bar` never matches `foobar`).
        case directoryRun
    }

    /// Why a pattern can never match: wildmatch returns `WM_ABORT_ALL` as soon as it reaches the
    /// broken part, and every match has to get past it.
    enum Defect: Error, Sendable, Equatable, CustomStringConvertible {
        case unterminatedClass
        case unknownClassName(String)
        case trailingBackslash

        var description: String {
            switch self {
            case .unterminatedClass: return "a `[` class is never closed"
            case .unknownClassName(let name): return "`[:\(name):]` is not a character class"
            case .trailingBackslash: return "the pattern ends in a lone `\\`"
            }
        }
    }

    let steps: [Step]
    let defect: Defect?
    /// A `**` that is not a whole segment (`**.js`, `foo**`): git reads it as `*`.
    let hasInnerDoubleStar: Bool

    /// Compiles `pattern`. `**` counts as a segment wildcard only at the start of `pattern` or
    /// after `/`, and only before the end, `/` or `\/` (wildmatch.c, `case '*'`). Callers pass
    /// what git passes: for path patterns, what follows the literal prefix (git:dir.c
    /// `match_pathname`), which is why `foo**/bar` matches `foox/y/bar` in git.
    init(_ pattern: [UInt8]) {
        var steps: [Step] = []
        var defect: Defect?
        var inner = false
        var i = 0
        let n = pattern.count
        scan: while i < n {
            let c = pattern[i]
            switch c {
            case UInt8(ascii: "\\"):
                guard i + 1 < n else { defect = .trailingBackslash; break scan }
                steps.append(.byte(pattern[i + 1]))
                i += 2
            case UInt8(ascii: "?"):
                steps.append(.anyButSlash)
                i += 1
            case UInt8(ascii: "*"):
                var end = i
                while end < n, pattern[end] == UInt8(ascii: "*") { end += 1 }
                let run = end - i
                if run == 1 {
                    steps.append(.starInSegment)
                } else {
                    let startsSegment = i == 0 || pattern[i - 1] == UInt8(ascii: "/")
                    let next: UInt8? = end < n ? pattern[end] : nil
                    let escapedSlash = next == UInt8(ascii: "\\") && end + 1 < n && pattern[end + 1] == UInt8(ascii: "/")
                    if startsSegment && next == nil {
                        steps.append(.starAcross)
                    } else if startsSegment && next == UInt8(ascii: "/") {
                        steps.append(.directories)
                        steps.append(.directoryRun)
                        end += 1
                    } else if startsSegment && escapedSlash {
                        steps.append(.starAcross)
                    } else {
                        inner = true
                        steps.append(.starInSegment)
                    }
                }
                i = end
            case UInt8(ascii: "["):
                switch ByteClass.parse(pattern, openingAt: i) {
                case .success(let parsed):
                    steps.append(.set(parsed.set))
                    i = parsed.next
                case .failure(let problem):
                    defect = problem
                    break scan
                }
            default:
                steps.append(.byte(c))
                i += 1
            }
        }
        self.steps = steps
        self.defect = defect
        self.hasInnerDoubleStar = inner
    }

    /// Whether the whole of `text` matches.
    func matches<Text: Collection>(_ text: Text) -> Bool where Text.Element == UInt8 {
        if defect != nil { return false }
        let count = steps.count
        var active = [Bool](repeating: false, count: count + 1)
        active[0] = true
        close(&active)
        for byte in text {
            var next = [Bool](repeating: false, count: count + 1)
            var any = false
            for state in 0..<count where active[state] {
                switch steps[state] {
                case .byte(let expected):
                    if byte == expected { next[state + 1] = true }
                case .anyButSlash:
                    if byte != slash { next[state + 1] = true }
                case .set(let set):
                    if byte != slash && set.matches(byte) { next[state + 1] = true }
                case .starInSegment:
                    if byte != slash { next[state] = true }
                case .starAcross:
                    next[state] = true
                case .directories:
                    break
                case .directoryRun:
                    next[state] = true
                    if byte == slash { next[state + 1] = true }
                }
            }
            close(&next)
            for flag in next where flag { any = true; break }
            if !any { return false }
            active = next
        }
        return active[count]
    }

    /// The stars may match nothing: their states also stand for the state after them, and `**/`
    /// may be skipped whole. Epsilon moves only go forward, so one pass in order is the whole closure.
    private func close(_ states: inout [Bool]) {
        for state in 0..<steps.count where states[state] {
            switch steps[state] {
            case .starInSegment, .starAcross: states[state + 1] = true
            case .directories:
                states[state + 1] = true
                states[state + 2] = true
            default: break
            }
        }
    }

    private var slash: UInt8 { UInt8(ascii: "/") }
}
