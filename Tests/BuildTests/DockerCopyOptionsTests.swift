import Foundation
import Railway
import Snapshot
import Testing
import TestSupport
@testable import Build

/// COPY/ADD `--exclude`, `--parents` and ADD's archive detection, paraphrasing BuildKit's integration
/// tests (frontend/dockerfile/exclude_patterns_test.go, dockerfile_parents_test.go) with the same
/// file trees in the build context and `FROM python:3.12-slim` instead of scratch/busybox.
@Suite struct DockerCopyOptionsTests {
    func image(_ files: [String: String]) throws -> Image {
        let result = try BT.build(files)
        return try #require(result.image, "build failed: \(result.failure?.message ?? "")")
    }

    /// exclude_patterns_test.go `testExcludedFilesOnCopy`'s context (without its symlinks).
    static let excludeContext: [String: String] = [
        "dir1/file-101.png": "2", "dir1/file-102.txt": "3", "dir1/file-103.jpeg": "4",
        "dir2/file-201.pdf": "6", "dir2/file-202.jpeg": "7", "dir2/file-203.png": "8",
        "dir3/file-301.mp3": "9", "dir3/file-302.mpeg": "10", "dir4/file-401.txt": "11",
    ]

    @Test(arguments: [
        // builder1: ignore all the image files.
        ("COPY --exclude=*/*.png --exclude=*/*.jpeg . /1", "/1", ["dir1/file-102.txt", "dir2/file-201.pdf", "dir3/file-301.mp3", "dir3/file-302.mpeg", "dir4/file-401.txt"]),
        // builder2: ignore all document files.
        ("COPY --exclude=*/*.pdf --exclude=*/*.txt . /2", "/2", ["dir1/file-101.png", "dir1/file-103.jpeg", "dir2/file-202.jpeg", "dir2/file-203.png", "dir3/file-301.mp3", "dir3/file-302.mpeg"]),
        // builder3: patterns are relative to the source directory.
        ("ADD --exclude=*.mp3 dir3/ /3/", "/3", ["file-302.mpeg"]),
        // builder4: wildcard source, each match's contents flattened, only .mpeg left.
        ("COPY --exclude=*.mp3 --exclude=*.jpeg --exclude=*.png --exclude=*.pdf --exclude=*.txt dir* /4/", "/4", ["file-302.mpeg"]),
        // builder5: only .txt files left.
        ("ADD --exclude=*.mp* --exclude=*.jpeg --exclude=*.png --exclude=*.pdf dir* /5", "/5", ["file-102.txt", "file-401.txt"]),
        // builder6: everything excluded.
        ("ADD --exclude=* dir* /6", "/6", []),
    ])
    func excludeMatchesBuildKitsTest(_ line: String, _ root: String, _ kept: [String]) throws {
        var files = Self.excludeContext
        files["Dockerfile"] = "FROM python:3.12-slim\n\(line)\n"
        let built = try image(files)
        let all = Set(Self.excludeContext.keys.flatMap { [$0, ImagePath.basename("/" + $0)] })
        let present = all.filter { built.fileSystem.isFile(ImagePath.join(root, $0)) }
        #expect(present == Set(kept), "\(line)")
    }

    @Test func parentsKeepTheSourcePath() throws {
        // dockerfile_parents_test.go testCopyParents.
        let built = try image(["foo1/foo2/bar": "testing", "foo1/foo2/baz": "testing2", "Dockerfile": """
            FROM python:3.12-slim
            COPY --parents foo1/foo2/bar /
            WORKDIR /test
            COPY --parents foo1/foo2/ba* .
            """])
        #expect(built.fileSystem.isFile("/foo1/foo2/bar"))
        #expect(built.fileSystem.isFile("/test/foo1/foo2/bar"))
        #expect(built.fileSystem.isFile("/test/foo1/foo2/baz"))
        // Without --parents the same COPY flattens.
        let flat = try image(["foo1/foo2/bar": "testing", "Dockerfile": "FROM python:3.12-slim\nCOPY foo1/foo2/bar /\n"])
        #expect(flat.fileSystem.isFile("/bar"))
    }

    @Test(arguments: [
        // dockerfile_parents_test.go testCopyRelativeParents, with the tree in the context under test/.
        ("test/a/b/./c/d", ["/out/c/d/foo", "/out/c/d/e/bay"], ["/out/a", "/out/e"]),
        ("test/a/b/c/d/.", ["/out/test/a/b/c/d/foo"], []),
        ("./test/a/b/c/d", ["/out/test/a/b/c/d/foo"], []),
        ("test/a/./b/./c", ["/out/b/c/d/foo"], []),
        ("test/a/./*/c", ["/out/b/c/d/foo", "/out/b2/c/d/e/bar"], []),
    ])
    func parentsPivot(_ source: String, _ present: [String], _ absent: [String]) throws {
        let built = try image(["test/a/b/c/d/foo": "", "test/a/b/c/d/e/bay": "", "test/a/b2/c/d/e/bar": "",
                               "Dockerfile": "FROM python:3.12-slim\nCOPY --parents \(source) /out/\n"])
        for path in present { #expect(built.fileSystem.isFile(path), "\(source): \(path)") }
        for path in absent { #expect(!built.fileSystem.isDirectory(path) && !built.fileSystem.isFile(path), "\(source): \(path)") }
    }

    @Test func addOfALocalTarArchiveIsExtractedNotCopied() throws {
        // unpack.go isArchivePath; the archive is made by the system tar, the header check is Go archive/tar's.
        let directory = try ProcessRunner.temporaryDirectory("railsim-tar")
        defer { try? FileManager.default.removeItem(at: directory) }
        try "import flask\n".write(to: directory.appendingPathComponent("app.py"), atomically: true, encoding: .utf8)
        let tar = try ProcessRunner.run("/usr/bin/env", ["tar", "-cf", "app.tar", "app.py"], cwd: directory.path)
        try #require(tar.status == 0, "\(tar.stderr)")
        let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent("app.tar")))
        #expect(DockerCopy.archiveKind(bytes) == "tar")
        // Corrupt the checksum: Go's reader rejects it, so BuildKit copies the file as is.
        var corrupt = bytes
        corrupt[0] ^= 0x01
        #expect(DockerCopy.archiveKind(corrupt) == nil)
        #expect(DockerCopy.archiveKind(Array("plain text\n".utf8)) == nil)
        #expect(DockerCopy.archiveKind([0x1F, 0x8B, 0x08, 0x00]) == "gzip-compressed")

        let result = try BT.build(["app.tar": String(decoding: bytes, as: UTF8.self), "notes.tar": "not an archive",
                                   "Dockerfile": "FROM python:3.12-slim\nADD app.tar notes.tar /srv/\nCOPY app.tar /copied/\n"])
        let built = try #require(result.image)
        #expect(!built.fileSystem.isFile("/srv/app.tar"))
        #expect(built.fileSystem.isFile("/srv/notes.tar"))
        #expect(built.fileSystem.isFile("/copied/app.tar"))  // COPY never extracts
        #expect(result.notes.contains { if case .runNotModelled(let command, _) = $0 { return command.hasPrefix("ADD app.tar (a tar archive") } else { return false } })
        let kept = try BT.build(["app.tar": String(decoding: bytes, as: UTF8.self), "Dockerfile": "FROM python:3.12-slim\nADD --unpack=false app.tar /srv/\n"])
        #expect(try #require(kept.image).fileSystem.isFile("/srv/app.tar"))
    }
}
