// GENERATED FILE - DO NOT EDIT BY HAND.
// Made by scripts/generate-stdlib-tables.py: the list of generated tables.

extension StdlibTable {
    /// Minor versions of Python 3 that have a generated table.
    public static let supportedMinors: [Int] = [8, 9, 10, 11, 12, 13]

    // Parsed lazily (a static let is initialised once, thread-safely, on first use).
    private static let parsed3_8 = StdlibTable(raw: rawData3_8)
    private static let parsed3_9 = StdlibTable(raw: rawData3_9)
    private static let parsed3_10 = StdlibTable(raw: rawData3_10)
    private static let parsed3_11 = StdlibTable(raw: rawData3_11)
    private static let parsed3_12 = StdlibTable(raw: rawData3_12)
    private static let parsed3_13 = StdlibTable(raw: rawData3_13)

    static func generatedTable(minor: Int) -> StdlibTable? {
        switch minor {
        case 8: return parsed3_8
        case 9: return parsed3_9
        case 10: return parsed3_10
        case 11: return parsed3_11
        case 12: return parsed3_12
        case 13: return parsed3_13
        default: return nil
        }
    }
}
