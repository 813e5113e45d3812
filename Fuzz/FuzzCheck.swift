#if canImport(Glibc)
import Glibc
#endif

/// A harness's invariant: like `precondition`, but the message reaches standard error in `-O`
/// builds too, before libFuzzer saves the input that broke it.
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    guard !condition() else { return }
    fputs("invariant broken at \(file):\(line): \(message())\n", stderr)
    abort()
}
