/// Decides, line by line and with the whole document in view, which lines of a scrape are debris.
///
/// A *document* is whatever the caller passes in one call: a file, a JSON Lines record, or a bounded
/// window of a stream. By default (``Method/model``) a learned line model decides for documents of
/// at least ``modelMinimumLines`` non-blank lines (``CleanerModel``: fitted on numbers of the dev
/// scrapes' lines, chosen by leave-site-out cross-validation; each dropped line gets the reason word
/// of its strongest cue). Shorter documents, and every document with ``Method/rules``, go through
/// the hand-tuned rules. Line rules, first match wins:
///
/// 1. `blank` – only whitespace.
/// 2. `no-letters` – no letter at all (see ``LineFeatures``).
/// 3. `navigation` – the whole line is a navigation label (`Skip to content`, `Lo más visto`).
/// 4. `boilerplate` – a cookie, paywall, subscription, newsletter or legal cue in a line of at most
///    ``boilerplateMaxWords`` words (long article paragraphs that merely mention cookies survive).
/// 5. `repeated` – the line occurs more than once in the document: every copy when it has at most
///    ``repeatedMaxWords`` words (headers, menus), otherwise every copy after the first.
/// 6. `short` – at most two words and no sentence punctuation (labels, buttons, bylines' fragments).
/// 7. `navigation` – menu items glued together (`NewsSportCulture`) or `|`/`•`/` /`-separated links.
/// 8. `comments` – a short comments heading or count (`Comments`, `16 comments`, `Responder`).
/// 9. `list` – a link-list cue (`Read more`, `Lee también`) in a short line or at a line's start.
/// 10. `byline` – `By …`/`Por …` lines, photo-credit and agency lines, and date lines (a month,
///    weekday or dateline word next to numbers in a short line).
///
/// Then the document decides about the rest (see `DebrisReason` for the words). Each remaining
/// line is *prose* (enough words, enough function words of English or Spanish, sentence
/// punctuation), *near-prose*, or *weak* (labels, title-case menu items). Like jusText, a
/// near-prose or weak line takes the side of its nearest prose or debris neighbours: between prose
/// it is content (a sub-heading); amid debris, or inside a run of more than three non-prose lines
/// (more than two with prose on one side only, where only near-prose is kept), it is debris
/// (`navigation` when weak, `list` when sentence-like: teaser blocks). Runs of content far smaller
/// than the document's main text are `list` (teasers). A headline and standfirst above a run of
/// prose are content when their topic words recur in the prose below (even when the headline also
/// appears elsewhere in the page and so is `repeated`). After three prose lines, a comments heading
/// turns the prose under it into `comments` (renewed by each reply button or commenter's byline),
/// and prose in the other language than the content around it (3 : 1 by words within 40 lines) is
/// `other-language`. A document without any prose line keeps every line the line rules pass.
///
/// Words are folded (case, not accents: ASCII and Latin-1 capitals lowered), so `Most viewed` and
/// `MOST VIEWED ›` match; each word is hashed once (see `LineScan`), with no allocation per line.
/// The cleaner holds no state between calls; it is safe to share across threads.
public struct LineCleaner: Sendable {
    /// How the cleaner decides.
    public enum Method: Sendable {
        /// The learned line model (``CleanerModel``), fitted on the dev scrapes' feature table;
        /// chosen because it scores better on sites it was not fitted on (leave-site-out, see
        /// the README's cleanup table and `LeaveSiteOutTests`).
        case model
        /// The hand-tuned line and context rules described above (the default before the model).
        case rules
    }

    /// The default is ``Method/model``.
    public var method = Method.model
    /// Documents with fewer non-blank lines than this are judged by the rules even with
    /// ``Method/model``: the model reads a line by its page (the main block, windows of 40 lines,
    /// position), was fitted and cross-validated on pages of 23 to thousands of lines, and drops
    /// whole short records (a navigation line and two sentences) that the rules keep
    /// (`LineCleanerTests`, `DocumentTests`).
    public static let modelMinimumLines = 20
    /// ``Method/rules`` only: cue lines longer than this are treated as prose, not banners.
    public var boilerplateMaxWords = 60
    /// ``Method/rules`` only: repeated lines up to this length are dropped in every copy.
    public var repeatedMaxWords = 12

