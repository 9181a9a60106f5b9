import Snapshot

/// Where a file in the image came from, so every prediction can point back at the repository.
public enum FileOrigin: Sendable, Equatable {
    /// Copied from the repository.
    case repository(RepoPath)
    /// Written by the build itself (a venv's `pyvenv.cfg`, a heredoc).
    case generated(contents: [UInt8], by: String)
    /// Part of an installed third-party distribution whose files railsim does not model one by one.
    case distribution(String)
    /// Part of the base image or the builder's runtime (interpreter, stdlib).
    case baseImage(String)
}

/// A node of the image filesystem.
public enum ImageNode: Sendable, Equatable {
    case file(FileOrigin)
    case directory(FileOrigin?)
    case symlink(target: String)
    /// A top-level import of an installed distribution: railsim knows its name but not its
    /// files, so any submodule or attribute under it is assumed to exist (and said so).
    case opaquePackage(distribution: String)
}
