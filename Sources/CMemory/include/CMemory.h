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

/// Keeps freed memory for reuse: allocations below 4 MiB come from the heap rather than fresh
/// mmap pages, and the heap is not trimmed below 64 MiB (glibc's `M_MMAP_THRESHOLD` and
/// `M_TRIM_THRESHOLD`); larger ones, such as a big document's tables, still go back when freed.
/// Does nothing elsewhere.
void tz_keep_freed_memory(void);

#ifdef __cplusplus
}
#endif

#endif
