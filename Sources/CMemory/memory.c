#include "CMemory.h"

#include <stdlib.h>  // defines __GLIBC__ under glibc
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void tz_release_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void tz_keep_freed_memory(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}
