/// App-level file facts some providers need beyond the index (railpack:core/app/app.go).
extension RailpackApp {
    /// A regular file with an execute bit, symlinks followed (railpack:core/app/app.go IsFileExecutable).
    func isFileExecutable(_ relative: String) -> Bool {
        guard let path = path(relative), case .file? = resolvedKind(path) else { return false }
        return snapshot.isExecutable(path)
    }

    /// The last element of the app directory's absolute path (`filepath.Base(ctx.GetAppSource())`):
    /// the Root Directory's name, else the name of the directory railsim was pointed at.
    var sourceBaseName: String {
        if !root.isRoot { return root.name }
        let directory = snapshot.sourceDirectory ?? snapshot.displayName
        let name = directory.split(separator: "/").last.map(String.init) ?? ""
        return name.isEmpty ? "/" : name
    }
}
