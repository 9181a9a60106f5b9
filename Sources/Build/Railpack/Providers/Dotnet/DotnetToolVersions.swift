/// Which SDK mise installs (railpack:core/providers/dotnet/dotnet.go InstallMisePackages). Later
/// calls win: the 8.0 default, the first project file's first target framework, global.json's
/// exact SDK, RAILPACK_DOTNET_VERSION, then mise files.
extension RailpackDotnetProvider {
    func installMisePackages(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        let dotnet = ctx.defaultMisePackage("dotnet", Self.defaultDotnetVersion)
        if let project = ctx.app.findFiles("*.csproj").first, let text = ctx.app.readFile(project) {
            switch DotnetProjectFile.decode(text) {
            case .failure(let error):
                // Upstream prints this to stdout and skips every later version source.
                ctx.logInfo("Error parsing XML: \(error.message)")
                return
            case .success(let file):
                if let version = Self.firstFrameworkVersion(file) { ctx.setVersion(dotnet, version, source: "csproj", origin: project) }
            }
        }
        if let text = ctx.app.readFile("global.json") {
            switch DotnetGlobalJSON.decode(text) {
            case .null:
                throw .error("railpack panics reading global.json: the file is `null`, and Railpack dereferences the nil value it decodes (runtime error: invalid memory address or nil pointer dereference)")
            case .version(let declared) where !declared.isEmpty:
                if let version = DotnetGlobalJSON.exactVersion(declared) { ctx.setVersion(dotnet, version, source: "global.json") }
            default: break
            }
        }
        let (envVersion, variable) = ctx.env.configVariable("DOTNET_VERSION")
        if !envVersion.isEmpty { ctx.setVersion(dotnet, envVersion, source: variable) }
        ctx.useMiseVersions(["dotnet"])
    }

    /// The first property group, in order, with a `TargetFramework` naming a version, or else a
    /// `TargetFrameworks` whose first entry does (dotnet.go InstallMisePackages).
    static func firstFrameworkVersion(_ file: DotnetProjectFile) -> String? {
        for group in file.propertyGroups {
            if !group.targetFramework.isEmpty {
                let version = DotnetProjectFile.frameworkVersion(group.targetFramework)
                if !version.isEmpty { return version }
            }
            if !group.targetFrameworks.isEmpty {
                let first = String(group.targetFrameworks.split(separator: ";", omittingEmptySubsequences: false).first ?? "")
                let version = DotnetProjectFile.frameworkVersion(first)
                if !version.isEmpty { return version }
            }
        }
        return nil
    }
}