    private let table: WordTable

    /// Creates a cleaner with the built-in English and Spanish phrase lists.
    public init() {
        var table = WordTable(capacity: 6000)  // 16,384 slots: see WordTable
        var longest = 1
        func add(_ phrases: [String], _ flags: WordFlags, phrase: Bool = true) {
            for text in phrases {
                let (key, words, lastWord) = LineScan.key(of: text)
                // One word is looked up by its bare key, a phrase or a whole line by its chain key.
                table.insert(phrase && words == 1 ? lastWord : key, flags)
                if phrase {
                    longest = max(longest, words)
                    if words >= 2 { table.insert(lastWord, .phraseEnd) }
                }
            }
        }
        add(PhraseLists.navigationLines, .navigationLine, phrase: false)
        add(PhraseLists.boilerplateCues, .boilerplateCue)
        add(PhraseLists.englishStopWords, .englishStop)
        add(PhraseLists.spanishStopWords, .spanishStop)
        add(PhraseLists.dateWords, .dateWord)
        add(PhraseLists.bylineOpeners, .bylineOpener)
        add(PhraseLists.commentCues, .commentCue)
        add(PhraseLists.linkCues, .linkCue)
        add(PhraseLists.creditCues, .creditCue)
        precondition(longest <= 4, "phrase cues are matched up to four words")
        self.table = table
    }

    /// How a line looks before its neighbours are considered.
    private enum Kind: UInt8 {
        case blank, debris, prose, nearProse, weak
    }

    /// Returns one entry per line: `nil` for content, or the reason the line is debris.
    /// - Parameters:
    ///   - lines: byte ranges of the document's lines within `text`, without line terminators.
    ///   - text: the document's bytes (any bytes; invalid UTF-8 is tolerated).
    public func debris(ofLines lines: [Range<Int>], in text: UnsafeBufferPointer<UInt8>) -> [DebrisReason?] {
        // Fewer lines than the minimum cannot hold enough non-blank ones: no evidence is gathered.
        let usesModel = method == .model && lines.count >= Self.modelMinimumLines
        let (evidence, indices) = usesModel ? evidence(ofLines: lines, in: text) : ([], [])
        if !usesModel || evidence.count < Self.modelMinimumLines {
            return table.withLookup { lookup in debris(ofLines: lines, in: text, lookup: lookup) }
        }
        let verdicts = evidence.withUnsafeBufferPointer { CleanerModel.verdicts($0, weights: .shipped) }
        var reasons = [DebrisReason?](repeating: .blank, count: lines.count)
        for (position, index) in indices.enumerated() { reasons[index] = verdicts[position] }
        return reasons
    }

