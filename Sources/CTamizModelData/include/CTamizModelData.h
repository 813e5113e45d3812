#ifndef CTAMIZ_MODEL_DATA_H
#define CTAMIZ_MODEL_DATA_H
#include <stddef.h>
/// The bytes of Data/model/tamiz.model, embedded at build time.
extern const unsigned char tamiz_embedded_model[];
extern const size_t tamiz_embedded_model_size;
#endif
