/// COPY and ADD during dispatch: UndefinedVar on the expanded flags, sources, destination and
/// expanding heredocs (instructions/commands.go `Expand`/`ExpandRaw`), then CopyIgnoredFile for each
/// local source (dockerfile2llb/validations.go `validateCopySourcePath`).
extension DockerfileLint {
    mutating func dispatchCopy(_ instruction: DockerInstruction, state: StageState, config: DockerfileCheckConfig) -> Bool {
        let line = instruction.startLine
        func expand(_ word: String) -> String? { expandWord(word, lexer: lexer, state: state, line: line, config: config) }
        let isAdd = instruction.keyword == "ADD"
        func flag(_ name: String) -> String? { instruction.flags.last { $0.hasPrefix("--\(name)=") }.map { String($0.dropFirst(name.count + 3)) } }
        // commands.go CopyCommand/AddCommand.Expand: --chown, --chmod (and ADD's --checksum) first
        for name in isAdd ? ["chown", "chmod", "checksum"] : ["chown", "chmod"] {
            guard expand(flag(name) ?? "") != nil else { return false }
        }
        let words: [String]
        switch instruction.arguments {
        case .exec(let list), .words(let list): words = list
        default: return true
        }
        guard words.count >= 2 else { return true }
        let heredocSources = words.dropLast().filter { word in isHeredocSource(word, instruction) }
        var sources: [String] = []
        for word in words.dropLast() where !heredocSources.contains(word) {
            guard let value = expand(word) else { return false }
            sources.append(value)
        }
        guard let destination = words.last, expand(destination) != nil else { return false }
        // commands.go SourcesAndDest.ExpandRaw: the body of an expanding heredoc, with `\\` as escape and
        // quotes left alone (BuildKit SkipProcessQuotes; railsim's closest mode keeps them raw)
        var raw = DockerShellLexer(escapeToken: "\\")
        raw.rawQuotes = true
        for heredoc in instruction.heredocs where heredoc.expand && heredocSources.contains(where: { $0.contains(heredoc.name) }) {
            guard expandWord(heredoc.content, lexer: raw, state: state, line: line, config: config) != nil else { return false }
        }
        // convert.go dispatch: COPY --from reads another stage, so only context copies are checked
        guard let ignore, !ignore.hasExclusions, isAdd || flag("from") == nil else { return true }
        for source in sources {
            if isAdd && (source.hasPrefix("http://") || source.hasPrefix("https://") || source.hasPrefix("git@") || source.contains(".git#")) { continue }
            let cleaned = DockerGoPath.clean(source)
            let excluded: Bool
            if cleaned == "." || cleaned == "/" {
                // validations.go copySourceRootIgnored: the root only when a pattern excludes everything
                excluded = ignore.patterns.contains { !$0.exclusion && ["*", "**", "**/*"].contains($0.cleaned) }
            } else {
                // A pattern whose regexp fails only when tried is not a match here; the context walk reports it.
                excluded = (try? ignore.isExcluded(cleaned.hasPrefix("/") ? String(cleaned.dropFirst()) : cleaned)) ?? false
            }
            if excluded {
                let command = isAdd ? BuildKitMessage.addCommandName : BuildKitMessage.copyCommandName
                recorder.report(.copyIgnoredFile, line: instruction.startLine, BuildKitMessage.copyIgnoredFile(command, cleaned), config: config)
            }
        }
        return true
    }

    /// A `<<NAME` word that names one of the instruction's heredocs (parse.go `parseSourcesAndDest`).
    func isHeredocSource(_ word: String, _ instruction: DockerInstruction) -> Bool {
        guard word.hasPrefix("<<") else { return false }
        let name = word.dropFirst(2).drop { $0 == "-" }.filter { $0 != "'" && $0 != "\"" }
        return instruction.heredocs.contains { $0.name == String(name) }
    }
}
