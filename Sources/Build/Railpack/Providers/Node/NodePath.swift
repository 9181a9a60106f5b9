/// Go's slash-path helpers as the Node provider uses them on app-relative paths
/// (path/filepath Join, Dir, Base, Clean on Linux).
enum NodePath {
    /// `filepath.Clean`: no empty or `.` elements, `..` folded where it can be, "." for nothing.
    static func clean(_ path: String) -> String {
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if part == "..", rooted { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `filepath.Join`: empty elements are skipped and the result cleaned.
    static func join(_ elements: String...) -> String {
        let nonEmpty = elements.filter { !$0.isEmpty }
        return nonEmpty.isEmpty ? "" : clean(nonEmpty.joined(separator: "/"))
    }

    /// `filepath.Dir`: everything before the last slash, cleaned; "." without one.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let head = String(path[..<slash])
        return head.isEmpty ? "/" : clean(head)
    }

    /// `filepath.Base`: the last element ("." for an empty path).
    static func base(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed.isEmpty { return "." }
        if trimmed == "/" { return "/" }
        return String(trimmed.split(separator: "/").last ?? trimmed)
    }
}
