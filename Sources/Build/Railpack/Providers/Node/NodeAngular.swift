/// Angular (railpack:core/providers/node/angular.go).
extension RailpackNodeProvider {
    /// railpack:core/providers/node/angular.go DefaultAngularStartCommand
    static let defaultAngularStartCommand = "ng serve"

    /// @angular/core, an angular.json and `ng build` as the build (angular.go isAngular).
    func isAngular(_ ctx: RailpackGenerateContext) -> Bool {
        packageJson.hasDependency("@angular/core") && ctx.app.hasFile("angular.json")
            && packageJson.script("build").lowercased().contains("ng build")
    }

    /// The build `outputPath` of RAILPACK_ANGULAR_PROJECT, or of the first project; the
    /// application builder (or a `browser` option) puts the site in its `browser` folder.
    /// "" when angular.json does not decode (angular.go getAngularOutputDirectory). Go ranges
    /// over a map, so with several projects and no variable its pick is random; railsim takes
    /// the first in the file.
    func angularOutputDirectory(_ ctx: RailpackGenerateContext) -> String {
        guard let text = ctx.app.readFile("angular.json"), let projects = Self.angularProjects(text) else { return "" }
        let wanted = ctx.env.configVariable("ANGULAR_PROJECT").value
        for project in projects where wanted.isEmpty || wanted == project.name {
            if project.builder == "@angular-devkit/build-angular:application" || !project.browser.isEmpty {
                return NodePath.join(project.outputPath, "browser")
            }
            return project.outputPath
        }
        return ""
    }

    struct AngularProject: Sendable, Equatable {
        var name: String
        var builder = ""
        var outputPath = ""
        var browser = ""
    }

    /// `projects.<name>.architect.build.{builder, options.outputPath, options.browser}`; nil when
    /// any of those has the wrong type (angular.go AngularConfig).
    static func angularProjects(_ text: String) -> [AngularProject]? {
        guard let document = NodeGoJSON.document(text, file: "angular.json") else { return nil }
        guard case .table(let top) = document else { return document == .null ? [] : nil }
        guard let projectMembers = NodeGoJSON.object(NodeGoJSON.values("projects", in: top)) else { return nil }
        var projects: [AngularProject] = []
        for member in projectMembers {
            guard let project = NodeGoJSON.object([member.value]),
                  let architect = NodeGoJSON.object(NodeGoJSON.values("architect", in: project)),
                  let build = NodeGoJSON.object(NodeGoJSON.values("build", in: architect)),
                  let builder = NodeGoJSON.string(NodeGoJSON.values("builder", in: build)),
                  let options = NodeGoJSON.object(NodeGoJSON.values("options", in: build)),
                  let outputPath = NodeGoJSON.string(NodeGoJSON.values("outputPath", in: options)),
                  let browser = NodeGoJSON.string(NodeGoJSON.values("browser", in: options)) else { return nil }
            let entry = AngularProject(name: member.key, builder: builder, outputPath: outputPath, browser: browser)
            // A repeated project name replaces the earlier value.
            if let index = projects.firstIndex(where: { $0.name == member.key }) { projects[index] = entry } else { projects.append(entry) }
        }
        return projects
    }
}
