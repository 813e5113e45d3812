// `tamiz-train segmentation build` rebuilds Data/segmentation/ (ICU's suppression lists copied from
// this machine's ICU, then the abbreviation table from them and Data/corpus); `segmentation measure`
// reports, per list, how many dev sentence ends it would wrongly suppress.
import ArgumentParser
import TamizSegmentationTraining
import TamizSegmenting

struct Segmentation: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build or measure the segmenter's abbreviation table (Data/segmentation).",
        subcommands: [SegmentationBuild.self, SegmentationMeasure.self]
    )
}

struct SegmentationBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Copy ICU's suppression lists into Data/segmentation and rebuild abbreviations.tsv and the word lists (bit for bit from Data/).")

    @Flag(name: .customLong("keep-icu-lists"), help: "Do not refresh icu-<lang>.txt from this machine's ICU.")
    var keepICULists = false

    func run() throws {
        let data = SegmentationData(dataDirectory: packageRoot + "/Data")
        if !keepICULists {
            for language in SegmentationData.languages {
                try writeTextFile(data.icuListPath(language), try SegmentationData.icuListFile(language: language))
                print("wrote \(data.icuListPath(language))")
            }
        }
        let table = try data.tableFile()
        try writeTextFile(data.tablePath, table)
        let entries = AbbreviationTable.parse(table)
        print("wrote \(data.tablePath): \(entries.count) entries")
        let shortWords = try data.shortWordsFile()
        try writeTextFile(data.shortWordsPath, shortWords)
        print("wrote \(data.shortWordsPath): \(EmbeddedWordList.parse(shortWords).count) words")
        let lowercaseWords = try data.lowercaseWordsFile()
        try writeTextFile(data.lowercaseWordsPath, lowercaseWords)
        print("wrote \(data.lowercaseWordsPath): \(EmbeddedWordList.parse(lowercaseWords).count) words")
        let finalWords = try data.finalWordsFile()
        try writeTextFile(data.finalWordsPath, finalWords)
        print("wrote \(data.finalWordsPath): \(EmbeddedWordList.parse(finalWords).count) words")
        let unseenWords = try data.unseenWordsFile()
        try writeTextFile(data.unseenWordsPath, unseenWords)
        print("wrote \(data.unseenWordsPath): \(EmbeddedWordList.parse(unseenWords).count) words")
    }
}

struct SegmentationMeasure: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Per list (learned, ICU, the table), the dev sentence ends it ends in and the boundaries between consecutive dev sentences it loses.")

    @Option(help: "Directory with <lang>.dev.txt (default: Data/corpus if it has them, else ../shared/corpus).")
    var dev: String?

    func run() throws {
        let data = SegmentationData(dataDirectory: packageRoot + "/Data")
        let evidence = try data.evidence()
        let table = try data.tableEntries()
        let builder = SegmentationTableBuilder()
        var lists: [(String, [AbbreviationTable.Entry])] = []
        for language in SegmentationData.languages {
            let words = Set(builder.learned(evidence[language]!))
            lists.append(("learned-\(language)", table.filter { words.contains($0.word) }))
        }
        for language in SegmentationData.languages {
            lists.append(("icu-\(language)", table.filter { $0.sources.split(separator: ",").contains("icu-\(language)"[...]) }))
        }
        lists.append(("table", table))
        for language in SegmentationData.languages {
            let path = try devPath(language)
            let check = try DevSuppressionCheck(devLines: try readTextFile(path).split(separator: "\n"))
            print("\(language): \(check.pairs) consecutive pairs of \(path)")
            for (name, entries) in lists {
                let result = try check.check(entries)
                let words = result.lostWords.prefix(8).map { "\($0.word)×\($0.count)" }.joined(separator: " ")
                print("  \(name.padding(11)) \(String(entries.count).padding(5)) words  ends \(String(result.sentenceEndsMatched).padding(4)) lost \(String(result.boundariesLost).padding(4)) gained \(String(result.boundariesGained).padding(4)) \(words)")
            }
        }
    }

    func devPath(_ language: String) throws -> String {
        if let dev { return dev + "/\(language).dev.txt" }
        let local = packageRoot + "/Data/corpus/\(language).dev.txt"
        if (try? readTextFile(local)) != nil { return local }
        return packageRoot + "/../shared/corpus/\(language).dev.txt"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