    private func debris(ofLines lines: [Range<Int>], in text: UnsafeBufferPointer<UInt8>, lookup: WordLookup) -> [DebrisReason?] {
        let count = lines.count
        var reasons = [DebrisReason?](repeating: nil, count: count)
        var kinds = [Kind](repeating: .blank, count: count)
        var scans = [LineScan](repeating: LineScan(), count: count)
        var whitespaceWords = [Int32](repeating: 0, count: count)
        var punctuated = [Bool](repeating: false, count: count)
        var lineCounts = KeyCounter(capacity: count)
        // The headline rule reads the topic words of prose lines (up to 40 times each): they are
        // collected in this pass; line `i` owns `topicStarts[i]..<topicStarts[i + 1]`.
        var topics = TopicKeyBuffer(capacity: lines.reduce(0) { $0 + $1.count } / 8)
        var topicStarts = [Int32](repeating: 0, count: count + 1)

        // Pass 1: each line on its own.
        for index in 0..<count {
            topicStarts[index] = Int32(truncatingIfNeeded: topics.count)
            if lines[index].isEmpty {  // the blank line between blocks: the commonest line in a scrape
                reasons[index] = .blank
                continue
            }
            let scan = LineScan(UnsafeBufferPointer(rebasing: text[lines[index]]), lookup: lookup, topics: &topics)
            if !scan.hasNonSpace {
                reasons[index] = .blank
                continue
            }
            kinds[index] = .debris
            if !scan.hasLetter {
                reasons[index] = .noLetters
                continue
            }
            scans[index] = scan
            whitespaceWords[index] = Int32(clamping: scan.spacedWords)
            punctuated[index] = scan.punctuated
            lineCounts.add(scan.lineKey)
            if lookup.flags(scan.lineKey).contains(.navigationLine) {
                reasons[index] = .navigation
            } else if scan.spacedWords <= boilerplateMaxWords && scan.cues.contains(.boilerplateCue) {
                reasons[index] = .boilerplate
            } else {
                kinds[index] = proseKind(scan, punctuated: scan.punctuated)
            }
        }
        topicStarts[count] = Int32(truncatingIfNeeded: topics.count)
        func topicKeys(ofLine line: Int) -> Range<Int> { Int(topicStarts[line])..<Int(topicStarts[line + 1]) }

        // Pass 2: repeated lines, fragments, and the line-shape rules.
        for index in 0..<count where reasons[index] == nil && kinds[index] != .debris {
            let scan = scans[index]
            let words = Int(whitespaceWords[index])
            if let reason = shapeReason(
                scan, words: words, punctuated: punctuated[index], copies: lineCounts.count(scan.lineKey),
                isFirstCopy: { lineCounts.firstVisit(scan.lineKey) })
            {
                reasons[index] = reason
                kinds[index] = .debris
            }
        }

        // Pass 3: near-prose and weak lines take their neighbours' side, unless they stand in a
        // run of non-prose lines (a list of teasers or links after the article).
        var nonBlank: [Int] = []
        nonBlank.reserveCapacity(count)
        for index in 0..<count where kinds[index] != .blank { nonBlank.append(index) }
        var runLengths = [Int32](repeating: 0, count: nonBlank.count)
        var runStart = 0
        for position in 0...nonBlank.count {
            if position == nonBlank.count || kinds[nonBlank[position]] == .prose {
                for inRun in runStart..<position { runLengths[inRun] = Int32(position - runStart) }
                runStart = position + 1
            }
        }
        // Whether the nearest prose line before / after each position is within 12 lines with at
        // most one debris line in between (near-prose and weak lines are skipped), in two passes.
        var proseBefore = [Bool](repeating: false, count: nonBlank.count)
        var proseAfter = [Bool](repeating: false, count: nonBlank.count)
        do {
            var last = -1_000
            var debrisSince = 0
            for position in 0..<nonBlank.count {
                proseBefore[position] = position - last <= 12 && debrisSince <= 1
                switch kinds[nonBlank[position]] {
                case .prose: last = position; debrisSince = 0
                case .debris: debrisSince += 1
                default: break
                }
            }
            last = Int.max / 2
            debrisSince = 0
            for position in stride(from: nonBlank.count - 1, through: 0, by: -1) {
                proseAfter[position] = last - position <= 12 && debrisSince <= 1
                switch kinds[nonBlank[position]] {
                case .prose: last = position; debrisSince = 0
                case .debris: debrisSince += 1
                default: break
                }
            }
        }
        var kept = [Bool](repeating: false, count: count)
        // Without any prose there is no context to judge by: what passed the line rules stays.
        if !nonBlank.contains(where: { kinds[$0] == .prose }) {
            for index in nonBlank where kinds[index] != .debris { kept[index] = true }
        }
        for (position, index) in nonBlank.enumerated() where !kept[index] {
            switch kinds[index] {
            case .prose:
                kept[index] = true
            case .nearProse, .weak:
                let run = runLengths[position]
                let before = proseBefore[position]
                let after = proseAfter[position]
                if before && after && run <= 3 {
                    kept[index] = true
                } else if (before || after) && run <= 2 {
                    kept[index] = kinds[index] == .nearProse
                }
            case .debris:
                // A sub-heading between two paragraphs: a one- or two-word heading (`short`), or
                // one that also appears in a table of contents (`repeated`).
                let betweenProse = position > 0 && position + 1 < nonBlank.count
                    && kinds[nonBlank[position - 1]] == .prose && kinds[nonBlank[position + 1]] == .prose
                let subheading = reasons[index] == .short
                    || (reasons[index] == .repeated && scans[index].words >= 2
                        && Int(whitespaceWords[index]) <= repeatedMaxWords && !punctuated[index])
                if betweenProse && subheading {
                    kept[index] = true
                    reasons[index] = nil
                }
            default:
                break
            }
        }

        // Islands: runs of content far smaller than the document's main text are teasers.
        dropIslands(nonBlank, kept: &kept, kinds: kinds, scans: scans)

        // Headline and standfirst: word-rich lines above a run of content whose topic words
        // recur in the prose below (a headline may also appear elsewhere in the page, as the
        // title or in a breadcrumb, so a `repeated` copy qualifies too).
        var topicWords = KeyCounter(capacity: 2048)
        // Each run start gets the topic words of its own window, up to 16 times per document;
        // beyond that a run start inside the last window reuses its words (bounded time on
        // adversarial input such as alternating prose and debris lines).
        var topicWindowEnd = 0
        var rebuilds = 0
        // A window's words are counted only when a candidate headline needs them (most run
        // starts have none): the window's lines are noted at once, as `kept` stands then.
        var windowLines: [Int] = []
        windowLines.reserveCapacity(40)
        var windowCounted = false
        for (position, index) in nonBlank.enumerated() where kept[index] {
            guard position > 0, !kept[nonBlank[position - 1]] else { continue }
            let window = position..<min(nonBlank.count, position + 40)
            guard window.count(where: { kept[nonBlank[$0]] && kinds[nonBlank[$0]] == .prose }) >= 2 else { continue }
            if position >= topicWindowEnd || rebuilds < 16 {
                rebuilds += 1
                windowLines.removeAll(keepingCapacity: true)
                for ahead in window where kept[nonBlank[ahead]] && kinds[nonBlank[ahead]] == .prose {
                    windowLines.append(nonBlank[ahead])
                }
                windowCounted = false
                topicWindowEnd = window.upperBound
            }
            var back = position - 1
            var taken = 0
            var headline: Int?
            while back >= 0 && position - back <= 30 && taken < 3 {
                let candidate = nonBlank[back]
                if kept[candidate] { break }
                let words = scans[candidate].words
                let eligible = (kinds[candidate] != .debris && words >= 4)
                    || (reasons[candidate] == .repeated && words >= 4)
                if eligible {
                    if !windowCounted {
                        topicWords.removeAll()
                        for line in windowLines {
                            topics.withKeys(topicKeys(ofLine: line)) { keys in
                                for key in keys { topicWords.add(key) }
                            }
                        }
                        windowCounted = true
                    }
                    let topic = topicKeys(ofLine: candidate).count
                    let shared = topics.withKeys(topicKeys(ofLine: candidate)) { keys in
                        keys.count(where: { topicWords.count($0) > 0 })
                    }
                    if shared >= 2 && shared * 2 >= topic {
                        kept[candidate] = true
                        reasons[candidate] = nil
                        taken += 1
                        headline = back
                    }
                }
                back -= 1
            }
            // A standfirst: sentence-like lines between the headline and the text.
            if let headline, position - headline <= 8 {
                for between in (headline + 1)..<position {
                    let index = nonBlank[between]
                    if kinds[index] == .nearProse && scans[index].words >= 8 { kept[index] = true }
                }
            }
        }

        // Comments: a comments heading after some content; prose under it is comments.
        markComments(nonBlank, kept: &kept, reasons: &reasons, kinds: kinds, scans: scans, punctuated: punctuated)

        // Language: prose in the minority language of the content around it.
        markOtherLanguage(nonBlank, kept: &kept, reasons: &reasons, scans: scans)

        for index in nonBlank where reasons[index] == nil && !kept[index] {
            reasons[index] = kinds[index] == .weak ? .navigation : .list
        }
        return reasons
    }

