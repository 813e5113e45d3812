import TamizCleaning

/// L2-regularised logistic regression fitted by Newton's method on standardised columns, in a
/// fixed order of operations (so a fit is repeatable bit for bit). Returns `width` weights and a
/// bias on the original scale.
package enum LogisticRegression {
    package static func fit(
        _ features: [Double], width: Int, labels: [Double], penalty: Double, iterations: Int = 20
    ) -> [Double] {
        let rows = labels.count
        precondition(features.count == rows * width)
        // Standardise: mean and deviation per column (constant columns get weight 0).
        var mean = [Double](repeating: 0, count: width)
        var scale = [Double](repeating: 0, count: width)
        for row in 0..<rows { for column in 0..<width { mean[column] += features[row * width + column] } }
        for column in 0..<width { mean[column] /= Double(max(rows, 1)) }
        for row in 0..<rows {
            for column in 0..<width {
                let d = features[row * width + column] - mean[column]
                scale[column] += d * d
            }
        }
        for column in 0..<width {
            let deviation = (scale[column] / Double(max(rows, 1))).squareRoot()
            scale[column] = deviation > 1e-9 ? 1 / deviation : 0
        }
        let size = width + 1  // the bias is the last column
        var x = [Double](repeating: 0, count: rows * size)
        for row in 0..<rows {
            for column in 0..<width {
                x[row * size + column] = (features[row * width + column] - mean[column]) * scale[column]
            }
            x[row * size + width] = 1
        }
        var weights = [Double](repeating: 0, count: size)
        var hessian = [Double](repeating: 0, count: size * size)
        var gradient = [Double](repeating: 0, count: size)
        for _ in 0..<iterations {
            for index in hessian.indices { hessian[index] = 0 }
            for index in gradient.indices { gradient[index] = 0 }
            x.withUnsafeBufferPointer { x in
                hessian.withUnsafeMutableBufferPointer { h in
                    for row in 0..<rows {
                        let r = x.baseAddress! + row * size
                        var z = 0.0
                        for column in 0..<size { z += r[column] * weights[column] }
                        let p = 1 / (1 + CleanerModel.exp(-z))
                        let residual = labels[row] - p
                        let w = max(p * (1 - p), 1e-10)
                        for i in 0..<size {
                            gradient[i] += r[i] * residual
                            let wi = w * r[i]
                            if wi == 0 { continue }
                            let hi = h.baseAddress! + i * size
                            for j in i..<size { hi[j] += wi * r[j] }
                        }
                    }
                }
            }
            for i in 0..<width {
                hessian[i * size + i] += penalty
                gradient[i] -= penalty * weights[i]
            }
            for i in 0..<size { for j in 0..<i { hessian[i * size + j] = hessian[j * size + i] } }
            let step = solve(hessian, gradient, size: size)
            var largest = 0.0
            for i in 0..<size { weights[i] += step[i]; largest = max(largest, abs(step[i])) }
            if largest < 1e-9 { break }  // converged
        }
        // Back to the original scale.
        var result = [Double](repeating: 0, count: size)
        var bias = weights[width]
        for column in 0..<width {
            result[column] = weights[column] * scale[column]
            bias -= result[column] * mean[column]
        }
        result[width] = bias
        return result
    }

    /// Solves the symmetric positive-definite system `matrix · x = vector` by Cholesky.
    static func solve(_ matrix: [Double], _ vector: [Double], size: Int) -> [Double] {
        var l = [Double](repeating: 0, count: size * size)
        for i in 0..<size {
            for j in 0...i {
                var sum = matrix[i * size + j]
                for k in 0..<j { sum -= l[i * size + k] * l[j * size + k] }
                if i == j {
                    l[i * size + i] = sum > 1e-12 ? sum.squareRoot() : 1e-6
                } else {
                    l[i * size + j] = sum / l[j * size + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: size)
        for i in 0..<size {
            var sum = vector[i]
            for k in 0..<i { sum -= l[i * size + k] * y[k] }
            y[i] = sum / l[i * size + i]
        }
        var x = [Double](repeating: 0, count: size)
        for i in stride(from: size - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<size { sum -= l[k * size + i] * x[k] }
            x[i] = sum / l[i * size + i]
        }
        return x
    }
}
