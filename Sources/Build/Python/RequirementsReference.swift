// Classifying the argument part of a requirements.txt line (pip 23 `parse_req_from_line`,
// `parse_editable`, `_looks_like_path`, `is_archive_file`, `Link.egg_fragment`).

extension RequirementsLineParser {
    /// VCS URL schemes pip knows (`vcs.all_schemes`).
    static let vcsSchemes: Set<String> = [
        "git+http", "git+https", "git+ssh", "git+git", "git+file",
        "hg+file", "hg+http", "hg+https", "hg+ssh", "hg+static-http",
        "svn+ssh", "svn+http", "svn+https", "svn+svn", "svn+file",
        "bzr+http", "bzr+https", "bzr+ssh", "bzr+sftp", "bzr+ftp", "bzr+lp", "bzr+file",
    ]

    /// pip `is_archive_file`: the suffixes of files pip can install from.
    static let archiveSuffixes = [".whl", ".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tbz", ".tar.xz",
                                  ".txz", ".tlz", ".tar.lz", ".tar.lzma"]

    static func urlScheme(_ text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        return text[..<colon].lowercased()
    }

    /// pip `is_url`: http, https, file, ftp or a VCS scheme before the first `:`.
    static func isURL(_ text: String) -> Bool {
        guard let scheme = urlScheme(text) else { return false }
        return ["http", "https", "file", "ftp"].contains(scheme) || vcsSchemes.contains(scheme)
    }

    /// pip `_looks_like_path`: contains a path separator or starts with `.`.
    static func looksLikePath(_ text: String) -> Bool {
        text.contains("/") || text.hasPrefix(".")
    }

    static func isArchive(_ text: String) -> Bool {
        let lower = text.lowercased()
        return archiveSuffixes.contains { lower.hasSuffix($0) }
    }

    /// pip `_strip_extras`: `path[extra1,extra2]` → (`path`, extras).
    static func stripExtras(_ text: String) -> (String, [String]) {
        guard text.hasSuffix("]"), let open = text.lastIndex(of: "["), open > text.startIndex else { return (text, []) }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard !inner.isEmpty, !inner.contains("]") else { return (text, []) }
        let extras = inner.split(separator: ",").map { String($0).pipTrimmed() }.filter { !$0.isEmpty }
        return (String(text[..<open]), extras)
    }

    /// `#egg=name[extras]` (pip `Link.egg_fragment`, `[#&]egg=([^&]*)`), parsed as a PEP 508 name.
    static func eggFragment(_ url: String) -> (name: String, extras: [String])?? {
        guard let hash = url.firstIndex(of: "#") else { return nil }
        for part in url[url.index(after: hash)...].split(separator: "&") where part.hasPrefix("egg=") {
            let value = String(part.dropFirst(4))
            if case .success(let req) = PEP508Parser.parse(value), req.clauses.isEmpty, req.url == nil, req.marker == nil {
                return .some((req.name, req.extras))
            }
            return .some(nil)  // present but not a valid project name
        }
        return nil
    }

    /// Wheel file name `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl` → project name.
    static func wheelProjectName(_ path: String) -> String? {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard file.lowercased().hasSuffix(".whl") else { return nil }
        let parts = file.dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 5 || parts.count == 6, !parts[0].isEmpty else { return nil }
        return String(parts[0])
    }

