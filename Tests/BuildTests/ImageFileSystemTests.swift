import Snapshot
import Testing
@testable import Build

/// The layered image filesystem: mounts, explicit nodes, imports, removals, symlinks.
@Suite struct ImageFileSystemTests {
    let snapshot = RepoSnapshot.inMemory(["app/main.py": "print(1)", "app/pkg/__init__.py": "", "app/.venv/x": "", "other.txt": "o"])

    @Test func imagePathArithmetic() {
        #expect(ImagePath.clean("/a/./b/../c//d/") == "/a/c/d")
        #expect(ImagePath.clean("/../..") == "/")
        #expect(ImagePath.join("/app", "../etc") == "/etc")
        #expect(ImagePath.join("/app", "/abs") == "/abs")
        #expect(ImagePath.dirname("/a/b") == "/a")
        #expect(ImagePath.dirname("/a") == "/")
        #expect(ImagePath.basename("/a/b/") == "b")
        #expect(ImagePath.relative("/app/x/y", to: "/app") == ["x", "y"])
        #expect(ImagePath.relative("/application", to: "/app") == nil)
    }

    @Test func mountShowsTheSubtreeMinusExclusions() throws {
        var fs = ImageFileSystem(snapshot: snapshot)
        fs.add(.mount(target: "/srv", source: try #require(RepoPath("app")), excluded: ExcludedPaths { $0.name == ".venv" }))
        #expect(fs.isFile("/srv/main.py"))
        #expect(fs.isDirectory("/srv/pkg"))
        #expect(fs.isDirectory("/"))
        #expect(fs.isDirectory("/srv"))
        #expect(!fs.exists("/srv/.venv/x"))
        #expect(!fs.exists("/other.txt"))
        #expect(fs.children(of: "/srv") == ["main.py", "pkg"])
        #expect(fs.children(of: "/") == ["srv"])
        #expect(try fs.contents(of: "/srv/main.py") == Array("print(1)".utf8))
        #expect(fs.imagePaths(of: try #require(RepoPath("app/main.py"))) == ["/srv/main.py"])
    }

    @Test func laterLayersWinAndRemovalsHide() throws {
        var fs = ImageFileSystem(snapshot: snapshot)
        fs.add(.mount(target: "/srv", source: try #require(RepoPath("app")), excluded: .none))
        fs.addNodes(["/srv/main.py": .file(.generated(contents: [0x41], by: "test")), "/opt/x/y": .directory(nil)])
        #expect(try fs.contents(of: "/srv/main.py") == [0x41])
        #expect(fs.isDirectory("/opt/x"))
        fs.add(.removed(["/srv/pkg"]))
        #expect(!fs.exists("/srv/pkg/__init__.py"))
        #expect(!fs.children(of: "/srv").contains("pkg"))
        fs.addNodes(["/srv/pkg/new.py": .file(.generated(contents: [], by: "test"))])
        #expect(fs.isFile("/srv/pkg/new.py"))
        #expect(throws: SnapshotError.self) { try fs.contents(of: "/nope") }
    }

    @Test func importedLayer() throws {
        var base = ImageFileSystem(snapshot: snapshot)
        base.addNodes(["/opt/venv/pyvenv.cfg": .file(.generated(contents: [], by: "venv"))])
        var fs = ImageFileSystem(snapshot: snapshot)
        fs.add(.imported(ImageFileSystemBox(base), sourcePath: "/opt/venv", target: "/venv"))
        #expect(fs.isFile("/venv/pyvenv.cfg"))
        #expect(fs.children(of: "/venv") == ["pyvenv.cfg"])
        #expect(!fs.exists("/opt/venv"))
    }

    @Test func symlinksResolveAndLoopsEnd() {
        var fs = ImageFileSystem(snapshot: snapshot)
        fs.addNodes(["/usr/bin/python3.12": .file(.baseImage("t")), "/usr/bin/python3": .symlink(target: "python3.12"),
                     "/usr/bin/python": .symlink(target: "/usr/bin/python3"), "/loop/a": .symlink(target: "b"), "/loop/b": .symlink(target: "a")])
        #expect(fs.realpath("/usr/bin/python") == "/usr/bin/python3.12")
        #expect(fs.realpath("/usr/./bin/../bin/python3") == "/usr/bin/python3.12")
        _ = fs.realpath("/loop/a")  // must terminate (40 hops, path_resolution(7))
        #expect(!fs.isFile("/usr/bin/python"))
    }

    @Test func deepPathsDoNotRecurse() {
        var fs = ImageFileSystem(snapshot: snapshot)
        let deep = "/" + Array(repeating: "d", count: 5000).joined(separator: "/")
        fs.addNodes([deep: .file(.baseImage("t"))])
        #expect(fs.isFile(deep))
    }
}