    /// Convenience for library users and tests: one entry per line of `lines`.
    public func debris(ofLines lines: [String]) -> [DebrisReason?] {
        var text: [UInt8] = []
        var ranges: [Range<Int>] = []
        for line in lines {
            let start = text.count
            text.append(contentsOf: line.utf8)
            ranges.append(start..<text.count)
        }
        return text.withUnsafeBufferPointer { debris(ofLines: ranges, in: $0) }
    }

    /// The model's numbers for every non-blank line of a document (``LineEvidence``), and which
    /// line each belongs to; lines of only whitespace have none.
    package func evidence(ofLines lines: [Range<Int>], in text: UnsafeBufferPointer<UInt8>) -> (evidence: [LineEvidence], lines: [Int]) {
        table.withLookup { lookup in
            var evidence: [LineEvidence] = []
            var indices: [Int] = []
            var keys: [UInt64] = []
            var heads: [UInt64] = []
            var tails: [UInt64] = []
            evidence.reserveCapacity(lines.count)
            indices.reserveCapacity(lines.count)
            keys.reserveCapacity(lines.count)
            heads.reserveCapacity(lines.count)
            tails.reserveCapacity(lines.count)
            var counter = KeyCounter(capacity: lines.count)
            var headCounter = KeyCounter(capacity: lines.count)
            var tailCounter = KeyCounter(capacity: lines.count)
            var topics = TopicKeyBuffer(capacity: text.count / 8)
            for (index, range) in lines.enumerated() where !range.isEmpty {
                let line = UnsafeBufferPointer(rebasing: text[range])
                let start = topics.count
                let scan = LineScan(line, lookup: lookup, topics: &topics)
                guard scan.hasNonSpace else {
                    assert(topics.count == start, "a line of only space holds no topic word")
                    continue
                }
                var lineEvidence = LineEvidence(scan, bytes: line.count, lookup: lookup)
                lineEvidence.topicWords = UInt16(clamping: topics.count - start)
                // Keys beyond what the count records are dropped, so line i's keys follow line i - 1's.
                topics.removeLast(topics.count - start - Int(lineEvidence.topicWords))
                evidence.append(lineEvidence)
                indices.append(index)
                keys.append(scan.lineKey)
                counter.add(scan.lineKey)
                // Lines without words have no first or last word (key 0: not counted).
                heads.append(scan.firstWordKey)
                tails.append(scan.lastWord)
                if scan.firstWordKey != 0 { headCounter.add(scan.firstWordKey) }
                if scan.lastWord != 0 { tailCounter.add(scan.lastWord) }
            }
            for position in evidence.indices {
                let copies = counter.count(keys[position])
                evidence[position].copies = Int32(clamping: max(copies, 1))
                if copies > 1 && counter.firstVisit(keys[position]) { evidence[position].flags |= LineEvidence.Flag.firstCopy }
                let head = heads[position], tail = tails[position]
                evidence[position].headCopies = head == 0 ? 0 : Int32(clamping: headCounter.count(head))
                evidence[position].tailCopies = tail == 0 ? 0 : Int32(clamping: tailCounter.count(tail))
                if head != 0 && position > 0 && heads[position - 1] == head {
                    evidence[position].flags |= LineEvidence.Flag.previousSameHead
                    evidence[position - 1].flags |= LineEvidence.Flag.nextSameHead
                }
                if tail != 0 && position > 0 && tails[position - 1] == tail {
                    evidence[position].flags |= LineEvidence.Flag.previousSameTail
                    evidence[position - 1].flags |= LineEvidence.Flag.nextSameTail
                }
            }
            Self.countSharedTopicWords(&evidence, topics: topics)
            return (evidence, indices)
        }
    }

