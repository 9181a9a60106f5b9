import Railway

/// The SDK version of a global.json as Railpack reads it: strict JSON (`json.Unmarshal`, no
/// comments), keys matched to `sdk` and `version` exactly or case-insensitively with the last
/// match winning, `null` leaving a field as it was, and any value of the wrong type failing the
/// whole decode (railpack:core/providers/dotnet/dotnet.go CSharpGlobalJSON, SDK).
enum DotnetGlobalJSON {
    enum Decoded: Equatable {
        /// `sdk.version`, possibly "".
        case version(String)
        /// The file is not JSON or a value has the wrong type: Railpack ignores it.
        case unreadable
        /// The document is `null`: Railpack dereferences the nil struct it decoded and panics.
        case null
    }

    static func decode(_ text: String) -> Decoded {
        guard let document = try? ConfigDocumentParser.parse(text, format: .json, file: "global.json") else { return .unreadable }
        switch document {
        case .null: return .null
        case .table(let members):
            var version = ""
            for member in members where member.key == "sdk" || GoStrings.equalFold("sdk", member.key) {
                switch member.value {
                case .null: continue
                case .table(let sdk):
                    for field in sdk where field.key == "version" || GoStrings.equalFold("version", field.key) {
                        switch field.value {
                        case .null: continue
                        case .string(let text): version = text
                        default: return .unreadable
                        }
                    }
                default: return .unreadable
                }
            }
            return .version(version)
        default: return .unreadable
        }
    }

    /// `major.minor.patch` of the version's first number run, normalised as `%d.%d.%d`; nil when
    /// there is none or a part overflows Go's int (dotnet.go InstallMisePackages, utils.go ParseSemver).
    static func exactVersion(_ declared: String) -> String? {
        let parts = RailpackSemver.extract(declared).split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard let major = parts.first ?? nil else { return nil }
        let minor = parts.count > 1 ? parts[1] : 0, patch = parts.count > 2 ? parts[2] : 0
        guard let minor, let patch else { return nil }
        return "\(major).\(minor).\(patch)"
    }
}