    /// A requirement line's argument part → an entry kind, plus an optional warning.
    static func requirementKind(_ args: String) -> Result<(RequirementEntryKind, String?), RequirementsLineFailure> {
        // pip splits the marker off first: at "; " for URLs (a URL may contain ';'), else at ";".
        let url = isURL(args)
        let separator = url ? "; " : ";"
        var body = args
        var markerText: String?
        if let range = args.firstRange(of: separator) {
            body = String(args[..<range.lowerBound]).pipTrimmed()
            markerText = String(args[range.upperBound...]).pipTrimmed()
        }
        var marker: String?
        if let markerText, !markerText.isEmpty {
            switch PEP508Parser.normalizeMarker(markerText) {
            case .success(let m): marker = m
            case .failure(let e): return .fail("invalid environment marker '\(markerText)': \(e.message)")
            }
        }

        if url {
            return .success((.url(directReference(body, extras: [], marker: marker)), eggWarning(body)))
        }
        // `name @ url` is PEP 508 unless the part before '@' looks like a path (pip `_get_url_from_path`).
        let at = body.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        let pep508AtForm = at.count == 2 && !looksLikePath(String(at[0]))
        if !pep508AtForm && (looksLikePath(body) || isArchive(body)) {
            let (path, extras) = stripExtras(body)
            let name = wheelProjectName(path)
            let ref = RequirementDirectReference(name: name, normalizedName: name.map(PythonPackageName.normalize),
                                                 url: path, form: .localPath, extras: extras, marker: marker)
            return .success((.url(ref), nil))
        }
        switch PEP508Parser.parse(body) {
        case .failure(let e):
            var message = "invalid requirement '\(body)': \(e.message)"
            if body.contains("=") && !body.contains("==") && !body.contains(">=") && !body.contains("<=")
                && !body.contains("!=") && !body.contains("~=") {
                message += " (did you mean '=='?)"
            }
            return .fail(message)
        case .success(let req):
            if let reqURL = req.url {
                let ref = RequirementDirectReference(
                    name: req.name, normalizedName: PythonPackageName.normalize(req.name), url: reqURL,
                    form: .nameAtURL, extras: req.extras, marker: marker ?? req.marker)
                return .success((.url(ref), nil))
            }
            let requirement = PythonRequirement(
                name: req.name, normalizedName: PythonPackageName.normalize(req.name), extras: req.extras,
                specifier: req.clauses.map(\.description).joined(separator: ","), clauses: req.clauses,
                marker: marker ?? req.marker)
            return .success((.requirement(requirement), nil))
        }
    }

    /// A URL (`https://…`, `git+https://…#egg=x`, `file:///…`) as a direct reference.
    static func directReference(_ url: String, extras: [String], marker: String?) -> RequirementDirectReference {
        let scheme = urlScheme(url) ?? ""
        let form: RequirementReferenceForm = vcsSchemes.contains(scheme) ? .vcs : .url
        var name: String?
        var allExtras = extras
        if case .some(.some(let egg)) = eggFragment(url) {
            name = egg.name
            allExtras += egg.extras.filter { !allExtras.contains($0) }
        } else if form == .url {
            let path = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
            name = wheelProjectName(path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path)
        }
        return RequirementDirectReference(name: name, normalizedName: name.map(PythonPackageName.normalize),
                                          url: url, form: form, extras: allExtras, marker: marker)
    }

    static func eggWarning(_ url: String) -> String? {
        if case .some(.none) = eggFragment(url) {
            return "the #egg= fragment of '\(url)' is not a valid project name; pip cannot use it"
        }
        return nil
    }

    /// pip `parse_editable`: a local directory (with optional `[extras]`), a `file:` URL, or a VCS URL
    /// with `#egg=name`.
    static func editableReference(_ value: String) -> Result<RequirementDirectReference, RequirementsLineFailure> {
        let (noExtras, extras) = stripExtras(value)
        if noExtras.lowercased().hasPrefix("file:") {
            return .success(directReference(noExtras, extras: extras, marker: nil))
        }
        if !isURL(value) && !(urlScheme(value).map { ["git", "hg", "svn", "bzr"].contains($0) } ?? false) {
            // Anything else must be a directory; pip checks it exists, a static reader can only assume it.
            if looksLikePath(noExtras) || !noExtras.contains(":") && !PythonPackageName.isValid(noExtras) {
                return .success(RequirementDirectReference(name: nil, normalizedName: nil, url: noExtras,
                                                           form: .localPath, extras: extras, marker: nil))
            }
            return .fail("'\(value)' is not a valid editable requirement: it should be a path to a local project "
                            + "(e.g. '-e ./\(value)') or a VCS URL such as git+https://...#egg=name")
        }
        var url = value
        if let scheme = urlScheme(value), ["git", "hg", "svn", "bzr"].contains(scheme) { url = scheme + "+" + value }
        guard vcsSchemes.contains(urlScheme(url) ?? "") else {
            return .fail("'\(value)' is not a valid editable requirement: only local paths and VCS URLs "
                            + "(git+https://..., hg+..., svn+..., bzr+...) can be editable")
        }
        let ref = directReference(url, extras: [], marker: nil)
        guard ref.name != nil else {
            return .fail("could not detect the requirement name for '\(value)'; add #egg=your_package_name")
        }
        return .success(ref)
    }
}
