import Snapshot
import Testing
@testable import Build

/// Railpack's Java provider (railpack:core/providers/java/*.go): fixtures under
/// fixtures/railpack/java-*/ and the wrapper-version parsing.
@Suite struct RailpackJavaTests {
    @Test func oldGradleWrapperPinsJava8() throws {
        // gradle-5.6.4 in the wrapper gives Gradle "5" (setGradleVersion), and Gradle <= 5 gives
        // JDK 8 in both mise steps (setJDKVersion); gradlew without its execute bit gets a chmod;
        // Spring Boot in build.gradle adds the port flag (getGradlePortConfig).
        let planned = try RailpackFixturePlans.check("java-gradle-old")
        #expect(planned.result.resolvedPackages["gradle"]?.requestedVersion == "5")
        #expect(planned.result.resolvedPackages["java"]?.requestedVersion == "8")
        #expect(planned.result.resolvedPackages["java"]?.source == "Gradle <= 5")
        #expect(planned.result.metadata["javaPackageManager"] == "gradle")
    }

    @Test func mavenWrapperAndSpringBootPom() throws {
        // ./mvnw needs its properties file (getMavenExe); an executable wrapper needs no chmod.
        let planned = try RailpackFixturePlans.check("java-maven-wrapper")
        #expect(planned.result.resolvedPackages["java"]?.requestedVersion == "17")
        #expect(planned.result.resolvedPackages["maven"]?.requestedVersion == "latest")
    }

    @Test(arguments: [
        ("distributionUrl=https\\://services.gradle.org/distributions/gradle-8.5-bin.zip\n", "8.5"),
        ("distributionUrl=https\\://services.gradle.org/distributions/gradle-7.6.1-all.zip\n", "7.6.1"),
        ("distributionUrl=https\\://example.com/gradle-bin.zip\n", ""),
        ("distributionUrl = https://example.com/gradle-8.5-bin.zip\n", nil),
        ("# no url\n", nil),
    ] as [(String, String?)])
    func wrapperVersion(text: String, version: String?) {
        #expect(RailpackJavaProvider.wrapperVersion(text) == version)
    }

    @Test(arguments: [("8.5", "8"), ("7.6.1", "7"), ("", ""), ("8.5.1.2", nil), ("8|5", nil), ("11", "11")] as [(String, String?)])
    func majorVersion(version: String, major: String?) {
        #expect(RailpackJavaProvider.majorVersion(version) == major)
    }

    @Test func wildflySwarmPortFlag() {
        let app = RailpackApp(snapshot: .inMemory(["pom.xml": "<groupId>org.wildfly.swarm</groupId>"]), root: .root)
        #expect(RailpackJavaProvider.mavenPortFlag(app) == "-Dswarm.http.port=$PORT")
    }

    @Test func pomWithoutPomXMLRunsThePlainJar() {
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: .inMemory(["pom.yaml": "modelVersion: 4.0.0\n"]), railpackVersion: "dev"))
        #expect(result.plan?.deploy.startCommand == "java $JAVA_OPTS -jar target/*jar")
        #expect(result.plan?.step(named: "build")?.commands == [.exec("mvn -DoutputFile=target/mvn-dependency-list.log -B -DskipTests clean dependency:list install -Pproduction")])
    }
}
