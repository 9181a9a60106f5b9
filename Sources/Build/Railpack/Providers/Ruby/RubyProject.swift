import Foundation

/// What the Ruby provider reads from the app, with upstream's semantics: dependencies are
/// substring checks over the raw Gemfile and Gemfile.lock, Rails is `Rails::Application` in
/// config/application.rb, and versions come from line scans and one regular expression, not a
/// Gemfile parser (railpack:core/providers/ruby/ruby.go).
struct RubyProject: Sendable {
    let app: RailpackApp
    private let gemfile: String?
    private let gemfileLock: String?

    init(app: RailpackApp) {
        self.app = app
        gemfile = app.readFile("Gemfile")
        gemfileLock = app.readFile("Gemfile.lock")
    }

    /// The name anywhere in either file, so `pg` also matches `pg_search` or a comment
    /// (railpack:core/providers/ruby/ruby.go usesDep).
    func usesDependency(_ name: String) -> Bool {
        (gemfile?.contains(name) ?? false) || (gemfileLock?.contains(name) ?? false)
    }

    /// railpack:core/providers/ruby/ruby.go usesRails
    var usesRails: Bool { app.readFile("config/application.rb")?.contains("Rails::Application") ?? false }

    /// Sprockets or Propshaft; API-only Rails apps have neither (ruby.go usesAssetPipeline).
    var usesAssetPipeline: Bool { usesDependency("sprockets") || usesDependency("propshaft") }

    /// ruby.go usesPostgres
    var usesPostgres: Bool { usesDependency("pg") }

    /// ruby.go usesMysql
    var usesMysql: Bool { usesDependency("mysql") }

    /// The Ruby version from Gemfile.lock's `RUBY VERSION` section, read only when the Gemfile is
    /// readable. Upstream also runs a Gemfile pattern first, but it has a single capture group and
    /// the code asks for a second, so the Gemfile's `ruby "x.y.z"` line is never used
    /// (railpack:core/providers/ruby/ruby.go parseVersionFromGemfile, gemfileVersionRegex).
    var lockedRubyVersion: String? {
        guard gemfile != nil, let gemfileLock else { return nil }
        return Self.lockRubyVersion(in: gemfileLock)
    }

    /// The first match of `ruby (X.Y.Z)[^>]` where each part is `0` or has no leading zero, with
    /// RE2's leftmost-first choices: the last part gives back digits until a character other than
    /// `>` follows (railpack:core/providers/ruby/ruby.go gemfileLockVersionRegex).
    static func lockRubyVersion(in text: String) -> String? {
        let chars = Array(text.unicodeScalars)
        let prefix = Array("ruby ".unicodeScalars)
        func isDigit(_ index: Int) -> Bool { index < chars.count && chars[index].isASCII && ("0"..."9").contains(chars[index]) }
        /// The lengths a version part may take at `index`, preferred first: `0` alone, else the
        /// whole digit run and then shorter ones.
        func partLengths(_ index: Int) -> [Int] {
            guard isDigit(index) else { return [] }
            if chars[index] == "0" { return [1] }
            var end = index
            while isDigit(end) { end += 1 }
            return Array((1...(end - index)).reversed())
        }
        guard chars.count > prefix.count else { return nil }
        for start in 0...(chars.count - prefix.count) where Array(chars[start..<(start + prefix.count)]) == prefix {
            var index = start + prefix.count
            var matched = true
            for _ in 0..<2 {
                // A separating dot must follow, so only the longest run can work for the first two parts.
                guard let length = partLengths(index).first, index + length < chars.count, chars[index + length] == "." else {
                    matched = false
                    break
                }
                index += length + 1
            }
            guard matched else { continue }
            for length in partLengths(index) where index + length < chars.count && chars[index + length] != ">" {
                return String(String.UnicodeScalarView(chars[(start + prefix.count)..<(index + length)]))
            }
        }
        return nil
    }

    /// `bundler:<version>` from the line after `BUNDLED WITH` in Gemfile.lock, else `bundler`
    /// (railpack:core/providers/ruby/ruby.go parseBundlerVersionFromGemfile).
    var bundlerGem: String {
        guard let gemfileLock else { return "bundler" }
        var foundBundledWith = false
        for line in GoLineScanner.lines(gemfileLock) {
            if foundBundledWith { return "bundler:" + line.trimmingCharacters(in: .whitespacesAndNewlines) }
            if line.contains("BUNDLED WITH") { foundBundledWith = true }
        }
        return "bundler"
    }

    /// For each Gemfile line containing `path:`, the text after the first `path:`, trimmed and
    /// stripped of double quotes (single quotes stay, as upstream leaves them)
    /// (railpack:core/providers/ruby/ruby.go parseLocalPathsFromGemfile).
    var localGemPaths: [String] {
        guard let gemfile else { return [] }
        return GoLineScanner.lines(gemfile).compactMap { line in
            guard let range = line.range(of: "path:") else { return nil }
            var rest = line[range.upperBound...]
            if let next = rest.range(of: "path:") { rest = rest[..<next.lowerBound] }
            let trimmed = rest.trimmingCharacters(in: .whitespacesAndNewlines)
            return String(trimmed.drop { $0 == "\"" }.reversed().drop { $0 == "\"" }.reversed())
        }
    }
}
