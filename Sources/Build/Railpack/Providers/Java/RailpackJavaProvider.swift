/// Railpack's Java provider (railpack:core/providers/java/java.go JavaProvider): one build step
/// on the mise step, with Gradle when a `gradlew` exists and Maven otherwise, a second mise step
/// with only the JDK for the image, and `java -jar` on the built jar.
struct RailpackJavaProvider: RailpackLanguageProvider {
    let name = "java"  // railpack:core/providers/java/java.go Name

    /// A Maven POM in any of its formats, or a Gradle wrapper (railpack:core/providers/java/java.go Detect).
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool {
        ctx.app.hasMatch("pom.{xml,atom,clj,groovy,rb,scala,yaml,yml}") || ctx.app.hasMatch("gradlew")
    }

    /// railpack:core/providers/java/java.go Plan
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        var build = ctx.newCommandStep("build")
        build.addInputs([.step(ctx.mise.name), .local])
        let gradle = Self.usesGradle(ctx.app)
        if gradle {
            ctx.logInfo("Using Gradle")
            setGradleVersion(&ctx)
            setJDKVersion(&ctx, step: MiseStepBuilder.mainName)
            if ctx.app.hasMatch("gradlew"), !ctx.app.isFileExecutable("gradlew") { build.addCommand(.exec("chmod +x gradlew")) }
            build.addCommand(.exec("./gradlew clean build -x check -x test -Pproduction"))
            build.addCache(ctx.caches.addCache(Self.gradleCacheName, directory: Self.gradleCacheDirectory))
        } else {
            ctx.logInfo("Using Maven")
            ctx.defaultMisePackage("maven", "latest")
            setJDKVersion(&ctx, step: MiseStepBuilder.mainName)
            if ctx.app.hasMatch("mvnw"), !ctx.app.isFileExecutable("mvnw") { build.addCommand(.exec("chmod +x mvnw")) }
            build.addCommand(.exec("\(Self.mavenExecutable(ctx.app)) -DoutputFile=target/mvn-dependency-list.log -B -DskipTests clean dependency:list install -Pproduction"))
            build.addCache(ctx.caches.addCache(Self.mavenCacheName, directory: Self.mavenCacheDirectory))
        }
        ctx.store(build)

        // The image needs the JDK only, not Gradle or Maven.
        let runtime = ctx.newMiseStep("packages:mise:runtime")
        setJDKVersion(&ctx, step: runtime.name)

        let output = ctx.app.hasMatch("**/build/libs/*.jar") || gradle ? "." : "target/."
        let runtimeLayer = ctx.miseStep(named: runtime.name)?.layer(app: ctx.app) ?? RailpackPlan.Layer()
        ctx.deploy.addInputs([runtimeLayer, .step(build.name, include: [output])])
        ctx.deploy.startCommand = startCommand(ctx.app)
        ctx.startCommandOrigin = "Railpack's Java provider"
        addMetadata(&ctx, gradle: gradle)
    }

    /// Gradle runs the jar each subproject built, except the `-plain` one; Maven runs target's jar,
    /// with the port flag its server reads (railpack:core/providers/java/java.go getStartCmd).
    private func startCommand(_ app: RailpackApp) -> String {
        if Self.usesGradle(app) {
            return "java $JAVA_OPTS -jar \(Self.gradlePortFlag(app)) $(ls -1 */build/libs/*jar | grep -v plain)"
        }
        if app.hasMatch("pom.xml") { return "java \(Self.mavenPortFlag(app)) $JAVA_OPTS -jar target/*jar" }
        return "java $JAVA_OPTS -jar target/*jar"
    }

    /// railpack:core/providers/java/java.go addMetadata, usesSpringBoot
    private func addMetadata(_ ctx: inout RailpackGenerateContext, gradle: Bool) {
        ctx.setMetadata("javaPackageManager", gradle ? "gradle" : "maven")
        let app = ctx.app
        let springBoot = app.hasMatch("**/spring-boot*.jar") || app.hasMatch("**/spring-boot*.class") || app.hasMatch("**/org/springframework/boot/**")
        ctx.setMetadata("javaFramework", springBoot ? "spring-boot" : "")
    }
}
