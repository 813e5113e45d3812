#ifndef CICU_SENTENCE_BREAK_H
#define CICU_SENTENCE_BREAK_H
int tz_icu_probe(void);
#endif
