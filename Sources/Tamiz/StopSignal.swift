#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// SIGINT and SIGTERM as a request to stop reading: the filter writes every block it has already
/// read and processed, then throws ``FilterError/Kind/interrupted`` (the CLI exits 128 + signal).
///
/// The one piece of process-wide state in the filter, because a signal handler can reach nothing
/// else; it is an atomic, which a handler may store to.
package enum StopSignal {
    private static let received = Atomic<Int32>(0)

    /// The signal that asked the run to stop, or nil.
    package static var signal: Int32? {
        let value = received.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// Installs handlers for SIGINT and SIGTERM that only record the signal, and unblocks both (a
    /// parent may have left them blocked). Without `SA_RESTART`, a read blocked on a pipe or
    /// terminal returns at once with EINTR.
    package static func install() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        for number in [SIGINT, SIGTERM] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { number in StopSignal.received.store(number, ordering: .relaxed) }
            #else
            action.__sigaction_u.__sa_handler = { number in StopSignal.received.store(number, ordering: .relaxed) }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
    }

    /// Runs `body` with SIGINT and SIGTERM blocked, so threads it starts inherit the mask and the
    /// signal reaches the reading thread (whose blocked read it interrupts).
    static func blocked<Result>(_ body: () -> Result) -> Result {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGINT)
        sigaddset(&blocked, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return body()
    }

    static func interruption(_ number: Int32) -> FilterError {
        let name = number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : "signal \(number)"
        return FilterError(.interrupted(signal: number), "interrupted by \(name): stopped reading; every block read before it was written")
    }
}
