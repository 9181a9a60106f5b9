/// The Caddyfile an SPA is served with unless the app has a Caddyfile.template or Caddyfile of its
/// own (railpack:core/providers/node/Caddyfile.template, a Go template over DIST_DIR and
/// IndexFallback). Upstream code, so only its marker is carried (RailpackEmbeddedFile).
enum NodeCaddyfile {
    static let template = RailpackEmbeddedFile.marker("core/providers/node/Caddyfile.template")
}
