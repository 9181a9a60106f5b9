/// One `${{NAMESPACE.VAR}}` or `${{VAR}}` as written in a variable value. The namespace is
/// `shared`, another service's name ("Postgres", "backend-api"), or absent for the same service
/// (docs:content/docs/variables/reference.md "Template syntax"; docs:content/docs/variables.md
/// "Referencing variables in the same service"). Service names may hold spaces
/// (`${{OpenTelemetry Collector.RAILWAY_PRIVATE_DOMAIN}}`,
/// docs:content/guides/instrument-app-opentelemetry.md), so the body is kept whole and split only
/// once the project's service names are known (`ReferenceResolver`).
public struct VariableReference: Sendable, Hashable, CustomStringConvertible {
    /// Exactly as written, braces included: what railsim keeps when it cannot know the value.
    public var written: String
    /// What is inside the braces, without the surrounding space.
    public var body: String

    public init(written: String, body: String) {
        self.written = written
        self.body = body
    }

    public var description: String { written }

    /// Every way to read the body as `namespace.name`, first dot first.
    var splits: [(namespace: String, name: String)] {
        var result: [(String, String)] = []
        var index = body.startIndex
        while let dot = body[index...].firstIndex(of: ".") {
            result.append((String(body[..<dot]), String(body[body.index(after: dot)...])))
            index = body.index(after: dot)
        }
        return result
    }
}
