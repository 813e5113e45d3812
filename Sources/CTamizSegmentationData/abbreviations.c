#include "CTamizSegmentationData.h"
#pragma clang diagnostic ignored "-Wc23-extensions"
// The generated abbreviation table, embedded with C23 #embed so that the binary needs no
// resource files (see Data/segmentation/README.md).
const unsigned char tamiz_embedded_abbreviations[] = {
#embed "../../Data/segmentation/abbreviations.tsv"
};
const size_t tamiz_embedded_abbreviations_size = sizeof(tamiz_embedded_abbreviations);

// The frequent short words (Data/segmentation/short-words.txt), words that can end a sentence
// before a lower-case word (`EmbeddedWordList.shortWords`).
const unsigned char tamiz_embedded_short_words[] = {
#embed "../../Data/segmentation/short-words.txt"
};
const size_t tamiz_embedded_short_words_size = sizeof(tamiz_embedded_short_words);

// The words the training sentences write in lower case (Data/segmentation/lowercase-words.txt):
// capitalised after an ambiguous abbreviation, one of them begins a sentence (`EmbeddedWordList.lowercaseWords`).
const unsigned char tamiz_embedded_lowercase_words[] = {
#embed "../../Data/segmentation/lowercase-words.txt"
};
const size_t tamiz_embedded_lowercase_words_size = sizeof(tamiz_embedded_lowercase_words);

// The short words that end a training sentence (Data/segmentation/final-words.txt): before a
// number, a period after a short word that is not one of them does not end the sentence (`EmbeddedWordList.finalWords`).
const unsigned char tamiz_embedded_final_words[] = {
#embed "../../Data/segmentation/final-words.txt"
};
const size_t tamiz_embedded_final_words_size = sizeof(tamiz_embedded_final_words);

// The frequent words no training sentence writes (Data/segmentation/unseen-words.txt): capitalised
// after an ambiguous abbreviation that is no initial, one of them begins a sentence (`EmbeddedWordList.unseenWords`).
const unsigned char tamiz_embedded_unseen_words[] = {
#embed "../../Data/segmentation/unseen-words.txt"
};
const size_t tamiz_embedded_unseen_words_size = sizeof(tamiz_embedded_unseen_words);

// The word frequency lists (Data/corpus/words), the evidence for joining a word that a line
// break split at a hyphen (`SoftWraps`).
const unsigned char tamiz_embedded_english_words[] = {
#embed "../../Data/corpus/words/en.words.tsv"
};
const size_t tamiz_embedded_english_words_size = sizeof(tamiz_embedded_english_words);
const unsigned char tamiz_embedded_spanish_words[] = {
#embed "../../Data/corpus/words/es.words.tsv"
};
const size_t tamiz_embedded_spanish_words_size = sizeof(tamiz_embedded_spanish_words);
