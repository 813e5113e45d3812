// libFuzzer harness: LanguageClassifier on raw bytes (built by scripts/fuzz.sh against the
// instrumented package modules). Invariants: never crash; the confidence is finite and in
// [0, 1]; an `en` or `es` answer is at least the minimum confidence; the three probabilities are
// finite, in [0, 1] and sum to 1; the same bytes get the same answer twice.
import TamizClassifying

let classifier = LanguageClassifier()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLanguageClassifier(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let guess = classifier.classify(bytes)
    check(guess.confidence.isFinite && guess.confidence >= 0 && guess.confidence <= 1, "confidence \(guess.confidence)")
    if guess.language != .undetermined {
        check(guess.confidence >= classifier.minimumConfidence, "\(guess.language) at \(guess.confidence)")
    }
    check(classifier.classify(bytes) == guess, "two answers for the same bytes")
    let p = classifier.probabilities(bytes)
    for value in [p.english, p.spanish, p.other] {
        check(value.isFinite && value >= 0 && value <= 1, "probability \(value) in \(p)")
    }
    check(abs(p.english + p.spanish + p.other - 1) < 1e-3, "probabilities \(p) do not sum to 1")
    return 0
}
