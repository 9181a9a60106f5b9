import Foundation
import Snapshot

/// The regular expressions Nixpacks itself matches against files, cited as facts and translated
/// from Rust's `regex` crate to ICU so the observable matching stays the same: Rust's `.` is any
/// character but `\n` (ICU's also stops at `\r`, U+0085, U+2028 and U+2029), so it becomes
/// `[^\n]`; Rust's Unicode `\s` is the White_Space property; `$` without multi-line is `\z`.
/// These define Nixpacks' behaviour, which is why they are regexes and not parsers.
enum NixpacksPatterns {
    /// nixpacks:src/providers/deno.rs detect: `import .+ from (?:"|'|`)https://deno.land/[^"`']+\.(?:ts|js|tsx|jsx)(?:"|'|`);?`
    static let denoImport = compile(#"import [^\n]+ from (?:"|'|`)https://deno[^\n]land/[^"`']+\.(?:ts|js|tsx|jsx)(?:"|'|`);?"#)
    /// nixpacks:src/providers/lunatic.rs detect: `runner\s*=\s*"lunatic"`
    static let lunaticRunner = compile(#"runner[\p{White_Space}]*=[\p{White_Space}]*"lunatic""#)
    /// nixpacks:src/providers/python.rs is_using_postgres: `django.db.backends.postgresql`
    static let djangoPostgres = compile(#"django[^\n]db[^\n]backends[^\n]postgresql"#)
    /// nixpacks:src/providers/python.rs is_using_mysql: `django\.db\.backends\.mysql|django_psdb_engine`
    static let djangoMySQL = compile(#"django\.db\.backends\.mysql|django_psdb_engine"#)
    /// nixpacks:src/providers/python.rs get_django_app_name: `WSGI_APPLICATION = ["|'](.*).application["|']`
    static let wsgiApplication = compile(#"WSGI_APPLICATION = ["|']([^\n]*)[^\n]application["|']"#)
    /// nixpacks:src/providers/python.rs parse_pipfile_python_version: `(python_version|python_full_version) = ['|"]([0-9|.]*)`
    static let pipfilePythonVersion = compile(#"(python_version|python_full_version) = ['|"]([0-9|.]*)"#)
    /// nixpacks:src/providers/python.rs get_nix_python_package: `^(?:[\sa-zA-Z-"']*)(\d*)(?:\.*)(\d*)(?:\.*\d*)(?:["']?)$`
    static let pythonVersion = compile(#"\A(?:[\p{White_Space}a-zA-Z\-"']*)(\d*)(?:\.*)(\d*)(?:\.*\d*)(?:["']?)\z"#)

    private static func compile(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern)
    }

    /// Whether the pattern matches anywhere in `text` (regex `is_match` / `find`).
    static func matches(_ pattern: NSRegularExpression?, _ text: String) -> Bool {
        guard let pattern else { return false }
        return pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The capture groups of the leftmost match (regex `captures`); a group that took part but
    /// matched nothing is "", one that did not take part is nil.
    static func captures(_ pattern: NSRegularExpression?, _ text: String) -> [String?]? {
        guard let pattern, let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: text).map { String(text[$0]) }
        }
    }

    /// app.rs `find_match`: the files in walk order, each read in full (a non-UTF-8 file fails the
    /// plan), stopping at the first that matches. `literal` is a substring every match contains:
    /// checking it first keeps ICU's backtracking off files that cannot match (Rust's regex crate
    /// runs in linear time; a long minified line would not).
    static func anyFile(_ files: [RepoPath], in app: NixpacksApp, matches pattern: NSRegularExpression?,
                        containing literal: String) throws(NixpacksPlanError) -> Bool {
        for file in files {
            let text = try app.readFile(at: file)
            if NixpacksText.contains(text, literal) && matches(pattern, text) { return true }
        }
        return false
    }
}
