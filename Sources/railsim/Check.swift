import ArgumentParser
import Findings
import Foundation
import Railway
import Report
import Snapshot

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Predict whether the service builds, starts and passes its healthcheck.")

    @OptionGroup var options: ServiceOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let assessment = try Runner.assess(options)
        Runner.emit([assessment], scope: .check, output: output)
        if assessment.outcome != .healthy { throw ExitCode(1) }
    }
}

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the build half only: builder and why, the image, the start command.")

    @OptionGroup var options: ServiceOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let assessment = try Runner.assess(options)
        Runner.emit([assessment], scope: .plan, output: output)
        if assessment.build.failure != nil { throw ExitCode(1) }
    }
}

/// Input errors become one line naming the file and what is wrong, and exit status 2.
struct InputError: Error, CustomStringConvertible {
    var description: String
}

enum Runner {
    static func assess(_ options: ServiceOptions) throws -> ServiceAssessment {
        let snapshot: RepoSnapshot
        do {
            snapshot = try DirectorySnapshot.load(options.path)
        } catch {
            throw ValidationError("\(error)")
        }
        do {
            return try Pipeline.assess(options.settings(), in: snapshot)

        } catch {
            throw ValidationError("\(error)")
        }
    }

    static func emit(_ assessments: [ServiceAssessment], scope: ReportScope, output: OutputOptions) {
        let format = ReportFormat(rawValue: output.format.rawValue) ?? .text
        let text = Reporters.reporter(for: format, color: format == .text && output.useColor).render(assessments, scope: scope)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
