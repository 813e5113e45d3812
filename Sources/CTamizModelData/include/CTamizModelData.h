#ifndef CTAMIZ_MODEL_DATA_H
#define CTAMIZ_MODEL_DATA_H
#include <stddef.h>
/// The bytes of Data/model/tamiz.model, embedded at build time.
extern const unsigned char tamiz_embedded_model[];
extern const size_t tamiz_embedded_model_size;
/// Swift cannot import an array of unknown size, so it reads the bytes through this pointer.
static inline const unsigned char *tamiz_embedded_model_bytes(void) { return tamiz_embedded_model; }
#endif
