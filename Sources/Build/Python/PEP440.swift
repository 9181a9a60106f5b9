/// PEP 440 version checks for specifier clauses (https://peps.python.org/pep-0440/#version-specifiers),
/// with the per-operator rules of `packaging.specifiers.Specifier`: `==`/`!=` allow a `.*` prefix match
/// or a local label, `~=` needs two release segments, ordered comparisons allow neither `.*` nor a local
/// label, and `===` takes any text without whitespace.
enum PEP440 {
    static func isValid(_ version: String, op: String) -> Bool {
        guard !version.isEmpty else { return false }
        if op == "===" { return true }
        let release = #"v?([0-9]+!)?[0-9]+(\.[0-9]+)*"#
        let releaseTwo = #"v?([0-9]+!)?[0-9]+(\.[0-9]+)+"#
        let pre = #"([-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?"#
        let post = #"(-[0-9]+|[-_.]?(post|rev|r)[-_.]?[0-9]*)?"#
        let dev = #"([-_.]?dev[-_.]?[0-9]*)?"#
        let local = #"(\+[a-z0-9]+([-_.][a-z0-9]+)*)?"#
        let pattern: String
        switch op {
        case "==", "!=":
            pattern = "(\(release)\\.\\*|\(release)\(pre)\(post)\(dev)\(local))"
        case "~=":
            pattern = releaseTwo + pre + post + dev
        default:
            pattern = release + pre + post + dev
        }
        guard let regex = try? Regex(pattern).ignoresCase() else { return false }
        return (try? regex.wholeMatch(in: version)) != nil
    }
}

/// A parsed PEP 440 version, enough to compare versions the way `packaging.version.Version` orders them
/// (https://peps.python.org/pep-0440/#summary-of-permitted-suffixes-and-relative-ordering). Used to
/// evaluate PEP 508 markers such as `python_version < "3.11"`.
struct PEP440Version: Sendable, Hashable, Comparable {
    var epoch: Int
    var release: [Int]
    /// Pre-release as (0 = a, 1 = b, 2 = rc, number).
    var pre: (Int, Int)?
    var post: Int?
    var dev: Int?
    var local: String?

    var isPrerelease: Bool { pre != nil || dev != nil }
    var isPostrelease: Bool { post != nil }
    var baseRelease: PEP440Version { PEP440Version(epoch: epoch, release: release, pre: nil, post: nil, dev: nil, local: nil) }

    static func == (a: PEP440Version, b: PEP440Version) -> Bool { a.key == b.key && a.local == b.local }
    func hash(into h: inout Hasher) { h.combine(key.0); h.combine(key.1); h.combine(local) }

    /// Parses the public forms packaging's `VERSION_PATTERN` accepts (case-insensitive, leading `v`,
    /// `-`/`_`/`.` separators, implicit numbers); nil if `text` is not a version.
    init?(_ text: String) {
        var s = Substring(text.lowercased().trimmedBlanks())
        if s.hasPrefix("v") { s = s.dropFirst() }
        if let plus = s.firstIndex(of: "+") {
            local = String(s[s.index(after: plus)...])
            guard let l = local, !l.isEmpty else { return nil }
            s = s[..<plus]
        } else { local = nil }
        epoch = 0
        if let bang = s.firstIndex(of: "!") {
            guard let e = Int(s[..<bang]) else { return nil }
            epoch = e
            s = s[s.index(after: bang)...]
        }
        // Release: digits separated by dots.
        var release: [Int] = []
        while true {
            let digits = s.prefix { $0.isASCII && $0.isNumber }
            guard let n = Int(digits) else { return nil }
            release.append(n)
            s = s.dropFirst(digits.count)
            if s.hasPrefix("."), let next = s.dropFirst().first, next.isASCII, next.isNumber { s = s.dropFirst(); continue }
            break
        }
        self.release = release
        pre = nil; post = nil; dev = nil
        func separator() { if let c = s.first, c == "." || c == "-" || c == "_" { s = s.dropFirst() } }
        func number() -> Int {
            var t = s
            if let c = t.first, c == "." || c == "-" || c == "_" { t = t.dropFirst() }
            let digits = t.prefix { $0.isASCII && $0.isNumber }
            guard let n = Int(digits) else { return 0 }
            s = t.dropFirst(digits.count)
            return n
        }
        // Pre-release.
        var probe = s
        if let c = probe.first, c == "." || c == "-" || c == "_" { probe = probe.dropFirst() }
        for (spelling, rank) in [("alpha", 0), ("beta", 1), ("preview", 2), ("pre", 2), ("rc", 2), ("a", 0), ("b", 1), ("c", 2)]
        where probe.hasPrefix(spelling) {
            s = probe.dropFirst(spelling.count)
            pre = (rank, number())
            break
        }
        // Post-release: `-N`, or `post`/`rev`/`r` with optional number.
        if s.hasPrefix("-"), let next = s.dropFirst().first, next.isASCII, next.isNumber {
            post = number()
        } else {
            probe = s
            if let c = probe.first, c == "." || c == "-" || c == "_" { probe = probe.dropFirst() }
            for spelling in ["post", "rev", "r"] where probe.hasPrefix(spelling) {
                s = probe.dropFirst(spelling.count)
                post = number()
                break
            }
        }
        probe = s
        if let c = probe.first, c == "." || c == "-" || c == "_" { probe = probe.dropFirst() }
        if probe.hasPrefix("dev") {
            s = probe.dropFirst(3)
            dev = number()
        }
        guard s.isEmpty else { return nil }
    }

