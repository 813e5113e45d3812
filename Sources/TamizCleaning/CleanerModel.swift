/// The cleaner's learned line model: two logistic regressions and a two-state Viterbi decoder
/// over a document's non-blank lines (``LineEvidence``), fitted by `tamiz-cleaner-train fit`
/// from the numeric feature table `Data/cleaner/lines.tsv` (see `Data/cleaner/README.md`).
///
/// 1. *Line features*: each line's generic numbers (word count and bins, function-word density
///    and language, capitals, digits, punctuation, cue classes of ``PhraseLists``, copies in the
///    document, topic words shared with other lines, the symbols and calls of program code), the
///    same relative to the document (its median line, its function-word density, its language),
///    its position, and a few of its neighbours' numbers (two lines either side).
/// 2. *Context features*: stage one's log-odds of the neighbours (three either side), mean
///    probabilities over windows before and after, the distance to the document's main block
///    (the run of lines with the largest weighted surplus of content probability) and the length
///    of the line's run.
/// 3. *Decoding*: content is mostly contiguous, so the keep/drop sequence maximises the summed
///    stage-two log-odds minus a penalty per switch.
///
/// The same functions build the fitting matrices and run the shipped model, so a model equals
/// what its table says (`CleanerModelRebuildTests`).
package enum CleanerModel {
    /// Features of one line (stage one), and the context features stage two adds.
    package static let lineFeatureCount = ownFeatureCount + neighbourOffsets * neighbourFeatureCount + 2
    package static let contextFeatureCount = 25
    package static var stageTwoFeatureCount: Int { lineFeatureCount + contextFeatureCount }

    /// A multiple of four: ``contentLogits`` sums the own columns four at a time.
    package static let ownFeatureCount = 60
    /// Neighbours at -2, -1, +1 and +2 lines.
    static let neighbourOffsets = 4
    static let neighbourFeatureCount = 6

    /// What the document says about all its lines.
    struct DocumentStatistics {
        var medianLogWords = 0.0
        var stopRatio = 0.0
        /// 1 English, 2 Spanish, 0 neither clearly.
        var language = 0
    }

    static func statistics(_ lines: UnsafeBufferPointer<LineEvidence>) -> DocumentStatistics {
        var histogram = [Int32](repeating: 0, count: 65)
        var counted = 0
        var words = 0, stops = 0, english = 0, spanish = 0
        for line in lines where line.words > 0 {
            histogram[Int(min(line.words, 64))] += 1
            counted += 1
            if line.words >= 5 {
                words += Int(line.words); stops += Int(line.stops)
                english += Int(line.englishStops); spanish += Int(line.spanishStops)
            }
        }
        var statistics = DocumentStatistics()
        if counted > 0 {
            var seen = 0
            for (value, count) in histogram.enumerated() {
                seen += Int(count)
                if seen * 2 >= counted { statistics.medianLogWords = logCount(Int32(value)); break }
            }
        }
        statistics.stopRatio = words > 0 ? Double(stops) / Double(words) : 0
        if english * 2 > spanish * 3 && english >= 10 { statistics.language = 1 }
        if spanish * 2 > english * 3 && spanish >= 10 { statistics.language = 2 }
        return statistics
    }

    /// `log(1 + count)` from a table, saturating at 1,023 (longer counts tell nothing more).
    @inline(__always)
    static func logCount(_ count: Int32) -> Double {
        logTable[Int(min(max(0, count), 1023))]
    }

    private static let logTable: [Double] = (0..<1024).map { log1pSlow(Double($0)) }

    /// `log(1 + x)` without Foundation: a few Newton steps on `exp`.
    static func log1pSlow(_ x: Double) -> Double {
        let y = 1 + x
        var estimate = Double(y.exponent) * 0.6931471805599453
        for _ in 0..<30 {
            let e = exp(estimate)
            let next = estimate - 1 + y / e
            if abs(next - estimate) < 1e-15 { estimate = next; break }
            estimate = next
        }
        return estimate
    }

    /// `e^x`, portable and deterministic (range reduction by ln 2 and a Taylor series).
    @inline(__always)
    package static func exp(_ x: Double) -> Double {
        let clamped = min(max(x, -700), 700)
        let k = (clamped * 1.4426950408889634).rounded()
        let r = clamped - k * 0.6931471805599453
        var term = 1.0, sum = 1.0
        for n in 1...13 {
            term *= r / Double(n)
            sum += term
        }
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }

    @inline(__always)
    static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// 1 English, 2 Spanish, 0 when the function words do not clearly say.
    @inline(__always)
    static func language(_ line: LineEvidence) -> Int {
        OtherLanguage.decisive(words: Int(line.words), englishStops: Int(line.englishStops), spanishStops: Int(line.spanishStops))
    }

    /// Writes the ``ownFeatureCount`` numbers of line `index` at `out`.
    @inline(__always)
    static func ownFeatures(
        _ line: LineEvidence, index: Int, count: Int, document: DocumentStatistics, into out: UnsafeMutablePointer<Double>
    ) {
        let words = Double(line.words)
        let perWord = 1 / max(words, 1)
        let logWords = logCount(line.words)
        let stopRatio = Double(line.stops) * perWord
        let punctuated = line.has(LineEvidence.Flag.punctuated)
        let p = punctuated ? 1.0 : 0.0
        func flag(_ bit: UInt16) -> Double { line.has(bit) ? 1 : 0 }
        func bool(_ value: Bool) -> Double { value ? 1 : 0 }
        out[0] = logWords
        out[1] = stopRatio
        out[2] = Double(max(line.englishStops, line.spanishStops)) * perWord
        out[3] = Double(line.capitalized) / Double(max(line.contentWords, 1))
        out[4] = Double(line.numbers) / Double(max(line.words + line.numbers, 1))
        out[5] = p
        out[6] = logCount(line.sentenceBreaks)
        out[7] = min(Double(line.bytes) / Double(max(line.spacedWords, 1)) / 10, 3)
        out[8] = bool(line.glued > 0)
        out[9] = Double(min(line.separators, 4)) / 4
        out[10] = bool(line.dateWords > 0)
        out[11] = flag(LineEvidence.Flag.navigationLine)
        out[12] = flag(LineEvidence.Flag.boilerplateCue)
        out[13] = flag(LineEvidence.Flag.commentCue)
        out[14] = flag(LineEvidence.Flag.linkCue)
        out[15] = flag(LineEvidence.Flag.leadingLinkCue)
        out[16] = flag(LineEvidence.Flag.creditCue)
        out[17] = flag(LineEvidence.Flag.bylineOpener)
        out[18] = bool(line.copies > 1)
        out[19] = logCount(line.copies - 1)
        out[20] = flag(LineEvidence.Flag.firstCopy)
        out[21] = flag(LineEvidence.Flag.hasLetter)
        out[22] = bool(line.words <= 2 && !punctuated)
        let bin: Int
        switch line.words {
        case 0: bin = 0
        case 1...2: bin = 1
        case 3...5: bin = 2
        case 6...10: bin = 3
        case 11...20: bin = 4
        case 21...40: bin = 5
        default: bin = 6
        }
        for slot in 0..<7 { out[23 + slot] = slot == bin ? 1 : 0 }
        let titleCase = line.contentWords >= 3 && line.capitalized * 4 >= line.contentWords * 3
        let prose = (punctuated && line.words >= 5 && stopRatio >= 0.22) || (line.words >= 25 && stopRatio >= 0.18)
            || (line.sentenceBreaks >= 1 && line.words >= 12 && stopRatio >= 0.22)
        out[30] = bool(prose)
        out[31] = bool(!prose && line.words >= 5 && stopRatio >= 0.15 && !titleCase)
        out[32] = logWords - document.medianLogWords
        out[33] = stopRatio - document.stopRatio
        let own = language(line)
        out[34] = bool(own != 0 && document.language != 0 && own != document.language)
        let last = max(count - 1, 1)
        out[35] = Double(index) / Double(last)
        out[36] = Double(min(index, 50)) / 50
        out[37] = Double(min(count - 1 - index, 50)) / 50
        out[38] = p * logWords
        out[39] = stopRatio * logWords
        out[40] = bool(line.has(LineEvidence.Flag.bylineOpener) && line.words <= 7)
        out[41] = bool(line.dateWords >= 1 && line.numbers >= 1 && line.words <= 10)
        out[42] = bool(titleCase)
        out[43] = bool(line.sentenceBreaks >= 1 || (punctuated && line.words >= 8))
        // List shape: lines that start or end like their neighbours, or like many lines.
        out[44] = flag(LineEvidence.Flag.previousSameHead) + flag(LineEvidence.Flag.nextSameHead)
        out[45] = flag(LineEvidence.Flag.previousSameTail) + flag(LineEvidence.Flag.nextSameTail)
        out[46] = logCount(line.headCopies - 1)
        out[47] = logCount(line.tailCopies - 1)
        out[48] = bool(line.tailCopies >= 3 && !punctuated)
        out[49] = bool(line.headCopies >= 3 && line.words <= 12)
        out[50] = p * stopRatio
        out[51] = Double(min(line.numbers, 6)) / 6
        // Topic coherence: an article's paragraphs share their topic words; teasers of other
        // articles and interface text share fewer with them.
        let perTopicWord = 1 / Double(max(line.topicWords, 1))
        out[52] = Double(line.sharedTopicWords) * perTopicWord
        out[53] = Double(line.widelySharedTopicWords) * perTopicWord
        out[54] = logCount(Int32(line.sharedTopicWords))
        out[55] = logCount(Int32(line.topicWords))
        // Program code: symbols prose rarely holds, calls, and line ends of code.
        out[56] = min(Double(line.codeSymbols) / Double(max(line.bytes, 1)) * 10, 1)
        out[57] = bool(line.calls > 0)
        out[58] = flag(LineEvidence.Flag.codeEnding)
        out[59] = logCount(Int32(line.codeSymbols))
    }

    /// The own features a neighbour contributes: word count, function-word density,
    /// punctuation, prose shape, a navigation or banner cue, repetition.
    @inline(__always)
    static func neighbourFeatures(_ own: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        out[0] = own[0]
        out[1] = own[1]
        out[2] = own[5]
        out[3] = own[30]
        out[4] = max(own[11], own[12])
        out[5] = own[18]
    }

    /// Calls `body` with each line's index and its row of ``lineFeatureCount`` stage-one
    /// features, in order. Rows are built in a small reused buffer (a ring of the own features of
    /// the five lines around the current one), so a document costs no matrix.
    package static func forEachLineFeatureRow(
        _ lines: UnsafeBufferPointer<LineEvidence>, _ body: (Int, UnsafePointer<Double>) -> Void
    ) {
        let count = lines.count
        guard count > 0 else { return }
        let document = statistics(lines)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 5 * ownFeatureCount + lineFeatureCount) { buffer in
            let ring = buffer.baseAddress!
            let row = ring + 5 * ownFeatureCount
            @inline(__always) func own(_ index: Int) -> UnsafeMutablePointer<Double> { ring + (index % 5) * ownFeatureCount }
            for index in 0..<min(2, count) {
                ownFeatures(lines[index], index: index, count: count, document: document, into: own(index))
            }
            for index in 0..<count {
                if index + 2 < count {
                    ownFeatures(lines[index + 2], index: index + 2, count: count, document: document, into: own(index + 2))
                }
                let current = own(index)
                for column in 0..<ownFeatureCount { row[column] = current[column] }
                var slot = ownFeatureCount
                for offset in -2...2 where offset != 0 {
                    let neighbour = index + offset
                    if neighbour >= 0 && neighbour < count {
                        neighbourFeatures(own(neighbour), into: row + slot)
                    } else {
                        for column in 0..<neighbourFeatureCount { row[slot + column] = 0 }
                    }
                    slot += neighbourFeatureCount
                }
                row[slot] = index == 0 ? 1 : 0
                row[slot + 1] = index == count - 1 ? 1 : 0
                body(index, row)
            }
        }
    }

    /// Stage one's features of every line, `lines.count` rows of ``lineFeatureCount`` (for fitting).
    package static func lineFeatures(_ lines: UnsafeBufferPointer<LineEvidence>) -> [Double] {
        var features: [Double] = []
        features.reserveCapacity(lines.count * lineFeatureCount)
        forEachLineFeatureRow(lines) { _, row in
            features.append(contentsOf: UnsafeBufferPointer(start: row, count: lineFeatureCount))
        }
        return features
    }

    /// Stage two's context features of every line from stage one's log-odds, `count` rows of
    /// ``contextFeatureCount`` (for fitting).
    package static func contextFeatures(_ lines: UnsafeBufferPointer<LineEvidence>, logits: [Double]) -> [Double] {
        var features: [Double] = []
        features.reserveCapacity(lines.count * contextFeatureCount)
        forEachContextRow(lines, logits: logits) { _, row in
            features.append(contentsOf: UnsafeBufferPointer(start: row, count: contextFeatureCount))
        }
        return features
    }

    /// Calls `body` with each line's index and its row of ``contextFeatureCount`` context
    /// features (from stage one's log-odds), in order, built in one reused buffer. The per-line
    /// tables (probabilities, prefix sums, run lengths, distances) live in two scratch
    /// allocations per document, read through pointers; the neighbours' clamped log-odds are
    /// taken once per line into a zero-padded table, so a row's six are two contiguous reads.
    package static func forEachContextRow(
        _ lines: UnsafeBufferPointer<LineEvidence>, logits: [Double], _ body: (Int, UnsafePointer<Double>) -> Void
    ) {
        let count = lines.count
        guard count > 0 else { return }
        precondition(logits.count >= count)
        let doubles = UnsafeMutablePointer<Double>.allocate(capacity: 4 * count + 8)
        defer { doubles.deallocate() }
        let integers = UnsafeMutablePointer<Int32>.allocate(capacity: 4 * count + 1)
        defer { integers.deallocate() }
        let probabilities = doubles
        let prefix = probabilities + count  // prefix sums of probabilities, count + 1
        let contentBefore = prefix + (count + 1)  // prefix sums of probability × words, count + 1
        let clamped = contentBefore + (count + 1)  // clamped log-odds / 4, three zeros either side: count + 6
        let likelyBefore = integers  // prefix counts of p > 0.5, count + 1
        let runLength = likelyBefore + (count + 1)
        let strongBefore = runLength + count
        let strongAfter = strongBefore + count
        let likely = logits.withUnsafeBufferPointer { logits in
            let logits = logits.baseAddress!
            prefix[0] = 0
            likelyBefore[0] = 0
            clamped[0] = 0; clamped[1] = 0; clamped[2] = 0
            clamped[count + 3] = 0; clamped[count + 4] = 0; clamped[count + 5] = 0
            var likely = 0
            for index in 0..<count {
                let p = sigmoid(logits[index])
                probabilities[index] = p
                prefix[index + 1] = prefix[index] + p
                if p > 0.5 { likely += 1 }
                likelyBefore[index + 1] = Int32(truncatingIfNeeded: likely)
                clamped[index + 3] = min(max(logits[index], -8), 8) / 4
            }
            return likely
        }
        // The main block: the run with the largest sum of (p - 0.5) weighted by line length.
        var best = -Double.infinity, bestStart = 0, bestEnd = 0
        var running = 0.0, runStart = 0
        var totalWords = 0.0
        for index in 0..<count {
            let weight = 1 + logCount(lines[index].words)
            totalWords += Double(lines[index].words)
            if running <= 0 { running = 0; runStart = index }
            running += (probabilities[index] - 0.5) * weight
            if running > best { best = running; bestStart = runStart; bestEnd = index }
        }
        var blockWords = 0.0
        for index in bestStart...bestEnd { blockWords += Double(lines[index].words) }
        let blockShare = totalWords > 0 ? blockWords / totalWords : 0
        // Lengths of runs on the same side of 0.5.
        var start = 0
        for index in 1...count where index == count || (probabilities[index] > 0.5) != (probabilities[start] > 0.5) {
            for inRun in start..<index { runLength[inRun] = Int32(index - start) }
            start = index
        }
        @inline(__always) func mean(_ low: Int, _ high: Int) -> Double {
            let low = max(0, low), high = min(count, high)
            return high > low ? (prefix[high] - prefix[low]) / Double(high - low) : 0
        }
        let likelyShare = Double(likely) / Double(count)
        // Where the likely content lies: its words before each line, and the nearest likely
        // paragraph before and after.
        contentBefore[0] = 0
        for index in 0..<count {
            contentBefore[index + 1] = contentBefore[index] + probabilities[index] * Double(lines[index].words)
        }
        let contentTotal = max(contentBefore[count], 1)
        var lastStrong = -1_000
        for index in 0..<count {
            strongBefore[index] = Int32(min(64, index - lastStrong))
            if probabilities[index] > 0.7 && lines[index].words >= 8 { lastStrong = index }
        }
        lastStrong = Int.max / 2
        for index in stride(from: count - 1, through: 0, by: -1) {
            strongAfter[index] = Int32(min(64, lastStrong - index))
            if probabilities[index] > 0.7 && lines[index].words >= 8 { lastStrong = index }
        }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: contextFeatureCount) { buffer in
            let row = buffer.baseAddress!
            for index in 0..<count {
                // Neighbours -3…-1 and +1…+3 (0 beyond the document), and the line itself.
                let around = clamped + index
                row[0] = around[0]; row[1] = around[1]; row[2] = around[2]
                row[3] = around[4]; row[4] = around[5]; row[5] = around[6]
                row[6] = mean(index - 10, index)
                row[7] = mean(index + 1, index + 11)
                row[8] = mean(index - 3, index)
                row[9] = mean(index + 1, index + 4)
                row[10] = index >= bestStart && index <= bestEnd ? 1 : 0
                row[11] = index < bestStart ? logCount(Int32(clamping: bestStart - index)) : 0
                row[12] = index > bestEnd ? logCount(Int32(clamping: index - bestEnd)) : 0
                row[13] = blockShare
                row[14] = logCount(runLength[index])
                row[15] = around[3]
                row[16] = likelyShare
                let before = contentBefore[index] / contentTotal
                let after = (contentTotal - contentBefore[index + 1]) / contentTotal
                let inside = min(before, after)
                row[17] = before
                row[18] = after
                row[19] = inside
                row[20] = logCount(strongBefore[index]) / 4
                row[21] = logCount(strongAfter[index]) / 4
                row[22] = Double(likelyBefore[min(count, index + 6)] - likelyBefore[max(0, index - 5)]) / 11
                let line = lines[index]
                row[23] = line.words <= 8 ? inside : 0
                let listShape = line.has(LineEvidence.Flag.previousSameHead) || line.has(LineEvidence.Flag.nextSameHead)
                    || line.has(LineEvidence.Flag.previousSameTail) || line.has(LineEvidence.Flag.nextSameTail)
                row[24] = listShape ? inside : 0
                body(index, row)
            }
        }
    }

    /// `rows` dot products of `features` (row-major, `width` columns) with `weights` (`width`
    /// weights then a bias).
    package static func logits(_ features: [Double], width: Int, weights: [Double]) -> [Double] {
        precondition(weights.count == width + 1)
        let rows = width == 0 ? 0 : features.count / width
        var result = [Double](repeating: 0, count: rows)
        features.withUnsafeBufferPointer { features in
            weights.withUnsafeBufferPointer { weights in
                for row in 0..<rows {
                    result[row] = weights[width] + dot(features.baseAddress! + row * width, weights.baseAddress!, count: width)
                }
            }
        }
        return result
    }

    /// Stage two's features: stage one's row followed by the context row.
    package static func stageTwoFeatures(line: [Double], context: [Double], count: Int) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(count * stageTwoFeatureCount)
        for index in 0..<count {
            result.append(contentsOf: line[(index * lineFeatureCount)..<((index + 1) * lineFeatureCount)])
            result.append(contentsOf: context[(index * contextFeatureCount)..<((index + 1) * contextFeatureCount)])
        }
        return result
    }

    /// `bias + Σ a[i]·w[i]` over `count` columns, in four interleaved sums: sum `k` takes the
    /// columns `k`, `k + 4`, … in order, the last `count % 4` columns go to sum 0, and the sums
    /// are added as `(s0 + s1) + (s2 + s3)`. The four sums are the lanes of two `SIMD2` (one SSE2
    /// register each), each lane's additions in the same order as four scalar sums, so the
    /// result is the scalar one bit for bit (`CleanerModelArithmeticTests`).
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ w: UnsafePointer<Double>, count: Int) -> Double {
        var s01 = SIMD2<Double>(), s23 = SIMD2<Double>()
        var column = 0
        while column + 4 <= count {
            s01 += load2(a + column) * load2(w + column)
            s23 += load2(a + column + 2) * load2(w + column + 2)
            column += 4
        }
        var s0 = s01.x
        while column < count { s0 += a[column] * w[column]; column += 1 }
        return (s0 + s01.y) + (s23.x + s23.y)
    }

    /// The four lane sums of two dot products over the same columns (``dot(_:_:_:count:)``), as
    /// two `SIMD2` each: `s01` holds lanes 0 and 1 of the first, `s23` lanes 2 and 3.
    struct LaneSums {
        var s01 = SIMD2<Double>(), s23 = SIMD2<Double>(), t01 = SIMD2<Double>(), t23 = SIMD2<Double>()

        /// Adds the four columns at `a` times those at `w` (first) and at `v` (second).
        @inline(__always)
        mutating func add(_ a: UnsafePointer<Double>, _ w: UnsafePointer<Double>, _ v: UnsafePointer<Double>) {
            let a01 = load2(a), a23 = load2(a + 2)
            s01 += a01 * load2(w)
            s23 += a23 * load2(w + 2)
            t01 += a01 * load2(v)
            t23 += a23 * load2(v + 2)
        }
    }

    /// Two doubles from `pointer` (any alignment).
    @inline(__always)
    static func load2(_ pointer: UnsafePointer<Double>) -> SIMD2<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD2<Double>.self)
    }

    /// `dot(a, w, count:)` and `dot(a, v, count:)` in one pass over `a`: each sum is taken in the
    /// same order as there, so the results are bit for bit the same (`CleanerModelTests`).
    @inline(__always)
    static func dot(
        _ a: UnsafePointer<Double>, _ w: UnsafePointer<Double>, _ v: UnsafePointer<Double>, count: Int
    ) -> (Double, Double) {
        var s01 = SIMD2<Double>(), s23 = SIMD2<Double>()
        var t01 = SIMD2<Double>(), t23 = SIMD2<Double>()
        var column = 0
        while column + 4 <= count {
            let a01 = load2(a + column), a23 = load2(a + column + 2)
            s01 += a01 * load2(w + column)
            s23 += a23 * load2(w + column + 2)
            t01 += a01 * load2(v + column)
            t23 += a23 * load2(v + column + 2)
            column += 4
        }
        var s0 = s01.x, t0 = t01.x
        while column < count {
            s0 += a[column] * w[column]
            t0 += a[column] * v[column]
            column += 1
        }
        return ((s0 + s01.y) + (s23.x + s23.y), (t0 + t01.y) + (t23.x + t23.y))
    }

    /// Stage two's log-odds of content for every line: bit for bit ``contentLogitsByRows(_:weights:)``.
    ///
    /// A stage-one row is the line's own features, then four neighbours' six, then two edge flags;
    /// its dot products (with stage one's weights and with stage two's line part) are four lane
    /// sums each, column `c` going to lane `c % 4` in column order (``dot(_:_:_:count:)``). The own
    /// columns (``ownFeatureCount``, whole groups of four) come first in every lane, so their partial sums are
    /// taken once per line, as its own features are computed, and no row is copied: the
    /// neighbour columns continue the lanes from a flat array of every line's six (zero rows pad
    /// the document's ends), then the edge flags go to lane 0, as in the row.
    package static func contentLogits(_ lines: UnsafeBufferPointer<LineEvidence>, weights: CleanerWeights) -> [Double] {
        let count = lines.count
        guard count > 0 else { return [] }
        precondition(weights.lineWeights.count == lineFeatureCount + 1 && weights.contextWeights.count == stageTwoFeatureCount + 1)
        let document = statistics(lines)
        var first = [Double](repeating: 0, count: count)
        var second = [Double](repeating: 0, count: count)
        assert(ownFeatureCount % 4 == 0 && (2 * neighbourFeatureCount) % 4 == 0, "columns are summed four at a time")
        let ownGroups = ownFeatureCount / 4
        let width = neighbourFeatureCount
        // Per line: the lane sums of its own columns, four for stage one and four for stage two.
        let partial = UnsafeMutablePointer<LaneSums>.allocate(capacity: count)
        defer { partial.deallocate() }
        // Every line's neighbour features, two zero rows before and after.
        let neighbours = UnsafeMutablePointer<Double>.allocate(capacity: (count + 4) * width)
        defer { neighbours.deallocate() }
        neighbours.initialize(repeating: 0, count: (count + 4) * width)
        weights.lineWeights.withUnsafeBufferPointer { w1 in
            weights.contextWeights.withUnsafeBufferPointer { w2 in
                let w1 = w1.baseAddress!, w2 = w2.baseAddress!
                withUnsafeTemporaryAllocation(of: Double.self, capacity: ownFeatureCount) { buffer in
                    let own = buffer.baseAddress!
                    for index in 0..<count {
                        ownFeatures(lines[index], index: index, count: count, document: document, into: own)
                        var lanes = LaneSums()
                        for group in 0..<ownGroups {
                            let column = group &* 4
                            lanes.add(own + column, w1 + column, w2 + column)
                        }
                        partial[index] = lanes
                        neighbourFeatures(own, into: neighbours + (index &+ 2) &* width)
                    }
                }
                first.withUnsafeMutableBufferPointer { first in
                    second.withUnsafeMutableBufferPointer { second in
                        for index in 0..<count {
                            var lanes = partial[index]
                            // After the own columns: neighbours -2 and -1, then +1 and +2.
                            let before = neighbours + index &* width, after = neighbours + (index &+ 3) &* width
                            for group in 0..<(2 * width / 4) {
                                let offset = group &* 4
                                lanes.add(before + offset, w1 + ownFeatureCount + offset, w2 + ownFeatureCount + offset)
                            }
                            for group in 0..<(2 * width / 4) {
                                let offset = group &* 4, column = ownFeatureCount + 2 * width + offset
                                lanes.add(after + offset, w1 + column, w2 + column)
                            }
                            let edge = ownFeatureCount + neighbourOffsets * width
                            let isFirst: Double = index == 0 ? 1 : 0, isLast: Double = index == count - 1 ? 1 : 0
                            var s0 = lanes.s01.x, t0 = lanes.t01.x
                            s0 += isFirst * w1[edge]; t0 += isFirst * w2[edge]
                            s0 += isLast * w1[edge + 1]; t0 += isLast * w2[edge + 1]
                            first[index] = w1[lineFeatureCount] + ((s0 + lanes.s01.y) + (lanes.s23.x + lanes.s23.y))
                            second[index] = w2[stageTwoFeatureCount] + ((t0 + lanes.t01.y) + (lanes.t23.x + lanes.t23.y))
                        }
                    }
                }
            }
        }
        weights.contextWeights.withUnsafeBufferPointer { w2 in
            second.withUnsafeMutableBufferPointer { second in
                forEachContextRow(lines, logits: first) { index, row in
                    second[index] += dot(row, w2.baseAddress! + lineFeatureCount, count: contextFeatureCount)
                }
            }
        }
        return second
    }

    /// ``contentLogits(_:weights:)`` the plain way, row by row through ``forEachLineFeatureRow(_:_:)``
    /// and ``forEachContextRow(_:logits:_:)`` (for tests: the fast form gives the same bits).
    package static func contentLogitsByRows(_ lines: UnsafeBufferPointer<LineEvidence>, weights: CleanerWeights) -> [Double] {
        let count = lines.count
        var first = [Double](repeating: 0, count: count)
        var second = [Double](repeating: 0, count: count)
        // Stage two's dot product in two parts, so no row is stored: its line part is taken
        // while the row is built for stage one.
        weights.lineWeights.withUnsafeBufferPointer { w1 in
            weights.contextWeights.withUnsafeBufferPointer { w2 in
                first.withUnsafeMutableBufferPointer { first in
                    second.withUnsafeMutableBufferPointer { second in
                        forEachLineFeatureRow(lines) { index, row in
                            let (one, two) = dot(row, w1.baseAddress!, w2.baseAddress!, count: lineFeatureCount)
                            first[index] = w1[lineFeatureCount] + one
                            second[index] = w2[stageTwoFeatureCount] + two
                        }
                    }
                }
            }
        }
        weights.contextWeights.withUnsafeBufferPointer { w2 in
            second.withUnsafeMutableBufferPointer { second in
                forEachContextRow(lines, logits: first) { index, row in
                    second[index] += dot(row, w2.baseAddress! + lineFeatureCount, count: contextFeatureCount)
                }
            }
        }
        return second
    }

    /// The keep (`true`) / drop sequence over the lines that hold a letter maximising the summed
    /// log-odds of kept lines (shifted by `bias`) minus `switchPenalty` per change between keeping
    /// and dropping (a Viterbi over two states). A line without a letter (an image placeholder,
    /// `* * *`, a zero-width space) carries no evidence either way and is dropped anyway, so it
    /// neither costs a switch nor splits a run of content around it.
    package static func decodeLetterLines<Lines: RandomAccessCollection<LineEvidence>>(
        _ logits: [Double], evidence: Lines, bias: Double, switchPenalty: Double
    ) -> [Bool] where Lines.Index == Int {
        // back[i] bit 0: the best predecessor of "keep i" was keep; bit 1: of "drop i" was keep.
        var result = [Bool](repeating: false, count: logits.count)
        var back = [UInt8](repeating: 0, count: logits.count)
        var keep = 0.0, drop = 0.0
        var seen = false
        for index in evidence.indices where evidence[index].has(LineEvidence.Flag.hasLetter) {
            let half = (logits[index] + bias) / 2
            if !seen {
                keep = half
                drop = -(logits[index] + bias) / 2
                seen = true
                continue
            }
            let keepFromKeep = keep, keepFromDrop = drop - switchPenalty
            let dropFromDrop = drop, dropFromKeep = keep - switchPenalty
            var bits: UInt8 = 0
            let newKeep: Double
            if keepFromKeep >= keepFromDrop { newKeep = keepFromKeep + half; bits |= 1 } else { newKeep = keepFromDrop + half }
            let newDrop: Double
            if dropFromKeep > dropFromDrop { newDrop = dropFromKeep - half; bits |= 2 } else { newDrop = dropFromDrop - half }
            back[index] = bits
            keep = newKeep
            drop = newDrop
        }
        guard seen else { return result }
        var state = keep >= drop
        var index = evidence.endIndex
        while index > evidence.startIndex {
            index -= 1
            guard evidence[index].has(LineEvidence.Flag.hasLetter) else { continue }
            result[index] = state
            state = state ? back[index] & 1 != 0 : back[index] & 2 != 0
        }
        return result
    }

    /// The run time's answer for every line of a document: `nil` to keep it, else why it goes
    /// (stage two's log-odds, decoded over the letter lines, then ``verdicts(_:evidence:)``).
    package static func verdicts(_ lines: UnsafeBufferPointer<LineEvidence>, weights: CleanerWeights) -> [DebrisReason?] {
        let logits = contentLogits(lines, weights: weights)
        let decisions = decodeLetterLines(logits, evidence: lines, bias: weights.bias, switchPenalty: weights.switchPenalty)
        return verdicts(decisions, evidence: lines)
    }

    /// Decoded decisions after ``verdicts(_:evidence:)``: what the run time keeps.
    package static func finish<Lines: RandomAccessCollection<LineEvidence>>(_ decisions: [Bool], evidence: Lines) -> [Bool]
    where Lines.Index == Int {
        verdicts(decisions, evidence: evidence).map { $0 == nil }
    }

    /// One entry per line: `nil` for a kept line, else the reason word that explains the drop
    /// best. Two rules override the decoded `decisions`: a line without a letter is never kept,
    /// and a kept prose line in the minority language of the kept text around it (3 : 1 by words
    /// within 40 lines, at least 60 words of the other) is `otherLanguage`. A dropped line's reason
    /// is its strongest cue: a navigation label, a banner cue, a comments cue (and the lines up to
    /// 30 after it), a call or line end of program code, a byline or credit, a copy, one or two words; else `list` when it reads like
    /// a sentence and `navigation` when it reads like a label.
    package static func verdicts<Lines: RandomAccessCollection<LineEvidence>>(_ decisions: [Bool], evidence: Lines) -> [DebrisReason?]
    where Lines.Index == Int {
        typealias Flag = LineEvidence.Flag
        var kept = decisions
        for position in evidence.indices where !evidence[position].has(Flag.hasLetter) { kept[position] = false }
        var reasons = [DebrisReason?](repeating: nil, count: evidence.count)

        let minority = OtherLanguage.minorityLines(
            count: evidence.count, kept: { kept[$0] }, language: { language(evidence[$0]) },
            words: { Int(evidence[$0].words) })
        for position in minority { reasons[position] = .otherLanguage }

        var commentsHorizon = 0
        for position in evidence.indices {
            let line = evidence[position]
            if line.has(Flag.commentCue) && !kept[position] { commentsHorizon = 31 }
            defer { commentsHorizon = max(0, commentsHorizon - 1) }
            guard !kept[position], reasons[position] == nil else { continue }
            reasons[position] = dropReason(line, afterCommentsCue: commentsHorizon > 0)
        }
        return reasons
    }

    /// The reason word for a line the model drops (see ``verdicts(_:evidence:)``).
    static func dropReason(_ line: LineEvidence, afterCommentsCue: Bool) -> DebrisReason {
        typealias Flag = LineEvidence.Flag
        let sentenceLike = line.has(Flag.punctuated) && line.spacedWords >= 4
        if !line.has(Flag.hasLetter) { return .noLetters }
        if line.has(Flag.navigationLine) { return .navigation }
        if line.has(Flag.boilerplateCue) && line.spacedWords <= 60 { return .boilerplate }
        if line.has(Flag.commentCue) || afterCommentsCue { return .comments }
        if line.calls > 0 || line.has(Flag.codeEnding) { return .code }
        if (line.has(Flag.bylineOpener) || line.has(Flag.creditCue) || line.dateWords > 0) && line.spacedWords <= 12 {
            return .byline
        }
        if line.copies > 1 { return .repeated }
        if line.spacedWords <= 2 && !line.has(Flag.punctuated) { return .short }
        if line.separators > 0 || line.glued > 0 { return .navigation }
        return sentenceLike || line.stops * 4 >= line.words ? .list : .navigation
    }
}

/// The fitted numbers of ``CleanerModel``.
package struct CleanerWeights: Sendable, Equatable {
    /// Stage one: ``CleanerModel/lineFeatureCount`` weights and a bias.
    package var lineWeights: [Double]
    /// Stage two: ``CleanerModel/stageTwoFeatureCount`` weights and a bias.
    package var contextWeights: [Double]
    /// Added to stage two's log-odds before decoding.
    package var bias: Double
    /// Cost of each change between kept and dropped lines in decoding.
    package var switchPenalty: Double

    package init(lineWeights: [Double], contextWeights: [Double], bias: Double, switchPenalty: Double) {
        self.lineWeights = lineWeights
        self.contextWeights = contextWeights
        self.bias = bias
        self.switchPenalty = switchPenalty
    }
}
