/// The two `.yarnrc.yml` settings that move Yarn Berry's files; a file that is missing or not
/// YAML gives the defaults (railpack:core/providers/node/package_manager.go getYarnRc,
/// getYarnBerryGlobalFolder, getYarnBerryNodeLinker).
struct NodeYarnRc: Sendable, Equatable {
    var globalFolder = "/root/.yarn"
    var nodeLinker = "pnp"

    init(app: RailpackApp) {
        guard let text = app.readFile(".yarnrc.yml"), let document = NodeYAML.topLevelScalars(text) else { return }
        if let folder = document["globalFolder"], !folder.isEmpty { globalFolder = folder }
        if let linker = document["nodeLinker"], !linker.isEmpty { nodeLinker = linker }
    }
}
