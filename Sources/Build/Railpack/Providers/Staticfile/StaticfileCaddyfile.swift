/// The Caddyfile a static site is served with unless the app has its own
/// (railpack:core/providers/staticfile/Caddyfile.template, a Go template over StaticFileRoot and
/// IndexFallback). Upstream code, so only its marker is carried (RailpackEmbeddedFile).
enum StaticfileCaddyfile {
    static let template = RailpackEmbeddedFile.marker("core/providers/staticfile/Caddyfile.template")
}
