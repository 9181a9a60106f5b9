/// Railpack's BuildPlan: the document `railpack plan` prints and BuildKit builds from
/// (railpack:core/plan/plan.go BuildPlan). railsim produces it so a prediction can be compared,
/// key for key, with what Railpack itself would generate for the same directory.
public struct RailpackPlan: Sendable, Equatable {
    /// Steps in generation order (railpack:core/plan/plan.go BuildPlan.Steps).
    public var steps: [Step] = []
    /// Named cache mounts that steps refer to by name (railpack:core/plan/plan.go BuildPlan.Caches).
    public var caches: [String: Cache] = [:]
    /// Build secrets, by name (railpack:core/plan/plan.go BuildPlan.Secrets).
    public var secrets: [String] = []
    public var deploy = Deploy()
    /// `.dockerignore` patterns then config `exclude` patterns (railpack:core/generate/context.go Generate).
    public var exclude: [String] = []

    public init() {}

    /// The step with this name, if the plan has one.
    public func step(named name: String) -> Step? { steps.first { $0.name == name } }
}

extension RailpackPlan {
    /// The final image's recipe (railpack:core/plan/plan.go Deploy).
    public struct Deploy: Sendable, Equatable {
        /// The layer the runtime image starts from.
        public var base = Layer()
        /// Layers copied on top of the base, in order.
        public var inputs: [Layer] = []
        /// Run as `bash -c <startCommand>` (railpack:buildkit/convert.go ConvertPlanToLLB).
        public var startCommand = ""
        public var variables: [String: String] = [:]
        /// Prepended to PATH in the image (railpack:buildkit/convert.go getImageEnv).
        public var paths: [String] = []

        public init() {}
    }

    /// A cache mount (railpack:core/plan/cache.go Cache).
    public struct Cache: Sendable, Equatable {
        public var directory: String
        /// `shared` or `locked` (railpack:core/plan/cache.go CacheTypeShared, CacheTypeLocked).
        public var type: String

        public init(directory: String, type: String = Cache.shared) {
            self.directory = directory
            self.type = type
        }

        public static let shared = "shared"  // railpack:core/plan/cache.go CacheTypeShared
        public static let locked = "locked"  // railpack:core/plan/cache.go CacheTypeLocked
    }
}
