import TamizCleaning

/// Fits ``CleanerWeights`` from feature-table rows, and scores them by cross-validation over
/// site groups.
package enum CleanerFitting {
    /// The hyperparameters of a fit (chosen by leave-site-out cross-validation; see the README).
    package struct Settings: Sendable {
        package var penalty = 100.0
        package var bias = 0.5
        package var switchPenalty = 1.0
        /// Stage-one / context feature columns left out of the fit (weight 0), to measure what a
        /// feature group is worth by cross-validation.
        package var excludedLineColumns: [Int] = []
        package var excludedContextColumns: [Int] = []
        /// Lengths of the windows cut from every page as extra short documents (each length
        /// every four lengths).
        package var windowLengths = [1, 3, 8]
        package init() {}
    }

    /// Fits both stages on `pages` (rows with gold -1 are context only) and on short windows of
    /// them, so the model also knows documents of a few lines (a JSON record, a short file).
    package static func fit(_ pages: [ArraySlice<FeatureRow>], settings: Settings) -> CleanerWeights {
        var windows: [ArraySlice<FeatureRow>] = []
        for page in pages {
            for length in settings.windowLengths where length > 0 {
                var start = page.startIndex
                while start + length <= page.endIndex {
                    windows.append(page[start..<(start + length)])
                    start += length * 4
                }
            }
        }
        return fitPages(pages + windows, settings: settings)
    }

    static func fitPages(_ pages: [ArraySlice<FeatureRow>], settings: Settings) -> CleanerWeights {
        var lineRows: [Double] = []
        var labels: [Double] = []
        var lineFeatures: [[Double]] = []
        for page in pages {
            let evidence = page.map(\.evidence)
            let features = evidence.withUnsafeBufferPointer { CleanerModel.lineFeatures($0) }
            lineFeatures.append(features)
            for (position, row) in page.enumerated() where row.gold >= 0 {
                let width = CleanerModel.lineFeatureCount
                lineRows.append(contentsOf: features[(position * width)..<((position + 1) * width)])
                labels.append(Double(row.gold))
            }
        }
        mask(&lineRows, width: CleanerModel.lineFeatureCount, columns: settings.excludedLineColumns)
        let first = LogisticRegression.fit(lineRows, width: CleanerModel.lineFeatureCount, labels: labels,
                                           penalty: settings.penalty)
        var secondRows: [Double] = []
        for (page, features) in zip(pages, lineFeatures) {
            let evidence = page.map(\.evidence)
            let logits = CleanerModel.logits(features, width: CleanerModel.lineFeatureCount, weights: first)
            let context = evidence.withUnsafeBufferPointer { CleanerModel.contextFeatures($0, logits: logits) }
            let both = CleanerModel.stageTwoFeatures(line: features, context: context, count: page.count)
            let width = CleanerModel.stageTwoFeatureCount
            for (position, row) in page.enumerated() where row.gold >= 0 {
                secondRows.append(contentsOf: both[(position * width)..<((position + 1) * width)])
            }
        }
        mask(&secondRows, width: CleanerModel.stageTwoFeatureCount,
             columns: settings.excludedLineColumns + settings.excludedContextColumns.map { CleanerModel.lineFeatureCount + $0 })
        let second = LogisticRegression.fit(secondRows, width: CleanerModel.stageTwoFeatureCount, labels: labels,
                                            penalty: settings.penalty)
        return CleanerWeights(lineWeights: first, contextWeights: second, bias: settings.bias,
                              switchPenalty: settings.switchPenalty)
    }

    /// Sets `columns` of a row-major matrix to 0 (a constant column gets weight 0).
    static func mask(_ matrix: inout [Double], width: Int, columns: [Int]) {
        guard !columns.isEmpty else { return }
        for row in 0..<(matrix.count / width) { for column in columns { matrix[row * width + column] = 0 } }
    }

    /// Feature groups by name, as column ranges of stage one (`line`) or of the context row.
    package static let featureGroups: [String: (line: [Int], context: [Int])] = [
        "shape": (Array(0...10) + Array(21...31) + Array(38...43) + [50, 51], []),
        "cues": (Array(11...17), []),
        "repeats": (Array(18...20), []),
        "document": (Array(32...34), []),
        "position": (Array(35...37), []),
        "list-shape": (Array(44...49), []),
        "topic-words": (Array(52...55), []),
        "code": (Array(56...59), []),
        "neighbours": (Array(CleanerModel.ownFeatureCount..<(CleanerModel.lineFeatureCount - 2)), []),
        "context-logits": ([], Array(0...5) + [15]),
        "context-windows": ([], Array(6...9) + [22]),
        "main-block": ([], Array(10...13)),
        "runs": ([], [14, 16]),
        "content-span": ([], Array(17...21) + [23, 24]),
    ]

    /// Stage two's log-odds for every row of `page`.
    package static func logits(_ page: ArraySlice<FeatureRow>, weights: CleanerWeights) -> [Double] {
        let evidence = page.map(\.evidence)
        return evidence.withUnsafeBufferPointer { CleanerModel.contentLogits($0, weights: weights) }
    }

    /// Which folds the site groups fall in: site number modulo `folds` (0: one fold per site).
    package static func fold(of site: Int32, folds: Int) -> Int { folds == 0 ? Int(site) : Int(site) % folds }

    /// Out-of-fold stage-two log-odds for every page: each page is scored by a model fitted on
    /// the pages of all other folds (no site on both sides).
    package static func crossValidatedLogits(
        _ pages: [ArraySlice<FeatureRow>], folds: Int, settings: Settings
    ) -> [[Double]] {
        var result = [[Double]](repeating: [], count: pages.count)
        let foldOfPage = pages.map { fold(of: $0.first!.site, folds: folds) }
        for heldOut in Array(Set(foldOfPage)).sorted() {
            let training = pages.indices.filter { foldOfPage[$0] != heldOut }.map { pages[$0] }
            let weights = fit(training, settings: settings)
            for index in pages.indices where foldOfPage[index] == heldOut {
                result[index] = logits(pages[index], weights: weights)
            }
        }
        return result
    }

    /// Keep decisions from log-odds, with the runtime's decoding and forced drops.
    package static func decisions(_ page: ArraySlice<FeatureRow>, logits: [Double], bias: Double, switchPenalty: Double) -> [Bool] {
        let evidence = page.map(\.evidence)
        let decided = CleanerModel.decodeLetterLines(logits, evidence: evidence, bias: bias, switchPenalty: switchPenalty)
        return CleanerModel.finish(decided, evidence: evidence)
    }
}

