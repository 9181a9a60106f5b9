/// The two build systems the C/C++ provider knows (railpack:core/providers/cpp/buildsystem.go,
/// cmake.go, meson.go). CMake wins when both files exist.
enum CppBuildSystem: Sendable {
    case cmake, meson

    /// railpack:core/providers/cpp/cmake.go DetectCmake, meson.go DetectMeson
    static func detect(_ app: RailpackApp) -> CppBuildSystem? {
        if app.hasFile("CMakeLists.txt") { return .cmake }
        if app.hasFile("meson.build") { return .meson }
        return nil
    }

    /// The tools on the mise step. Both ask mise files for `meson` and `ninja` only, so a CMake
    /// project's cmake pin in mise.toml is not read (cmake.go Install, meson.go Install).
    func install(_ ctx: inout RailpackGenerateContext) {
        switch self {
        case .cmake:
            ctx.defaultMisePackage("cmake", "latest")
            ctx.defaultMisePackage("ninja", "latest")
        case .meson:
            ctx.defaultMisePackage("meson", "latest")
            ctx.defaultMisePackage("ninja", "latest")
            // Meson installs through pipx, which needs Python (meson.go Install).
            ctx.defaultMisePackage("python", "latest")
            ctx.defaultMisePackage("pipx", "latest")
        }
        ctx.useMiseVersions(["meson", "ninja"])
    }

    /// railpack:core/providers/cpp/cmake.go Build, meson.go Build
    var buildCommands: [String] {
        switch self {
        case .cmake: return ["cmake -B /build -GNinja /app", "cmake --build /build"]
        case .meson: return ["meson setup /build", "meson compile -C /build"]
        }
    }
}
