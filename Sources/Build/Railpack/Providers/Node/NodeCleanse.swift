/// After config is applied, a step other than install that deletes node_modules (`npm ci`,
/// `rm -rf node_modules`, rimraf) loses the node_modules/.cache mount, which would otherwise
/// break Docker's cache checksum (railpack:core/providers/node/cleanse.go CleansePlan; railpack PR #259).
extension RailpackNodeProvider {
    func cleansePlan(_ plan: inout RailpackPlan) {
        // Go ranges over the cache map; with one cache on that directory the pick is the same.
        guard let cacheName = plan.caches.keys.sorted().first(where: { plan.caches[$0]?.directory == Self.nodeModulesCache }) else { return }
        for index in plan.steps.indices {
            let step = plan.steps[index]
            guard step.name != "install", Self.removesNodeModules(step.commands), !step.caches.isEmpty else { continue }
            plan.steps[index].caches = step.caches.filter { !$0.isEmpty && $0 != cacheName }
        }
    }

    /// Any exec command matching `(?i)\bnpm\s+ci\b` or
    /// `(?i)\b(?:rm\s+-r[f]?|rmdir|rimraf)\s+(?:\S*\/)?node_modules\b` (cleanse.go willRemoveNodeModules).
    static func removesNodeModules(_ commands: [RailpackPlan.Command]) -> Bool {
        commands.contains { command in
            guard case .exec(let cmd, _) = command else { return false }
            return NodeCleanseScan.runsNpmCi(cmd) || NodeCleanseScan.removesNodeModules(cmd)
        }
    }
}

/// The two cleanse.go patterns as matchers, ASCII case-insensitive with Go's `\s` and `\b`.
enum NodeCleanseScan {
    typealias Char = NodeConfigScan.Char

    static func runsNpmCi(_ text: String) -> Bool {
        let chars = Array(text.lowercased().unicodeScalars)
        for start in chars.indices where starts(chars, "npm", at: start) && boundaryBefore(chars, start) {
            var index = start + 3
            let spaces = index
            while index < chars.count, NodeConfigScan.isSpace(chars[index]) { index += 1 }
            guard index > spaces, starts(chars, "ci", at: index), boundaryAfter(chars, index + 2) else { continue }
            return true
        }
        return false
    }

    static func removesNodeModules(_ text: String) -> Bool {
        let chars = Array(text.lowercased().unicodeScalars)
        for start in chars.indices where boundaryBefore(chars, start) {
            var heads: [Int] = []  // where the argument may start, one per matching command word
            if starts(chars, "rm", at: start) {
                var index = start + 2
                let spaces = index
                while index < chars.count, NodeConfigScan.isSpace(chars[index]) { index += 1 }
                if index > spaces, starts(chars, "-r", at: index) {
                    heads.append(index + 2)
                    if index + 2 < chars.count, chars[index + 2] == "f" { heads.append(index + 3) }
                }
            }
            if starts(chars, "rmdir", at: start) { heads.append(start + 5) }
            if starts(chars, "rimraf", at: start) { heads.append(start + 6) }
            for head in heads where argumentIsNodeModules(chars, head) { return true }
        }
        return false
    }

    /// `\s+(?:\S*\/)?node_modules\b` from `index`.
    private static func argumentIsNodeModules(_ chars: [Char], _ index: Int) -> Bool {
        var start = index
        while start < chars.count, NodeConfigScan.isSpace(chars[start]) { start += 1 }
        guard start > index else { return false }
        var end = start
        while end < chars.count, !NodeConfigScan.isSpace(chars[end]) { end += 1 }
        if starts(chars, "node_modules", at: start), boundaryAfter(chars, start + 12) { return true }
        for slash in start..<end where chars[slash] == "/" {
            if starts(chars, "node_modules", at: slash + 1), boundaryAfter(chars, slash + 13) { return true }
        }
        return false
    }

    private static func starts(_ chars: [Char], _ word: String, at index: Int) -> Bool {
        let needle = Array(word.unicodeScalars)
        return index + needle.count <= chars.count && Array(chars[index..<(index + needle.count)]) == needle
    }

    private static func boundaryBefore(_ chars: [Char], _ index: Int) -> Bool {
        index == 0 || !NodeConfigScan.isWord(chars[index - 1])
    }

    private static func boundaryAfter(_ chars: [Char], _ index: Int) -> Bool {
        index >= chars.count || !NodeConfigScan.isWord(chars[index])
    }
}
