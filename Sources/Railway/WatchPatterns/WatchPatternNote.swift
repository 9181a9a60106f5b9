/// What railsim noticed about a service's watch paths. The Findings stage turns these into rules.
public enum WatchPatternNote: Sendable, Equatable {
    /// The line can never match anything (git's wildmatch gives up on it), so it is dead weight.
    case neverMatches(pattern: String, reason: String)
    /// `**` glued to other characters, as in the docs' own `/app/**.js`: git reads it as `*`
    /// (one directory level), while other glob libraries read it as "any depth". Railway does not
    /// say which it uses, so a change deeper down may or may not redeploy.
    case doubleStarInsideSegment(pattern: String)
    /// A `!` line with no include line before it re-includes nothing
    /// (docs:content/docs/builds/build-configuration.md "negations will only work if you include
    /// files in a preceding rule").
    case negationWithoutInclude(pattern: String)
    /// A `!` line names a changed file inside a directory an earlier line matched. git keeps the
    /// file matched; a matcher that tests each path on its own would not. railsim follows git.
    case reincludeInsideMatchedDirectory(file: String, pattern: String)
}
