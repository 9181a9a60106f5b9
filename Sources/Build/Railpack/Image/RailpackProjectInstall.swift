import Railway
import Snapshot

/// The commands of a Railpack plan that install the repository's own project into the venv the
/// image keeps (railpack:core/providers/python/python.go), each with the files its step sees:
/// the install step has only the files copyInstallFiles copied (unless it takes the whole
/// context), the build step has the whole context.
enum RailpackProjectInstall {
    /// Every step runs in /app (railpack:buildkit/convert.go ConvertPlanToLLB WorkingDir).
    static let appDirectory = "/app"

    /// The project installs of the steps whose output the venv layer takes (`venvStep` and its
    /// ancestors, parents first), in the order BuildKit runs them.
    static func steps(plan: RailpackPlan, venvStep: String, app: RailpackApp, venv: VirtualEnvironment,
                      context: ImageFileSystem.Layer) -> [ProjectInstallStep] {
        guard let pyprojectPath = app.path("pyproject.toml") else { return [] }
        var result: [ProjectInstallStep] = []
        var copies: [(source: String, destination: String)] = []
        for name in ancestry(of: venvStep, in: plan) {
            guard let step = plan.step(named: name) else { continue }
            let seesContext = RailpackImageEnvironment.hasLocalContext(name, in: plan)
            for command in step.commands {
                switch command {
                case .copy(let src, let dest, let image) where image.isEmpty:
                    copies.append((src, dest))
                case .exec(let cmd, _):
                    var view = ImageFileSystem(snapshot: app.snapshot)
                    if seesContext {
                        view.add(context)
                    } else {
                        view = ProjectInstallStep.copiedFiles(copies, from: app.root, to: appDirectory, snapshot: app.snapshot)
                    }
                    let pyproject = ImagePath.join(appDirectory, "pyproject.toml")
                    guard let bytes = try? view.contents(of: pyproject),
                          let top = ProjectInstallRules.document(String(decoding: bytes, as: UTF8.self), file: pyproject),
                          let mode = mode(of: cmd, pyproject: top) else { continue }
                    result.append(ProjectInstallStep(command: cmd, mode: mode, stepFileSystem: view, projectDirectory: appDirectory,
                                                     sitePackages: venv.sitePackages, pyproject: SourceLocation(pyprojectPath),
                                                     stepLocation: SourceLocation(file: "Railpack \(name) step"),
                                                     copiedOnly: seesContext ? nil : copies.map(\.destination)))
                default:
                    continue
                }
            }
        }
        return result
    }

    /// Whether `command` installs the project itself, and how; nil when it does not.
    static func mode(of command: String, pyproject top: [ConfigMember]) -> ProjectInstall.Mode? {
        let words = command.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        let editable: ProjectInstall.Mode = words.contains("--no-editable") ? .regular : .editable
        switch (words[0], words[1]) {
        case ("uv", "sync"):
            // python.go InstallUv: `uv sync --locked --no-dev --no-install-project` leaves the project out;
            // python.go Plan: the build step's `uv sync --locked --no-dev --no-editable` installs it as a wheel
            // (docs.astral.sh/uv/concepts/projects/sync/), when uv packages it at all (ProjectInstallRules).
            let skips = ["--no-install-project", "--only-dev", "--no-install-workspace"]
            if words.contains(where: { skips.contains($0) || $0.hasPrefix("--only-group") }) { return nil }
            return ProjectInstallRules.uvInstallsProject(top) ? editable : nil
        case ("pdm", "install"), ("pdm", "sync"):
            // python.go InstallPDM: `pdm install --check --prod --no-editable` installs the project as a wheel
            // (pdm:src/pdm/installers/base.py self_candidate with editable = not no_editable) unless --no-self.
            if words.contains("--no-self") { return nil }
            return ProjectInstallRules.pdmInstallsProject(top) ? editable : nil
        case ("poetry", "install"):
            // python.go InstallPoetry: `--only main --no-root`, so no project; without them poetry installs it
            // editable (python-poetry.org/docs/cli/#install).
            if words.contains("--no-root") || words.contains(where: { $0.hasPrefix("--only") }) || ProjectInstallRules.poetryPackageModeOff(top) { return nil }
            return .editable
        default:
            return nil
        }
    }

    /// `name` and the steps it is built on, each once, parents before children.
    static func ancestry(of name: String, in plan: RailpackPlan) -> [String] {
        var order: [String] = []
        func visit(_ step: String, _ path: Set<String>) {
            guard !order.contains(step), !path.contains(step), let found = plan.step(named: step) else { return }
            for input in found.inputs where !input.step.isEmpty { visit(input.step, path.union([step])) }
            order.append(step)
        }
        visit(name, [])
        return order
    }
}
