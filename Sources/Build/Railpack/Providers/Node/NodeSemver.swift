/// A version as Masterminds/semver v3 `NewVersion` reads it: an optional `v`, one to three
/// numbers, an optional `-prerelease` and `+metadata`; missing numbers are 0. Railpack compares
/// pnpm versions with it (railpack:core/providers/node/package_manager.go usesPnpmBinSubdir, prunePnpm).
struct NodeSemver: Sendable, Equatable, Comparable {
    var major: Int
    var minor: Int
    var patch: Int
    var prerelease: String

    init?(_ text: String) {
        var rest = Substring(text)
        if rest.hasPrefix("v") { rest = rest.dropFirst() }
        if let plus = rest.firstIndex(of: "+") {
            let metadata = rest[rest.index(after: plus)...]
            guard Self.validIdentifiers(metadata) else { return nil }
            rest = rest[..<plus]
        }
        var pre = ""
        if let dash = rest.firstIndex(of: "-") {
            let tail = rest[rest.index(after: dash)...]
            guard Self.validIdentifiers(tail) else { return nil }
            pre = String(tail)
            rest = rest[..<dash]
        }
        let numbers = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(numbers.count) else { return nil }
        var values: [Int] = []
        for number in numbers {
            guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(number) else { return nil }
            values.append(value)
        }
        while values.count < 3 { values.append(0) }
        major = values[0]; minor = values[1]; patch = values[2]; prerelease = pre
    }

    init(_ major: Int, _ minor: Int, _ patch: Int) {
        self.major = major; self.minor = minor; self.patch = patch; prerelease = ""
    }

    private static func validIdentifiers(_ text: Substring) -> Bool {
        !text.isEmpty && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// Numbers first; then a release sorts after its prereleases, and prereleases compare
    /// identifier by identifier, numbers before words (semver.org §11).
    static func < (lhs: NodeSemver, rhs: NodeSemver) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        if lhs.prerelease == rhs.prerelease { return false }
        if lhs.prerelease.isEmpty { return false }
        if rhs.prerelease.isEmpty { return true }
        let left = lhs.prerelease.split(separator: "."), right = rhs.prerelease.split(separator: ".")
        for (a, b) in zip(left, right) where a != b {
            switch (Int(a), Int(b)) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a < b
            }
        }
        return left.count < right.count
    }
}
