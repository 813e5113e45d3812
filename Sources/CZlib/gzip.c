#include "CZlib.h"

#include <stdlib.h>
#include <zlib.h>

struct tz_gzip_deflater {
    z_stream stream;
};

// windowBits 15 + 16: gzip framing only (no raw deflate, no zlib header).
enum { gzip_window_bits = 15 + 16 };

// ---- ISA-L's inflater, found at run time --------------------------------------------------
// Intel's ISA-L (`libisal-dev`) decodes deflate several times as fast as zlib on x86_64 (README,
// "Input formats"). It is opened with dlopen, not linked, so a binary built here still runs where ISA-L is absent (the
// portable binary, a user's machine) and falls back to zlib there. The header is needed only at
// build time, for the layout of `struct inflate_state`; without it only zlib is compiled in.
#if defined(__has_include)
#if __has_include(<isa-l/igzip_lib.h>) && __has_include(<dlfcn.h>)
#define TZ_HAVE_ISAL 1
#endif
#endif

#ifdef TZ_HAVE_ISAL
#include <dlfcn.h>
#include <isa-l/igzip_lib.h>
#include <pthread.h>

// The three functions used, resolved once per process (pthread_once) and never changed after.
static struct {
    void (*init)(struct inflate_state *);
    void (*reset)(struct inflate_state *);
    int (*inflate)(struct inflate_state *);
} isal;
static pthread_once_t isal_once = PTHREAD_ONCE_INIT;

static void isal_resolve(void) {
    // soname 2 is the ABI whose inflate_state this file was compiled against.
    void *library = dlopen("libisal.so.2", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return;
    void *init = dlsym(library, "isal_inflate_init");
    void *reset = dlsym(library, "isal_inflate_reset");
    void *inflate = dlsym(library, "isal_inflate");
    if (init == NULL || reset == NULL || inflate == NULL) { dlclose(library); return; }
    isal.init = (void (*)(struct inflate_state *))init;
    isal.reset = (void (*)(struct inflate_state *))reset;
    isal.inflate = (int (*)(struct inflate_state *))inflate;
}

static int isal_available(void) {
    pthread_once(&isal_once, isal_resolve);
    return isal.inflate != NULL;
}
#else
struct inflate_state { int unused; };
static int isal_available(void) { return 0; }
#endif

int32_t tz_gzip_isal_available(void) { return isal_available(); }

struct tz_gzip_inflater {
    int32_t uses_isal;
    z_stream stream;              // zlib's state, when !uses_isal
    struct inflate_state *isal;   // ISA-L's state (87 kB), when uses_isal
    const char *isal_message;
};

tz_gzip_inflater *tz_gzip_inflater_open(int32_t backend) {
    int use_isal = backend == TZ_GZIP_ISAL || (backend == TZ_GZIP_AUTOMATIC && isal_available());
    if (use_isal && !isal_available()) return NULL;
    tz_gzip_inflater *inflater = calloc(1, sizeof *inflater);
    if (inflater == NULL) return NULL;
    inflater->uses_isal = use_isal;
#ifdef TZ_HAVE_ISAL
    if (use_isal) {
        inflater->isal = calloc(1, sizeof *inflater->isal);
        if (inflater->isal == NULL) { free(inflater); return NULL; }
        isal.init(inflater->isal);
        inflater->isal->crc_flag = ISAL_GZIP;  // parse the header, verify CRC-32 and length
        return inflater;
    }
#endif
    if (inflateInit2(&inflater->stream, gzip_window_bits) != Z_OK) {
        free(inflater);
        return NULL;
    }
    return inflater;
}

int32_t tz_gzip_inflater_uses_isal(const tz_gzip_inflater *inflater) { return inflater->uses_isal; }

void tz_gzip_inflater_close(tz_gzip_inflater *inflater) {
    if (inflater == NULL) return;
    if (inflater->uses_isal) free(inflater->isal);
    else inflateEnd(&inflater->stream);
    free(inflater);
}

int32_t tz_gzip_inflater_reset(tz_gzip_inflater *inflater) {
#ifdef TZ_HAVE_ISAL
    if (inflater->uses_isal) {
        isal.reset(inflater->isal);
        inflater->isal->crc_flag = ISAL_GZIP;
        inflater->isal_message = NULL;
        return TZ_ZLIB_OK;
    }
#endif
    return inflateReset(&inflater->stream) == Z_OK ? TZ_ZLIB_OK : TZ_ZLIB_DATA_ERROR;
}

// zlib counts in uInt, ISA-L in uint32_t; larger buffers are offered in pieces.
static uInt clamp(size_t length) { return length > 0x40000000u ? 0x40000000u : (uInt)length; }

#ifdef TZ_HAVE_ISAL
static const char *isal_error_message(int status) {
    switch (status) {
    case ISAL_INVALID_BLOCK: return "invalid block type";
    case ISAL_INVALID_SYMBOL: return "invalid code";
    case ISAL_INVALID_LOOKBACK: return "invalid distance too far back";
    case ISAL_INVALID_WRAPPER: return "incorrect header";
    case ISAL_UNSUPPORTED_METHOD: return "unknown compression method";
    case ISAL_INCORRECT_CHECKSUM: return "incorrect data check";
    default: return "invalid data";
    }
}

// At the end of a member ISA-L leaves `next_in` just past its trailer (the whole bytes it had
// read ahead are handed back), so the next member starts at `input + *consumed` as with zlib.
static int32_t isal_member_inflate(tz_gzip_inflater *inflater,
                                   const uint8_t *input, size_t input_length, size_t *consumed,
                                   uint8_t *output, size_t output_length, size_t *produced) {
    struct inflate_state *state = inflater->isal;
    state->next_in = (uint8_t *)input;
    state->avail_in = clamp(input_length);
    state->next_out = output;
    state->avail_out = clamp(output_length);
    int status = isal.inflate(state);
    *consumed = (size_t)(state->next_in - input);
    *produced = (size_t)(state->next_out - output);
    if (status < 0) {
        inflater->isal_message = isal_error_message(status);
        return TZ_ZLIB_DATA_ERROR;
    }
    return state->block_state == ISAL_BLOCK_FINISH ? TZ_ZLIB_END : TZ_ZLIB_OK;
}
#endif

int32_t tz_gzip_inflate(tz_gzip_inflater *inflater,
                        const uint8_t *input, size_t input_length, size_t *consumed,
                        uint8_t *output, size_t output_length, size_t *produced) {
#ifdef TZ_HAVE_ISAL
    if (inflater->uses_isal)
        return isal_member_inflate(inflater, input, input_length, consumed, output, output_length, produced);
#endif
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
    return inflater->uses_isal ? inflater->isal_message : inflater->stream.msg;
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
