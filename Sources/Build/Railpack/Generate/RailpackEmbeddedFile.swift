/// Files Railpack embeds in its binary (`go:embed`) and writes into plans as step assets when the
/// app has no file of its own: the Caddyfile an SPA or static site is served with, PHP's Caddyfile,
/// php.ini and start script. They are upstream code, so railsim does not carry their text; the
/// plan gets a marker naming the file instead, and the conformance script
/// (scripts/railpack-conformance.py) compares those assets by name only. A file the app ships
/// (Caddyfile.template, php.ini, …) is rendered from the app's own bytes as Railpack does.
enum RailpackEmbeddedFile {
    /// The marker standing in for `path` (a path in railwayapp/railpack at `RailpackRelease.commit`).
    static func marker(_ path: String) -> String { "[railpack embedded file: \(path)]" }
}