    /// Sets each line's two shared topic-word counts: how many of its topic words occur in at
    /// least one / at least two other lines of the document that hold `topicLineMinimumWords`
    /// words or more; copies of the line are not other lines. Line `i`'s keys follow line
    /// `i - 1`'s in `topics` (``LineEvidence/topicWords`` of each). Only the first copy of a
    /// repeated line is added as a holder: it reads ``LineEvidence/copies`` and the first-copy
    /// flag, so it runs after they are set.
    private static func countSharedTopicWords(_ evidence: inout [LineEvidence], topics: borrowing TopicKeyBuffer) {
        func isHolder(_ line: LineEvidence) -> Bool {
            line.words >= topicLineMinimumWords && (line.copies <= 1 || line.flags & LineEvidence.Flag.firstCopy != 0)
        }
        // Words repeat across an article's paragraphs: half its keys is a generous guess of
        // the distinct ones.
        var holderKeys = 0
        for line in evidence where isHolder(line) { holderKeys += Int(line.topicWords) }
        var holders = HolderCounter(expectedKeys: holderKeys / 2)
        var start = 0
        for line in evidence.indices {
            let keys = start..<(start + Int(evidence[line].topicWords))
            start = keys.upperBound
            guard isHolder(evidence[line]) else { continue }
            topics.withKeys(keys) { holders.add($0, line: Int32(truncatingIfNeeded: line)) }
        }
        start = 0
        for line in evidence.indices {
            let keys = start..<(start + Int(evidence[line].topicWords))
            start = keys.upperBound
            // A line of holder length counts its own holding once, whichever copy it is.
            let own: Int32 = evidence[line].words >= topicLineMinimumWords ? 1 : 0
            let (once, twice) = topics.withKeys(keys) { holders.sharedCounts($0, beyond: own) }
            evidence[line].sharedTopicWords = UInt16(clamping: once)
            evidence[line].widelySharedTopicWords = UInt16(clamping: twice)
        }
    }

