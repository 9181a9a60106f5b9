extension RailpackPlan {
    /// One build step: a filesystem made from its input layers, then its commands run in order
    /// (railpack:core/plan/step.go Step).
    public struct Step: Sendable, Equatable {
        public var name: String
        public var inputs: [Layer] = []
        public var commands: [Command] = []
        /// Secret names mounted into the step's commands; `*` means all of them.
        public var secrets: [String] = []
        /// Named file contents that `file` commands write (railpack:core/plan/step.go Step.Assets).
        public var assets: [String: String] = [:]
        /// Environment for the step and every step built on it (railpack:buildkit/build_llb/build_graph.go getNodeStartingState).
        public var variables: [String: String] = [:]
        /// Names of plan-level caches mounted into the step.
        public var caches: [String] = []

        /// A new step uses every secret unless told otherwise (railpack:core/plan/step.go NewStep).
        public init(name: String, secrets: [String] = ["*"]) {
            self.name = name
            self.secrets = secrets
        }
    }
}