    private init(epoch: Int, release: [Int], pre: (Int, Int)?, post: Int?, dev: Int?, local: String?) {
        self.epoch = epoch; self.release = release; self.pre = pre; self.post = post; self.dev = dev; self.local = local
    }

    /// packaging's `_cmpkey`: trailing zeros of the release dropped; a dev-only release sorts before its
    /// pre-releases, no pre-release sorts after them, no post-release before them, no dev release after.
    private var key: ([Int], [Int]) {
        var r = release
        while r.count > 1, r.last == 0 { r.removeLast() }
        let preKey: [Int] = pre.map { [$0.0, $0.1] } ?? (post == nil && dev != nil ? [Int.min, 0] : [Int.max, 0])
        return ([epoch] + r, preKey + [post ?? Int.min, dev ?? Int.max])
    }

    static func < (a: PEP440Version, b: PEP440Version) -> Bool {
        let (ka, kb) = (a.key, b.key)
        if ka.0 != kb.0 { return ka.0.lexicographicallyPrecedes(kb.0) }
        return ka.1.lexicographicallyPrecedes(kb.1)
    }

    /// `packaging.specifiers.Specifier(op + spec).contains(self, prereleases=True)`; nil when
    /// `op + spec` is not a valid specifier (then markers fall back to string comparison).
    static func specifierContains(_ candidate: String, op: String, spec: String) -> Bool? {
        if op == "===" { return candidate.lowercased() == spec.lowercased() }
        guard PEP440.isValid(spec, op: op) else { return nil }
        guard let v = PEP440Version(candidate) else { return false }
        if spec.hasSuffix(".*") {  // prefix match on the release (==, != only, as isValid checks)
            guard let prefix = PEP440Version(String(spec.dropLast(2))) else { return nil }
            let padded = v.release + Array(repeating: 0, count: max(0, prefix.release.count - v.release.count))
            let match = v.epoch == prefix.epoch && Array(padded.prefix(prefix.release.count)) == prefix.release
            return op == "==" ? match : !match
        }
        guard let s = PEP440Version(spec) else { return nil }
        // A specifier without a local label ignores the candidate's (PEP 440 "Version matching").
        let public_ = s.local == nil ? PEP440Version(epoch: v.epoch, release: v.release, pre: v.pre, post: v.post, dev: v.dev, local: nil) : v
        switch op {
        case "==": return public_ == s
        case "!=": return public_ != s
        case "<=": return public_ <= s
        case ">=": return public_ >= s
        case "<":  // excludes pre-releases of the same release unless the spec is one
            return public_ < s && !(!s.isPrerelease && v.isPrerelease && v.baseRelease == s.baseRelease)
        case ">":  // excludes post-releases and local versions of the same release
            return public_ > s && !(!s.isPostrelease && v.isPostrelease && v.baseRelease == s.baseRelease)
                && !(v.local != nil && v.baseRelease == s.baseRelease)
        case "~=":  // >= spec and == spec's release minus its last segment, .*
            let prefix = Array(s.release.dropLast())
            let padded = v.release + Array(repeating: 0, count: max(0, prefix.count - v.release.count))
            return public_ >= s && v.epoch == s.epoch && Array(padded.prefix(prefix.count)) == prefix
        default: return nil
        }
    }
}

private extension String {
    func trimmedBlanks() -> String {
        var sub = Substring(self)
        while let f = sub.first, f == " " || f == "\t" { sub = sub.dropFirst() }
        while let l = sub.last, l == " " || l == "\t" { sub = sub.dropLast() }
        return String(sub)
    }
}
