import Findings
import Foundation
import Railway
import Runtime
import Snapshot
import TestSupport

/// Runs generated cases through railsim and the real CPython and judges each pair.
enum StartupOracleRunner {
    enum Verdict: Sendable {
        /// `approximation` is railsim's stated reason when it marked its stderr approximate and
        /// only the final line counted; nil for a byte-for-byte comparison.
        case agree(approximation: String?, sysPathCompared: Bool)
        case disagree(String)
    }

    struct Outcome: Sendable {
        var testCase: StartupOracleCase
        var verdict: Verdict
    }

    static func patch(of interpreter: String) -> Int? {
        guard let result = try? ProcessRunner.run(interpreter, ["-c", "import sys; print(sys.version_info[2])"]), result.status == 0 else { return nil }
        return Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Judges every case on `workers` threads (each oracle run is a few short processes).
    static func run(_ cases: [StartupOracleCase], workers: Int) -> [Outcome] {
        let box = OutcomeBox(count: cases.count)
        let group = DispatchGroup()
        for _ in 0..<max(1, workers) {
            group.enter()
            let thread = Thread {
                while let index = box.claim() {
                    box.store(judge(cases[index]), at: index)
                }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        return box.results.enumerated().map { index, verdict in
            Outcome(testCase: cases[index], verdict: verdict ?? .disagree("not run"))
        }
    }

    static func judge(_ testCase: StartupOracleCase) -> Verdict {
        let snapshot = RepoSnapshot.inMemory(testCase.files, name: "oracle-\(testCase.index)")
        let assessment: ServiceAssessment
        do {
            assessment = try Pipeline.assess(ServiceSettings(name: "oracle", rootDirectory: "/", startCommand: testCase.startCommand), in: snapshot, options: .testDay)
        } catch {
            return .disagree("railsim could not assess the repository: \(error)")
        }
        let observation: CPythonOracle.Observation
        do {
            let options = CPythonOracle.Options(replayShell: testCase.replayShell, userSite: testCase.userSite, probe: testCase.probe)
            observation = try CPythonOracle.observe(assessment, options: options)
        } catch {
            return .disagree("oracle unavailable: \(error)\nrailsim: \(assessment.outcome.rawValue) \(assessment.runtime.failure?.stderr ?? "")")
        }
        return compare(railsim: assessment.runtime, cpython: observation)
    }

    static func compare(railsim runtime: RuntimeResult, cpython: CPythonOracle.Observation) -> Verdict {
        var problems: [String] = []
        var approximation: String?
        if let failure = runtime.failure, runtime.outcome == .crashed {
            if !failure.exact { approximation = failure.approximation ?? "unstated" }
            if cpython.exitCode == 0 {
                problems.append("railsim predicts a crash (exit \(failure.exitCode.map(String.init) ?? "?")), CPython started (exit 0)")
            } else if failure.exitCode != cpython.exitCode {
                problems.append("exit code: railsim \(failure.exitCode.map(String.init) ?? "none"), CPython \(cpython.exitCode)")
            }
            if failure.exact {
                if failure.stderr != cpython.stderr { problems.append("stderr differs:\n" + diff(failure.stderr, cpython.stderr)) }
            } else if lastLine(failure.stderr) != lastLine(cpython.stderr) {
                problems.append("final line (railsim marked its text inexact):\n  railsim: \(lastLine(failure.stderr))\n  CPython: \(lastLine(cpython.stderr))")
            }
        } else if runtime.outcome == .crashed || runtime.outcome == .buildFailed {
            problems.append("railsim outcome \(runtime.outcome.rawValue) without a start failure")
        } else if cpython.exitCode != 0 {
            // A start may still write warnings (e.g. runpy's RuntimeWarning when a package's
            // __init__ imports the `-m` target); railsim predicts no stderr for a start.
            problems.append("railsim predicts a start, CPython exited \(cpython.exitCode):\n" + indent(cpython.stderr))
        }
        if let sysPath = cpython.sysPath, sysPath != runtime.sysPath {
            problems.append("sys.path:\n  railsim: \(runtime.sysPath)\n  CPython: \(sysPath)")
        }
        return problems.isEmpty ? .agree(approximation: approximation, sysPathCompared: cpython.sysPath != nil) : .disagree(problems.joined(separator: "\n"))
    }

    static func lastLine(_ text: String) -> String {
        text.split(separator: "\n").last.map(String.init) ?? ""
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    | " + $0 }.joined(separator: "\n")
    }

    /// A line-by-line diff: `-` railsim, `+` CPython, ` ` both.
    static func diff(_ railsim: String, _ cpython: String) -> String {
        let left = railsim.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let right = cpython.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines: [String] = []
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : nil
            let b = index < right.count ? right[index] : nil
            if a == b { lines.append("    " + (a ?? "")); continue }
            if let a { lines.append("  - " + a) }
            if let b { lines.append("  + " + b) }
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ testCase: StartupOracleCase, why: String) -> String {
        var text = "case #\(testCase.index) [3.\(testCase.minor), \(testCase.kind)]\n"
        if let command = testCase.startCommand { text += "  start command: \(command)\n" }
        for path in testCase.files.keys.sorted() {
            text += "  --- \(path)\n" + indent(testCase.files[path] ?? "").replacingOccurrences(of: "    | ", with: "    ") + "\n"
        }
        return text + why
    }
}

/// Results written by several worker threads, each index once.
final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private var stored: [StartupOracleRunner.Verdict?]

    init(count: Int) {
        self.count = count
        self.stored = Array(repeating: nil, count: count)
    }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ verdict: StartupOracleRunner.Verdict, at index: Int) {
        lock.lock()
        stored[index] = verdict
        lock.unlock()
    }

    var results: [StartupOracleRunner.Verdict?] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