    /// Lines of at least this many words are the ones whose topic words count as shared: an
    /// article's paragraphs, not menus and tags.
    static let topicLineMinimumWords: Int32 = 8

    // MARK: - Line rules

    private func proseKind(_ scan: LineScan, punctuated: Bool) -> Kind {
        let words = scan.words
        guard words > 0 else { return .weak }
        let stops = scan.stops
        // Densities compared as integers: stops / words >= ratio.
        if punctuated && words >= 5 && stops * 100 >= words * 22 { return .prose }
        if words >= 25 && stops * 100 >= words * 18 { return .prose }
        if scan.sentenceBreaks >= 1 && words >= 12 && stops * 100 >= words * 22 { return .prose }
        let titleCase = scan.contentWords >= 3 && scan.capitalized * 4 >= scan.contentWords * 3
        if words >= 5 && stops * 100 >= words * 15 && !titleCase { return .nearProse }
        return .weak
    }

    private func shapeReason(
        _ scan: LineScan, words: Int, punctuated: Bool, copies: Int, isFirstCopy: () -> Bool
    ) -> DebrisReason? {
        if copies > 1 {
            let first = isFirstCopy()
            if words <= repeatedMaxWords || !first { return .repeated }
        }
        if words <= 2 && !punctuated { return .short }
        let proseLike = punctuated && scan.stops * 5 >= scan.words
        if !proseLike && scan.words < 20 && (scan.glued >= 2 || (scan.glued >= 1 && scan.stops * 4 < scan.words)) {
            return .navigation
        }
        if scan.separators >= 2 && !proseLike { return .navigation }
        if scan.cues.contains(.commentCue) && scan.words <= 6 && !punctuated { return .comments }
        if scan.cues.contains(.linkCue) && scan.words <= 12 && !proseLike { return .list }
        if scan.leadingCues.contains(.linkCue) && scan.words <= 40 { return .list }
        if scan.cues.contains(.creditCue) && (scan.words <= 6 || (!proseLike && scan.words <= 12)) { return .byline }
        if !proseLike || scan.words <= 8 {
            if scan.firstWord.contains(.bylineOpener) && scan.words <= 7 { return .byline }
            if scan.dateWords >= 1 && scan.numbers >= 1 && scan.words <= 10 { return .byline }
            if scan.numbers >= 3 && scan.words <= 3 { return .byline }
        }
        return nil
    }

