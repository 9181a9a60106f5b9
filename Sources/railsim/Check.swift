import ArgumentParser
import Findings
import Foundation
import Railway
import Report
import Snapshot

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Predict whether each service builds, starts and passes its healthcheck.")

    @OptionGroup var options: ServiceOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Also simulate every alternative of each undocumented rule the result depends on, and say whether the outcome changes.")
    var explore = false

    @Option(name: .customLong("changed"), parsing: .upToNextOption,
            help: ArgumentHelp("Files a push changes (repository-relative): simulate only the services whose watch paths they match; the rest are listed as skipped.", valueName: "file"))
    var changed: [String] = []

    func validate() throws {
        for file in changed where RepoPath(file) == nil { throw ValidationError("--changed '\(file)' points outside the repository") }
    }

    func run() throws {
        let report = try Runner.assess(options, explore: explore, changed: changed.isEmpty ? nil : changed.compactMap { RepoPath($0) })
        Runner.emit(report, scope: .check, output: output)
        // Exit 1 when any simulated service is predicted to fail (skipped services do not count).
        if report.services.contains(where: { $0.outcome != .healthy }) { throw ExitCode(1) }
    }
}

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the build half only: builder and why, the image, the start command.")

    @OptionGroup var options: ServiceOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try Runner.assess(options, explore: false, changed: nil)
        Runner.emit(report, scope: .plan, output: output)
        if report.services.contains(where: { $0.build.failure != nil }) { throw ExitCode(1) }
    }
}

enum Runner {
    static func assess(_ options: ServiceOptions, explore: Bool, changed: [RepoPath]?) throws -> ProjectReport {
        let snapshot: RepoSnapshot
        do {
            snapshot = try DirectorySnapshot.load(options.path)
        } catch {
            throw ValidationError("\(error)")
        }
        var exported: ProjectLoader.EnvironmentConfigFile? = nil
        if let file = options.railwayConfig {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("--railway-config: cannot read '\(file)'") }
            exported = ProjectLoader.EnvironmentConfigFile(bytes: [UInt8](data), file: file)
        }
        let request = ProjectPipeline.Request(environmentConfig: exported, service: options.service, overrides: options.overrides,
                                              fallback: options.commandLineSettings(), options: options.simulationOptions, explore: explore,
                                              changedFiles: changed)
        do {
            return try ProjectPipeline.assess(snapshot, request: request)
        } catch {
            throw ValidationError(error.description)
        }
    }

    static func emit(_ report: ProjectReport, scope: ReportScope, output: OutputOptions) {
        let format = ReportFormat(rawValue: output.format.rawValue) ?? .text
        let text = Reporters.reporter(for: format, color: format == .text && output.useColor).render(report, scope: scope)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
