#include "CICUSuppressions.h"

#include <string.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

int64_t tz_icu_sentence_suppressions(const char *locale, char *buffer, int64_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    *error = 0;
    UResourceBundle *bundle = ures_openDirect(U_ICUDATA_NAME "-brkitr", locale, &status);
    UResourceBundle *exceptions = U_SUCCESS(status) ? ures_getByKey(bundle, "exceptions", NULL, &status) : NULL;
    UResourceBundle *list = U_SUCCESS(status) ? ures_getByKey(exceptions, "SentenceBreak", NULL, &status) : NULL;
    int64_t needed = 0;
    if (U_SUCCESS(status)) {
        int32_t size = ures_getSize(list);
        for (int32_t i = 0; i < size && U_SUCCESS(status); i++) {
            int32_t length = 0;
            const UChar *entry = ures_getStringByIndex(list, i, &length, &status);
            if (U_FAILURE(status)) break;
            char utf8[256];
            int32_t written = 0;
            u_strToUTF8(utf8, (int32_t)sizeof utf8, &written, entry, length, &status);
            if (U_FAILURE(status) || written >= (int32_t)sizeof utf8) {
                if (U_SUCCESS(status)) status = U_BUFFER_OVERFLOW_ERROR;
                break;
            }
            if (needed + written + 1 <= capacity) {
                memcpy(buffer + needed, utf8, (size_t)written);
                buffer[needed + written] = '\n';
            }
            needed += written + 1;
        }
    }
    ures_close(list);
    ures_close(exceptions);
    ures_close(bundle);
    if (U_FAILURE(status)) {
        *error = (int32_t)status;
        return -1;
    }
    return needed;
}

void tz_icu_version(char *buffer) {
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, buffer);
}
