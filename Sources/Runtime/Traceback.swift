import Build

/// One line of a traceback: where a frame was executing and the statement's source lines.
public struct TracebackFrame: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var function: String
    /// The statement's physical lines (first to last); nil when the source is not readable, in
    /// which case CPython prints no source line.
    public var sourceLines: [String]?
    /// Columns of the statement on its first and last line (UTF-8 byte offsets, as in `ast`).
    public var startColumn: Int?
    public var endColumn: Int?

    public init(file: String, line: Int, function: String = "<module>", sourceLines: [String]?, startColumn: Int? = nil, endColumn: Int? = nil) {
        self.file = file
        self.line = line
        self.function = function
        self.sourceLines = sourceLines
        self.startColumn = startColumn
        self.endColumn = endColumn
    }
}

/// Renders tracebacks as `sys.excepthook` writes them to a non-TTY stderr, per minor version
/// (python-imports.md §3.2–3.4; CPython Lib/traceback.py; checked against 3.8.18, 3.10.13,
/// 3.11.7, 3.12.1 and 3.13.0 by experiment, recorded in Tests/RuntimeTests/TracebackTests.swift).
public struct TracebackRenderer: Sendable {
    public var version: PythonVersion

    public init(version: PythonVersion) { self.version = version }

    public func render(frames: [TracebackFrame], exception: String) -> String {
        var out = "Traceback (most recent call last):\n"
        for frame in frames {
            out += "  File \"\(frame.file)\", line \(frame.line), in \(frame.function)\n"
            out += sourceBlock(frame)
        }
        return out + exception + "\n"
    }

    func sourceBlock(_ frame: TracebackFrame) -> String {
        guard let lines = frame.sourceLines, let first = lines.first else { return "" }
        let strippedFirst = first.trimmingWhitespace()
        if strippedFirst.isEmpty { return "" }
        if lines.count == 1 {
            return "    \(strippedFirst)\n" + caretLine(line: first, stripped: strippedFirst, frame: frame)
        }
        // Multi-line statements: 3.8–3.12 print the first line only; 3.13 prints the first and
        // last lines with `...<N lines>...` between when more than one line is skipped, dedented
        // and indented by four spaces (3.13 Lib/traceback.py `StackSummary.format_frame_summary`).
        guard version.minor >= 13 else { return "    \(strippedFirst)\n" }
        var shown: [String]
        if lines.count <= 3 { shown = lines } else { shown = [lines[0], "\u{0}\(lines.count - 2)", lines[lines.count - 1]] }
        let indent = shown.filter { !$0.hasPrefix("\u{0}") && !$0.trimmingWhitespace().isEmpty }
            .map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
        return shown.map { line in
            if line.hasPrefix("\u{0}") { return "    ...<\(line.dropFirst()) lines>...\n" }
            return "    " + String(line.dropFirst(indent)).trimmingTrailingWhitespace() + "\n"
        }.joined()
    }

    /// 3.11+: carets under the failing statement when it covers less than the whole stripped
    /// line (`import os; import x`, a trailing comment); none before 3.11 (PEP 657).
    func caretLine(line: String, stripped: String, frame: TracebackFrame) -> String {
        guard version.minor >= 11, let startByte = frame.startColumn, let endByte = frame.endColumn else { return "" }
        let bytes = Array(line.utf8)
        let leading = line.prefix { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }.utf8.count
        guard startByte >= leading, endByte <= bytes.count, startByte < endByte else { return "" }
        // Byte offsets → character offsets (traceback.py `_byte_offset_to_character_offset`).
        let start = String(decoding: bytes[leading..<startByte], as: UTF8.self).count
        let end = String(decoding: bytes[leading..<endByte], as: UTF8.self).count
        if start == 0 && end >= stripped.count { return "" }
        return "    " + String(repeating: " ", count: start) + String(repeating: "^", count: end - start) + "\n"
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }

    func trimmingTrailingWhitespace() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

/// Interpreter-internal frames CPython shows above the user's frames for `python -m`
/// (python-imports.md §3.5: runpy line numbers per patch release, [EXP]).
enum RunpyFrames {
    static func frames(version: PythonVersion, stdlibDirectory: String) -> [TracebackFrame]? {
        let file = version.minor >= 11 ? "<frozen runpy>" : "\(stdlibDirectory)/runpy.py"
        let lines: (Int, Int)
        switch (version.minor, version.patch) {
        case (8, 18): lines = (194, 87)
        case (9, 18): lines = (197, 87)
        case (10, 13): lines = (196, 86)
        case (11, 7), (12, 1), (13, 0): lines = (198, 88)
        default: return nil
        }
        let sourced = version.minor < 11
        return [
            TracebackFrame(file: file, line: lines.0, function: "_run_module_as_main",
                           sourceLines: sourced ? ["    return _run_code(code, main_globals, None,"] : nil),
            TracebackFrame(file: file, line: lines.1, function: "_run_code", sourceLines: sourced ? ["    exec(code, run_globals)"] : nil),
        ]
    }
}
