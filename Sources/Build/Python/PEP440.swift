/// PEP 440 version checks for specifier clauses (https://peps.python.org/pep-0440/#version-specifiers),
/// with the per-operator rules of `packaging.specifiers.Specifier`: `==`/`!=` allow a `.*` prefix match
/// or a local label, `~=` needs two release segments, ordered comparisons allow neither `.*` nor a local
/// label, and `===` takes any text without whitespace.
enum PEP440 {
    static func isValid(_ version: String, op: String) -> Bool {
        guard !version.isEmpty else { return false }
        if op == "===" { return true }
        let release = #"v?([0-9]+!)?[0-9]+(\.[0-9]+)*"#
        let releaseTwo = #"v?([0-9]+!)?[0-9]+(\.[0-9]+)+"#
        let pre = #"([-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?"#
        let post = #"(-[0-9]+|[-_.]?(post|rev|r)[-_.]?[0-9]*)?"#
        let dev = #"([-_.]?dev[-_.]?[0-9]*)?"#
        let local = #"(\+[a-z0-9]+([-_.][a-z0-9]+)*)?"#
        let pattern: String
        switch op {
        case "==", "!=":
            pattern = "(\(release)\\.\\*|\(release)\(pre)\(post)\(dev)\(local))"
        case "~=":
            pattern = releaseTwo + pre + post + dev
        default:
            pattern = release + pre + post + dev
        }
        guard let regex = try? Regex(pattern).ignoresCase() else { return false }
        return (try? regex.wholeMatch(in: version)) != nil
    }
}
