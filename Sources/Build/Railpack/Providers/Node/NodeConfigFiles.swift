/// Framework config files are read as text: the first of a list that exists, or "" when none
/// does or it cannot be read (railpack:core/app/app.go ReadFirstFileOf, as node/*.go use it).
extension RailpackApp {
    func firstFileContents(_ names: [String]) -> String {
        guard let name = names.first(where: { hasFile($0) }) else { return "" }
        return readFile(name) ?? ""
    }

    /// A config file in a workspace package's directory ("" is the root).
    func hasFile(_ name: String, inPackage path: String) -> Bool {
        hasFile(path.isEmpty ? name : path + "/" + name)
    }
}
