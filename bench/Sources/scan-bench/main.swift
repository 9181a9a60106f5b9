import Foundation
import Runtime

/// Import-extraction throughput: reads every `.py` file under a directory into memory once, then
/// scans them all with railsim's tokenizer and statement scanner, several times, on one core.
/// Prints one JSON line per run and the median MB/s.
@main
struct ScanBench {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data("usage: scan-bench DIRECTORY [RUNS]\n".utf8))
            exit(2)
        }
        let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
        var files: [[UInt8]] = []
        let enumerator = FileManager.default.enumerator(atPath: arguments[1])
        while let relative = enumerator?.nextObject() as? String {
            // The standard library proper: third-party site-packages are not part of the corpus.
            guard relative.hasSuffix(".py"), !relative.split(separator: "/").contains("site-packages") else { continue }
            if let data = FileManager.default.contents(atPath: arguments[1] + "/" + relative) { files.append([UInt8](data)) }
        }
        let bytes = files.reduce(0) { $0 + $1.count }
        var rates: [Double] = []
        var imports = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            imports = 0
            for file in files {
                if let scan = try? PythonSourceScanner.scan(file) { imports += scan.body.count }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            rates.append(Double(bytes) / 1e6 / seconds)
            print("{\"files\": \(files.count), \"bytes\": \(bytes), \"seconds\": \(String(format: "%.3f", seconds)), \"MBps\": \(String(format: "%.1f", Double(bytes) / 1e6 / seconds))}")
        }
        let median = rates.sorted()[rates.count / 2]
        print("railsim import extraction: median \(String(format: "%.1f", median)) MB/s over \(runs) runs (\(files.count) files, \(bytes) bytes, \(imports) top-level statements)")
    }
}
