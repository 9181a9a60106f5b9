/// Maven: the wrapper when it is complete, and the port flag the POM's server reads
/// (railpack:core/providers/java/maven.go).
extension RailpackJavaProvider {
    static let mavenCacheName = "maven"  // railpack:core/providers/java/maven.go MAVEN_CACHE_KEY
    static let mavenCacheDirectory = ".m2/repository"  // railpack:core/providers/java/maven.go mavenCache

    /// `./mvnw` only with its wrapper properties beside it (maven.go getMavenExe).
    static func mavenExecutable(_ app: RailpackApp) -> String {
        app.hasFile("mvnw") && app.hasFile(".mvn/wrapper/maven-wrapper.properties") ? "./mvnw" : "mvn"
    }

    /// Substring tests on pom.xml: WildFly Swarm first, then Spring Boot (maven.go getMavenPortConfig).
    static func mavenPortFlag(_ app: RailpackApp) -> String {
        guard let pom = app.readFile("pom.xml") else { return "" }
        if pom.contains("<groupId>org.wildfly.swarm") { return "-Dswarm.http.port=$PORT" }
        if pom.contains("<groupId>org.springframework.boot") && pom.contains("<artifactId>spring-boot") { return "-Dserver.port=$PORT" }
        return ""
    }
}
