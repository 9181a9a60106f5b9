/// Gradle: the wrapper decides, and its properties file pins the major version
/// (railpack:core/providers/java/gradle.go).
extension RailpackJavaProvider {
    static let defaultGradleVersion = "8"  // railpack:core/providers/java/gradle.go DEFAULT_GRADLE_VERSION
    static let gradleCacheName = "gradle"  // railpack:core/providers/java/gradle.go GRADLE_CACHE_KEY
    static let gradleCacheDirectory = "/root/.gradle"  // railpack:core/providers/java/gradle.go gradleCache

    /// railpack:core/providers/java/gradle.go usesGradle
    static func usesGradle(_ app: RailpackApp) -> Bool { app.hasFile("gradlew") }

    /// Gradle 8 by default, RAILPACK_GRADLE_VERSION over it, and the wrapper's major version over
    /// both (railpack:core/providers/java/gradle.go setGradleVersion).
    func setGradleVersion(_ ctx: inout RailpackGenerateContext) {
        let gradle = ctx.defaultMisePackage("gradle", Self.defaultGradleVersion)
        let (version, variable) = ctx.env.configVariable("GRADLE_VERSION")
        if !version.isEmpty { ctx.setVersion(gradle, version, source: variable) }
        let propertiesPath = "gradle/wrapper/gradle-wrapper.properties"
        guard ctx.app.hasFile(propertiesPath) else { return }
        guard let properties = ctx.app.readFile(propertiesPath) else {
            ctx.logWarn("Failed to read gradle/wrapper/gradle-wrapper.properties")
            return
        }
        guard let wrapperVersion = Self.wrapperVersion(properties), let major = Self.majorVersion(wrapperVersion) else { return }
        ctx.setVersion(gradle, major, source: "gradle-wrapper.properties")
    }

    /// The third group of `(distributionUrl[\S].*[gradle])(-)([0-9|\.]*)` at its leftmost match:
    /// `distributionUrl`, one non-space character, then the last `<one of g,r,a,d,l,e>-` on that
    /// line, then the run of digits, `|` and `.` after the dash (gradle.go setGradleVersion).
    static func wrapperVersion(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        let key = Array("distributionUrl".unicodeScalars)
        let letters: Set<Unicode.Scalar> = ["g", "r", "a", "d", "l", "e"]
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
        var start = 0
        while start + key.count < scalars.count {
            defer { start += 1 }
            guard Array(scalars[start..<(start + key.count)]) == key, !isSpace(scalars[start + key.count]) else { continue }
            // `.` stops at a newline, so the class letter and dash sit on this line.
            let from = start + key.count + 1
            var lineEnd = from
            while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
            var letter = lineEnd - 2
            while letter >= from, !(letters.contains(scalars[letter]) && scalars[letter + 1] == "-") { letter -= 1 }
            guard letter >= from else { continue }
            var end = letter + 2
            while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == "|" || scalars[end] == "." { end += 1 }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[(letter + 2)..<end])
            return String(out)
        }
        return nil
    }

    /// The first group of `^(?:[\sa-zA-Z-"']*)(\d*)(?:\.*)(\d*)(?:\.*\d*)(?:["']?)$` over the
    /// wrapper version, which holds only digits, `|` and dots: the version must be digits, dots,
    /// digits, dots, digits (each part possibly empty), and the leading digits are the major
    /// version, possibly "" (gradle.go setGradleVersion).
    static func majorVersion(_ version: String) -> String? {
        var rest = Substring(version)
        func take(_ isMember: (Character) -> Bool) -> Substring {
            let run = rest.prefix(while: isMember)
            rest = rest.dropFirst(run.count)
            return run
        }
        let digit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        let major = take(digit)
        for isMember in [{ $0 == "." }, digit, { $0 == "." }, digit] as [(Character) -> Bool] { _ = take(isMember) }
        return rest.isEmpty ? String(major) : nil
    }

    /// The root build script's text: the first of build.gradle and build.gradle.kts that exists,
    /// "" when it cannot be read (gradle.go readBuildGradle, app.go ReadFirstFileOf).
    static func buildGradle(_ app: RailpackApp) -> String {
        guard let file = ["build.gradle", "build.gradle.kts"].first(where: { app.hasFile($0) }) else { return "" }
        return app.readFile(file) ?? ""
    }

    /// Spring Boot and Grails read `server.port` (gradle.go getGradlePortConfig, isUsingSpringBoot).
    static func gradlePortFlag(_ app: RailpackApp) -> String {
        let script = buildGradle(app)
        let spring = ["org.springframework.boot:spring-boot", "spring-boot-gradle-plugin", "org.springframework.boot", "org.grails:grails-"]
        return spring.contains { script.contains($0) } ? "-Dserver.port=$PORT" : ""
    }
}
