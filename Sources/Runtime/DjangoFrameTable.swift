import Build

/// Django's own traceback frames, recorded by `scripts/generate-django-frames.py` from the Django
/// version in railsim's distribution catalogue (data in DjangoFrameTableData.swift).
enum DjangoFrameTable {
    struct Frame: Sendable {
        /// `{site}` stands for the site-packages directory, `{stdlib}` for the stdlib directory.
        let file: String
        let line: Int
        let function: String
        /// The lines printed under the `File` line (source and caret lines), verbatim.
        let printed: [String]
    }

    /// What Django was importing when it failed.
    enum Scenario: String { case app, settings, urlconf }
    /// How `importlib.import_module` failed (its frames differ).
    enum Shape: String { case missing, missingParent, body }

    /// The recorded minor closest to `minor`, and whether it is `minor` itself.
    static func recordedMinor(_ minor: Int) -> (minor: Int, same: Bool)? {
        let recorded = patches.keys.sorted()
        if recorded.contains(minor) { return (minor, true) }
        guard let nearest = recorded.min(by: { abs($0 - minor) < abs($1 - minor) }) else { return nil }
        return (nearest, false)
    }

    /// Django's frames from `execute_from_command_line` down to its `import_module(...)` call.
    /// Commands other than the recorded `migrate` and `check` reuse `check`'s frames (inexact),
    /// except for INSTALLED_APPS, which `ManagementUtility.execute` imports before dispatching
    /// (django/core/management/__init__.py, 6.1.3).
    static func prefix(minor: Int, command: String, scenario: Scenario) -> (frames: [Frame], exact: Bool)? {
        guard let recorded = recordedMinor(minor) else { return nil }
        let known = command == "migrate" || command == "check"
        let key = "\(recorded.minor)/\(known ? command : "check")/\(scenario.rawValue)"
        guard let frames = prefixes[key] else { return nil }
        // ROOT_URLCONF is first imported by whichever URL check runs first; checks are kept in a
        // set (django/core/checks/registry.py `registered_checks`, 6.1.3), so the frames vary from
        // run to run (check_url_config or check_custom_error_handlers) [EXP 3.12.1, 3.13.0].
        return (frames, recorded.same && (known || scenario == .app) && scenario != .urlconf)
    }

    static func tail(minor: Int, shape: Shape) -> (frames: [Frame], exact: Bool)? {
        guard let recorded = recordedMinor(minor), let frames = importlibTails["\(recorded.minor)/\(shape.rawValue)"] else { return nil }
        return (frames, recorded.same)
    }

    static func render(_ frames: [Frame], sitePackages: String, stdlib: String) -> String {
        frames.map { frame in
            let file = frame.file.replacingOccurrences(of: "{site}", with: sitePackages).replacingOccurrences(of: "{stdlib}", with: stdlib)
            return "  File \"\(file)\", line \(frame.line), in \(frame.function)\n" + frame.printed.map { $0 + "\n" }.joined()
        }.joined()
    }
}
