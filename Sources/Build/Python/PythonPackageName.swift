/// Python distribution-name helpers shared by the requirements parser and the distribution catalogue.
public enum PythonPackageName {
    /// PEP 503 normalisation: lowercase, and every run of `-`, `_` and `.` becomes one `-`
    /// (https://peps.python.org/pep-0503/#normalized-names). `Foo.Bar__baz` → `foo-bar-baz`.
    public static func normalize(_ name: String) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count)
        var inRun = false
        for ch in name {
            if ch == "-" || ch == "_" || ch == "." {
                if !inRun { out.append("-") }
                inRun = true
            } else {
                out.append(contentsOf: ch.lowercased())
                inRun = false
            }
        }
        return out
    }

    /// PEP 508 name rule: ASCII letters/digits, with `.`, `_`, `-` allowed inside but not at either end
    /// (https://peps.python.org/pep-0508/#names).
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, let last = name.unicodeScalars.last else { return false }
        guard isAlnum(first), isAlnum(last) else { return false }
        return name.unicodeScalars.allSatisfy { isAlnum($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9")
    }
}
