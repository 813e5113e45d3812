#include "CICUSentenceBreak.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>

struct tz_sentence_breaker {
    UBreakIterator *iterator;
    // Reused by every utext_openUTF8 call: after the first call ICU keeps its heap block,
    // so set_text does not allocate.
    UText text;
    // One bit per BMP code point: whether ICU's sentence rules may place a boundary after it
    // (see may_break_after), copied from ICU's own property data: below U+0800 when the breaker
    // opens, above it one block of 64 code points at a time when text first holds one (`ready`).
    // All of the BMP at once cost 4.3 M instructions per breaker.
    uint8_t breaking[0x10000 / 8];
    uint8_t ready[0x10000 / 64 / 8];
    // Per byte: whether it can begin such a character (ASCII terminators and separators, the
    // 2-byte leads of blocks that hold one, every 3- and 4-byte lead). "é" (C3 xx) is skipped.
    uint8_t lead[256];
    // One bit per BMP code point whose Sentence_Break is STerm, ATerm or Close (see final_run).
    uint8_t terminal_or_close[0x10000 / 8];
};

// Sentence_Break values after which UAX #29 (SB4, SB11) can place a boundary: STerm, ATerm and
// the paragraph separators. Every other break rule is a "do not break" rule.
static const int32_t breaking_values[] = {U_SB_ATERM, U_SB_STERM, U_SB_SEP, U_SB_CR, U_SB_LF};

static int may_break_after(UChar32 c) {
    int32_t value = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
    for (size_t k = 0; k < sizeof breaking_values / sizeof breaking_values[0]; k++) {
        if (value == breaking_values[k]) return 1;
    }
    return 0;
}

static void fill_block(tz_sentence_breaker *breaker, UChar32 block);

static inline int is_breaking_bmp(tz_sentence_breaker *breaker, UChar32 c) {
    if (!((breaker->ready[c >> 9] >> ((c >> 6) & 7)) & 1)) fill_block(breaker, c >> 6);
    return (breaker->breaking[c >> 3] >> (c & 7)) & 1;
}

static inline int is_terminal_or_close(tz_sentence_breaker *breaker, UChar32 c) {
    if (!((breaker->ready[c >> 9] >> ((c >> 6) & 7)) & 1)) fill_block(breaker, c >> 6);
    return (breaker->terminal_or_close[c >> 3] >> (c & 7)) & 1;
}

static inline void set_bits(uint8_t *bitmap, UChar32 first, UChar32 last) {
    for (UChar32 c = first; c <= last; c++) bitmap[c >> 3] |= (uint8_t)(1u << (c & 7));
}


// Fills `breaking` and `terminal_or_close` for the 64 code points of `block` from ICU's
// Sentence_Break property.
static void fill_block(tz_sentence_breaker *breaker, UChar32 block) {
    for (UChar32 c = block << 6; c < (block + 1) << 6; c++) {
        switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
        case U_SB_ATERM: case U_SB_STERM:
            set_bits(breaker->terminal_or_close, c, c);
            set_bits(breaker->breaking, c, c);
            break;
        case U_SB_CLOSE:
            set_bits(breaker->terminal_or_close, c, c);
            break;
        case U_SB_SEP: case U_SB_CR: case U_SB_LF:
            set_bits(breaker->breaking, c, c);
            break;
        default:
            break;
        }
    }
    breaker->ready[block >> 3] |= (uint8_t)(1u << (block & 7));
}

