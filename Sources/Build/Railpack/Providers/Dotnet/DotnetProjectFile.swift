/// The target frameworks of a .csproj, decoded as railpack's `Project` struct with Go's
/// `xml.Unmarshal`: every `PropertyGroup` directly under the root element, and in each the text
/// of its last `TargetFramework` and `TargetFrameworks` children, unconditionally (MSBuild
/// `Condition`s are not evaluated). Only the root element is read, so anything after it is
/// ignored (railpack:core/providers/dotnet/dotnet.go Project, PropertyGroup).
struct DotnetProjectFile: Sendable, Equatable {
    struct PropertyGroup: Sendable, Equatable {
        var targetFramework = ""
        var targetFrameworks = ""
    }

    var propertyGroups: [PropertyGroup] = []

    /// The decoded file, or Go's error text when the XML is malformed.
    static func decode(_ text: String) -> Result<DotnetProjectFile, GoXMLDecoder.Failure> {
        var decoder = GoXMLDecoder(text)
        do throws(GoXMLDecoder.Failure) {
            // Anything before the root element (declaration, comments, a BOM) is passed over.
            while true {
                guard let token = try decoder.token() else { return .failure(GoXMLDecoder.Failure(message: "EOF")) }
                if case .start = token { break }
            }
            var project = DotnetProjectFile()
            while let token = try decoder.token() {
                switch token {
                case .start(let name, _) where name.local == "PropertyGroup":
                    project.propertyGroups.append(try propertyGroup(&decoder))
                case .start: try decoder.skip()
                case .end: return .success(project)
                default: continue
                }
            }
            return .success(project)
        } catch {
            return .failure(error)
        }
    }

    private static func propertyGroup(_ decoder: inout GoXMLDecoder) throws(GoXMLDecoder.Failure) -> PropertyGroup {
        var group = PropertyGroup()
        while let token = try decoder.token() {
            switch token {
            case .start(let name, _) where name.local == "TargetFramework": group.targetFramework = try characterData(&decoder)
            case .start(let name, _) where name.local == "TargetFrameworks": group.targetFrameworks = try characterData(&decoder)
            case .start: try decoder.skip()
            case .end: return group
            default: continue
            }
        }
        return group
    }

    /// The element's own text and CDATA, concatenated untrimmed; nested elements are skipped.
    private static func characterData(_ decoder: inout GoXMLDecoder) throws(GoXMLDecoder.Failure) -> String {
        var bytes: [UInt8] = []
        while let token = try decoder.token() {
            switch token {
            case .text(let data): bytes.append(contentsOf: data)
            case .start: try decoder.skip()
            case .end: return String(decoding: bytes, as: UTF8.self)
            case .other: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The version in `net8.0`, `netcoreapp3.1`, `net5.0-windows`: the first `net` or
    /// `netcoreapp` followed by digits, a dot and digits, anywhere in the text
    /// (railpack:core/providers/dotnet/dotnet.go extractVersionFromCsproj).
    static func frameworkVersion(_ framework: String) -> String {
        let scalars = Array(framework.unicodeScalars)
        func isDigit(_ index: Int) -> Bool { index < scalars.count && scalars[index].value >= 0x30 && scalars[index].value <= 0x39 }
        func versionAt(_ start: Int) -> String? {
            var end = start
            while isDigit(end) { end += 1 }
            guard end > start, end < scalars.count, scalars[end] == ".", isDigit(end + 1) else { return nil }
            end += 1
            while isDigit(end) { end += 1 }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[start..<end])
            return String(out)
        }
        for start in scalars.indices {
            for prefix in ["net", "netcoreapp"] {
                let letters = Array(prefix.unicodeScalars)
                guard start + letters.count <= scalars.count, Array(scalars[start..<(start + letters.count)]) == letters else { continue }
                if let version = versionAt(start + letters.count) { return version }
            }
        }
        return ""
    }
}
