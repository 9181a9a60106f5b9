/// `[project].requires-python` (PEP 621; a PEP 440 specifier set) checked against the interpreter
/// an image installs. Railpack and Nixpacks choose Python without reading it
/// (railpack:core/providers/python/python.go `InstallMisePackages`: Pipfile, runtime.txt, mise
/// files, PYTHON_VERSION; nixpacks:src/providers/python.rs `get_nix_python_package`), so a project
/// can ask for a Python the image does not have.
public enum RequiresPython {
    public enum Verdict: Sendable, Equatable {
        case admits
        case excludes
        /// The image's patch release is not known and the answer depends on it (e.g. `<3.13.2`).
        case dependsOnPatch
        /// Not a valid specifier set.
        case unreadable
    }

    public static func evaluate(_ specifiers: String, for version: PythonVersion) -> Verdict {
        let clauses = specifiers.split(separator: ",").map { trimmed(Substring($0)) }.filter { !$0.isEmpty }
        guard !clauses.isEmpty else { return .unreadable }
        var parsed: [(op: String, spec: String)] = []
        for clause in clauses {
            // PEP 440 comparison operators, longest first.
            guard let op = ["===", "~=", "==", "!=", "<=", ">=", "<", ">"].first(where: { clause.hasPrefix($0) }) else { return .unreadable }
            parsed.append((op, trimmed(clause.dropFirst(op.count))))
        }
        func admits(_ candidate: String) -> Bool? {
            var all = true
            for (op, spec) in parsed {
                guard let inside = PEP440Version.specifierContains(candidate, op: op, spec: spec) else { return nil }
                all = all && inside
            }
            return all
        }
        if let patch = version.patch {
            guard let answer = admits("\(version.major).\(version.minor).\(patch)") else { return .unreadable }
            return answer ? .admits : .excludes
        }
        // Unknown patch: decided only if the first and a late patch release agree.
        guard let first = admits("\(version.major).\(version.minor).0"), let late = admits("\(version.major).\(version.minor).99") else { return .unreadable }
        if first == late { return first ? .admits : .excludes }
        return .dependsOnPatch
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
