/// EXPOSE during dispatch (dockerfile2llb/convert_expose.go `dispatchExpose` → `parsePort`): each port
/// word expanded and split into `[ip:][hostPort:]containerPort[/proto]`; an upper-case protocol and an IP or
/// host port are reported before the port is validated.
extension DockerfileLint {
    mutating func checkExpose(_ instruction: DockerInstruction, state: StageState, config: DockerfileCheckConfig) {
        guard case .words(let raw) = instruction.arguments else { return }
        var ports: [String] = []
        for word in raw {
            guard let words = try? lexer.processWords(word, environment: state.env.values) else { return }
            ports += words
        }
        for port in ports {
            // convert_expose.go splitParts
            let parts = port.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            let ip = parts.count >= 3 ? parts[..<(parts.count - 2)].joined(separator: ":") : ""
            let hostPort = parts.count >= 2 ? parts[parts.count - 2] : ""
            let containerPort = parts.last ?? ""
            // convert_expose.go splitProtoPort: an empty port or unknown protocol is an error, before any check
            let (number, proto) = DockerGoText.cut(containerPort, "/") ?? (containerPort, "")
            guard !number.isEmpty, ["", "tcp", "udp", "sctp"].contains(proto.lowercased()) else { return }
            if proto != proto.lowercased() {
                recorder.report(.exposeProtoCasing, line: instruction.startLine, BuildKitMessage.exposeProtoCasing(port), config: config)
            }
            if !ip.isEmpty || !hostPort.isEmpty {
                recorder.report(.exposeInvalidFormat, line: instruction.startLine, BuildKitMessage.exposeInvalidFormat(port), config: config)
            }
        }
    }
}
