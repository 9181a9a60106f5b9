/// A `python` command line, parsed the way CPython's getopt does (Python/initconfig.c
/// `config_parse_cmdline`; https://docs.python.org/3/using/cmdline.html).
public struct PythonCommandLine: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        case script(String)
        case module(String)
        case command(String)
        case stdin
    }

    public var target: Target
    public var arguments: [String]
    public var isolated = false      // -I: implies -E, -s and (3.11+) -P
    public var ignoreEnvironment = false  // -E
    public var noUserSite = false    // -s
    public var noSite = false        // -S
    public var safePath = false      // -P (3.11+)

    /// Parses the arguments after the interpreter name. Returns nil for `--version`/`-h`, which
    /// print and exit without running anything.
    public static func parse(_ argv: [String]) -> PythonCommandLine? {
        var line = PythonCommandLine(target: .stdin, arguments: [])
        var index = 0
        while index < argv.count {
            let word = argv[index]
            if word == "-" { line.target = .stdin; line.arguments = Array(argv.dropFirst(index + 1)); return line }
            guard word.hasPrefix("-"), word.count > 1 else {
                line.target = .script(word)
                line.arguments = Array(argv.dropFirst(index + 1))
                return line
            }
            if word.hasPrefix("--") {
                if word == "--version" || word == "--help" || word == "--help-all" || word == "--help-env" || word == "--help-xoptions" { return nil }
                index += 1
                continue
            }
            var characters = Array(word.dropFirst())
            while !characters.isEmpty {
                let flag = characters.removeFirst()
                switch flag {
                case "c", "m":
                    let rest = String(characters)
                    let value: String
                    if !rest.isEmpty { value = rest } else if index + 1 < argv.count { index += 1; value = argv[index] } else { return nil }
                    line.target = flag == "c" ? .command(value) : .module(value)
                    line.arguments = Array(argv.dropFirst(index + 1))
                    return line
                case "W", "X":
                    if characters.isEmpty { index += 1 }
                    characters = []
                case "I": line.isolated = true; line.ignoreEnvironment = true; line.noUserSite = true; line.safePath = true
                case "E": line.ignoreEnvironment = true
                case "s": line.noUserSite = true
                case "S": line.noSite = true
                case "P": line.safePath = true
                case "h", "V", "?": return nil
                default: continue
                }
            }
            index += 1
        }
        return line
    }
}