static int fill_tables(tz_sentence_breaker *breaker) {
    for (UChar32 c = 0; c < 0x800; c++) {
        if (!is_breaking_bmp(breaker, c)) continue;
        breaker->lead[c < 0x80 ? c : 0xC0 | (c >> 6)] = 1;
    }
    for (int b = 0xE0; b <= 0xF4; b++) breaker->lead[b] = 1;
    return 0;
}

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
    status = (UErrorCode)fill_tables(breaker);
    if (U_FAILURE(status)) {
        ubrk_close(breaker->iterator);
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

// Whether the character at `*i` may end a sentence (see may_break_after); advances `*i` past it.
// Ill-formed UTF-8 reads as U+FFFD, which is not a terminator, as in ICU's UTF-8 text access.
static inline int terminator_at(tz_sentence_breaker *breaker, const uint8_t *text, int64_t *i, int64_t length) {
    int64_t start = *i;
    uint8_t b = text[start];
    if (b < 0x80) {
        *i = start + 1;
        return breaker->lead[b];  // for ASCII the same bit as `breaking`, always filled
    }
    UChar32 c;
    int32_t j = 0;
    int32_t rest = length - start > 4 ? 4 : (int32_t)(length - start);
    U8_NEXT(text + start, j, rest, c);
    *i = start + j;
    if (c < 0) return 0;
    return c < 0x10000 ? is_breaking_bmp(breaker, c) : may_break_after(c);
}

// Whether any of the 8 bytes at `p` is '!', '.', '?', a control byte (< 0x20) or a UTF-8 lead byte
// other than C3 (U+00C0–U+00FF: "é", "ñ"): the only bytes that can begin a terminator. SWAR:
// `(x - 0x01…) & ~x & 0x80…` is non-zero when `x` has a zero byte (false hits only above a true
// one), `~(((x & 0x7F…) + 0x7F…) | x | 0x7F…)` marks exactly the zero bytes. Skipping C3 and
// continuation bytes here halves the instructions of this scan on Spanish paragraphs.
static inline int may_hold_terminator(const uint8_t *p) {
    uint64_t word;
    memcpy(&word, p, 8);
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull, low = 0x7F7F7F7F7F7F7F7Full;
    uint64_t bang = word ^ 0x2121212121212121ull;
    uint64_t dot = word ^ 0x2E2E2E2E2E2E2E2Eull;
    uint64_t question = word ^ 0x3F3F3F3F3F3F3F3Full;
    uint64_t zero = ((bang - ones) & ~bang) | ((dot - ones) & ~dot) | ((question - ones) & ~question);
    uint64_t control = (word - 0x2020202020202020ull) & ~word;  // a byte below 0x20 (or a borrow from one)
    uint64_t c3 = word ^ 0xC3C3C3C3C3C3C3C3ull;
    uint64_t lead = word & (word << 1) & (((c3 & low) + low) | c3 | low);  // 11xxxxxx, not C3
    return ((zero | control | lead) & high) != 0;
}

static inline int is_space(uint8_t b) { return b == ' ' || b == '\t'; }

// Whether `text[t..<length]` is a final run: STerm/ATerm/Close characters, then only ASCII spaces
// and tabs. UAX #29 forbids a break inside it (SB8a, SB9, SB10), so its only boundary is the end.
static int final_run(tz_sentence_breaker *breaker, const uint8_t *text, int64_t t, int64_t length) {
    int64_t i = t;
    while (i < length && !is_space(text[i])) {
        UChar32 c = text[i];
        if (c < 0x80) {
            i++;
        } else {
            int32_t j = 0;
            int32_t rest = length - i > 4 ? 4 : (int32_t)(length - i);
            U8_NEXT(text + i, j, rest, c);
            i += j;
        }
        if (c < 0 || c >= 0x10000 || !is_terminal_or_close(breaker, c)) return 0;
    }
    while (i < length && is_space(text[i])) i++;
    return i == length;
}

// The same test for 16 bytes, in the compiler's generic vectors (SSE2 on x86-64, NEON on arm64, no
// -march). label on 4 MB of paragraphs: terminator scans and spans 55.2 M -> 41.0 M instructions.
typedef uint8_t tz_bytes16 __attribute__((vector_size(16)));

static inline int may_hold_terminator16(const uint8_t *p) {
    tz_bytes16 v;
    memcpy(&v, p, 16);
    __typeof__(v == v) hit = (v == '.') | (v == '!') | (v == '?') | (v < 0x20) | ((v >= 0xC0) & (v != 0xC3));
    uint64_t halves[2];
    memcpy(halves, &hit, 16);
    return (halves[0] | halves[1]) != 0;
}

int64_t tz_sentence_breaker_next_terminator(
    tz_sentence_breaker *breaker, const uint8_t *text, int64_t from, int64_t length
) {
    int64_t i = from < 0 ? 0 : from;
    while (i < length) {
        if (i + 16 <= length && !may_hold_terminator16(text + i)) {
            i += 16;
            continue;
        }
        if (i + 8 <= length && !may_hold_terminator(text + i)) {
            i += 8;
            continue;
        }
        if (!breaker->lead[text[i]]) {
            i++;
            continue;
        }
        int64_t start = i;
        // An ASCII byte that can begin a terminator is one ('!', '.', '?', LF, CR).
        if (text[i] < 0x80 || terminator_at(breaker, text, &i, length)) {
            return final_run(breaker, text, start, length) ? -1 : start;
        }
    }
    return -1;
}

static inline int is_ascii_letter(uint8_t b) { return (uint8_t)((b | 0x20) - 'a') < 26; }

// The start of the word before the one holding `t` (words end at ASCII spaces), not below `floor`.
static int64_t context_start(const uint8_t *text, int64_t t, int64_t floor) {
    int64_t i = t;
    while (i > floor && !is_space(text[i - 1])) i--;
    while (i > floor && is_space(text[i - 1])) i--;
    while (i > floor && !is_space(text[i - 1])) i--;
    return i;
}

// The first space after the first ASCII letter after the terminator at `t` and after every
// terminator met on the way (or `length`).
static int64_t lookahead_end(tz_sentence_breaker *breaker, const uint8_t *text, int64_t t, int64_t length) {
    int64_t i = t;
    int seen_letter = 0;
    while (i < length) {
        uint8_t b = text[i];
        if (!breaker->lead[b]) {
            if (seen_letter && is_space(b)) return i;
            seen_letter |= is_ascii_letter(b);
            i++;
        } else if (terminator_at(breaker, text, &i, length)) {
            seen_letter = 0;
        }
    }
    return length;
}

int64_t tz_sentence_breaker_span(
    tz_sentence_breaker *breaker, const uint8_t *text, int64_t terminator, int64_t floor, int64_t length,
    int64_t *span_end, int64_t *next_terminator
) {
    int64_t start = context_start(text, terminator, floor);
    int64_t end = lookahead_end(breaker, text, terminator, length);
    int64_t next = -1;
    while (end < length) {
        next = tz_sentence_breaker_next_terminator(breaker, text, end, length);
        if (next < 0 || context_start(text, next, end) > end) break;
        end = lookahead_end(breaker, text, next, length);
        next = -1;
    }
    *span_end = end;
    *next_terminator = next;
    return start;
}

const char *tz_icu_error_name(int32_t error) {
    return u_errorName((UErrorCode)error);
}
