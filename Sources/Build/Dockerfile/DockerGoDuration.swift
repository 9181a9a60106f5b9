/// Go `time.ParseDuration`, needed because BuildKit validates HEALTHCHECK `--interval` & co. with it and
/// prints its error text (instructions/parse.go `parseOptInterval`).
enum DockerGoDuration {
    struct Failure: Error { var message: String }

    /// Nanoseconds.
    static func parse(_ orig: String) throws(Failure) -> Int64 {
        let invalid = Failure(message: BuildKitMessage.invalidDuration(quoted: quote(orig)))
        var s = Array(orig.utf8)[...]
        var neg = false
        if let c = s.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") { neg = c == UInt8(ascii: "-"); s = s.dropFirst() }
        if Array(s) == [UInt8(ascii: "0")] { return 0 }
        if s.isEmpty { throw invalid }
        var total: UInt64 = 0
        let units: [String: UInt64] = ["ns": 1, "us": 1_000, "µs": 1_000, "μs": 1_000, "ms": 1_000_000, "s": 1_000_000_000,
                                       "m": 60_000_000_000, "h": 3_600_000_000_000]
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        while !s.isEmpty {
            guard let c0 = s.first, c0 == UInt8(ascii: ".") || isDigit(c0) else { throw invalid }
            var v: UInt64 = 0
            var pre = false
            while let c = s.first, isDigit(c) {
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(UInt64(c - 0x30))
                if o1 || o2 || a > UInt64(1) << 63 { throw invalid }
                v = a; pre = true; s = s.dropFirst()
            }
            var f: UInt64 = 0
            var scale: Double = 1
            var post = false
            if s.first == UInt8(ascii: ".") {
                s = s.dropFirst()
                var overflow = false
                while let c = s.first, isDigit(c) {
                    post = true
                    if !overflow {
                        if f > (UInt64(1) << 63 - 1) / 10 { overflow = true } else {
                            f = f * 10 + UInt64(c - 0x30); scale *= 10
                        }
                    }
                    s = s.dropFirst()
                }
            }
            if !pre && !post { throw invalid }
            var i = s.startIndex
            while i < s.endIndex, s[i] != UInt8(ascii: "."), !isDigit(s[i]) { i += 1 }
            if i == s.startIndex {
                throw Failure(message: BuildKitMessage.missingDurationUnit(quoted: quote(orig)))
            }
            let u = String(decoding: s[s.startIndex..<i], as: UTF8.self)
            s = s[i...]
            guard let unit = units[u] else {
                throw Failure(message: BuildKitMessage.unknownDurationUnit(quotedUnit: quote(u), quoted: quote(orig)))
            }
            let (vu, o) = v.multipliedReportingOverflow(by: unit)
            if o || vu > UInt64(1) << 63 { throw invalid }
            var sum = vu
            if f > 0 {
                sum += UInt64(Double(f) * (Double(unit) / scale))
                if sum > UInt64(1) << 63 { throw invalid }
            }
            let (t, o3) = total.addingReportingOverflow(sum)
            if o3 || t > UInt64(1) << 63 { throw invalid }
            total = t
        }
        if neg { return total == UInt64(1) << 63 ? Int64.min : -Int64(total) }
        if total > UInt64(Int64.max) { throw invalid }
        return Int64(total)
    }

    /// Go time.quote: double quotes, `"` and `\` escaped, non-printable ASCII as \x.
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            if c == "\"" || c == "\\" { out += "\\" + String(c) } else if c.value < 0x20 || c.value == 0x7F {
                out += "\\x" + (c.value < 0x10 ? "0" : "") + String(c.value, radix: 16)
            } else { out.unicodeScalars.append(c) }
        }
        return out + "\""
    }
}
