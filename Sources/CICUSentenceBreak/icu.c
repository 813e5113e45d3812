#include "CICUSentenceBreak.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utypes.h>

struct tz_sentence_breaker {
    UBreakIterator *iterator;
    // Reused by every utext_openUTF8 call: after the first call ICU keeps its heap block,
    // so set_text does not allocate.
    UText text;
};

tz_sentence_breaker *tz_sentence_breaker_open(int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    tz_sentence_breaker *breaker = calloc(1, sizeof *breaker);
    if (breaker == NULL) {
        if (error) *error = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    UText initial = UTEXT_INITIALIZER;
    breaker->text = initial;
    // Plain "en" (root rules). Not "en@ss=standard": its suppression list is inconsistent
    // (Mr. but not Dr.; in "es" the entry "ed." even matches inside words). Tamiz applies
    // its own abbreviation rules afterwards.
    breaker->iterator = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &status);
    // ubrk_open reports success with a warning (< 0), e.g. U_USING_DEFAULT_WARNING.
    if (U_FAILURE(status)) {
        if (breaker->iterator) ubrk_close(breaker->iterator);
        free(breaker);
        if (error) *error = (int32_t)status;
        return NULL;
    }
    if (error) *error = 0;
    return breaker;
}

void tz_sentence_breaker_close(tz_sentence_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    utext_close(&breaker->text);
    free(breaker);
}

int32_t tz_sentence_breaker_set_text(tz_sentence_breaker *breaker, const uint8_t *text, int64_t length) {
    static const char empty[1] = {0};
    UErrorCode status = U_ZERO_ERROR;
    if (length < 0 || length >= INT32_MAX) return U_INDEX_OUTOFBOUNDS_ERROR;
    if (text == NULL) { text = (const uint8_t *)empty; length = 0; }
    utext_openUTF8(&breaker->text, (const char *)text, length, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    // The iterator takes a shallow clone of the UText (it still reads the caller's bytes).
    ubrk_setUText(breaker->iterator, &breaker->text, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    return 0;
}

int64_t tz_sentence_breaker_next(tz_sentence_breaker *breaker) {
    int32_t boundary = ubrk_next(breaker->iterator);
    return boundary == UBRK_DONE ? -1 : (int64_t)boundary;
}

const char *tz_icu_error_name(int32_t error) {
    return u_errorName((UErrorCode)error);
}
