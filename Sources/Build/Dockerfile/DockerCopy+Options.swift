import Snapshot

/// COPY/ADD flags that change which files land where: `--exclude`, `--parents`, and ADD's
/// extraction of local tar archives (dockerfile.md rules 25–30; BuildKit docs/reference.md
/// "COPY --exclude", "COPY --parents", "Adding local tar archives").
extension DockerCopy {
    /// All values of a repeatable flag, as written (BuildKit never expands `--exclude`: dockerfile.md rule 13).
    func flagValues(_ name: String) -> [String] {
        instruction.flags.filter { $0.hasPrefix("--\(name)=") }.map { String($0.dropFirst(name.count + 3)) }
    }

    /// A bool flag: `--parents` or `--parents=true` (instructions/bflag.go: the last value wins).
    func boolFlag(_ name: String) -> Bool {
        guard let last = instruction.flags.last(where: { $0 == "--\(name)" || $0.hasPrefix("--\(name)=") }) else { return false }
        return last == "--\(name)" || last.lowercased() == "--\(name)=true"
    }

    /// `--exclude` patterns are matched like .dockerignore lines (patternmatcher, parent directories
    /// included) against paths relative to each copied source; BuildKit's
    /// frontend/dockerfile/exclude_patterns_test.go `testExcludedFilesOnCopy`: `COPY --exclude=*/*.png . /1`
    /// drops dir1/file-101.png, `ADD --exclude=*.mp3 dir3/ /3/` drops dir3's file-301.mp3.
    func excludeMatcher() throws(DockerPatternMatcher.PatternError) -> DockerPatternMatcher? {
        let patterns = flagValues("exclude")
        return patterns.isEmpty ? nil : try DockerPatternMatcher(patterns: patterns)
    }

    /// `--parents`: where a matched source lands under the destination. The path is kept from the
    /// first `/./` pivot of the source as written, or from the context root without one
    /// (docs/reference.md "COPY --parents"; dockerfile_parents_test.go: `/test/a/./b/./c` → `/out/b/c`,
    /// `/test/a/b/c/d/.` keeps `test/a/b/c/d`).
    func parentsTarget(source: String, match: RepoPath, destination: String) -> String {
        var pivot = evaluator.context
        if let range = source.range(of: "/./") {
            pivot = contextPath(String(source[..<range.lowerBound]))
        }
        let kept = (match.relative(to: pivot) ?? match.relative(to: evaluator.context))?.components ?? match.components
        return ImagePath.join(destination, kept.joined(separator: "/"))
    }

    /// BuildKit unpacks an ADD source when, after decompression, it reads as a tar archive
    /// (solver/llbsolver/file/unpack.go `isArchivePath`: compression.DecompressStream, then
    /// tar.Reader.Next). railsim checks an uncompressed header's checksum as Go's archive/tar does;
    /// for a gzip/bzip2/xz/zstd stream it assumes a tar inside without decompressing.
    func archiveKind(_ path: RepoPath) -> String? {
        (try? evaluator.snapshot.read(path)).flatMap(Self.archiveKind)
    }

    static func archiveKind(_ bytes: [UInt8]) -> String? {
        func starts(_ magic: [UInt8]) -> Bool { bytes.count >= magic.count && Array(bytes.prefix(magic.count)) == magic }
        // Magic numbers as containerd's compression.DetectCompression lists them.
        if starts([0x1F, 0x8B, 0x08]) { return "gzip-compressed" }
        if starts([0x42, 0x5A, 0x68]) { return "bzip2-compressed" }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return "xz-compressed" }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return "zstd-compressed" }
        return tarHeaderChecksumMatches(bytes) ? "tar" : nil
    }

    /// Go archive/tar reader.go `readHeader`/`checksum`: the 8-byte octal field at offset 148 equals the
    /// sum of the 512 header bytes with that field read as spaces (unsigned or signed sum).
    static func tarHeaderChecksumMatches(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 512, !bytes.prefix(512).allSatisfy({ $0 == 0 }) else { return false }
        let field = bytes[148..<156]
        let digits = field.drop { $0 == 0x20 || $0 == 0 }.prefix { $0 >= 0x30 && $0 <= 0x37 }
        guard !digits.isEmpty, let stored = Int(String(decoding: digits, as: UTF8.self), radix: 8) else { return false }
        var unsigned = 0, signed = 0
        for (i, byte) in bytes.prefix(512).enumerated() {
            let value = (148..<156).contains(i) ? 0x20 : byte
            unsigned += Int(value)
            signed += Int(Int8(bitPattern: value))
        }
        return stored == unsigned || stored == signed
    }
}
