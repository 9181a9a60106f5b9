import Build

extension FindingsAnalyzer {
    /// A builder install step that built the project from its install files alone (Railpack's
    /// `pdm install`, Nixpacks' `pip install .`) and so installed no `top`: the step, the project
    /// and the files it had.
    func installFilesOnlyBuild(without top: String) -> (project: String, step: String, files: [String])? {
        for note in build.notes {
            guard case .projectBuiltFromInstallFiles(let project, let step, let files) = note,
                  build.image?.distributions.contains(where: { $0.nameRule == .project && $0.name == project && !$0.importNames.contains(top) }) == true
            else { continue }
            return (project, step, files)
        }
        return nil
    }
}
