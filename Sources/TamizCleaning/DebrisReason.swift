/// Why the cleaner dropped a line. The raw value is the reason word shown in `label` output and
/// counted by `--stats`; these words are part of the CLI contract, so they never change meaning.
///
/// `LineCleanerTests` and `DocumentRulesTests` give each reason on real scrape lines.
public enum DebrisReason: String, Sendable, CaseIterable, Hashable {
    /// Only whitespace: layout between blocks, not text.
    case blank
    /// No letter at all (`_`, `|`, `2025`, `→`, emoji).
    case noLetters = "no-letters"
    /// A site-navigation label such as `Skip to content`, `Menu` or `Lo más visto`, menu items
    /// glued into one line (`NewsSportCulture`), a `|`-separated run of links, or a label-like
    /// line (few function words, title case) in a run of such lines with no prose around it.
    case navigation
    /// Cookie, paywall, subscription, newsletter and legal banners, even as full sentences.
    case boilerplate
    /// A short line that occurs more than once in the same document (headers, menus, tag lists).
    case repeated
    /// One or two words without sentence punctuation: a label, button or heading fragment.
    case short
    /// An author, credit or date line: `By Ann Lee`, `Por Ana López`, `Photo: Ann Lee/Agency`,
    /// `Updated March 3, 2025 10:21 AM`, `Actualizado el 25/05/2025 21:57 h`.
    case byline
    /// A sentence-like line that is not article text: teaser headlines in a run of other
    /// non-prose lines, "read also" / "lee también" links, small islands of prose far from the
    /// document's main text.
    case list
    /// Reader comments: a comments heading and the prose that follows it.
    case comments
    /// Prose in the other language than the text around it, where that text is clearly in one
    /// language: a Spanish comment or teaser under an English article, and vice versa.
    case otherLanguage = "other-language"
    /// A line of program code pasted into the page: it calls something (`open_url(`) or ends as
    /// code lines do (`{`, `}`, `;`). Given by the learned model only (`CodeListingTests`).
    case code
}
