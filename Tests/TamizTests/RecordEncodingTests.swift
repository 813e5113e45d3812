import Testing
@testable import Tamiz
import TamizClassifying
import TamizCleaning

@Suite("Record encoding")
struct RecordEncodingTests {
    private func encoded(_ body: (inout [UInt8]) -> Void) -> String {
        var output: [UInt8] = Array(">".utf8)  // what is already there stays
        body(&output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test("confidences have three decimals, clamped to [0, 1], NaN as 0.000",
          arguments: [(Float(0.9874), ">0.987"), (1, ">1.000"), (0, ">0.000"), (0.0005, ">0.001"),
                      (2, ">1.000"), (-1, ">0.000"), (.nan, ">0.000")])
    func confidence(value: Float, expected: String) {
        #expect(encoded { RecordEncoding.appendConfidence(value, to: &$0) } == expected)
    }

    @Test("integers are written in decimal, negative ones with a minus sign",
          arguments: [0, 7, 10, 1234, -56, Int.max, Int.min])
    func integer(value: Int) {
        #expect(encoded { RecordEncoding.appendInteger(value, to: &$0) } == ">\(value)")
    }

    @Test("a TSV header holds language, confidence, debris or '-', and span offsets when given")
    func tsvHeader() {
        #expect(encoded {
            RecordEncoding.appendTSVHeader(language: .spanish, confidence: 0.5, debris: nil, to: &$0)
        } == ">es\t0.500\t-\t")
        #expect(encoded {
            RecordEncoding.appendTSVHeader(language: .undetermined, confidence: 1, debris: .noLetters,
                                           scalars: 12..<340, to: &$0)
        } == ">und\t1.000\tno-letters\t12\t340\t")
    }

    @Test("a JSON header names file, line, span, language, confidence and debris before the text")
    func jsonHeader() {
        #expect(encoded {
            RecordEncoding.appendJSONHeader(file: "a\"b.txt", line: 9, scalars: 0..<Int.max, language: .english,
                                            confidence: 0.25, debris: .otherLanguage, to: &$0)
        } == #">{"file":"a\"b.txt","line":9,"start":0,"end":9223372036854775807,"lang":"en","confidence":0.250,"debris":"other-language","text":""#)
        #expect(encoded {
            RecordEncoding.appendJSONHeader(file: nil, line: 1, language: .spanish, confidence: 1, debris: nil, to: &$0)
        } == #">{"line":1,"lang":"es","confidence":1.000,"debris":null,"text":""#)
    }
}
