#include "CICUSentenceBreak.h"
#include <unicode/ubrk.h>
#include <unicode/utext.h>
int tz_icu_probe(void) { UErrorCode e = U_ZERO_ERROR; UBreakIterator *b = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &e); if (b) ubrk_close(b); return (int)e; }
