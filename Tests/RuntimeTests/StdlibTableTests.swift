import Testing
@testable import Runtime

@Suite("Standard-library tables")
struct StdlibTableTests {
    @Test("every minor 3.8...3.13 has a table generated from that version", arguments: 8...13)
    func tablesExist(minor: Int) throws {
        let table = try #require(StdlibTable.table(minor: minor))
        #expect(table.minor == minor)
        #expect(table.generatedFrom.hasPrefix("3.\(minor)."))
        #expect(table.cacheTag == "cpython-3\(minor)")
        #expect(table.extensionSuffixes.first == ".cpython-3\(minor)-x86_64-linux-gnu.so")
        #expect(table.extensionSuffixes.contains(".abi3.so"))
        #expect(table.layout.stdlibDirectory == "lib/python3.\(minor)")
        #expect(table.layout.zipPath == "lib/python3\(minor).zip")
        #expect(table.layout.dynloadDirectory == "lib/python3.\(minor)/lib-dynload")
        #expect(table.layout.sysPathEntries(prefix: "/usr/local/") == [
            "/usr/local/lib/python3\(minor).zip", "/usr/local/lib/python3.\(minor)",
            "/usr/local/lib/python3.\(minor)/lib-dynload",
        ])
        #expect(table.moduleNames.count > 600)
    }

    @Test("names every version has", arguments: 8...13)
    func commonNames(minor: Int) throws {
        let table = try #require(StdlibTable.table(minor: minor))
        #expect(table.module("os")?.kind == .source)
        #expect(table.module("json")?.kind == .package)
        #expect(table.module("json.decoder")?.kind == .source)
        #expect(table.module("importlib.util") != nil)
        #expect(table.isPresent("os.path"))
        #expect(table.isBuiltin("sys"))
        #expect(table.isBuiltin("builtins"))
        #expect(!table.isBuiltin("os"))
        #expect(table.isStdlibTopLevel("sys"))
        #expect(table.isStdlibTopLevel("collections"))
        #expect(!table.isStdlibTopLevel("requests"))
        #expect(!table.isStdlibTopLevel("yaml"))
        #expect(!table.isPresent("json.nonexistent"))
        #expect(table.isFrozen("zipimport"))
        #expect(table.cannotBeShadowed("os"), "os is in sys.modules at start-up on every version")
        #expect(!table.cannotBeShadowed("json"))
        if case .extension(let file)? = table.module("_ssl")?.kind {
            #expect(file == "_ssl.cpython-3\(minor)-x86_64-linux-gnu.so")
        } else {
            Issue.record("_ssl should be an extension module in lib-dynload")
        }
        #expect(table.module("test")?.kind == .package)
        #expect(table.module("test.support") == nil, "test internals are excluded")
        #expect(table.isRemovedInOfficialImages("test"))
        #expect(table.isRemovedInOfficialImages("unittest.test"))
        #expect(!table.isRemovedInOfficialImages("unittest"))
        #expect(table.submodules(of: "json").contains("json.decoder"))
    }

    @Test("version differences")
    func versionDifferences() throws {
        let t8 = try #require(StdlibTable.table(minor: 8))
        let t10 = try #require(StdlibTable.table(minor: 10))
        let t11 = try #require(StdlibTable.table(minor: 11))
        let t12 = try #require(StdlibTable.table(minor: 12))
        let t13 = try #require(StdlibTable.table(minor: 13))

        #expect(t11.isPresent("distutils") && !t12.isPresent("distutils"))
        #expect(t11.isStdlibTopLevel("distutils") && !t12.isStdlibTopLevel("distutils"))
        #expect(!t10.isPresent("tomllib") && t11.isPresent("tomllib") && t13.isPresent("tomllib"))
        #expect(t11.isPresent("asyncore") && !t12.isPresent("asyncore"))
        #expect(t12.isPresent("cgi") && !t13.isPresent("cgi"))
        #expect(!t13.isStdlibTopLevel("cgi"))
        #expect(t8.isBuiltin("xxsubtype"))

        // runpy, os.path and importlib.util are frozen only from 3.11 (research §1.5).
        #expect(!t10.isFrozen("runpy") && t11.isFrozen("runpy") && t13.isFrozen("runpy"))
        #expect(!t10.isFrozen("os.path") && t11.isFrozen("os.path"))
        #expect(t11.isFrozen("importlib.util") && t11.isFrozen("os"))
        #expect(t10.cannotBeShadowed("os") && !t10.cannotBeShadowed("runpy"))
        #expect(t13.isImportedAtStartup("linecache") && !t12.isImportedAtStartup("linecache"))

        #expect(t8.stdlibModuleNames == nil)
        #expect(t10.stdlibModuleNames?.contains("winreg") == true)
        #expect(t10.isStdlibTopLevel("winreg") && !t10.isPresent("winreg"))
        #expect(t11.mayBeAbsent("msvcrt"))
        #expect(!t11.mayBeAbsent("json"))
    }

    @Test("unknown minors")
    func unknownMinors() {
        #expect(StdlibTable.table(minor: 7) == nil)
        #expect(StdlibTable.table(minor: 14) == nil)
        #expect(StdlibTable.nearestTable(minor: 14)?.minor == 13)
        #expect(StdlibTable.nearestTable(minor: 2)?.minor == 8)
        #expect(StdlibTable.supportedMinors == [8, 9, 10, 11, 12, 13])
    }

    @Test("odd inputs never crash")
    func oddInputs() throws {
        let table = try #require(StdlibTable.table(minor: 12))
        for name in ["", ".", "..", "os.", ".os", "a b", "json..decoder", "\u{0}", String(repeating: "x.", count: 500)] {
            _ = table.isPresent(name)
            _ = table.isStdlibTopLevel(name)
            _ = table.module(name)
            _ = table.mayBeAbsent(name)
            _ = table.submodules(of: name)
        }
        #expect(!table.isPresent(""))
    }
}
