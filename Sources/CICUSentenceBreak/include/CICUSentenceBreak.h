#ifndef CICU_SENTENCE_BREAK_H
#define CICU_SENTENCE_BREAK_H

// ICU's sentence BreakIterator over UTF-8 bytes, behind plain C types only.
// ICU headers must not appear here: Swift would see them next to Foundation's own ICU and
// fail to compile, and ICU's real symbol names carry a version suffix that only its headers map.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU sentence break iterator plus a reusable UTF-8 UText. Not thread-safe: one per thread.
typedef struct tz_sentence_breaker tz_sentence_breaker;

/// Opens a breaker with ICU's root ("en") sentence rules, without `@ss=standard` suppressions.
/// Returns NULL on failure and stores ICU's UErrorCode (> 0) in `*error` when `error` is not NULL;
/// on success `*error` is 0.
tz_sentence_breaker *tz_sentence_breaker_open(int32_t *error);

/// Releases the breaker. NULL is allowed.
void tz_sentence_breaker_close(tz_sentence_breaker *breaker);

/// Points the breaker at `length` bytes of (possibly invalid) UTF-8. The bytes are not copied and
/// must stay alive and unchanged while boundaries are read. `length` must be below INT32_MAX
/// (ICU reports boundaries as int32_t). Returns 0, or ICU's UErrorCode (> 0) on failure.
int32_t tz_sentence_breaker_set_text(tz_sentence_breaker *breaker, const uint8_t *text, int64_t length);

/// The next sentence boundary after the previous one, as a byte offset into the text
/// (the first call returns the end of the first sentence; the last boundary is `length`).
/// Returns -1 when there are no more boundaries.
int64_t tz_sentence_breaker_next(tz_sentence_breaker *breaker);

/// The offset of the first character at or after `from` in `text[0..<length]` after which ICU's
/// sentence rules (UAX #29 SB4, SB11) can place a boundary before the end of the text: one whose
/// Sentence_Break property (ICU's data) is STerm, ATerm, Sep, CR or LF. -1 when there is none, or
/// when the text ends with it in a final run (STerm/ATerm/Close characters, then only ASCII spaces
/// and tabs), where UAX #29 allows no boundary but the end of the text (SB8a, SB9, SB10).
/// Ill-formed UTF-8 reads as U+FFFD, as in ICU's UTF-8 text access.
int64_t tz_sentence_breaker_next_terminator(
    tz_sentence_breaker *breaker, const uint8_t *text, int64_t from, int64_t length);

/// The span of `text[floor..<length]` ICU needs to see to place the boundaries that follow
/// `terminator` (see tz_sentence_breaker_next_terminator): from the start of the word before the
/// terminator's word (SB7 reads the character before it) to the first space after the first ASCII
/// letter that follows the terminator and every terminator met on the way (SB8 reads up to the
/// next letter). Returns the start, stores the end in `*span_end` and the first terminator after
/// the span in `*next_terminator` (-1 if none). Segmenting the span alone gives the boundaries that
/// segmenting the whole text gives inside it (its own end aside, unless that is `length`), and
/// the whole text has no boundary between spans.
int64_t tz_sentence_breaker_span(
    tz_sentence_breaker *breaker, const uint8_t *text, int64_t terminator, int64_t floor, int64_t length,
    int64_t *span_end, int64_t *next_terminator);

/// ICU's name for an error code, e.g. "U_MISSING_RESOURCE_ERROR". Never NULL; static storage.
const char *tz_icu_error_name(int32_t error);

#ifdef __cplusplus
}
#endif

#endif
