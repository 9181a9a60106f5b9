/// The platform a Dockerfile is built for, which BuildKit exposes as predefined ARGs.
struct BuildPlatform: Equatable {
    /// Railway does not document its builders' platform; amd64 is railsim's assumption (`--assume build-platform=`).
    static let assumed = "linux/amd64"

    /// dockerfile2llb/platform.go `defaultArgs`, in its order.
    static let argNames = ["BUILDPLATFORM", "BUILDOS", "BUILDOSVERSION", "BUILDARCH", "BUILDVARIANT",
                           "TARGETPLATFORM", "TARGETOS", "TARGETOSVERSION", "TARGETARCH", "TARGETVARIANT", "TARGETSTAGE"]

    var name: String
    var os: String
    var architecture: String

    /// `os/arch`; containerd's platforms.Normalize drops arm64's default `v8` variant, so both
    /// platforms railsim offers have an empty variant and format as `os/arch`.
    init(_ name: String) {
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        self.name = name
        self.os = parts.first ?? "linux"
        self.architecture = parts.count > 1 ? parts[1] : "amd64"
    }

    /// Build and target platform are the same: Railway builds natively (no `--platform` is passed).
    /// TARGETSTAGE is the target's name, "default" when it has none (platform.go `defaultArgs`).
    func predefinedArgs(targetStage: String?) -> [(String, String)] {
        [("BUILDPLATFORM", name), ("BUILDOS", os), ("BUILDOSVERSION", ""), ("BUILDARCH", architecture), ("BUILDVARIANT", ""),
         ("TARGETPLATFORM", name), ("TARGETOS", os), ("TARGETOSVERSION", ""), ("TARGETARCH", architecture), ("TARGETVARIANT", ""),
         ("TARGETSTAGE", targetStage ?? "default")]
    }
}
