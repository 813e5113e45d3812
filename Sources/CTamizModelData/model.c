#include "CTamizModelData.h"
#pragma clang diagnostic ignored "-Wc23-extensions"
// The model is embedded with C23 #embed, so the binary needs no resource files and no path
// to find them. Aligned so that the Swift loader can read its tables in place.
_Alignas(64) const unsigned char tamiz_embedded_model[] = {
#embed "../../Data/model/tamiz.model"
};
const size_t tamiz_embedded_model_size = sizeof(tamiz_embedded_model);
