/// Railpack's Java provider: detection only for now (railpack:core/providers/java/java.go).
struct RailpackJavaProvider: RailpackDetectionOnlyProvider {
    let name = "java"  // railpack:core/providers/java/java.go Name

    /// A Maven POM in any of its formats, or a Gradle wrapper (railpack:core/providers/java/java.go Detect).
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool {
        ctx.app.hasMatch("pom.{xml,atom,clj,groovy,rb,scala,yaml,yml}") || ctx.app.hasMatch("gradlew")
    }
}
