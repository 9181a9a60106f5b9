import Foundation
import Snapshot
import Testing
import TestSupport
@testable import Build

/// Checks ProjectInstall against real pip: scripts/project-install-oracle.py installs every fixture
/// of ProjectInstallData (each backend × layout, regular and editable) with pinned backends into a
/// Python 3.12 venv and reports the new site-packages entries, .pth lines and finder MAPPINGs;
/// railsim builds `COPY . /app` + `RUN pip install --no-deps [-e] .` of the same fixture and must
/// agree once the project path is written `<project>` and site-packages `<site>`. The backends are
/// downloaded once into a cache under the temp directory; without Python 3.12 or network it skips.
@Suite("Project install agrees with pip", .serialized)
struct ProjectInstallOracleTests {
    static let fixtures = RepoLocations.packageRoot.appendingPathComponent("Tests/BuildTests/ProjectInstallData")
    static let site = "/usr/local/lib/python3.12/site-packages"

    struct Observation: Equatable, CustomStringConvertible {
        var ok: Bool
        var entries: [String] = []
        var pth: [String: [String]] = [:]
        var mapping: [String: String] = [:]
        var description: String { ok ? "entries \(entries) pth \(pth.sorted { $0.key < $1.key }) mapping \(mapping.sorted { $0.key < $1.key })" : "failed" }
    }

    static func files(of directory: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let base = directory.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    static func normalise(_ text: String) -> String {
        text.replacingOccurrences(of: site, with: "<site>").replacingOccurrences(of: "/app", with: "<project>")
    }

    /// railsim's prediction for one fixture and mode, and the build failure message if any.
    static func modelled(_ name: String, editable: Bool) throws -> (Observation, String?) {
        var files = try Self.files(of: fixtures.appendingPathComponent(name))
        let prefix = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n"
        files["Dockerfile"] = prefix
        let before = Set(try #require(try BT.build(files).image).fileSystem.children(of: site))
        files["Dockerfile"] = prefix + "RUN pip install --no-deps \(editable ? "-e " : "").\n"
        let result = try BT.build(files)
        guard let image = result.image else { return (Observation(ok: false), result.failure?.message) }
        var observation = Observation(ok: true)
        observation.entries = image.fileSystem.children(of: site).filter { !before.contains($0) }.sorted()
        for entry in observation.entries {
            let path = site + "/" + entry
            guard let bytes = try? image.fileSystem.contents(of: path) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            if entry.hasSuffix(".pth") {
                observation.pth[entry] = text.split(separator: "\n").map { normalise(String($0)) }
            }
            if entry.hasPrefix("__editable__"), entry.hasSuffix("_finder.py"),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MAPPING = {") }) {
                for pair in line.dropFirst("MAPPING = {".count).dropLast().components(separatedBy: ", ") {
                    let halves = pair.components(separatedBy: "': '")
                    if halves.count == 2 { observation.mapping[String(halves[0].dropFirst())] = normalise(String(halves[1].dropLast())) }
                }
            }
        }
        return (observation, nil)
    }

    /// A line of setuptools' flat-layout refusal lists names in directory order: compare them sorted.
    static func comparable(_ line: String) -> String {
        guard let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]"), line.contains("flat-layout") else { return line }
        let names = line[line.index(after: open)..<close].components(separatedBy: ", ").sorted()
        return String(line[..<open]) + "[" + names.joined(separator: ", ") + "]" + String(line[line.index(after: close)...])
    }

    @Test func everyFixtureAgreesWithPip() throws {
        guard let python = HostPython.interpreter(minor: 12) else {
            print("SKIP project install oracle: CPython 3.12 is not installed here")
            return
        }
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("railsim-project-install-oracle")
        let script = RepoLocations.scripts.appendingPathComponent("project-install-oracle.py").path
        let run = try ProcessRunner.run(python, [script, Self.fixtures.path, cache.path])
        guard run.status == 0, let data = run.stdout.data(using: .utf8),
              let cases = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            print("SKIP project install oracle: the pip oracle could not run (pip or network unavailable): \(run.stderr.suffix(400))")
            return
        }
        var agree = 0
        var disagreements: [String] = []
        for item in cases {
            guard let name = item["case"] as? String, let mode = item["mode"] as? String, let ok = item["ok"] as? Bool else { continue }
            var oracle = Observation(ok: ok)
            if ok {
                // pdm-backend's editable wheel also drops a `.gitignore` into site-packages; it changes no import.
                oracle.entries = ((item["entries"] as? [String]) ?? []).filter { $0 != ".gitignore" }.sorted()
                oracle.pth = (item["pth"] as? [String: [String]]) ?? [:]
                oracle.mapping = (item["mapping"] as? [String: String]) ?? [:]
            }
            let (mine, message) = try Self.modelled(name, editable: mode == "editable")
            var same = mine == oracle
            if same, !ok {
                // The backend's message must be what pip shows from the build subprocess.
                let output = Set(((item["output"] as? String) ?? "").split(separator: "\n").map { Self.comparable($0.trimmingCharacters(in: .whitespaces)) })
                let lines = (message ?? "").split(separator: "\n").map { Self.comparable($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
                same = !lines.isEmpty && lines.allSatisfy { output.contains($0) }
                if !same { disagreements.append("\(name) \(mode): message \(lines.filter { !output.contains($0) })") }
            } else if !same {
                disagreements.append("\(name) \(mode): railsim \(mine) / pip \(oracle)")
            }
            if same { agree += 1 }
        }
        print("project install oracle: \(agree)/\(cases.count) cases agree")
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
        #expect(cases.count >= 40)
    }
}
