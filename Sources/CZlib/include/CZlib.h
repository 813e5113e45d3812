#ifndef CZLIB_H
#define CZLIB_H

// The system zlib's gzip streams behind plain C types: zlib's `inflateInit2` and
// `deflateInit2` are macros Swift cannot call, and its `z_stream` is easier to own in C.
// Decoding uses Intel's ISA-L instead where `libisal.so.2` can be loaded at run time (it was
// found at build time, `libisal-dev`), for speed; the results are the same bytes and errors.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Results of `tz_gzip_inflate` and `tz_gzip_deflate`.
enum {
    /// Progress was made; call again with more input or more output room.
    TZ_ZLIB_OK = 0,
    /// One gzip member ended (inflate) or the stream is finished (deflate).
    TZ_ZLIB_END = 1,
    /// The data is not valid gzip (bad header, bad deflate data, bad checksum).
    TZ_ZLIB_DATA_ERROR = -1,
    /// zlib could not allocate memory.
    TZ_ZLIB_MEMORY_ERROR = -2,
};

/// A gzip decoder for one member at a time. Not thread-safe: one per stream.
typedef struct tz_gzip_inflater tz_gzip_inflater;

/// Which library decodes: ISA-L when it can be loaded, else zlib; or one of them by name.
enum {
    TZ_GZIP_AUTOMATIC = 0,
    TZ_GZIP_ZLIB = 1,
    TZ_GZIP_ISAL = 2,
};

/// Non-zero when ISA-L's inflater was compiled in and `libisal.so.2` loads.
int32_t tz_gzip_isal_available(void);

/// Opens a decoder that accepts only the gzip format (RFC 1952), decoding with `backend`.
/// NULL when out of memory, or when `backend` is TZ_GZIP_ISAL and ISA-L is not available.
tz_gzip_inflater *tz_gzip_inflater_open(int32_t backend);

/// Non-zero when the decoder uses ISA-L.
int32_t tz_gzip_inflater_uses_isal(const tz_gzip_inflater *inflater);

/// Releases the decoder. NULL is allowed.
void tz_gzip_inflater_close(tz_gzip_inflater *inflater);

/// Prepares the decoder for the next member of a multi-member stream.
int32_t tz_gzip_inflater_reset(tz_gzip_inflater *inflater);

/// Decodes from `input[0..<input_length]` into `output[0..<output_length]`, storing how many
/// bytes were consumed and produced. Returns TZ_ZLIB_END when the member's trailer was read.
int32_t tz_gzip_inflate(tz_gzip_inflater *inflater,
                        const uint8_t *input, size_t input_length, size_t *consumed,
                        uint8_t *output, size_t output_length, size_t *produced);

/// The decoding library's message for the last error, or NULL.
const char *tz_gzip_inflater_message(const tz_gzip_inflater *inflater);

/// A gzip encoder. Not thread-safe: one per stream.
typedef struct tz_gzip_deflater tz_gzip_deflater;

/// Opens an encoder at `level` (1 fastest … 9 smallest). NULL when out of memory.
tz_gzip_deflater *tz_gzip_deflater_open(int32_t level);

/// Releases the encoder. NULL is allowed.
void tz_gzip_deflater_close(tz_gzip_deflater *deflater);

/// Encodes `input`; with `finish` non-zero, also writes the trailer, returning TZ_ZLIB_END once
/// all of it is out. Call again while it returns TZ_ZLIB_OK and `produced == output_length`.
int32_t tz_gzip_deflate(tz_gzip_deflater *deflater,
                        const uint8_t *input, size_t input_length, size_t *consumed,
                        uint8_t *output, size_t output_length, size_t *produced, int32_t finish);

#ifdef __cplusplus
}
#endif

#endif
