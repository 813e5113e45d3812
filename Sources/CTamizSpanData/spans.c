#include "CTamizSpanData.h"
#pragma clang diagnostic ignored "-Wc23-extensions"
// The span table is embedded with C23 #embed, like the model (see CTamizModelData), and aligned
// so that the Swift loader reads it in place.
_Alignas(64) const unsigned char tamiz_embedded_span_table[] = {
#embed "../../Data/spans/spans.table"
};
const size_t tamiz_embedded_span_table_size = sizeof(tamiz_embedded_span_table);
