import Foundation

/// What the Elixir provider reads from mix.exs, with upstream's line and substring semantics
/// rather than an Elixir parser (railpack:core/providers/elixir/elixir.go).
enum ElixirMixFile {
    /// `FindFilesWithContent("mix.exs", regexp)` with a literal pattern such as `assets\.setup`:
    /// the root mix.exs contains the text (railpack:core/providers/elixir/elixir.go Install, Build).
    static func mentions(_ text: String, in app: RailpackApp) -> Bool {
        app.readFile("mix.exs")?.contains(text) ?? false
    }

    /// The release name from the first line containing `app: :`: the first `app:` removed, the
    /// text between the next two colons, stripped of `,'"` and spaces; "" without such a line
    /// (railpack:core/providers/elixir/elixir.go findBinName).
    static func releaseName(_ mixExs: String?) -> String {
        guard let mixExs else { return "" }
        for line in GoLineScanner.lines(mixExs) where line.contains("app: :") {
            var rest = line
            if let range = rest.range(of: "app:") { rest.removeSubrange(range) }
            let fields = rest.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count > 1 else { return "" }
            let quotes: Set<Character> = [",", "'", "\""]
            let trimmed = fields[1].drop { quotes.contains($0) }.reversed().drop { quotes.contains($0) }.reversed()
            return String(trimmed).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return ""
    }
}
