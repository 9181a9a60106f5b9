import ArgumentParser
import Foundation

/// Entry point. Maps every outcome to railsim's documented exit statuses: 0 all healthy,
/// 1 a predicted failure, 2 bad input or usage (never a Swift crash or stack dump).
@main
struct Main {
    static func main() {
        do {
            var command = try Railsim.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = Railsim.exitCode(for: error)
            let message = Railsim.fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data(("railsim: " + firstLine(message) + "\n").utf8))
            if code == .validationFailure {
                FileHandle.standardError.write(Data("Run 'railsim --help' for usage.\n".utf8))
            }
            Foundation.exit(2)
        }
    }

    static func firstLine(_ message: String) -> String {
        let line = message.split(separator: "\n").first.map(String.init) ?? message
        return line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
    }
}
