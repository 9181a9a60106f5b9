import Snapshot
import Testing
@testable import Railway

/// Shared helpers: resolve a service against an in-memory repository.
enum RW {
    static func resolve(_ files: [String: String], root: String = "/", configFile: String? = nil, variables: [String: String] = [:],
                        builder: BuilderKind? = nil, startCommand: String? = nil, environment: String = "production") throws -> ResolvedService {
        let settings = ServiceSettings(name: "svc", rootDirectory: root, configFile: configFile,
                                       variables: variables.sorted { $0.key < $1.key }.map { ServiceVariable(name: $0.key, value: $0.value) },
                                       builder: builder, startCommand: startCommand, environment: environment)
        return try ServiceResolver.resolve(settings, in: .inMemory(files), options: .testDay)
    }

    static func unknownKeys(_ service: ResolvedService) -> [(key: String, location: String, nearest: String?)] {
        service.notes.compactMap {
            if case .unknownKey(let key, let location, let nearest) = $0 { return (key, location.description, nearest) }
            return nil
        }
    }

    static func invalidValues(_ service: ResolvedService) -> [(key: String, location: String, expected: String, found: String)] {
        service.notes.compactMap {
            if case .invalidValue(let key, let location, let expected, let found) = $0 { return (key, location.description, expected, found) }
            return nil
        }
    }

    static func sourceLine(_ source: ValueSource?) -> String? {
        if case .configFile(let location)? = source { return location.description }
        return nil
    }
}
