#ifndef CICU_SUPPRESSIONS_H
#define CICU_SUPPRESSIONS_H

// ICU's CLDR sentence-break suppression list ("exceptions/SentenceBreak" in the brkitr data,
// what `@ss=standard` uses) for one locale, behind plain C types. Tooling only: the runtime
// segmenter never opens ICU resource bundles.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Writes the locale's own suppression entries (no fallback to the root locale) as UTF-8, each
/// followed by '\n', into `buffer` (up to `capacity` bytes) and returns the number of bytes the
/// whole list needs, so a caller can retry with a larger buffer. Returns -1 and stores ICU's
/// UErrorCode (> 0) in `*error` when the locale has no list or the data cannot be read.
int64_t tz_icu_sentence_suppressions(const char *locale, char *buffer, int64_t capacity, int32_t *error);

/// Writes ICU's version, e.g. "72.1", NUL-terminated, into `buffer` (at least 20 bytes).
void tz_icu_version(char *buffer);

#ifdef __cplusplus
}
#endif

#endif
