#include "CTamizSegmentationData.h"
#pragma clang diagnostic ignored "-Wc23-extensions"
// The generated abbreviation table, embedded with C23 #embed so that the binary needs no
// resource files (see Data/segmentation/README.md).
const unsigned char tamiz_embedded_abbreviations[] = {
#embed "../../Data/segmentation/abbreviations.tsv"
};
const size_t tamiz_embedded_abbreviations_size = sizeof(tamiz_embedded_abbreviations);
