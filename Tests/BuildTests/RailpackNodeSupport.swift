import Snapshot
import TestSupport
@testable import Build

/// Plans a fixture under fixtures/railpack/ (or an in-memory app) the way Railpack's snapshot
/// tests do: no CLI options and the version "dev" (railpack:core/core_test.go).
enum NodePlanning {
    static func fixture(_ name: String, variables: [String: String] = [:]) throws -> RailpackPlanResult {
        let snapshot = try DirectorySnapshot.load(RepoLocations.fixtures.appendingPathComponent("railpack/" + name).path)
        return RailpackPlanner.generate(RailpackPlanRequest(snapshot: snapshot, environment: RailpackEnvironment(variables), railpackVersion: "dev"))
    }

    static func memory(_ files: [String: String], variables: [String: String] = [:], startCommand: String? = nil) -> RailpackPlanResult {
        RailpackPlanner.generate(RailpackPlanRequest(snapshot: .inMemory(files), environment: RailpackEnvironment(variables),
                                                     startCommand: startCommand, railpackVersion: "dev", errorMissingStartCommand: false))
    }

    /// The exec command lines of a step, in order.
    static func execs(_ plan: RailpackPlan?, _ step: String) -> [String] {
        (plan?.step(named: step)?.commands ?? []).compactMap { if case .exec(let cmd, _) = $0 { return cmd } else { return nil } }
    }

    /// Every command of a step in a compact form: `$ cmd`, `PATH dir`, `COPY src`, `FILE path`.
    static func commands(_ plan: RailpackPlan?, _ step: String) -> [String] {
        (plan?.step(named: step)?.commands ?? []).map { command in
            switch command {
            case .exec(let cmd, _): return "$ " + cmd
            case .path(let path): return "PATH " + path
            case .copy(let src, _, _): return "COPY " + src
            case .file(let path, _, _, _): return "FILE " + path
            }
        }
    }

    static let nodeVariables = ["NODE_ENV": "production", "NPM_CONFIG_PRODUCTION": "false", "NPM_CONFIG_UPDATE_NOTIFIER": "false",
                                "NPM_CONFIG_FUND": "false", "NPM_CONFIG_FETCH_RETRIES": "5", "CI": "true"]
    static let miseLayer = RailpackPlan.Layer.step("packages:mise", include: MiseStepBuilder.outputPaths)
}
