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
    /// 3.11+: the failing sub-expression of a one-line statement and its anchors, when it is not
    /// the whole statement (PEP 657).
    public var carets: TracebackCarets?

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
        if version.minor >= 11, let carets = frame.carets { return anchoredCaretLine(line: line, carets: carets) }
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

/// Byte columns on a traceback line: the failing expression `start..<end`, drawn with `~`, and
/// the anchored part `anchorStart..<anchorEnd` drawn with `^` (e.g. a subscript's `[...]`).
public struct TracebackCarets: Sendable, Equatable {
    public var start: Int, end: Int, anchorStart: Int, anchorEnd: Int

    public init(start: Int, end: Int, anchorStart: Int, anchorEnd: Int) {
        self.start = start
        self.end = end
        self.anchorStart = anchorStart
        self.anchorEnd = anchorEnd
    }
}

extension TracebackRenderer {
    /// 3.11+ `traceback.py` with anchors (`_extract_caret_anchors_from_line_segment`, ast.Subscript:
    /// `~` under the value, `^` from `[` to `]`); drawn even when the expression is the whole line
    /// [EXP 3.11.7, 3.12.1, 3.13.0: `os.environ["X"]` alone on a line].
    func anchoredCaretLine(line: String, carets: TracebackCarets) -> String {
        let bytes = Array(line.utf8)
        let leading = line.prefix { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }.utf8.count
        guard carets.start >= leading, carets.start <= carets.anchorStart, carets.anchorStart < carets.anchorEnd,
              carets.anchorEnd <= carets.end, carets.end <= bytes.count else { return "" }
        func width(_ a: Int, _ b: Int) -> Int { String(decoding: bytes[a..<b], as: UTF8.self).count }
        return "    " + String(repeating: " ", count: width(leading, carets.start)) + String(repeating: "~", count: width(carets.start, carets.anchorStart))
            + String(repeating: "^", count: width(carets.anchorStart, carets.anchorEnd)) + String(repeating: "~", count: width(carets.anchorEnd, carets.end)) + "\n"
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
/// (python-imports.md §3.5: runpy line numbers per patch release, [EXP]). For other patch
/// releases the same minor's numbers are used and the result is marked inexact.
enum RunpyFrames {
    struct Lines { var runModuleAsMain: Int; var inner: Int }

    /// `_run_module_as_main` → `_run_code`: the module body raised.
    static func frames(version: PythonVersion, stdlibDirectory: String) -> (frames: [TracebackFrame], exact: Bool) {
        let known: [Int: (patch: Int, lines: Lines)] = [
            8: (18, Lines(runModuleAsMain: 194, inner: 87)), 9: (18, Lines(runModuleAsMain: 197, inner: 87)),
            10: (13, Lines(runModuleAsMain: 196, inner: 86)), 11: (7, Lines(runModuleAsMain: 198, inner: 88)),
            12: (1, Lines(runModuleAsMain: 198, inner: 88)), 13: (0, Lines(runModuleAsMain: 198, inner: 88)),
        ]
        return build(version: version, stdlibDirectory: stdlibDirectory, known: known, innerFunction: "_run_code",
                     sources: ("    return _run_code(code, main_globals, None,", "    exec(code, run_globals)"))
    }

    /// `_run_module_as_main` → `_get_module_details`: importing the parent package raised.
    static func detailsFrames(version: PythonVersion, stdlibDirectory: String) -> (frames: [TracebackFrame], exact: Bool) {
        let known: [Int: (patch: Int, lines: Lines)] = [
            8: (18, Lines(runModuleAsMain: 185, inner: 111)), 9: (18, Lines(runModuleAsMain: 188, inner: 111)),
            10: (13, Lines(runModuleAsMain: 187, inner: 110)), 11: (7, Lines(runModuleAsMain: 189, inner: 112)),
            12: (1, Lines(runModuleAsMain: 189, inner: 112)), 13: (0, Lines(runModuleAsMain: 189, inner: 112)),
        ]
        return build(version: version, stdlibDirectory: stdlibDirectory, known: known, innerFunction: "_get_module_details",
                     sources: ("    mod_name, mod_spec, code = _get_module_details(mod_name, _Error)", "    __import__(pkg_name)"))
    }

    /// `-m pkg`: `_run_module_as_main` → `_get_module_details(pkg)` → `_get_module_details(pkg.__main__)`,
    /// which imports pkg [EXP 3.8.18–3.13.0].
    static func packageDetailsFrames(version: PythonVersion, stdlibDirectory: String) -> (frames: [TracebackFrame], exact: Bool) {
        let details = detailsFrames(version: version, stdlibDirectory: stdlibDirectory)
        let known: [Int: Int] = [8: 144, 9: 147, 10: 146, 11: 148, 12: 148, 13: 148]
        guard details.frames.count == 2, let line = known[version.minor] ?? known[version.minor < 8 ? 8 : 13] else { return details }
        let recursion = TracebackFrame(file: details.frames[0].file, line: line, function: "_get_module_details",
                                       sourceLines: version.minor < 11 ? ["        return _get_module_details(pkg_main_name, error)"] : nil)
        return ([details.frames[0], recursion, details.frames[1]], details.exact)
    }

    static func build(version: PythonVersion, stdlibDirectory: String, known: [Int: (patch: Int, lines: Lines)],
                      innerFunction: String, sources: (String, String)) -> (frames: [TracebackFrame], exact: Bool) {
        // 3.11+ freezes runpy: `<frozen runpy>` frames without source lines.
        let file = version.minor >= 11 ? "<frozen runpy>" : "\(stdlibDirectory)/runpy.py"
        let entry = known[version.minor] ?? known[version.minor < 8 ? 8 : 13]
        guard let entry else { return ([], false) }
        let sourced = version.minor < 11
        let frames = [
            TracebackFrame(file: file, line: entry.lines.runModuleAsMain, function: "_run_module_as_main", sourceLines: sourced ? [sources.0] : nil),
            TracebackFrame(file: file, line: entry.lines.inner, function: innerFunction, sourceLines: sourced ? [sources.1] : nil),
        ]
        return (frames, version.patch == entry.patch && known[version.minor] != nil)
    }
}
