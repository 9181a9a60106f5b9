/// A step that starts from an image chosen once versions are resolved, with optional apt
/// packages (railpack:core/generate/image_step_builder.go ImageStepBuilder). The PHP provider uses it.
struct ImageStepBuilder: Sendable {
    var name: String
    /// Names of the resolver packages this step depends on (Default).
    var packages: [String] = []
    var aptPackages: [String] = []
    /// The image, from the resolved packages (ResolveStepImage).
    var resolveImage: @Sendable ([String: ResolvedPackage]) -> String

    func build(into plan: inout RailpackPlan, options: BuildStepOptions) {
        var step = RailpackPlan.Step(name: name, secrets: [])
        step.inputs = [.image(resolveImage(options.resolvedPackages))]
        if !aptPackages.isEmpty { step.commands = [BuildStepOptions.aptInstallCommand(aptPackages)] }
        plan.steps.append(step)
    }
}

/// A step that installs one tool's binary with `mise install-into` and keeps only that
/// (railpack:core/generate/install_bin_builder.go InstallBinStepBuilder). Node SPAs and static
/// sites use it for Caddy.
struct InstallBinStepBuilder: Sendable, Equatable {
    /// railpack:core/generate/install_bin_builder.go BinDir
    static let binDirectory = "/railpack"

    var name: String
    var package: String = ""

    var binPath: String { Self.binDirectory + "/" + package }
    var outputPaths: [String] { [binPath] }
    var layer: RailpackPlan.Layer { .step(name, include: outputPaths) }

    /// Offline, the version written into `install-into` is the requested one made fuzzy, or the
    /// release `RailpackKnownReleases` pins; Railpack writes the exact release mise resolved.
    func build(into plan: inout RailpackPlan, options: BuildStepOptions) {
        let version = options.resolvedPackages[package]?.resolvedVersion ?? "latest"
        var step = RailpackPlan.Step(name: name, secrets: [])
        step.variables = ["MISE_PARANOID": "1"]
        step.inputs = [.image(RailpackRelease.builderImage)]
        step.commands = [.exec("mise install-into \(package)@\(version) \(binPath)"), .path(binPath), .path(binPath + "/bin")]
        plan.steps.append(step)
    }
}

/// One entry of the context's ordered step list (railpack:core/generate/context.go StepBuilder).
enum StepBuilder: Sendable {
    case command(CommandStepBuilder)
    case mise(MiseStepBuilder)
    case image(ImageStepBuilder)
    case installBin(InstallBinStepBuilder)

    var name: String {
        switch self {
        case .command(let step): return step.name
        case .mise(let step): return step.name
        case .image(let step): return step.name
        case .installBin(let step): return step.name
        }
    }
}
