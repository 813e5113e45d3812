import Testing
@testable import TamizCleaning

/// Lines of program code pasted into an article are debris for a language filter; the line scan
/// measures what sets them apart from prose (``LineScan/codeSymbols``, ``LineScan/calls``,
/// ``LineScan/codeEnding``), and the model weighs those numbers (`CleanerModel.ownFeatures`).
@Suite("Code shape of a line")
struct CodeShapeTests {
    static func scan(_ text: String) -> LineScan {
        let table = WordTable(capacity: 16)
        let bytes = Array(text.utf8)
        return table.withLookup { lookup in bytes.withUnsafeBufferPointer { LineScan($0, lookup: lookup) } }
    }

    @Test("a call with a dictionary subscript counts its call and its code symbols")
    func callWithSubscript() {
        let scan = Self.scan(#"open_url(CONFIG["urls"]["current_doc"], CONFIG["chrome_profile"])"#)
        #expect(scan.calls == 1)
        #expect(scan.codeSymbols == 6)  // `_` and `[` ×5; `]`, `"` and `(` are not symbols of their own
        #expect(!scan.codeEnding)
    }

    @Test("a call of a name that ends in a digit is a call")
    func callOfNameWithDigit() {
        #expect(Self.scan("shutil.copy2(path, copy)").calls == 1)
    }

    @Test("a plural or gender ending in parentheses is no call")
    func wordEndingMarkersAreNoCalls() {
        #expect(Self.scan("Select the attachment(s) you want to send.").calls == 0)
        #expect(Self.scan("Actualmente puntuada con 3 estrella(s) sobre 5").calls == 0)
        #expect(Self.scan("Estimado(a) cliente, bienvenido(as) todos").calls == 0)
        #expect(Self.scan("print(total)").calls == 1)
    }

    @Test("a function header and a block opener end like code")
    func codeEndings() {
        #expect(Self.scan("function start() {").codeEnding)
        #expect(Self.scan("    return total;").codeEnding)
        #expect(Self.scan("} else {").codeEnding)
        #expect(!Self.scan("Check these plants more frequently and water when the soil is dry.").codeEnding)
    }

    @Test("parentheses in prose are no calls and no code symbols")
    func parenthesesInProse() {
        let scan = Self.scan("Chinese evergreen (Aglaonema) grows well in a north window (or a dark corner).")
        #expect(scan.calls == 0)
        #expect(scan.codeSymbols == 0)
    }

    @Test("a citation's issue number in parentheses is no call")
    func citationIsNoCall() {
        let scan = Self.scan("Vogel AC, Black KJ. Brain imaging in practice. Mo Med. 2024;121(1):37-43.")
        #expect(scan.calls == 0)
        #expect(scan.codeSymbols == 1)  // the `;`
    }

    @Test("a Spanish sentence with a question and an exclamation holds no code")
    func spanishProse() {
        let scan = Self.scan("¿Quién lo iba a decir? ¡El tren llegó a tiempo, por fin!")
        #expect(scan.calls == 0)
        #expect(scan.codeSymbols == 0)
        #expect(!scan.codeEnding)
    }
}
