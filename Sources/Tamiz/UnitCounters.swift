/// Why input bytes were not written: the key of ``FilterStatistics/droppedBytes``
/// (`DocumentRoutingTests`, `FilterTests`).
public enum DropReason: Sendable, Hashable {
    /// The cleaner marked it as debris.
    case debris(DebrisReason)
    /// `keep`: not one of the kept languages.
    case language
    /// `route`: no output was given for its destination.
    case unrouted
    /// `--jsonl`: a record that is not a JSON object with a string text field, or is too long.
    case invalidRecord

    /// The word `--stats` shows.
    public var word: String {
        switch self {
        case .debris(let reason): reason.rawValue
        case .language: "language"
        case .unrouted: "unrouted"
        case .invalidRecord: "invalid-record"
        }
    }
}

/// A block's per-unit counts in fixed arrays, folded into ``FilterStatistics`` once per block:
/// updating String-keyed dictionaries for every unit was a visible cost on scrape-like input
/// (mostly short lines; Docs/Measurements.md).
struct UnitCounters: Sendable {
    private var units = [Int](repeating: 0, count: Language.allCases.count)
    private var debrisUnits = [Int](repeating: 0, count: DebrisReason.allCases.count)
    private var droppedByDebris = [Int](repeating: 0, count: DebrisReason.allCases.count)
    private var droppedForLanguage = 0
    private var droppedUnrouted = 0
    private var droppedInvalidRecords = 0
    private var unclassified = 0
    var emittedBytes = 0

    /// One unit of `language` (nil: a debris line dropped whole, never classified).
    mutating func count(_ language: Language?, debris: DebrisReason?) {
        if let language { units[Self.index(of: language)] += 1 } else { unclassified += 1 }
        if let debris { debrisUnits[Self.index(of: debris)] += 1 }
    }

    mutating func drop(_ bytes: Int, because reason: DropReason) {
        switch reason {
        case .debris(let debris): droppedByDebris[Self.index(of: debris)] += bytes
        case .language: droppedForLanguage += bytes
        case .unrouted: droppedUnrouted += bytes
        case .invalidRecord: droppedInvalidRecords += bytes
        }
    }

    func add(to statistics: inout FilterStatistics) {
        for (index, language) in Language.allCases.enumerated() where units[index] > 0 {
            statistics.unitsByLanguage[language, default: 0] += units[index]
        }
        for (index, reason) in DebrisReason.allCases.enumerated() {
            if debrisUnits[index] > 0 { statistics.debrisUnits[reason, default: 0] += debrisUnits[index] }
            if droppedByDebris[index] > 0 { statistics.droppedBytes[.debris(reason), default: 0] += droppedByDebris[index] }
        }
        if droppedForLanguage > 0 { statistics.droppedBytes[.language, default: 0] += droppedForLanguage }
        if droppedUnrouted > 0 { statistics.droppedBytes[.unrouted, default: 0] += droppedUnrouted }
        if droppedInvalidRecords > 0 { statistics.droppedBytes[.invalidRecord, default: 0] += droppedInvalidRecords }
        statistics.emittedBytes += emittedBytes
        statistics.unclassifiedDebrisLines += unclassified
    }

    private static func index(of language: Language) -> Int {
        Language.allCases.firstIndex(of: language)!
    }

    private static func index(of reason: DebrisReason) -> Int {
        DebrisReason.allCases.firstIndex(of: reason)!
    }
}
