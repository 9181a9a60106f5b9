extension RailpackPlan {
    /// The four command kinds a step runs, told apart in JSON by their keys
    /// (railpack:core/plan/command.go ExecCommand, PathCommand, CopyCommand, FileCommand).
    public enum Command: Sendable, Equatable {
        /// A command line run with `/bin/sh -c` by BuildKit, with an optional display name.
        case exec(cmd: String, customName: String)
        /// A directory prepended to PATH for this step and every step built on it.
        case path(String)
        /// A copy from the build context (or from `image`) into the step, relative to /app.
        case copy(src: String, dest: String, image: String)
        /// Writes the step asset `name` to `path`; `mode` 0 means the default.
        case file(path: String, name: String, mode: UInt32, customName: String)

        /// `NewExecCommand` (railpack:core/plan/command.go).
        public static func exec(_ cmd: String, customName: String = "") -> Command { .exec(cmd: cmd, customName: customName) }

        /// `NewExecShellCommand`: wraps the text in `sh -c '…'` and names the command after the text
        /// unless another name is given (railpack:core/plan/command.go NewExecShellCommand, ShellCommandString).
        public static func shell(_ text: String, customName: String? = nil) -> Command {
            .exec(cmd: shellString(text), customName: customName ?? text)
        }

        /// `NewCopyCommand`: the destination defaults to the source (railpack:core/plan/command.go).
        public static func copy(_ src: String, _ dest: String? = nil) -> Command { .copy(src: src, dest: dest ?? src, image: "") }

        /// `ShellCommandString` (railpack:core/plan/command.go): no quoting of the text itself.
        public static func shellString(_ text: String) -> String { "sh -c '" + text + "'" }

        /// A config entry of `"..."` stands for the generated commands (railpack:core/plan/command.go ExecCommand.IsSpread).
        public var isSpread: Bool {
            if case .exec(let cmd, _) = self { return cmd == Self.shellString("...") || cmd == "..." }
            return false
        }
    }
}
