extension RailpackPlan {
    /// A step input or deploy layer: an image, a step's output, the local build context, or a
    /// spread placeholder, optionally filtered (railpack:core/plan/layer.go Layer, filters.go Filter).
    public struct Layer: Sendable, Equatable {
        public var image = ""
        public var step = ""
        public var local = false
        public var spread = false
        public var include: [String] = []
        public var exclude: [String] = []

        public init(image: String = "", step: String = "", local: Bool = false, spread: Bool = false,
                    include: [String] = [], exclude: [String] = []) {
            self.image = image
            self.step = step
            self.local = local
            self.spread = spread
            self.include = include
            self.exclude = exclude
        }

        /// `NewStepLayer` (railpack:core/plan/layer.go).
        public static func step(_ name: String, include: [String] = [], exclude: [String] = []) -> Layer {
            Layer(step: name, include: include, exclude: exclude)
        }

        /// `NewImageLayer` (railpack:core/plan/layer.go).
        public static func image(_ name: String) -> Layer { Layer(image: name) }

        /// `NewLocalLayer`: the whole build context (railpack:core/plan/layer.go).
        public static var local: Layer { Layer(local: true, include: ["."]) }

        /// A layer naming nothing, which Normalize drops (railpack:core/plan/layer.go IsEmpty).
        public var isEmpty: Bool { step.isEmpty && image.isEmpty && !local && !spread }
    }
}
