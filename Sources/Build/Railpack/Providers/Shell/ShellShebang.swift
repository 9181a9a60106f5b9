/// The shell a script's first line names, as mvdan.cc/sh v3.13.1 `fileutil.Shebang` reads it
/// (railpack:core/providers/shell/shell.go detectShellInterpreter): `#!`, optional spaces or
/// tabs, `/bin/` or `/usr/bin/`, optionally `env` and spaces or tabs, then one of sh, bash,
/// mksh, bats or zsh ending at whitespace or the end of the file. `#!/bin/dash` or
/// `#!/usr/bin/env -S bash` therefore name no shell.
enum ShellShebang {
    /// mvdan.cc/sh fileutil shebangRe's alternatives, in order.
    static let shells = ["sh", "bash", "mksh", "bats", "zsh"]

    static func shell(_ text: String) -> String? {
        var rest = Substring(text)
        guard rest.hasPrefix("#!") else { return nil }
        rest = rest.dropFirst(2).drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("/") else { return nil }
        rest = rest.dropFirst()
        if rest.hasPrefix("usr/") { rest = rest.dropFirst(4) }
        guard rest.hasPrefix("bin/") else { return nil }
        rest = rest.dropFirst(4)
        if rest.hasPrefix("env"), let next = rest.dropFirst(3).first, next == " " || next == "\t" {
            rest = rest.dropFirst(3).drop { $0 == " " || $0 == "\t" }
        }
        // RE2's `\s` is space, tab, newline, form feed and carriage return.
        let scalars = Array(rest.unicodeScalars)
        for shell in shells {
            let name = Array(shell.unicodeScalars)
            guard scalars.count >= name.count, Array(scalars[0..<name.count]) == name else { continue }
            guard scalars.count > name.count else { return shell }
            if [" ", "\t", "\n", "\u{0C}", "\r"].contains(scalars[name.count]) { return shell }
        }
        return nil
    }
}
