/// Apt packages some Python dependencies need: headers to build them, libraries to run them
/// (railpack:core/providers/python/python.go GetBuilderDeps, AddRuntimeDeps and their tables).
extension RailpackPythonProvider {
    /// railpack:core/providers/python/python.go pythonBuildDepRequirements
    static let buildPackages: [String: [String]] = ["pycairo": ["libcairo2-dev"]]
    /// railpack:core/providers/python/python.go pythonRuntimeDepRequirements
    static let runtimePackages: [String: [String]] = [
        "pycairo": ["libcairo2"],
        "pdf2image": ["poppler-utils"],
        "pydub": ["ffmpeg"],
        "pymovie": ["ffmpeg", "qt5-qmake", "qtbase5-dev", "qtbase5-dev-tools", "qttools5-dev-tools", "libqt5core5a", "python3-pyqt5"],
    ]
    /// Keep aligned with Playwright's Chromium dependencies (python.go pythonPlaywrightRuntimeDependencies).
    static let playwrightRuntimePackages = [
        "libasound2", "libatk-bridge2.0-0", "libatk1.0-0", "libatspi2.0-0", "libcairo2", "libcups2", "libdbus-1-3", "libdrm2",
        "libgbm1", "libglib2.0-0", "libnspr4", "libnss3", "libpango-1.0-0", "libx11-6", "libxcb1", "libxcomposite1",
        "libxdamage1", "libxext6", "libxfixes3", "libxkbcommon0", "libxrandr2",
    ]

    /// Build-time packages go on the mise step; they do not reach the image (python.go GetBuilderDeps).
    func addBuilderDependencies(_ ctx: inout RailpackGenerateContext, project: PythonProject) {
        var mise = ctx.mise
        // Go ranges over a map here; the order does not show, as apt lists are sorted.
        for dependency in Self.buildPackages.keys.sorted() where project.usesDependency(dependency) {
            let packages = Self.buildPackages[dependency] ?? []
            ctx.logInfo("Installing build apt packages for \(dependency): [\(packages.joined(separator: " "))]")
            mise.supportingAptPackages.append(contentsOf: packages)
        }
        if usesPostgres(project) { mise.supportingAptPackages.append("libpq-dev") }
        if usesMysql(project) { mise.supportingAptPackages.append("default-libmysqlclient-dev") }
        ctx.mise = mise
    }

    /// railpack:core/providers/python/python.go AddRuntimeDeps
    func addRuntimeDependencies(_ ctx: inout RailpackGenerateContext, project: PythonProject) {
        for dependency in Self.runtimePackages.keys.sorted() where project.usesDependency(dependency) {
            let packages = Self.runtimePackages[dependency] ?? []
            ctx.logInfo("Installing runtime apt packages for \(dependency): [\(packages.joined(separator: " "))]")
            ctx.deploy.addAptPackages(packages)
        }
        if ctx.env.isConfigVariableTruthy(Self.playwrightInstallVariable) {
            ctx.logInfo("Installing runtime apt packages for playwright: [\(Self.playwrightRuntimePackages.joined(separator: " "))]")
            ctx.deploy.addAptPackages(Self.playwrightRuntimePackages)
        }
        if usesPostgres(project) { ctx.deploy.addAptPackages(["libpq5"]) }
        if usesMysql(project) { ctx.deploy.addAptPackages(["default-mysql-client"]) }
    }

    /// psycopg2/psycopg or Django's postgres backend, unless a binary psycopg is used (python.go usesPostgres).
    func usesPostgres(_ project: PythonProject) -> Bool {
        if project.usesDependency("psycopg2-binary") || project.usesDependency("psycopg[binary]") { return false }
        return project.usesDependency("psycopg2") || project.usesDependency("psycopg")
            || project.mentionsPostgresBackend
    }

    /// mysqlclient or Django's mysql backend (python.go usesMysql).
    func usesMysql(_ project: PythonProject) -> Bool {
        project.usesDependency("mysqlclient") || project.mentionsMysqlBackend
    }
}
