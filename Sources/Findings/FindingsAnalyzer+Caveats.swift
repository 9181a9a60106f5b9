import Build

extension FindingsAnalyzer {
    /// An import failure predicted past a RUN railsim cannot read might not happen: that RUN could
    /// install or copy the module. The finding says so instead of sounding certain.
    func withUnmodelledRunCaveat(_ finding: Finding, module: String) -> Finding {
        let runs = build.notes.compactMap { note -> String? in
            if case .runNotModelled(let command, let location) = note { return "`\(command)` (\(location))" }
            return nil
        }
        guard !runs.isEmpty else { return finding }
        let top = String(module.split(separator: ".").first ?? "")
        var caveated = finding
        let shown = runs.prefix(3).joined(separator: ", ") + (runs.count > 3 ? " and \(runs.count - 3) more" : "")
        caveated.explanation = (finding.explanation.map { $0 + " " } ?? "")
            + "Caveat: railsim does not model \(shown); if \(runs.count == 1 ? "it puts" : "one of them puts") `\(top)` in the image, this import succeeds."
        return caveated
    }
}
