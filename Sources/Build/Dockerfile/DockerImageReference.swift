/// Whether a FROM word is an image reference `docker pull` accepts: distribution/reference
/// `ParseNormalizedNamed` (vendored in BuildKit, normalize.go and regexp.go), written out by hand
/// because railsim's regex engine covers only what .dockerignore patterns need. Used by the
/// InvalidDefaultArgInFrom check.
enum DockerImageReference {
    static func isValid(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        // normalize.go: a 64-hex identifier is refused
        if bytes.count == 64, bytes.allSatisfy({ isLowerHex($0) }) { return false }
        // normalize.go splitDockerDomain
        var domain = "docker.io"
        var remainder = s
        if let slash = s.firstIndex(of: "/") {
            let maybeDomain = String(s[..<slash])
            let maybeRemote = String(s[s.index(after: slash)...])
            if maybeDomain == "localhost" || maybeDomain.contains(".") || maybeDomain.contains(":") || maybeDomain.lowercased() != maybeDomain {
                domain = maybeDomain
                remainder = maybeRemote
            } else if maybeDomain == "index.docker.io" {
                remainder = maybeRemote
            }
        } else {
            remainder = "library/" + s
        }
        let remote = remainder.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? remainder
        if remote.lowercased() != remote { return false }
        return matchesReference(domain + "/" + remainder)
    }

    /// regexp.go `ReferenceRegexp`: name[:tag][@digest]; the name is `[domain/]component(/component)*`.
    static func matchesReference(_ s: String) -> Bool {
        var rest = Substring(s)
        if let at = rest.firstIndex(of: "@") {
            guard isDigest(rest[rest.index(after: at)...]) else { return false }
            rest = rest[..<at]
        }
        // The tag follows the last ':' after the last '/'; a ':' before it belongs to the domain's port.
        let lastSlash = rest.lastIndex(of: "/") ?? rest.startIndex
        if let colon = rest[lastSlash...].lastIndex(of: ":") {
            guard isTag(rest[rest.index(after: colon)...]) else { return false }
            rest = rest[..<colon]
        }
        let components = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = components.first else { return false }
        // Either everything is path components, or the first is a domain with optional port.
        let allPath = components.allSatisfy(isPathComponent)
        let domainFirst = components.count > 1 && isDomainAndPort(first) && components.dropFirst().allSatisfy(isPathComponent)
        guard allPath || domainFirst else { return false }
        // reference.go: the path (name without domain) at most 255 bytes
        let path = domainFirst ? components.dropFirst().joined(separator: "/") : components.joined(separator: "/")
        return path.utf8.count <= 255
    }

    static func isLowerHex(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) }
    static func isLowerAlnum(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) }
    static func isAlnum(_ c: UInt8) -> Bool { isLowerAlnum(c) || (c >= 0x41 && c <= 0x5A) }
    static func isWord(_ c: UInt8) -> Bool { isAlnum(c) || c == UInt8(ascii: "_") }

    /// `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`
    static func isPathComponent(_ s: Substring) -> Bool {
        let b = Array(s.utf8)
        guard let first = b.first, let last = b.last, isLowerAlnum(first), isLowerAlnum(last) else { return false }
        var i = 0
        while i < b.count {
            if isLowerAlnum(b[i]) { i += 1; continue }
            // a separator: ".", "_", "__" or a run of "-"
            var j = i
            if b[i] == UInt8(ascii: ".") { j += 1 } else if b[i] == UInt8(ascii: "_") {
                j += 1
                if j < b.count, b[j] == UInt8(ascii: "_") { j += 1 }
            } else if b[i] == UInt8(ascii: "-") {
                while j < b.count, b[j] == UInt8(ascii: "-") { j += 1 }
            } else { return false }
            guard j < b.count, isLowerAlnum(b[j]) else { return false }
            i = j
        }
        return true
    }

    /// `host(:port)?` with host a dotted name of `[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?` labels or `[ipv6]`.
    static func isDomainAndPort(_ s: Substring) -> Bool {
        var host = s
        if s.hasPrefix("[") {
            guard let close = s.firstIndex(of: "]") else { return false }
            let inner = s[s.index(after: s.startIndex)..<close]
            guard !inner.isEmpty, inner.utf8.allSatisfy({ isLowerHex($0) || ($0 >= 0x41 && $0 <= 0x46) || $0 == UInt8(ascii: ":") }) else { return false }
            let after = s[s.index(after: close)...]
            return after.isEmpty || isPort(after)
        }
        if let colon = s.firstIndex(of: ":") {
            guard isPort(s[colon...]) else { return false }
            host = s[..<colon]
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return !labels.isEmpty && labels.allSatisfy { label in
            let b = Array(label.utf8)
            guard let f = b.first, let l = b.last, isAlnum(f), isAlnum(l) else { return false }
            return b.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") }
        }
    }

    /// `:[0-9]+`
    static func isPort(_ s: Substring) -> Bool {
        let b = Array(s.utf8)
        return b.count > 1 && b[0] == UInt8(ascii: ":") && b.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// `[\w][\w.-]{0,127}`
    static func isTag(_ s: Substring) -> Bool {
        let b = Array(s.utf8)
        guard let first = b.first, isWord(first), b.count <= 128 else { return false }
        return b.allSatisfy { isWord($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    /// `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}`, then go-digest's length
    /// check for the algorithms it knows.
    static func isDigest(_ s: Substring) -> Bool {
        guard let colon = s.firstIndex(of: ":") else { return false }
        let algorithm = s[..<colon], hex = Array(s[s.index(after: colon)...].utf8)
        let parts = algorithm.split(omittingEmptySubsequences: false) { "-_+.".contains($0) }
        guard parts.allSatisfy({ part in
            let b = Array(part.utf8)
            guard let f = b.first, (f >= 0x41 && f <= 0x5A) || (f >= 0x61 && f <= 0x7A) else { return false }
            return b.allSatisfy(isAlnum)
        }) else { return false }
        guard hex.count >= 32, hex.allSatisfy({ isLowerHex($0) || ($0 >= 0x41 && $0 <= 0x46) }) else { return false }
        switch algorithm {
        case "sha256": return hex.count == 64 && hex.allSatisfy(isLowerHex)
        case "sha384": return hex.count == 96 && hex.allSatisfy(isLowerHex)
        case "sha512": return hex.count == 128 && hex.allSatisfy(isLowerHex)
        default: return false  // go-digest: unsupported digest algorithm
        }
    }
}
