/// The JDK for a mise step (railpack:core/providers/java/jdk.go setJDKVersion): 21 by default,
/// RAILPACK_JDK_VERSION over it, and 8 for Gradle 5 and older. Called for the build and the
/// runtime mise steps; the second call re-registers Java at its default, so both end up equal.
extension RailpackJavaProvider {
    static let defaultJDKVersion = "21"  // railpack:core/providers/java/jdk.go DEFAULT_JDK_VERSION

    func setJDKVersion(_ ctx: inout RailpackGenerateContext, step: String) {
        let jdk = ctx.defaultMisePackage("java", Self.defaultJDKVersion, step: step)
        let (version, variable) = ctx.env.configVariable("JDK_VERSION")
        if !version.isEmpty { ctx.setVersion(jdk, version, source: variable) }
        // `strconv.Atoi` of the requested Gradle version: only a plain integer counts.
        if Self.usesGradle(ctx.app), let gradle = ctx.resolver.package("gradle").flatMap({ Self.atoi($0.version) }), gradle <= 5 {
            ctx.setVersion(jdk, "8", source: "Gradle <= 5")
        }
    }

    /// Go's `strconv.Atoi`: an optional sign and ASCII digits, nothing else.
    static func atoi(_ text: String) -> Int? {
        var digits = Substring(text)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
