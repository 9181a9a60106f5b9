/// Splits a program's arguments into options and positionals the way getopt-style CLIs
/// (argparse, click, optparse) read them: `--name=value`, `--name value` for options known to
/// take a value, bare flags, and positionals. Used for `pip install` lines and server launchers.
public struct CommandOptions: Sendable, Equatable {
    public struct Option: Sendable, Equatable {
        public var name: String
        public var value: String?
    }

    /// Options and positionals in command-line order.
    public enum Item: Sendable, Equatable {
        case option(Option)
        case positional(String)
    }

    public var items: [Item]

    /// - Parameters:
    ///   - takesValue: option names that consume the next argument when written without `=`.
    ///   - attachedShortValue: short options whose value may be glued on (`-bVALUE`).
    public init(_ arguments: [String], takesValue: Set<String>, attachedShortValue: Set<String> = []) {
        var items: [Item] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                items.append(.option(Option(name: String(word[..<equals]), value: String(word[word.index(after: equals)...]))))
            } else if takesValue.contains(word), index + 1 < arguments.count {
                items.append(.option(Option(name: word, value: arguments[index + 1])))
                index += 1
            } else if let short = attachedShortValue.first(where: { word.hasPrefix($0) && word.count > $0.count }) {
                items.append(.option(Option(name: short, value: String(word.dropFirst(short.count)))))
            } else if word.hasPrefix("-"), word.count > 1 {
                items.append(.option(Option(name: word, value: nil)))
            } else {
                items.append(.positional(word))
            }
            index += 1
        }
        self.items = items
    }

    public var positionals: [String] { items.compactMap { if case .positional(let word) = $0 { return word }; return nil } }
    public var options: [Option] { items.compactMap { if case .option(let option) = $0 { return option }; return nil } }
}
