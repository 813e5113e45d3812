#include "CZlib.h"

#include <stdlib.h>
#include <zlib.h>

struct tz_gzip_inflater {
    z_stream stream;
};

struct tz_gzip_deflater {
    z_stream stream;
};

// windowBits 15 + 16: gzip framing only (no raw deflate, no zlib header).
enum { gzip_window_bits = 15 + 16 };

tz_gzip_inflater *tz_gzip_inflater_open(void) {
    tz_gzip_inflater *inflater = calloc(1, sizeof *inflater);
    if (inflater == NULL) return NULL;
    if (inflateInit2(&inflater->stream, gzip_window_bits) != Z_OK) {
        free(inflater);
        return NULL;
    }
    return inflater;
}

void tz_gzip_inflater_close(tz_gzip_inflater *inflater) {
    if (inflater == NULL) return;
    inflateEnd(&inflater->stream);
    free(inflater);
}

int32_t tz_gzip_inflater_reset(tz_gzip_inflater *inflater) {
    return inflateReset(&inflater->stream) == Z_OK ? TZ_ZLIB_OK : TZ_ZLIB_DATA_ERROR;
}

// zlib counts in uInt (32 bits); larger buffers are offered in pieces.
static uInt clamp(size_t length) { return length > 0x40000000u ? 0x40000000u : (uInt)length; }

int32_t tz_gzip_inflate(tz_gzip_inflater *inflater,
                        const uint8_t *input, size_t input_length, size_t *consumed,
                        uint8_t *output, size_t output_length, size_t *produced) {
    z_stream *stream = &inflater->stream;
    stream->next_in = (Bytef *)input;
    stream->avail_in = clamp(input_length);
    stream->next_out = output;
    stream->avail_out = clamp(output_length);
    uInt offered_in = stream->avail_in, offered_out = stream->avail_out;
    int status = inflate(stream, Z_NO_FLUSH);
    *consumed = offered_in - stream->avail_in;
    *produced = offered_out - stream->avail_out;
    switch (status) {
    case Z_OK: return TZ_ZLIB_OK;
    case Z_BUF_ERROR: return TZ_ZLIB_OK;  // no progress possible with these buffers; not fatal
    case Z_STREAM_END: return TZ_ZLIB_END;
    case Z_MEM_ERROR: return TZ_ZLIB_MEMORY_ERROR;
    default: return TZ_ZLIB_DATA_ERROR;  // Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR
    }
}

const char *tz_gzip_inflater_message(const tz_gzip_inflater *inflater) {
    return inflater->stream.msg;
}

tz_gzip_deflater *tz_gzip_deflater_open(int32_t level) {
    tz_gzip_deflater *deflater = calloc(1, sizeof *deflater);
    if (deflater == NULL) return NULL;
    if (deflateInit2(&deflater->stream, level, Z_DEFLATED, gzip_window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(deflater);
        return NULL;
    }
    return deflater;
}

void tz_gzip_deflater_close(tz_gzip_deflater *deflater) {
    if (deflater == NULL) return;
    deflateEnd(&deflater->stream);
    free(deflater);
}

int32_t tz_gzip_deflate(tz_gzip_deflater *deflater,
                        const uint8_t *input, size_t input_length, size_t *consumed,
                        uint8_t *output, size_t output_length, size_t *produced, int32_t finish) {
    z_stream *stream = &deflater->stream;
    stream->next_in = (Bytef *)input;
    stream->avail_in = clamp(input_length);
    stream->next_out = output;
    stream->avail_out = clamp(output_length);
    uInt offered_in = stream->avail_in, offered_out = stream->avail_out;
    int status = deflate(stream, finish && offered_in == input_length ? Z_FINISH : Z_NO_FLUSH);
    *consumed = offered_in - stream->avail_in;
    *produced = offered_out - stream->avail_out;
    switch (status) {
    case Z_OK: case Z_BUF_ERROR: return TZ_ZLIB_OK;
    case Z_STREAM_END: return TZ_ZLIB_END;
    case Z_MEM_ERROR: return TZ_ZLIB_MEMORY_ERROR;
    default: return TZ_ZLIB_DATA_ERROR;
    }
}
