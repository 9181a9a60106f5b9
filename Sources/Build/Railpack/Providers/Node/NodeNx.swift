/// Nx workspaces whose Next.js app has no root scripts: build and start it through Nx
/// (railpack:core/providers/node/nx.go).
extension RailpackNodeProvider {
    /// An nx.json and an nx dependency anywhere in the workspace (nx.go isNx).
    func isNx(_ ctx: RailpackGenerateContext) -> Bool {
        ctx.app.hasFile("nx.json") && workspace.hasDependency("nx")
    }

    /// A package with a next config; or with next and either `next build` or, for a member
    /// package, no build script at all (Nx infers it). A root that only shares next is not an
    /// app (nx.go isNextAppPackage).
    func isNextAppPackage(_ package: NodeWorkspace.Package, _ ctx: RailpackGenerateContext) -> Bool {
        if Self.nextConfigFiles.contains(where: { ctx.app.hasFile(package.path.isEmpty ? $0 : NodePath.join(package.path, $0)) }) { return true }
        guard package.packageJson.hasDependency("next") else { return false }
        if package.packageJson.buildScriptContains("next build") { return true }
        return !package.path.isEmpty
    }

    /// nx.go getNxNextPackages
    func nxNextPackages(_ ctx: RailpackGenerateContext) -> [NodeWorkspace.Package] {
        ([workspace.root] + workspace.packages).filter { isNextAppPackage($0, ctx) }
    }

    /// The name Nx knows a package by: its package.json name, else its directory's name (nx.go nxProjectName).
    static func nxProjectName(_ package: NodeWorkspace.Package) -> String {
        if !package.packageJson.name.isEmpty { return package.packageJson.name }
        return package.path.isEmpty ? "" : NodePath.base(package.path)
    }

    /// RAILPACK_NX_APP matches a package name, path, directory name or the part after a scope's
    /// slash (nx.go matchesNxAppSelector).
    static func matchesNxApp(_ package: NodeWorkspace.Package, selector: String) -> Bool {
        if selector.isEmpty { return false }
        let name = package.packageJson.name
        if name == selector || package.path == selector { return true }
        if !package.path.isEmpty && NodePath.base(package.path) == selector { return true }
        if let slash = name.lastIndex(of: "/"), name[name.index(after: slash)...] == selector { return true }
        return false
    }

    /// The one Next.js app to build and start, by RAILPACK_NX_APP or because it is alone; a
    /// warning otherwise (nx.go resolveNxDeployPackage). Logs, so callers pass the context inout.
    func resolveNxDeployPackage(_ ctx: inout RailpackGenerateContext) -> (package: NodeWorkspace.Package, name: String)? {
        guard isNx(ctx) else { return nil }
        let packages = nxNextPackages(ctx)
        if packages.isEmpty { return nil }
        let selector = ctx.env.configVariable("NX_APP").value
        if !selector.isEmpty {
            if let package = packages.first(where: { Self.matchesNxApp($0, selector: selector) }) { return (package, Self.nxProjectName(package)) }
            ctx.logWarn("RAILPACK_NX_APP=\(selector) did not match any Next.js app package")
            return nil
        }
        if packages.count == 1, let only = packages.first { return (only, Self.nxProjectName(only)) }
        let names = packages.map(Self.nxProjectName).joined(separator: ", ")
        ctx.logWarn("Multiple Next.js apps found in Nx workspace (\(names)). Set RAILPACK_NX_APP to choose one.")
        return nil
    }

    /// nx.go nxBuildCommand
    static func nxBuildCommand(_ project: String) -> String { "nx build " + project }

    /// `next start` from the app's directory, so the runtime needs no Nx CLI (nx.go nxNextStartCommand).
    static func nxNextStartCommand(_ package: NodeWorkspace.Package) -> String {
        package.path.isEmpty ? defaultNextStartCommand : "cd \(package.path) && \(defaultNextStartCommand)"
    }
}
