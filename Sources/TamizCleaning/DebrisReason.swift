/// Why the cleaner dropped a line. The raw value is the reason word shown in `label` output and
/// counted by `--stats`; these words are part of the CLI contract, so they never change meaning.
public enum DebrisReason: String, Sendable, CaseIterable, Hashable {
    /// Only whitespace: layout between blocks, not text.
    case blank
    /// No letter at all (`_`, `|`, `2025`, `→`, emoji).
    case noLetters = "no-letters"
    /// A site-navigation label such as `Skip to content`, `Menu` or `Lo más visto`.
    case navigation
    /// Cookie, paywall, subscription, newsletter and legal banners, even as full sentences.
    case boilerplate
    /// A short line that occurs more than once in the same document (headers, menus, tag lists).
    case repeated
    /// One or two words without sentence punctuation: a label, button or heading fragment.
    case short
}
