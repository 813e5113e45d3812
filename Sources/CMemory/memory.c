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

void tz_set_mmap_threshold(int bytes) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, bytes);
#else
    (void)bytes;
#endif
}
