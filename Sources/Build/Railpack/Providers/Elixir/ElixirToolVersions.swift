import Foundation

/// Which Elixir and Erlang mise installs (railpack:core/providers/elixir/elixir.go
/// InstallMisePackages). A later `setVersion` wins, so for Elixir: mise files in the app, then
/// RAILPACK_ELIXIR_VERSION, .elixir-version, mix.exs, the 1.18 default; for Erlang: mise files,
/// RAILPACK_ERLANG_VERSION, .erlang-version, the OTP release paired with the Elixir version, 27.3.
///
/// Upstream pairs Erlang with the Elixir release mise resolves (e.g. `1.18.4-otp-27`, whose
/// `-otp-` suffix then names the OTP major). railsim cannot ask mise offline, so it pairs with
/// the requested Elixir version through the compatibility table only; the generated mise config
/// is the only place this shows.
enum ElixirToolVersions {
    // railpack:core/providers/elixir/elixir.go DEFAULT_ELIXIR_VERSION, DEFAULT_ERLANG_VERSION
    static let defaultElixirVersion = "1.18"
    static let defaultErlangVersion = "27.3"

    static func install(_ ctx: inout RailpackGenerateContext) {
        let elixir = ctx.defaultMisePackage("elixir", defaultElixirVersion)
        if let requirement = mixElixirRequirement(ctx.app.readFile("mix.exs")) {
            let version = RailpackSemverText.extract(requirement)
            if !version.isEmpty { ctx.setVersion(elixir, version, source: "mix.exs") }
        }
        if let file = ctx.app.readFile(".elixir-version") {
            ctx.setVersion(elixir, file.trimmingCharacters(in: .whitespacesAndNewlines), source: ".elixir-version")
        }
        let (elixirEnv, elixirVariable) = ctx.env.configVariable("ELIXIR_VERSION")
        if !elixirEnv.isEmpty { ctx.setVersion(elixir, elixirEnv, source: elixirVariable) }

        let erlang = ctx.defaultMisePackage("erlang", defaultErlangVersion)
        let elixirVersion = ctx.resolver.resolved()["elixir"]?.resolvedVersion ?? defaultElixirVersion
        if let semver = RailpackSemverText.parse(RailpackSemverText.extract(elixirVersion)) {
            ctx.setVersion(erlang, compatibleErlang("\(semver.major).\(semver.minor)"), source: "default compatible OTP version")
        }
        if let range = elixirVersion.range(of: "-otp-") {
            let otp = RailpackSemverText.extract(String(elixirVersion[range.upperBound...]).components(separatedBy: "-otp-")[0])
            if RailpackSemverText.parse(otp) != nil { ctx.setVersion(erlang, otp, source: "resolved compatible OTP version") }
        }
        if let file = ctx.app.readFile(".erlang-version") {
            ctx.setVersion(erlang, file.trimmingCharacters(in: .whitespacesAndNewlines), source: ".erlang-version")
        }
        let (erlangEnv, erlangVariable) = ctx.env.configVariable("ERLANG_VERSION")
        if !erlangEnv.isEmpty { ctx.setVersion(erlang, erlangEnv, source: erlangVariable) }

        ctx.useMiseVersions(["elixir", "erlang"])
    }

    /// The second group of `(elixir:[\s].*[> ])([\w|\.]*)` at its leftmost match: after an
    /// `elixir:` and one whitespace character, the run of word characters, `|` and `.` that follows
    /// the last `>` or space on that line (the greedy `.*` stops at a newline)
    /// (railpack:core/providers/elixir/elixir.go elixirVersionRegex).
    static func mixElixirRequirement(_ mixExs: String?) -> String? {
        guard let mixExs else { return nil }
        let chars = Array(mixExs.unicodeScalars)
        let marker = Array("elixir:".unicodeScalars)
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\u{0C}" || c == "\r" }
        func isWord(_ c: Unicode.Scalar) -> Bool {
            c.isASCII && (CharacterSet.alphanumerics.contains(c) || c == "_" || c == "|" || c == ".")
        }
        var start = 0
        while start + marker.count < chars.count {
            defer { start += 1 }
            guard Array(chars[start..<(start + marker.count)]) == marker, isSpace(chars[start + marker.count]) else { continue }
            // `.*` covers the rest of the line after the whitespace; the last `>` or space wins.
            let lineStart = start + marker.count + 1
            var lineEnd = lineStart
            while lineEnd < chars.count, chars[lineEnd] != "\n" { lineEnd += 1 }
            guard let anchor = (lineStart..<lineEnd).last(where: { chars[$0] == ">" || chars[$0] == " " }) else { continue }
            var end = anchor + 1
            while end < chars.count, isWord(chars[end]) { end += 1 }
            return String(String.UnicodeScalarView(chars[(anchor + 1)..<end]))
        }
        return nil
    }

    /// The OTP major each Elixir minor is paired with, else 27.3
    /// (railpack:core/providers/elixir/elixir.go getCompatibleErlangVersion; hexdocs compatibility table).
    static func compatibleErlang(_ minor: String) -> String {
        switch minor {
        case "1.0", "1.1": return "18"
        case "1.2", "1.3": return "19"
        case "1.4", "1.5": return "20"
        case "1.6": return "21"
        case "1.7", "1.8", "1.9": return "22"
        case "1.10": return "23"
        case "1.11", "1.12": return "24"
        case "1.13": return "25"
        case "1.14", "1.15", "1.16": return "26"
        case "1.17", "1.18": return "27"
        case "1.19": return "28"
        case "1.20": return "29"
        default: return defaultErlangVersion
        }
    }
}
