import Build

/// How much of a prediction rests on steps railsim does not model. A RUN line it cannot read, a
/// base image it has no layout for, or a distribution whose dependencies it does not know can each
/// add or change files in the image, so a result built past them is reported as reduced, with the
/// reasons, rather than presented as certain.
public struct Confidence: Sendable, Equatable, Codable {
    public enum Level: String, Sendable, Codable { case full, reduced }

    public var level: Level
    /// One line per unmodelled step, in the order the build met them ("Dockerfile:5: RUN `./setup.sh` is not modelled").
    public var reasons: [String]

    public init(build: BuildResult) {
        var reasons: [String] = []
        for note in build.notes {
            switch note {
            case .runNotModelled(let command, let location):
                reasons.append("\(location): `\(command)` is not modelled")
            case .unknownBaseImage(let image, let location):
                reasons.append("\(location): the base image `\(image)` is not in railsim's catalogue")
            case .dependenciesUnknown(let distribution, let location):
                reasons.append("\(location.map { "\($0): " } ?? "")the dependencies of `\(distribution)` are unknown")
            case .requirementNotModelled(let text, let location):
                reasons.append("\(location): requirement `\(text)` is not modelled")
            default:
                continue
            }
        }
        self.reasons = reasons
        self.level = reasons.isEmpty ? .full : .reduced
    }
}

extension ServiceAssessment {
    public var confidence: Confidence { Confidence(build: build) }
}
