import Railway

/// Finding and reading package manifests. Railpack reads them with `ReadJSON`: comments and
/// trailing commas are standardised away (hujson) and the result goes through Go's
/// `encoding/json` (railpack:core/app/app.go ReadJSON; core/providers/node/node.go GetPackageJson).
enum NodeManifest {
    /// package.json wins over package.json5, which pnpm reads natively
    /// (railpack:core/providers/node/node.go PackageManifestFiles).
    static let fileNames = ["package.json", "package.json5"]

    /// The first manifest present, or nil (railpack:core/providers/node/node.go findPackageManifest).
    static func find(in app: RailpackApp) -> String? { fileNames.first { app.hasFile($0) } }

    /// Why a manifest could not be read, worded as Railpack's error chain is.
    struct ReadError: Error, Sendable, Equatable {
        var message: String
    }

    /// Reads and decodes one manifest (railpack:core/providers/node/workspace.go readPackageJson).
    static func read(_ path: String, in app: RailpackApp) throws(ReadError) -> NodePackageJson {
        guard let text = app.readFile(path) else {
            // os.ReadFile's wording, with the app-relative path in place of the absolute one. Go
            // would read bytes that are not UTF-8; railsim reads text only, and says so.
            let reason = app.isDirectory(path) ? "read \(path): is a directory"
                : app.hasFile(path) ? "railsim cannot read \(path) as UTF-8 text" : "open \(path): no such file or directory"
            throw ReadError(message: "error reading \(path): \(reason)")
        }
        let document: ConfigValue
        do throws(ConfigSyntaxError) {
            document = try ConfigDocumentParser.parseJSONWithComments(text, file: path)
        } catch {
            throw ReadError(message: error.message)
        }
        do throws(NodeJSONTypeError) {
            return try NodePackageJsonDecoder.decode(document)
        } catch {
            throw ReadError(message: "error reading \(path) as JSON: \(error.message)")
        }
    }

    /// The root manifest; no manifest at all gives an empty package (node.go GetPackageJson).
    static func readRoot(in app: RailpackApp) throws(ReadError) -> NodePackageJson {
        guard let path = find(in: app) else { return NodePackageJson() }
        do throws(ReadError) {
            return try read(path, in: app)
        } catch {
            throw ReadError(message: "error reading \(path): \(error.message)")
        }
    }
}
