import ArgumentParser
import Build
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
        if output.format == .railpackJSON || output.format == .nixpacksJSON {
            throw ValidationError("--format \(output.format.rawValue) prints the builder's plan; use it with `railsim plan`")
        }
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
        abstract: "Show the build half only: builder and why, the image, the start command.",
        discussion: """
        With --format railpack-json, prints the BuildPlan Railpack itself would generate for the \
        service's root directory, in `railpack plan`'s format ($schema, keys sorted, two-space \
        indent). railsim emulates Railpack \(RailpackRelease.commit) (docs v\(RailpackRelease.version)) \
        with mise \(RailpackRelease.miseVersion). The build environment is the service's variables, \
        Railway's build and start commands are passed as --build-cmd/--start-cmd, and a missing \
        start command is an error, as on Railway. Tool versions are not resolved (railsim is \
        offline): the generated mise config lists the requested versions. Languages whose \
        provider railsim does not emulate yet are reported as such (exit status 1).
        """)

    @OptionGroup var options: ServiceOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("railpack-version"),
            help: ArgumentHelp("The RAILPACK_VERSION baked into the plan's deploy variables (railpack-json). Railpack's own snapshot tests use \"dev\".", valueName: "version"))
    var railpackVersion: String = RailpackRelease.version

    @Option(name: .customLong("mise-version"),
            help: ArgumentHelp("The mise release Railpack's builder and runtime images are tagged with (railpack-json).", valueName: "version"))
    var miseVersion: String = RailpackRelease.miseVersion

    /// mise releases are dotted numbers (2026.8.6, railpack:core/mise/version.txt); anything else
    /// would name an image tag that does not exist.
    func validate() throws {
        let parts = miseVersion.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw ValidationError("--mise-version '\(miseVersion)' is not a mise release such as \(RailpackRelease.miseVersion)")
        }
    }

    func run() throws {
        if output.format == .railpackJSON { return try runRailpackJSON() }
        if output.format == .nixpacksJSON { return try runNixpacksJSON() }
        let report = try Runner.assess(options, explore: false, changed: nil)
        Runner.emit(report, scope: .plan, output: output)
        if report.services.contains(where: { $0.build.failure != nil }) { throw ExitCode(1) }
    }

    /// The one service a plan format prints, or an input error naming the choices.
    private func singleService() throws -> (ServiceAssessment, RepoSnapshot) {
        let (report, snapshot) = try Runner.assessWithSnapshot(options, explore: false, changed: nil)
        guard report.services.count == 1, let assessment = report.services.first else {
            let names = report.services.map(\.name).joined(separator: ", ")
            throw ValidationError(report.services.isEmpty ? "no service to plan"
                                  : "--format \(output.format.rawValue) prints one plan; choose a service with --service (services: \(names))")
        }
        return (assessment, snapshot)
    }

    /// One service's Nixpacks plan on stdout, as `nixpacks plan` prints it (Nixpacks f51d7fd,
    /// v1.39.0); Nixpacks' error on stderr and exit 1 when it has none.
    private func runNixpacksJSON() throws {
        let (assessment, snapshot) = try singleService()
        let service = assessment.service
        if service.builder.kind != .nixpacks {
            FileHandle.standardError.write(Data("railsim: note: Railway builds service `\(assessment.name)` with \(service.builder.kind.rawValue), not Nixpacks; this is the plan Nixpacks would make\n".utf8))
        }
        do throws(NixpacksPlanError) {
            let plan = try NixpacksPlanner.plan(for: service, snapshot: snapshot)
            FileHandle.standardOutput.write(Data((plan.json() + "\n").utf8))
        } catch {
            FileHandle.standardError.write(Data("railsim: service `\(assessment.name)`: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// One service's Railpack plan on stdout; Railpack's error on stderr and exit 1 when it has none.
    private func runRailpackJSON() throws {
        let (assessment, snapshot) = try singleService()
        let service = assessment.service
        guard service.rootDirectoryExists else {
            throw ValidationError("Root Directory `\(service.rootDirectory.slashed)` does not exist in the repository")
        }
        var request = RailpackBuilder.planRequest(for: service, snapshot: snapshot)
        request.railpackVersion = railpackVersion
        request.miseVersion = miseVersion
        let result = RailpackPlanner.generate(request)
        let rendered = RailpackPlanReporter.render(service: assessment.name, builder: service.builder.kind, result: result)
        FileHandle.standardOutput.write(Data(rendered.stdout.utf8))
        FileHandle.standardError.write(Data(rendered.stderr.utf8))
        if rendered.failed { throw ExitCode(1) }
    }
}

enum Runner {
    static func assess(_ options: ServiceOptions, explore: Bool, changed: [RepoPath]?) throws -> ProjectReport {
        try assessWithSnapshot(options, explore: explore, changed: changed).0
    }

    static func assessWithSnapshot(_ options: ServiceOptions, explore: Bool, changed: [RepoPath]?) throws -> (ProjectReport, RepoSnapshot) {
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
            return (try ProjectPipeline.assess(snapshot, request: request), snapshot)
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
