import Snapshot
import Testing
@testable import Build

/// Railpack's C/C++ provider (railpack:core/providers/cpp/*.go).
@Suite struct RailpackCppTests {
    @Test func mesonInARootDirectory() throws {
        // Meson brings ninja, python and pipx (meson.go Install); the binary is named after the
        // app directory, here the Root Directory (cpp.go Plan).
        try RailpackFixturePlans.check("cpp-meson-subdir")
    }

    @Test func cmakeWinsOverMeson() {
        let snapshot = RepoSnapshot.inMemory(["CMakeLists.txt": "project(x)\n", "meson.build": "project('x')\n"])
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: snapshot, railpackVersion: "dev"))
        #expect(result.plan?.step(named: "build")?.commands == [.exec("mkdir /build"), .exec("cmake -B /build -GNinja /app"), .exec("cmake --build /build")])
        #expect(result.resolvedPackages.keys.sorted() == ["cmake", "ninja"])
        // An in-memory snapshot has no directory, so its display name stands in.
        #expect(result.plan?.deploy.startCommand == "/build/memory")
    }
}