    private func dropIslands(_ nonBlank: [Int], kept: inout [Bool], kinds: [Kind], scans: [LineScan]) {
        // Runs of kept lines, allowing two debris lines inside a run.
        var runs: [(start: Int, end: Int, words: Int, prose: Int)] = []
        var position = 0
        while position < nonBlank.count {
            guard kept[nonBlank[position]] else { position += 1; continue }
            var end = position
            var words = 0
            var prose = 0
            var gap = 0
            var cursor = position
            while cursor < nonBlank.count {
                let index = nonBlank[cursor]
                if kept[index] {
                    words += scans[index].words
                    if kinds[index] == .prose { prose += 1 }
                    end = cursor
                    gap = 0
                } else {
                    gap += 1
                    if gap > 2 { break }
                }
                cursor += 1
            }
            runs.append((position, end, words, prose))
            position = end + 1
        }
        let largest = runs.map(\.words).max() ?? 0
        for run in runs where run.words * 4 < largest && run.words < 80 {
            for position in run.start...run.end { kept[nonBlank[position]] = false }
        }
    }

    private func markComments(
        _ nonBlank: [Int], kept: inout [Bool], reasons: inout [DebrisReason?], kinds: [Kind], scans: [LineScan],
        punctuated: [Bool]
    ) {
        var proseSeen = 0
        var horizon = 0
        for index in nonBlank {
            let scan = scans[index]
            // A heading (`Comments`, `Deja un comentario`), a count (`16 comments`) or a button.
            let isCue = scan.cues.contains(.commentCue)
                && ((scan.words <= 6 && !punctuated[index]) || (scan.numbers >= 1 && scan.words <= 12))
            if isCue && (proseSeen >= 3 || horizon > 0) {
                // A comments heading, or a reply/report button inside the section.
                horizon = 30
                if kept[index] {
                    kept[index] = false
                    reasons[index] = .comments
                }
                continue
            }
            if kept[index] && kinds[index] == .prose && horizon == 0 { proseSeen += 1 }
            guard horizon > 0 else { continue }
            horizon -= 1
            if reasons[index] == .byline { horizon = 30 }  // a commenter's name and date
            if kept[index] {
                kept[index] = false
                reasons[index] = .comments
            }
        }
    }

    private func markOtherLanguage(
        _ nonBlank: [Int], kept: inout [Bool], reasons: inout [DebrisReason?], scans: [LineScan]
    ) {
        let minority = OtherLanguage.minorityLines(
            count: nonBlank.count, kept: { kept[nonBlank[$0]] },
            language: { Self.decisiveLanguage(scans[nonBlank[$0]]) }, words: { scans[nonBlank[$0]].words })
        for position in minority {
            kept[nonBlank[position]] = false
            reasons[nonBlank[position]] = .otherLanguage
        }
    }

    private static func decisiveLanguage(_ scan: LineScan) -> Int {
        OtherLanguage.decisive(words: scan.words, englishStops: scan.englishStops, spanishStops: scan.spanishStops)
    }
}

/// How many distinct lines hold each key, counted up to three: one flat open-addressing table of
/// `(key, last line + 1, holders)` slots (all zero when empty), for lines added in increasing
/// order (``LineCleaner``'s shared topic words). It doubles when three quarters full, so its size
/// follows the document's vocabulary, not its length (`ResourceTests`' large records).
struct HolderCounter {
    private struct Slot {
        var key: UInt64 = 0
        var lineAfterLast: Int32 = 0
        var holders: Int32 = 0
    }

    private var slots: [Slot]
    private var used = 0

    /// A table that holds `expectedKeys` distinct keys without growing (at most 32,768 of
    /// them: beyond that it grows as keys arrive).
    init(expectedKeys: Int) {
        var size = 64
        while size < min(expectedKeys, 1 << 15) * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
    }

    /// Notes that `line` holds each of `keys` (never 0); `line` is never smaller than a previous one.
    mutating func add(_ keys: UnsafeBufferPointer<UInt64>, line: Int32) {
        if (used &+ keys.count) &* 4 > slots.count &* 3 { grow(toHold: used &+ keys.count) }
        let next = line &+ 1
        var added = 0
        slots.withUnsafeMutableBufferPointer { slots in
            for key in keys {
                let slot = Self.slot(of: key, in: UnsafeBufferPointer(slots))
                if slots[slot].key == 0 {
                    slots[slot].key = key
                    added &+= 1
                }
                if slots[slot].lineAfterLast != next {
                    slots[slot].lineAfterLast = next
                    slots[slot].holders = min(slots[slot].holders &+ 1, 3)
                }
            }
        }
        used &+= added
    }

