/// The `Staticfile` in the app root, decoded as Railpack decodes it with yaml.v2 into
/// `StaticfileConfig{RootDir string "root"; IndexFallback *bool "index_fallback"}`
/// (railpack:core/providers/staticfile/staticfile.go getStaticfileConfig). Keys match exactly
/// and the last duplicate wins; a value of the wrong kind fails the whole file, which Railpack
/// then ignores.
struct StaticfileConfig: Sendable, Equatable {
    /// railpack:core/providers/staticfile/staticfile.go StaticfileConfigName
    static let fileName = "Staticfile"

    var root = ""
    var indexFallback: Bool? = nil

    enum Outcome: Equatable {
        case absent
        case config(StaticfileConfig)
        /// Railpack could not decode it (`ReadYAML` failed), so it is ignored.
        case invalid(String)
        /// YAML railsim does not read; railsim ignores the file too, and says so.
        case unsupported(String)
    }

    static func read(_ app: RailpackApp) -> Outcome {
        guard app.hasFile(fileName) else { return .absent }
        guard let text = app.readFile(fileName) else { return .invalid("error reading Staticfile") }
        let document: StaticfileYAML.Node
        do throws(StaticfileYAML.Failure) {
            document = try StaticfileYAML.parse(text)
        } catch {
            switch error {
            case .syntax(let message): return .invalid("yaml: \(message)")
            case .unsupported(let what): return .unsupported(what)
            }
        }
        return decode(document)
    }

    /// yaml.v2 decode.go: a null document leaves the struct zero; a scalar or sequence cannot
    /// fill a struct.
    static func decode(_ document: StaticfileYAML.Node) -> Outcome {
        switch document {
        case .scalar(let text, let plain) where plain && nullWords.contains(text): return .config(StaticfileConfig())
        case .scalar, .sequence: return .invalid("cannot unmarshal into staticfile.StaticfileConfig")
        case .mapping(let members):
            var config = StaticfileConfig()
            for (key, value) in members {
                switch key {
                case "root":
                    guard case .scalar(let text, let plain) = value else { return .invalid("cannot unmarshal a collection into string") }
                    config.root = plain && nullWords.contains(text) ? "" : text
                case "index_fallback":
                    guard case .scalar(let text, let plain) = value else { return .invalid("cannot unmarshal a collection into bool") }
                    if plain && nullWords.contains(text) {
                        // Only the exact spellings `null`, `~` and empty leave the pointer nil; `Null`
                        // and `NULL` allocate it and store false (decode.go prepare, scalar).
                        config.indexFallback = ["null", "~", ""].contains(text) ? nil : false
                    } else if plain, let flag = boolWords[text] {
                        config.indexFallback = flag
                    } else {
                        return .invalid("cannot unmarshal !!str `\(text)` into bool")
                    }
                default: continue
                }
            }
            return .config(config)
        }
    }

    /// YAML 1.1 plain scalars yaml.v2 resolves to null and booleans (yaml.v2 resolve.go resolveMapList).
    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let boolWords: [String: Bool] = [
        "y": true, "Y": true, "yes": true, "Yes": true, "YES": true, "true": true, "True": true, "TRUE": true, "on": true, "On": true, "ON": true,
        "n": false, "N": false, "no": false, "No": false, "NO": false, "false": false, "False": false, "FALSE": false, "off": false,
        "Off": false, "OFF": false,
    ]
}
