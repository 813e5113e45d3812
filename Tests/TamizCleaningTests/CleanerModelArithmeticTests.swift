import Testing
@testable import TamizCleaning

/// The model's fused arithmetic gives the same bits as the plain one, so a faster run time keeps
/// every decision of the fitted model.
@Suite("Cleaner model arithmetic")
struct CleanerModelArithmeticTests {
    /// Deterministic pseudo-random doubles in [-4, 4), some exactly 0 or 1 like the one-hot features.
    static func numbers(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { index in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            if index % 7 == 3 { return 0 }
            if index % 11 == 5 { return 1 }
            return Double(state >> 11) / Double(1 << 53) * 8 - 4
        }
    }

    @Test("the two-weight dot product equals two single dot products bit for bit, at every length")
    func fusedDotEqualsTwoDots() {
        for count in 0...90 {
            let a = Self.numbers(count, seed: 1), w = Self.numbers(count, seed: 2), v = Self.numbers(count, seed: 3)
            a.withUnsafeBufferPointer { a in
                w.withUnsafeBufferPointer { w in
                    v.withUnsafeBufferPointer { v in
                        guard let a = a.baseAddress, let w = w.baseAddress, let v = v.baseAddress else { return }
                        let (one, two) = CleanerModel.dot(a, w, v, count: count)
                        #expect(one.bitPattern == CleanerModel.dot(a, w, count: count).bitPattern)
                        #expect(two.bitPattern == CleanerModel.dot(a, v, count: count).bitPattern)
                    }
                }
            }
        }
    }

    /// The dot product as four scalar sums (the model's fitted form, before it ran on `SIMD4`).
    static func scalarDot(_ a: [Double], _ w: [Double]) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var column = 0
        while column + 4 <= a.count {
            s0 += a[column] * w[column]
            s1 += a[column + 1] * w[column + 1]
            s2 += a[column + 2] * w[column + 2]
            s3 += a[column + 3] * w[column + 3]
            column += 4
        }
        while column < a.count { s0 += a[column] * w[column]; column += 1 }
        return (s0 + s1) + (s2 + s3)
    }

    @Test("the SIMD dot product equals four scalar sums bit for bit, at every length")
    func simdDotEqualsScalarSums() {
        for count in 0...90 {
            let a = Self.numbers(count, seed: 4), w = Self.numbers(count, seed: 5)
            a.withUnsafeBufferPointer { a in
                w.withUnsafeBufferPointer { w in
                    guard let a = a.baseAddress, let w = w.baseAddress else { return }
                    #expect(CleanerModel.dot(a, w, count: count).bitPattern
                        == Self.scalarDot(Array(UnsafeBufferPointer(start: a, count: count)),
                                          Array(UnsafeBufferPointer(start: w, count: count))).bitPattern)
                }
            }
        }
    }
}
