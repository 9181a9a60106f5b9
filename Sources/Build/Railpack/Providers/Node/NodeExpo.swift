/// Expo's web export (railpack:core/providers/node/expo.go).
extension RailpackNodeProvider {
    /// `expo export --platform web` writes here (expo.go DefaultExpoOutputDirectory).
    static let defaultExpoOutputDirectory = "dist"
    /// railpack:core/providers/node/expo.go DefaultExpoStartCommand
    static let defaultExpoStartCommand = "expo start"

    /// railpack:core/providers/node/expo.go isExpo
    func isExpo() -> Bool { packageJson.hasDependency("expo") }

    /// Expo with react-native-web and app.json `expo.web.output` "static" or "single", any case;
    /// app.config.js/ts are code and are not read (expo.go isExpoSPA, getExpoWebOutput).
    func isExpoSPA(_ ctx: RailpackGenerateContext) -> Bool {
        guard isExpo(), packageJson.hasDependency("react-native-web") else { return false }
        let output = Self.expoWebOutput(ctx.app).lowercased()
        return output == "static" || output == "single"
    }

    /// `expo.web.output` of app.json, or "" when it is missing or does not decode.
    static func expoWebOutput(_ app: RailpackApp) -> String {
        guard app.hasFile("app.json"), let text = app.readFile("app.json"), let document = NodeGoJSON.document(text, file: "app.json") else { return "" }
        guard case .table(let top) = document,
              let expo = NodeGoJSON.object(NodeGoJSON.values("expo", in: top)),
              let web = NodeGoJSON.object(NodeGoJSON.values("web", in: expo)),
              let output = NodeGoJSON.string(NodeGoJSON.values("output", in: web)) else { return "" }
        return output
    }
}