    /// How many of `keys` are held by at least one / at least two lines besides the `own` (0 or
    /// 1) holding that the asking line contributed.
    func sharedCounts(_ keys: UnsafeBufferPointer<UInt64>, beyond own: Int32) -> (once: Int32, twice: Int32) {
        slots.withUnsafeBufferPointer { slots in
            var once: Int32 = 0, twice: Int32 = 0
            for key in keys {
                let slot = Self.slot(of: key, in: slots)
                let others = slots[slot].key == 0 ? 0 : slots[slot].holders &- own
                once &+= others >= 1 ? 1 : 0
                twice &+= others >= 2 ? 1 : 0
            }
            return (once, twice)
        }
    }

    /// Rehashes into a table that stays at most half full with `keys` distinct keys.
    private mutating func grow(toHold keys: Int) {
        var size = slots.count
        while size < keys * 2 { size <<= 1 }
        var grown = [Slot](repeating: Slot(), count: size)
        grown.withUnsafeMutableBufferPointer { grown in
            for old in slots where old.key != 0 { grown[Self.slot(of: old.key, in: UnsafeBufferPointer(grown))] = old }
        }
        slots = grown
    }

    /// The slot that holds `key`, or the empty slot where it would go (linear probing from the
    /// key's bits 11 and up; the table is never full).
    @inline(__always)
    private static func slot(of key: UInt64, in slots: UnsafeBufferPointer<Slot>) -> Int {
        let mask = slots.count &- 1
        var slot = Int(truncatingIfNeeded: key >> 11) & mask
        while slots[slot].key != 0 && slots[slot].key != key { slot = (slot &+ 1) & mask }
        return slot
    }
}

/// Counts of 64-bit keys in one flat open-addressing table (one allocation per document).
struct KeyCounter {
    private var keys: [UInt64]
    private var counts: [Int32]
    private let mask: Int
    private let capacity: Int
    private var used = 0

    /// A table for up to `capacity` distinct keys; further new keys are ignored (counted as 0).
    /// At most three quarters of the slots are used: a document's three counters take 12 bytes a
    /// slot, so keeping half of them free cost up to 96 bytes a line, this up to 48.
    init(capacity: Int) {
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        counts = [Int32](repeating: 0, count: size)
        mask = size - 1
        self.capacity = capacity
    }

    /// Forgets every key, keeping the storage.
    mutating func removeAll() {
        guard used > 0 else { return }
        for slot in keys.indices { keys[slot] = 0; counts[slot] = 0 }
        used = 0
    }

    /// Adds one occurrence of `key` (never 0) and returns its count so far.
    @discardableResult @inline(__always)
    mutating func add(_ key: UInt64) -> Int {
        let slot = slot(of: key)
        if keys[slot] == 0 {
            guard used < capacity else { return 0 }  // full
            keys[slot] = key
            used += 1
        }
        counts[slot] += 1
        return Int(counts[slot] & Self.countMask)
    }

    @inline(__always)
    func count(_ key: UInt64) -> Int {
        let slot = slot(of: key)
        return keys[slot] == 0 ? 0 : Int(counts[slot] & Self.countMask)
    }

    /// Whether this is the first call for `key` (a key already added): a mark kept beside its count.
    mutating func firstVisit(_ key: UInt64) -> Bool {
        let slot = slot(of: key)
        guard keys[slot] != 0 else { return true }
        let first = counts[slot] & Self.visited == 0
        counts[slot] |= Self.visited
        return first
    }

    /// The slot that holds `key`, or the empty slot where it would go (linear probing from the
    /// key's bits 11 and up, as in ``HolderCounter``; the table is never full).
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: key >> 11) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot &+ 1) & mask }
        return slot
    }

    private static let visited: Int32 = 1 << 30
    private static let countMask: Int32 = visited - 1
}
