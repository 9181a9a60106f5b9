import Snapshot
import Testing
@testable import Build

/// Railpack's shell-script provider (railpack:core/providers/shell/shell.go).
@Suite struct RailpackShellTests {
    @Test func namedScriptRunByZsh() throws {
        // RAILPACK_SHELL_SCRIPT names the script; zsh is installed in the image (Plan).
        let planned = try RailpackFixturePlans.check("shell-zsh-env")
        #expect(planned.result.metadata["detectedShellInterpreter"] == "zsh")
    }

    @Test func configuredInstallStepComesFirst() throws {
        // With an install step in railpack.json the build step builds on it (Plan); `#!/bin/dash`
        // is no shebang mvdan.cc/sh recognises, so the script runs with sh.
        try RailpackFixturePlans.check("shell-install-step")
    }

    @Test(arguments: [
        ("#!/bin/bash\n", "bash"), ("#!/usr/bin/env bash\n", "bash"), ("#! /bin/sh -e\n", "sh"), ("#!/usr/bin/env\tzsh", "zsh"),
        ("#!/bin/mksh\n", "mksh"), ("#!/usr/bin/bats\n", "bats"), ("#!/bin/dash\n", nil), ("#!/bin/shell\n", nil),
        ("#!/usr/bin/env -S bash\n", nil), ("#!/usr/local/bin/bash\n", nil), ("echo hi\n", nil), ("#!/bin/bash\r\n", "bash"),
    ] as [(String, String?)])
    func shebang(text: String, shell: String?) {
        #expect(ShellShebang.shell(text) == shell)
    }

    @Test(arguments: [("#!/bin/mksh\n", "bash"), ("#!/usr/bin/bats\n", "sh"), ("#!/bin/dash\n", "sh"), ("", "sh")])
    func interpreterMapping(text: String, interpreter: String) {
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: .inMemory(["start.sh": text]), railpackVersion: "dev"))
        #expect(result.plan?.deploy.startCommand == "\(interpreter) start.sh")
    }

    @Test func missingNamedScriptIsLogged() {
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: .inMemory(["start.sh": ""]),
                                                                  environment: RailpackEnvironment(["RAILPACK_SHELL_SCRIPT": "go.sh"]), railpackVersion: "dev"))
        #expect(result.logs.contains { $0.level == .warn && $0.message == "RAILPACK_SHELL_SCRIPT go.sh script not found" })
        #expect(result.plan == nil)
    }
}
