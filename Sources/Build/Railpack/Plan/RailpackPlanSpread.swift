/// Config lists replace generated ones unless they contain `"..."`, which splices the generated
/// items in at that position (railpack:core/plan/spread.go Spread, SpreadStrings).
enum RailpackSpread {
    /// A nil config list keeps the generated list.
    static func spread<T>(_ configured: [T]?, _ generated: [T], isSpread: (T) -> Bool) -> [T] {
        guard let configured else { return generated }
        var result: [T] = []
        for item in configured {
            if isSpread(item) { result.append(contentsOf: generated) } else { result.append(item) }
        }
        return result
    }

    static func strings(_ configured: [String]?, _ generated: [String]) -> [String] {
        spread(configured, generated) { $0 == "..." }
    }

    static func layers(_ configured: [RailpackPlan.Layer]?, _ generated: [RailpackPlan.Layer]) -> [RailpackPlan.Layer] {
        spread(configured, generated) { $0.spread }
    }

    static func commands(_ configured: [RailpackPlan.Command]?, _ generated: [RailpackPlan.Command]) -> [RailpackPlan.Command] {
        spread(configured, generated) { $0.isSpread }
    }
}
