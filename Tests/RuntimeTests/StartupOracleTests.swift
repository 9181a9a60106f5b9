import Findings
import Foundation
import Railway
import Runtime
import Snapshot
import Testing
import TestSupport

/// A seeded differential test of the Runtime stage: generated repositories go through railsim's
/// pipeline and through the real CPython 3.8–3.13 (via `CPythonOracle`), and the two must agree on
/// crash vs. start, exit code, stderr and sys.path.
///
/// `RAILSIM_ORACLE_CASES` sets the number of cases (default 510), `RAILSIM_ORACLE_SEED` the seed,
/// `RAILSIM_ORACLE_REPORT` a file to receive every disagreement.
@Suite("Start-up simulation agrees with real CPython")
struct StartupOracleTests {
    static let minors = Array(8...13)

    @Test("seeded repositories: railsim vs CPython")
    func differential() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["RAILSIM_ORACLE_CASES"].flatMap { Int($0) } ?? 510
        let seed = environment["RAILSIM_ORACLE_SEED"].flatMap { UInt64($0) } ?? 0x5241_494C_5349_4D
        var available: [Int] = []
        var patches: [Int: Int] = [:]
        for minor in Self.minors {
            guard let interpreter = HostPython.interpreter(minor: minor) else {
                print("runtime oracle: CPython 3.\(minor) is not installed; its cases are skipped")
                continue
            }
            available.append(minor)
            if let patch = StartupOracleRunner.patch(of: interpreter) { patches[minor] = patch }
        }
        guard !available.isEmpty else {
            print("runtime oracle: no CPython 3.8–3.13 installed; skipped")
            return
        }
        var generator = StartupOracleGenerator(seed: seed, hostPatches: patches)
        let cases = (0..<count).map { generator.make(index: $0, minor: available[$0 % available.count]) }
        let outcomes = StartupOracleRunner.run(cases, workers: 4)

        var agreeing: [Int: Int] = [:]
        var inexact: [String: Int] = [:]
        var sysPaths = 0
        var disagreements: [String] = []
        for outcome in outcomes {
            switch outcome.verdict {
            case .agree(let approximation, let sysPathCompared):
                agreeing[outcome.testCase.minor, default: 0] += 1
                if let approximation { inexact["\(outcome.testCase.kind): \(approximation)", default: 0] += 1 }
                if sysPathCompared { sysPaths += 1 }
            case .disagree(let why):
                disagreements.append(StartupOracleRunner.describe(outcome.testCase, why: why))
            }
        }
        let perVersion = available.map { "3.\($0): \(agreeing[$0, default: 0])" }.joined(separator: ", ")
        let total = agreeing.values.reduce(0, +)
        // The only text railsim may leave approximate here: runpy's line numbers for an image whose
        // Python patch release is not installed on this machine (the oracle runs another patch).
        let otherPatch = "runpy's frames are recorded for other patch releases"
        let crossPatch = inexact.filter { $0.key.contains(otherPatch) }.values.reduce(0, +)
        let unexplained = inexact.filter { !$0.key.contains(otherPatch) }
        print("runtime oracle: \(total)/\(cases.count) cases agree (\(perVersion); sys.path compared in \(sysPaths)); "
              + "stderr byte for byte in \(total - inexact.values.reduce(0, +)), by final line in \(crossPatch) whose image runs "
              + "a Python patch release not installed here (runpy line numbers from the nearest recorded release)")
        for (reason, number) in unexplained.sorted(by: { $0.key < $1.key }) {
            print("runtime oracle: inexact \(number)× \(reason)")
        }
        #expect(unexplained.isEmpty, "railsim marked texts inexact for reasons other than the oracle's patch release")
        if let report = environment["RAILSIM_ORACLE_REPORT"] {
            // Every disagreement, in full, for working through a large run.
            try? disagreements.joined(separator: "\n\n").write(toFile: report, atomically: true, encoding: .utf8)
        }
        if !disagreements.isEmpty {
            let shown = disagreements.prefix(5).joined(separator: "\n\n")
            Issue.record("\(disagreements.count) of \(cases.count) cases disagree with CPython (seed \(seed)); first \(min(5, disagreements.count)):\n\n\(shown)")
        }
    }
}
