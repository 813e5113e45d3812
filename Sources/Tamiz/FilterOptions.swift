/// What one unit of output is.
public enum UnitKind: String, Sendable, CaseIterable {
    /// Each sentence of each line is a unit (lines are paragraphs; sentences never span lines).
    case sentence
    /// Each input line is exactly one unit, so output can be pasted back onto the input.
    case line
    /// Each maximal run of one language within a sentence (`LanguageSpanDetector`), so a
    /// code-switched sentence gives one unit per language run. `label` records carry the span's
    /// code-point offsets into its input line (`CLITests`, `SpanUnitTests`).
    case span
}

/// How `label` writes its records (`tsvEscaping`, `LineRecordTests`).
public enum LabelFormat: String, Sendable, CaseIterable {
    /// `lang<TAB>confidence<TAB>debris<TAB>text` (with `--unit span`,
    /// `lang<TAB>confidence<TAB>debris<TAB>start<TAB>end<TAB>text`), with `\\`, tab, LF, CR and NUL in the text written
    /// as `\\\\`, `\\t`, `\\n`, `\\r` and `\\0`.
    case tsv
    /// One JSON object per unit: `{"line":N,"lang":…,"confidence":…,"debris":…|null,"text":…}`
    /// (plus `"file"` when more than one input is read; with `--unit span`, `"start"` and `"end"`
    /// after `"line"`: code-point offsets into the input line, end exclusive).
    case jsonl
}

/// Where `route` sends units: one output per language, and one for debris. Destinations are
/// numbered so output buffers can be plain arrays (`route`, `routeReturnsEachDestination`).
public enum Destination: Int, Sendable, CaseIterable {
    case english = 0, spanish, undetermined, debris

    /// The destination of a unit of this language that is not debris.
    public init(_ language: Language) {
        switch language {
        case .english: self = .english
        case .spanish: self = .spanish
        case .undetermined: self = .undetermined
        }
    }

    /// The language whose units go here; nil for debris.
    public var language: Language? {
        switch self {
        case .english: .english
        case .spanish: .spanish
        case .undetermined: .undetermined
        case .debris: nil
        }
    }
}

/// What the filter does with each unit: annotate, keep some languages, or route
/// (`labelsSentences`, `keepEnglish`, `route`).
public enum FilterAction: Sendable, Equatable {
    /// Annotate every unit (debris included) on the first output.
    case label(LabelFormat)
    /// Print the text of non-debris units in these languages on the first output.
    case keep(Set<Language>)
    /// Write every unit's text to the output for its destination; destinations without an output
    /// are counted and dropped.
    case route(Set<Destination>)
}

/// Everything that decides what the filter writes, apart from the inputs and outputs themselves.
/// Output does not depend on `threads` or `blockBytes` (`threadsDoNotChangeOutput`,
/// `inMemoryRunEqualsFileRun`).
public struct FilterOptions: Sendable {
    public var action: FilterAction
    public var unit: UnitKind = .sentence
    /// With `.sentence` units: where paragraphs end. `.blankLine` segments the lines between blank
    /// lines (and debris lines) as one paragraph, so a sentence can span hard-wrapped lines; its
    /// text is written on one line (`SoftWraps.joined`, the removed line breaks count as layout).
    /// A paragraph is also cut where a block of `blockBytes` ends.
    public var paragraphs: ParagraphBreaks = .lineBreak
    /// Whether `paragraphs` applies: `.blankLine` with `.sentence` units on plain text. With line
    /// units or `documents` the setting is ignored, as the CLI refuses it there
    /// (`lineUnitsIgnoreBlankLineParagraphs`).
    package var joinsWrappedLines: Bool { paragraphs == .blankLine && unit == .sentence && documents == nil }
    /// Apply the debris rules (`--no-clean` turns them off: language only).
    public var clean = true
    /// Stop with an error at the first invalid UTF-8 (instead of replacing it with U+FFFD) and,
    /// with `documents`, at the first invalid record (instead of reporting and skipping it).
    public var strict = false
    /// Worker threads for segmenting and classifying; 1 runs everything on the calling thread.
    /// At most ``TamizFilter/maximumThreads`` are started.
    public var threads = 1
    /// Bytes read per block of work; also the longest piece a single line is cut into.
    /// Memory stays within a small multiple of `blockBytes × threads`.
    public var blockBytes = 1 << 20
    /// `documents`: a record longer than this is reported once, counted once, copied to the
    /// errors output on one line, and skipped (default ``TamizFilter/maximumRecordBytes``).
    public var maximumRecordBytes = TamizFilter.maximumRecordBytes
    /// Units whose confidence is below this are labelled `und`.
    public var minimumConfidence: Float? = nil
    /// Names of the inputs, for messages and the `file` field of JSON Lines when there is more
    /// than one; used when it holds one name per input, else the inputs' paths are used.
    public var inputNames: [String] = []
    /// Read JSON Lines documents instead of plain text (see ``DocumentOptions``).
    public var documents: DocumentOptions? = nil
    /// The document options for WARC inputs (read as JSON Lines documents) when `documents` is nil.
    public var warcDocuments = DocumentOptions()
    /// Which library decodes gzip inputs. The output is the same with each; the choice is there
    /// to measure them (`filter-keep-en-*-gzip-zlib` in `Benchmarks/`).
    public var gzipDecoder: GzipDecoder = .automatic

    /// ISA-L where `libisal.so.2` loads at run time (faster), else zlib; or one by name.
    /// `.isal` where ISA-L is missing makes every gzip input an error.
    public enum GzipDecoder: Sendable, Equatable {
        case automatic, zlib, isal
    }

    public init(action: FilterAction) {
        self.action = action
    }
}

/// How JSON Lines documents are read and judged (`--jsonl`): each input line is one JSON object,
/// a document, whose text field is cleaned and labelled as a whole.
///
/// Every other field keeps its exact bytes. The output object gets the cleaned text (debris
/// lines removed) and a result member, by default
/// `"tamiz":{"lang":"en","fraction":{"en":…,"es":…,"und":…},"dropped":{"navigation":3,…}}`:
/// the language with the most content bytes, each language's share of the content bytes, and
/// the number of debris lines by reason. A member of that name already in the input is replaced
/// (`labelDocument`, `keepSplit`, `wholeDocumentsByLanguage`).
public struct DocumentOptions: Sendable, Equatable {
    /// The text field, as a dotted path into nested objects (`text`, `page.body`).
    public var fieldPath: [String] = ["text"]
    /// The member that receives the results.
    public var resultField = "tamiz"
    /// `keep` and `route`: a document counts as a language when at least this share of its
    /// content bytes is in it (for `keep`, in any of the kept languages together).
    public var minimumFraction = 0.5
    /// `keep` and `route` act on each document's per-language parts instead of whole documents.
    public var split = false
    /// Also writes top-level `"language"` and `"language_score"` members, the fields datatrove
    /// and FineWeb pipelines read: the document's (or part's) language and its share of the content.
    public var languageFields = false
    /// Writes Dolma-style attributes (`--attributes`): one line per document read, row-aligned
    /// with the input, `{"id":…,"attributes":{"tamiz__tamiz__en":[[start,end,score],…],…}}`
    /// with each unit's span in Unicode code points of the input text and its confidence.
    public var attributes = false

    public init() {}
}

extension Destination {
    /// The destination's name in messages: `en`, `es`, `und`, `debris`.
    var word: String {
        switch self {
        case .english: "en"
        case .spanish: "es"
        case .undetermined: "und"
        case .debris: "debris"
        }
    }
}
