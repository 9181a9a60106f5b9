import ArgumentParser

struct Railsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "railsim",
        abstract: "Dry-run a Railway deploy: predict the build, the start command and whether the service comes up.",
        discussion: """
        railsim reads a repository and a service's settings, emulates Railway's builder choice \
        (Railpack, Nixpacks or a Dockerfile), builds the image in memory and simulates Python \
        start-up as CPython would, without running any code from the repository.

        Exit status: 0 when every service is predicted healthy, 1 when any is predicted to \
        fail, 2 for bad input or usage.
        """,
        version: "0.1.0",
        subcommands: [Check.self, Plan.self],
        defaultSubcommand: Check.self
    )
}
