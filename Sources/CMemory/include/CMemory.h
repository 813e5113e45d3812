#ifndef CMEMORY_H
#define CMEMORY_H

// The C library's allocator controls that Swift's Glibc module does not import (`malloc.h`).

#ifdef __cplusplus
extern "C" {
#endif

/// Hands free heap pages back to the system (glibc's `malloc_trim(0)`); does nothing elsewhere.
/// glibc keeps freed memory resident for reuse, so a large freed table would otherwise still
/// count in the process's peak memory when the next large buffer is filled.
void tz_release_free_memory(void);

/// Fixes the size from which allocations are served by mmap and so given back when freed
/// (glibc's `mallopt(M_MMAP_THRESHOLD, bytes)`); does nothing elsewhere.
void tz_set_mmap_threshold(int bytes);

#ifdef __cplusplus
}
#endif

#endif
