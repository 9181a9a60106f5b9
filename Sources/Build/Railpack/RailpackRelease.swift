/// Which Railpack railsim emulates, in one place: every image tag and the version baked into
/// plans derive from these, so moving to a newer Railpack is one edit plus a conformance run.
public enum RailpackRelease {
    /// The docs changelog head at the emulated commit (railpack.md sources: b5e8058, docs v0.36.4).
    public static let version = "0.36.4"
    /// The railpack commit whose source railsim follows (railwayapp/railpack b5e805800e67, 2026-08-18).
    public static let commit = "b5e8058"
    /// The mise release Railpack pins (railpack:core/mise/version.txt).
    public static let miseVersion = "2026.8.6"
    /// Build steps start from this image (railpack:core/generate/mise_step_builder.go RailpackBuilderImage).
    public static let builderImage = "ghcr.io/railwayapp/railpack-builder:mise-\(miseVersion)"
    /// The deploy base unless runtime apt packages are needed (railpack:core/plan/plan.go RailpackRuntimeImage).
    public static let runtimeImage = "ghcr.io/railwayapp/railpack-runtime:mise-\(miseVersion)"
}
