/// Which package manager installs the app: package.json `packageManager`, then lock and config
/// files, then `engines`, then npm with a suggestion (railpack:core/providers/node/node.go getPackageManager).
enum NodePackageManagerDetection {
    static func detect(_ packageJson: NodePackageJson, ctx: inout RailpackGenerateContext) -> NodePackageManager {
        let app = ctx.app
        // An empty or unknown name only reaches Railpack's console log, then files decide.
        if packageJson.packageManager != nil {
            let (name, version) = packageJson.packageManagerInfo
            if name == "yarn" && !version.isEmpty { return yarnLine(version) }
            if name == "pnpm" { return .pnpm }
            if name == "npm" { return .npm }
            if name == "bun" { return .bun }
        }
        if app.hasFile("pnpm-lock.yaml") { return .pnpm }
        if app.hasFile("bun.lockb") || app.hasFile("bun.lock") { return .bun }
        if app.hasFile(".yarnrc.yml") || app.hasFile(".yarnrc.yaml") { return .yarnberry }
        if app.hasFile("yarn.lock") { return .yarn1 }

        if !(packageJson.engines["pnpm"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .pnpm }
        if !(packageJson.engines["bun"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .bun }
        let yarn = (packageJson.engines["yarn"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !yarn.isEmpty { return yarnLine(yarn) }

        if app.hasFile("package-lock.json") {
            ctx.logWarn("package-lock.json detected, assuming npm")
        } else {
            ctx.logWarn("No node package manager detected, using npm")
        }
        ctx.logSuggestion("Specify the package manager and version explicitly", docs: "/config/recommendations#specify-the-node-package-manager-version")
        return .npm
    }

    /// Major 1 is classic Yarn; anything else (2–4) is Yarn Berry, which installs differently
    /// (railpack:core/providers/node/node.go parseYarnPackageManager).
    static func yarnLine(_ version: String) -> NodePackageManager {
        version.split(separator: ".", omittingEmptySubsequences: false).first == "1" ? .yarn1 : .yarnberry
    }
}
