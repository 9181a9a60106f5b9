/// Railpack's C/C++ provider: detection only for now (railpack:core/providers/cpp/cpp.go).
struct RailpackCppProvider: RailpackDetectionOnlyProvider {
    let name = "cpp"  // railpack:core/providers/cpp/cpp.go Name

    /// CMake or Meson (railpack:core/providers/cpp/cmake.go DetectCmake, meson.go DetectMeson).
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { ctx.app.hasFile("CMakeLists.txt") || ctx.app.hasFile("meson.build") }
}
