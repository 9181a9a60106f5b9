import Build
import Railway
import Runtime
import Snapshot

/// One alternative of an undocumented platform rule, simulated: would the deploy end differently
/// if Railway behaved that way? Lets a user see whether railsim's guess matters for their result.
public struct Exploration: Sendable, Equatable {
    public var assumption: String
    public var value: String
    public var outcome: Outcome
    /// The last line of the predicted failure (e.g. the exception), if any.
    public var failure: String?
    /// Whether outcome or failure differ from the baseline prediction.
    public var changesResult: Bool
}

extension Pipeline {
    /// Re-runs the pipeline once per alternative value of every assumption `baseline` depends on
    /// that the user can choose (`AssumptionCatalog`), keeping all other choices as they were.
    /// The set of assumptions is taken from the baseline, then from each alternative run in turn
    /// (an alternative can make a new assumption relevant), without repeating a (name, value).
    public static func explore(_ baseline: ServiceAssessment, settings: ServiceSettings, in snapshot: RepoSnapshot,
                               options: SimulationOptions) -> [Exploration] {
        func summary(_ assessment: ServiceAssessment) -> (Outcome, String?) {
            let failure = assessment.runtime.failure.map { $0.stderr.split(separator: "\n").last.map(String.init) ?? $0.message }
                ?? assessment.build.failure.map { $0.message }
            return (assessment.outcome, failure)
        }
        let base = summary(baseline)
        var results: [Exploration] = []
        var tried: Set<String> = []
        var queue = baseline.assumptions
        var index = 0
        while index < queue.count {
            let assumption = queue[index]
            index += 1
            guard let entry = AssumptionCatalog.entry(assumption.name) else { continue }
            for value in entry.values where value != assumption.value && tried.insert("\(entry.name)=\(value)").inserted {
                var alternative = options
                alternative.assumptionChoices[entry.name] = value
                guard let run = try? assess(settings, in: snapshot, options: alternative) else { continue }
                let result = summary(run)
                results.append(Exploration(assumption: entry.name, value: value, outcome: result.0, failure: result.1,
                                           changesResult: result.0 != base.0 || result.1 != base.1))
                queue += run.assumptions.filter { new in !queue.contains { $0.name == new.name } }
            }
        }
        return results
    }
}
