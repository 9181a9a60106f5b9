import Foundation

/// What mise reports for a Ruby pinned as a bare major in a mise file. Railpack copies mise's
/// answer (`mise list --current`, the resolved release) into the requested version
/// (railpack:core/generate/mise_step_builder.go UseMiseVersions), and the Ruby provider then
/// decides on Rust from it (railpack:core/providers/ruby/ruby.go InstallMisePackages). railsim
/// cannot ask mise, so it uses the newest minor of each release line at the emulated Railpack
/// commit (2026-08): 2.7 ended the 2.x line, 3.4 the 3.x line (Ruby 4.0 followed on 2025-12-25,
/// and no 4.1 is out before the December after). Ranges with a minor keep it, so only a bare
/// major changes the outcome (railpack examples/ruby-3-precompiled pins `ruby = "3"`).
enum RubyReleaseLines {
    static let newestMinor: [String: String] = ["2": "2.7", "3": "3.4", "4": "4.0"]

    static func miseResolved(_ requested: String) -> String {
        newestMinor[requested.trimmingCharacters(in: .whitespaces)] ?? requested
    }
}
