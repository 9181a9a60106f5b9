/// Railpack reads a `Procfile` as YAML mapping process types to commands and takes `web`, then
/// `worker`, then any other type (railpack:core/providers/procfile/procfile.go). Procfiles in
/// practice are `name: command` lines, which is the subset of YAML railsim reads.
struct Procfile {
    var processes: [(name: String, command: String, line: Int)]

    init(text: String) {
        processes = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let command = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name.isEmpty || command.isEmpty { continue }
            processes.append((name, command, offset + 1))
        }
    }

    /// web > worker > any other. Go map order makes "any other" nondeterministic upstream;
    /// railsim takes the first in the file and says so where it matters.
    var selected: (name: String, command: String, line: Int)? {
        processes.first { $0.name == "web" } ?? processes.first { $0.name == "worker" } ?? processes.first
    }
}

import Foundation