/// The decoder's two settings, chosen by measurement: over a grid, the pair whose decisions on
/// the given out-of-fold logits score the best micro F1 over all scored lines.
package enum DecoderSelection {
    package static let biases: [Double] = stride(from: -1.0, through: 1.5, by: 0.25).map { $0 }
    package static let switchPenalties: [Double] = [0, 0.5, 1, 1.5, 2, 3]

    /// The grid in search order: biases outside, switch penalties inside.
    static let grid: [(bias: Double, switchPenalty: Double)] = biases.flatMap { bias in switchPenalties.map { (bias, $0) } }

    /// The best (bias, switch penalty) on `pages` with their `logits` (ties: the first in grid order).
    package static func best(_ pages: [ArraySlice<FeatureRow>], logits: [[Double]]) -> (bias: Double, switchPenalty: Double) {
        grid[bestSetting(scores(pages, logits: logits), pages: pages.indices)]
    }

    /// Nested selection: each site group's pages are decoded with the settings that score best
    /// on the other groups' out-of-fold logits, so the choice never sees the group it is scored
    /// on. Returns the decisions per page and the settings each page got.
    package static func nested(
        _ pages: [ArraySlice<FeatureRow>], logits: [[Double]]
    ) -> [(kept: [Bool], bias: Double, switchPenalty: Double)] {
        // Each page is decoded once per setting; a site's choice sums the other pages' counts.
        let scores = scores(pages, logits: logits)
        var result = [(kept: [Bool], bias: Double, switchPenalty: Double)](repeating: ([], 0, 0), count: pages.count)
        for site in Set(pages.map { $0.first!.site }) {
            let chosen = grid[bestSetting(scores, pages: pages.indices.filter { pages[$0].first!.site != site })]
            for index in pages.indices where pages[index].first!.site == site {
                let kept = CleanerFitting.decisions(pages[index], logits: logits[index], bias: chosen.bias, switchPenalty: chosen.switchPenalty)
                result[index] = (kept, chosen.bias, chosen.switchPenalty)
            }
        }
        return result
    }

    /// The line counts of every page under every grid setting: `scores[setting][page]`.
    private static func scores(_ pages: [ArraySlice<FeatureRow>], logits: [[Double]]) -> [[LineScore]] {
        grid.map { setting in
            zip(pages, logits).map { page, pageLogits in
                var score = LineScore()
                let kept = CleanerFitting.decisions(page, logits: pageLogits, bias: setting.bias, switchPenalty: setting.switchPenalty)
                for (row, keep) in zip(page, kept) { score.add(kept: keep, gold: row.gold) }
                return score
            }
        }
    }

    /// The grid index whose summed counts over `pages` give the best micro F1 (ties: the first).
    private static func bestSetting(_ scores: [[LineScore]], pages: some Sequence<Int>) -> Int {
        var best = 0, bestF1 = -1.0
        for (setting, pageScores) in scores.enumerated() {
            var sum = LineScore()
            for page in pages { sum.add(pageScores[page]) }
            if sum.f1 > bestF1 { bestF1 = sum.f1; best = setting }
        }
        return best
    }
}

/// Line-level precision, recall and F1 of kept content lines, as `score.py` counts them.
package struct LineScore: Sendable {
    package var truePositives = 0, falsePositives = 0, falseNegatives = 0
    package init() {}
    package mutating func add(kept: Bool, gold: Int32) {
        guard gold >= 0 else { return }
        if kept && gold == 1 { truePositives += 1 }
        if kept && gold == 0 { falsePositives += 1 }
        if !kept && gold == 1 { falseNegatives += 1 }
    }
    /// Adds another score's counts (micro-averaging over pages).
    package mutating func add(_ other: LineScore) {
        truePositives += other.truePositives
        falsePositives += other.falsePositives
        falseNegatives += other.falseNegatives
    }
    package var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
    package var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
    package var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
}
