/// The parsed form of a Dockerfile, as BuildKit's `frontend/dockerfile/parser` (AST) plus the checks of
/// `frontend/dockerfile/instructions/parse.go` see it. Values are kept pre-expansion (quotes and escapes
/// as written) because variable substitution happens later, per stage, with the build environment.
public struct Dockerfile: Sendable, Equatable {
    /// `# syntax=`, `# escape=`, `# check=` lines from the top of the file, in order.
    public var directives: [DockerfileDirective]
    /// `\` by default, or `` ` `` after `# escape=``; also used by the shell lexer for this file.
    public var escapeToken: Character
    public var instructions: [DockerInstruction]
    /// Parse-time warnings BuildKit emits (today only empty continuation lines).
    public var warnings: [DockerfileWarning]

    public init(directives: [DockerfileDirective], escapeToken: Character, instructions: [DockerInstruction], warnings: [DockerfileWarning]) {
        self.directives = directives
        self.escapeToken = escapeToken
        self.instructions = instructions
        self.warnings = warnings
    }
}

/// A parser directive; `name` is lowercased as BuildKit stores it (parser/directives.go `ParseLine`).
public struct DockerfileDirective: Sendable, Equatable {
    public var name: String
    public var value: String
    public var line: Int
    public init(name: String, value: String, line: Int) { self.name = name; self.value = value; self.line = line }
}

/// A non-fatal parse diagnostic; `message` is BuildKit's `Warning.Short` text.
public struct DockerfileWarning: Sendable, Equatable {
    public var line: Int
    public var message: String
    /// BuildKit's build-check rule name when the warning corresponds to one (e.g. `NoEmptyContinuation`).
    public var rule: String?
    public init(line: Int, message: String, rule: String?) { self.line = line; self.message = message; self.rule = rule }
}

/// One instruction (one AST child node).
public struct DockerInstruction: Sendable, Equatable {
    /// Uppercased instruction word ("FROM", "COPY", ... or the unknown word uppercased).
    public var keyword: String
    /// The word exactly as written (BuildKit keeps it for messages such as "unknown instruction: Foo").
    public var keywordAsWritten: String
    /// Flags as BuildKit stores them after quote removal: "--from=build", "--link".
    public var flags: [String]
    public var arguments: DockerArguments
    /// The joined instruction text (continuations removed, comments dropped), BuildKit's `Node.Original`.
    public var original: String
    public var startLine: Int
    public var endLine: Int
    public var heredocs: [DockerHeredoc]
    /// For ONBUILD, the nested trigger instruction.
    public var onbuildTrigger: DockerOnbuild?
    /// The comment lines directly above the instruction, `#` and surrounding blanks removed (BuildKit
    /// `Node.PrevComment`): a `# check=` among them changes the build checks for this instruction only.
    public var comments: [String] = []

    public init(keyword: String, keywordAsWritten: String, flags: [String], arguments: DockerArguments, original: String,
                startLine: Int, endLine: Int, heredocs: [DockerHeredoc], onbuildTrigger: DockerOnbuild?) {
        self.keyword = keyword
        self.keywordAsWritten = keywordAsWritten
        self.flags = flags
        self.arguments = arguments
        self.original = original
        self.startLine = startLine
        self.endLine = endLine
        self.heredocs = heredocs
        self.onbuildTrigger = onbuildTrigger
    }

    /// True when the arguments came from a valid JSON array (BuildKit's `json` node attribute).
    public var isJSONForm: Bool {
        switch arguments {
        case .exec: return true
        case .healthcheck(_, .exec): return true
        default: return false
        }
    }
}

/// Boxes the ONBUILD trigger so `DockerInstruction` stays a non-recursive value type.
public final class DockerOnbuild: Sendable, Equatable {
    public let instruction: DockerInstruction
    public init(_ instruction: DockerInstruction) { self.instruction = instruction }
    public static func == (lhs: DockerOnbuild, rhs: DockerOnbuild) -> Bool { lhs.instruction == rhs.instruction }
}

/// Argument shapes, following which BuildKit line parser handled the instruction (parser/line_parsers.go).
public enum DockerArguments: Sendable, Equatable {
    /// A valid JSON array of strings (RUN/CMD/ENTRYPOINT/SHELL/ADD/COPY/VOLUME).
    case exec([String])
    /// Raw shell-form text (RUN/CMD/ENTRYPOINT/SHELL).
    case shell(String)
    /// Whitespace-split words (FROM, EXPOSE, ADD/COPY/VOLUME shell form) or the single rest-of-line word
    /// (WORKDIR, USER, MAINTAINER, STOPSIGNAL). ARG uses `.keyValues`.
    case words([String])
    /// ENV/LABEL pairs (separator "=" or "" for the legacy `ENV k v` form) and ARG (`value` nil for `ARG k`).
    case keyValues([DockerKeyValue])
    /// HEALTHCHECK: the type word as written (`CMD`, `NONE`, ...) and its command.
    case healthcheck(kind: String, command: DockerHealthcheckCommand)
    /// No arguments (empty rest, ONBUILD whose content is in `onbuildTrigger`, unknown instructions).
    case none
}

public enum DockerHealthcheckCommand: Sendable, Equatable {
    case exec([String])
    case shell(String)
    case none
}

/// A key/value as written: quotes and escapes kept (expansion removes them later).
public struct DockerKeyValue: Sendable, Equatable {
    public var key: String
    public var value: String?
    /// "=" for `k=v`, "" for legacy `ENV k v`; "=" or "" for ARG depending on whether a value was given.
    public var separator: String
    public init(key: String, value: String?, separator: String) { self.key = key; self.value = value; self.separator = separator }
}

/// A heredoc attached to RUN/COPY/ADD (parser/parser.go `Heredoc`).
public struct DockerHeredoc: Sendable, Equatable {
    public var name: String
    public var fileDescriptor: UInt
    /// False when any part of the delimiter word was quoted (`<<'EOF'`): the body is then used verbatim.
    public var expand: Bool
    /// `<<-`: leading tabs are stripped from body lines when the instruction is used.
    public var chomp: Bool
    /// Raw body, lines with their newlines, without the terminator line.
    public var content: String
    public init(name: String, fileDescriptor: UInt, expand: Bool, chomp: Bool, content: String) {
        self.name = name; self.fileDescriptor = fileDescriptor; self.expand = expand; self.chomp = chomp; self.content = content
    }
}

/// A parse failure. `message` is BuildKit's own text; `line` the instruction's start line (1-based).
public struct DockerfileParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    /// Which BuildKit layer raises it, because only one of them prefixes its errors with
    /// "dockerfile parse error on line N: ".
    public var layer: Layer
    public enum Layer: Sendable, Equatable {
        /// dockerfile2llb `toDispatchState` before parsing (empty input).
        case file
        /// The AST parser (`parser.Parse`): no prefix, the line is only a source location.
        case ast
        /// A per-instruction parser (`ParseInstruction`), wrapped in `parseError`: prefixed.
        case instruction
        /// `instructions.Parse`'s own stage bookkeeping (`CurrentStage`): no prefix.
        case stages
    }
    public init(line: Int, message: String, layer: Layer = .ast) { self.line = line; self.message = message; self.layer = layer }
    /// The text BuildKit prints.
    public var description: String {
        layer == .instruction ? BuildKitMessage.parseErrorOnLine(line, message) : message
    }
}
