/// POSIX path arithmetic for paths inside an image (always absolute, `/`-separated).
public enum ImagePath {
    /// Cleans a path like Go's `path.Clean` on an absolute path: folds `.`, `..` (never above `/`)
    /// and repeated slashes; drops a trailing slash.
    public static func clean(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `base` joined with `path` (absolute `path` wins), cleaned.
    public static func join(_ base: String, _ path: String) -> String {
        if path.hasPrefix("/") { return clean(path) }
        return clean(base + "/" + path)
    }

    public static func dirname(_ path: String) -> String {
        let cleaned = clean(path)
        guard let slash = cleaned.lastIndex(of: "/"), cleaned != "/" else { return "/" }
        let parent = String(cleaned[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    public static func basename(_ path: String) -> String {
        let cleaned = clean(path)
        return cleaned == "/" ? "/" : String(cleaned.split(separator: "/").last ?? "")
    }

    /// The components of a cleaned absolute path.
    public static func components(_ path: String) -> [String] {
        clean(path).split(separator: "/").map(String.init)
    }

    /// `path` relative to `base` when it lies inside (or is) `base`.
    public static func relative(_ path: String, to base: String) -> [String]? {
        let p = components(path), b = components(base)
        guard p.count >= b.count, Array(p.prefix(b.count)) == b else { return nil }
        return Array(p.dropFirst(b.count))
    }
}
