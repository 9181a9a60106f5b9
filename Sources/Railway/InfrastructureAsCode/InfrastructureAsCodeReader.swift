import Snapshot

/// Reads Railway's Infrastructure as Code file, `.railway/railway.ts`, statically: railsim never
/// runs it. Railway's CLI evaluates the file by importing it with Node and calling its default
/// export (cli:src/iac/eval.rs); railsim instead tokenizes and parses the TypeScript, evaluates the
/// documented DSL (docs:content/docs/infrastructure-as-code/reference.md; the helpers as
/// railway-ts-sdk:src/iac/sdk.ts defines them) for one environment, and reports every expression
/// outside that subset as "cannot evaluate statically" instead of guessing its value.
public enum InfrastructureAsCodeReader {
    /// The file the CLI looks for (docs:content/docs/infrastructure-as-code.md, "Authoring").
    public static let path = ".railway/railway.ts"

    /// The project `.railway/railway.ts` declares for `environment`, or nil when the repository
    /// has no such file. A file that does not tokenize or parse is a `ProjectSourceError`.
    public static func read(_ snapshot: RepoSnapshot, environment: String) throws(ProjectSourceError) -> ProjectDefinition? {
        guard let repoPath = RepoPath(path), snapshot.isFile(repoPath) else { return nil }
        let text: String
        do {
            text = try snapshot.readText(repoPath)
        } catch {
            throw ProjectSourceError(location: SourceLocation(file: path), message: error.description)
        }
        return try read(text: text, environment: environment)
    }

    /// The project declared by `text`, the contents of `.railway/railway.ts`.
    public static func read(text: String, environment: String) throws(ProjectSourceError) -> ProjectDefinition {
        let module: [TSStatement]
        do {
            module = try TypeScriptParser.parse(text)
        } catch {
            throw ProjectSourceError(location: SourceLocation(file: path, line: error.line), message: error.message)
        }
        var evaluator = InfrastructureAsCodeEvaluator(file: path, environment: environment)
        return evaluator.run(module)
    }
}
