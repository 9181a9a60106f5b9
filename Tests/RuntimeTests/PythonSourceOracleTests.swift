import Foundation
import Runtime
import Testing

/// Compares the scanner with CPython's own `ast` (via scripts/python-ast-dump.py) on the
/// hand-written fixtures and on whole standard libraries. When the needed interpreter is
/// absent the tests are skipped (`.enabled(if:)`), so CI without Python stays green; the
/// skip reason names the missing interpreter.
@Suite("Python scanner vs CPython ast")
struct PythonSourceOracleTests {
    struct Report {
        var agreed = 0
        var compared = 0
        var astSkipped = 0
        /// Of the files `ast` rejects, how many the scanner rejects too (it does not check
        /// expression grammar, so Python 2 `print x` files still scan).
        var astSkippedScannerRejects = 0
        var encodingSkipped = 0
        var importNodes = 0
        var failures: [String] = []
    }

    /// Scans every file the oracle parsed and compares. Files `ast` rejects are skipped and
    /// counted; so are files that declare a non-UTF-8 encoding and contain non-ASCII bytes
    /// (the scanner assumes UTF-8, so its byte columns would differ).
    static func compare(_ python: PythonOracle.Interpreter, files: [String]) throws -> Report {
        // Start the dumper processes first; scanning in Swift overlaps with them.
        let records = try PythonOracle.dump(python, files: files)
        var report = Report()
        let aliasSpans = python.minor >= 10
        for record in records {
            guard let path = record["path"] as? String else { continue }
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let bytes = [UInt8](data)
            guard record["ok"] as? Bool == true else {
                report.astSkipped += 1
                if (try? PythonSourceScanner.scan(bytes)) == nil { report.astSkippedScannerRejects += 1 }
                continue
            }
            let encoding = (record["encoding"] as? String ?? "utf-8").lowercased()
            if !encoding.hasPrefix("utf-8"), bytes.contains(where: { $0 >= 0x80 }) {
                report.encodingSkipped += 1
                continue
            }
            report.compared += 1
            let expected = PythonOracleCanonical.facts(record, aliasSpans: aliasSpans)
            report.importNodes += expected.imports.count
            do {
                let scan = try PythonSourceScanner.scan(bytes)
                let actual = PythonOracleCanonical.facts(scan, aliasSpans: aliasSpans)
                if actual == expected {
                    report.agreed += 1
                } else {
                    report.failures.append("\(path)\n" + PythonOracleCanonical.difference(expected: expected, actual: actual))
                }
            } catch {
                report.failures.append("\(path)\n    scanner threw \(error) but ast parsed it")
            }
        }
        return report
    }

    static func summarize(_ label: String, _ python: PythonOracle.Interpreter, _ report: Report) -> String {
        "ast oracle (\(label), CPython \(python.version)): \(report.agreed)/\(report.compared) files agree, "
            + "\(report.importNodes) import nodes; skipped \(report.astSkipped) that ast cannot parse "
            + "(scanner rejects \(report.astSkippedScannerRejects) of them), \(report.encodingSkipped) non-UTF-8"
    }

    static func check(_ label: String, _ python: PythonOracle.Interpreter, files: [String]) throws {
        let report = try compare(python, files: files)
        print(summarize(label, python, report))
        for failure in report.failures.prefix(8) { print(failure) }
        #expect(report.compared > 0)
        #expect(report.failures.isEmpty, "\(report.failures.count) files disagree; first: \(report.failures.prefix(3).joined(separator: "\n"))")
    }

    @Test("hand-written fixtures agree with the newest CPython",
          .enabled(if: PythonOracle.newestInterpreter() != nil, "no python3.8–3.13 interpreter found"))
    func fixtures() throws {
        let python = try #require(PythonOracle.newestInterpreter())
        let files = try FileManager.default.contentsOfDirectory(atPath: PythonOracle.fixtureDirectory.path)
            .filter { $0.hasSuffix(".py") }.sorted().map { PythonOracle.fixtureDirectory.appendingPathComponent($0).path }
        #expect(files.count >= 10)
        let report = try Self.compare(python, files: files)
        print(Self.summarize("fixtures", python, report))
        for failure in report.failures { print(failure) }
        // Fixtures use 3.12 syntax (PEP 701 f-strings, `type` aliases); older oracles may skip them.
        if python.minor >= 12 { #expect(report.astSkipped == 0, "ast rejected a fixture") }
        #expect(report.failures.isEmpty)
    }

    @Test("the whole CPython 3.11 standard library agrees",
          .enabled(if: PythonOracle.interpreter(minor: 11) != nil, "python3.11 not found; stdlib oracle skipped"))
    func stdlib311() throws {
        let python = try #require(PythonOracle.interpreter(minor: 11))
        try Self.check("3.11 stdlib", python, files: PythonOracle.stdlibFiles(python))
    }

    @Test("the CPython 3.11 site-packages agree",
          .enabled(if: PythonOracle.interpreter(minor: 11) != nil, "python3.11 not found; site-packages oracle skipped"))
    func sitePackages311() throws {
        let python = try #require(PythonOracle.interpreter(minor: 11))
        try Self.check("3.11 site-packages", python, files: PythonOracle.sitePackagesFiles(python))
    }

    /// The other versions (stdlib and site-packages) take ~10 s each, so they run only when asked:
    /// `RAILSIM_AST_ORACLE_ALL=1 swift test --filter PythonSourceOracle`.
    @Test("other installed standard libraries agree",
          .enabled(if: ProcessInfo.processInfo.environment["RAILSIM_AST_ORACLE_ALL"] == "1", "set RAILSIM_AST_ORACLE_ALL=1"),
          arguments: [8, 9, 10, 12, 13])
    func otherStdlibs(minor: Int) throws {
        guard let python = PythonOracle.interpreter(minor: minor) else {
            print("ast oracle (3.\(minor) stdlib): python3.\(minor) not found, skipped")
            return
        }
        try Self.check("3.\(minor) stdlib", python, files: PythonOracle.stdlibFiles(python))
        let sitePackages = PythonOracle.sitePackagesFiles(python)
        if sitePackages.isEmpty {
            print("ast oracle (3.\(minor) site-packages): no .py files")
        } else {
            try Self.check("3.\(minor) site-packages", python, files: sitePackages)
        }
    }
}
