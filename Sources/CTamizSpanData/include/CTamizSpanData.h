#ifndef CTAMIZ_SPAN_DATA_H
#define CTAMIZ_SPAN_DATA_H
#include <stddef.h>
/// The bytes of Data/spans/spans.table, embedded at build time.
extern const unsigned char tamiz_embedded_span_table[];
extern const size_t tamiz_embedded_span_table_size;
/// Swift cannot import an array of unknown size, so it reads the bytes through this pointer.
static inline const unsigned char *tamiz_embedded_span_table_bytes(void) { return tamiz_embedded_span_table; }
#endif
