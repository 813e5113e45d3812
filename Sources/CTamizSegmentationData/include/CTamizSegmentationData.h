#ifndef CTAMIZ_SEGMENTATION_DATA_H
#define CTAMIZ_SEGMENTATION_DATA_H
#include <stddef.h>
/// The bytes of Data/segmentation/abbreviations.tsv, embedded at build time.
extern const unsigned char tamiz_embedded_abbreviations[];
extern const size_t tamiz_embedded_abbreviations_size;
/// Swift cannot import an array of unknown size, so it reads the bytes through this pointer.
static inline const unsigned char *tamiz_embedded_abbreviations_bytes(void) { return tamiz_embedded_abbreviations; }
/// The bytes of Data/segmentation/short-words.txt (one word a line, `#` comments).
extern const unsigned char tamiz_embedded_short_words[];
extern const size_t tamiz_embedded_short_words_size;
static inline const unsigned char *tamiz_embedded_short_words_bytes(void) { return tamiz_embedded_short_words; }
/// The bytes of Data/segmentation/lowercase-words.txt (one word a line, `#` comments).
extern const unsigned char tamiz_embedded_lowercase_words[];
extern const size_t tamiz_embedded_lowercase_words_size;
static inline const unsigned char *tamiz_embedded_lowercase_words_bytes(void) { return tamiz_embedded_lowercase_words; }
/// The bytes of Data/segmentation/final-words.txt (one word a line, `#` comments).
extern const unsigned char tamiz_embedded_final_words[];
extern const size_t tamiz_embedded_final_words_size;
static inline const unsigned char *tamiz_embedded_final_words_bytes(void) { return tamiz_embedded_final_words; }
/// The bytes of Data/segmentation/unseen-words.txt (one word a line, `#` comments).
extern const unsigned char tamiz_embedded_unseen_words[];
extern const size_t tamiz_embedded_unseen_words_size;
static inline const unsigned char *tamiz_embedded_unseen_words_bytes(void) { return tamiz_embedded_unseen_words; }
/// The bytes of Data/corpus/words/en.words.tsv and es.words.tsv (word<TAB>zipf lines).
extern const unsigned char tamiz_embedded_english_words[];
extern const size_t tamiz_embedded_english_words_size;
extern const unsigned char tamiz_embedded_spanish_words[];
extern const size_t tamiz_embedded_spanish_words_size;
static inline const unsigned char *tamiz_embedded_english_words_bytes(void) { return tamiz_embedded_english_words; }
static inline const unsigned char *tamiz_embedded_spanish_words_bytes(void) { return tamiz_embedded_spanish_words; }
#endif
