import Build

extension FindingsAnalyzer {
    /// A RUN `rm` that deleted the module (or a directory holding it) after COPY put it in the image.
    func removalExplanation(top: String) -> String? {
        for note in build.notes {
            guard case .removedByRun(let paths, let location) = note else { continue }
            for path in paths {
                let name = ImagePath.basename(path)
                if name == top || name == top + ".py" || runtime.sysPath.contains(path) {
                    return "`\(top)` reaches the image, but `rm` at \(location) deletes `\(path)` afterwards."
                }
            }
        }
        return nil
    }
}
