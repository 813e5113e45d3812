#include "CZstd.h"

#include <stdlib.h>
#include <zstd.h>

struct tz_zstd_decoder {
    ZSTD_DStream *stream;
    const char *message;
};

struct tz_zstd_encoder {
    ZSTD_CStream *stream;
    const char *message;
};

tz_zstd_decoder *tz_zstd_decoder_open(void) {
    tz_zstd_decoder *decoder = calloc(1, sizeof *decoder);
    if (decoder == NULL) return NULL;
    decoder->stream = ZSTD_createDStream();
    if (decoder->stream == NULL) {
        free(decoder);
        return NULL;
    }
    return decoder;
}

void tz_zstd_decoder_close(tz_zstd_decoder *decoder) {
    if (decoder == NULL) return;
    ZSTD_freeDStream(decoder->stream);
    free(decoder);
}

int32_t tz_zstd_decompress(tz_zstd_decoder *decoder,
                           const uint8_t *input, size_t input_length, size_t *consumed,
                           uint8_t *output, size_t output_length, size_t *produced) {
    ZSTD_inBuffer in = {input, input_length, 0};
    ZSTD_outBuffer out = {output, output_length, 0};
    size_t hint = ZSTD_decompressStream(decoder->stream, &out, &in);
    *consumed = in.pos;
    *produced = out.pos;
    if (ZSTD_isError(hint)) {
        decoder->message = ZSTD_getErrorName(hint);
        return TZ_ZSTD_ERROR;
    }
    return hint == 0 ? TZ_ZSTD_END : TZ_ZSTD_OK;
}

const char *tz_zstd_decoder_message(const tz_zstd_decoder *decoder) { return decoder->message; }

tz_zstd_encoder *tz_zstd_encoder_open(int32_t level) {
    tz_zstd_encoder *encoder = calloc(1, sizeof *encoder);
    if (encoder == NULL) return NULL;
    encoder->stream = ZSTD_createCStream();
    if (encoder->stream == NULL || ZSTD_isError(ZSTD_initCStream(encoder->stream, level))) {
        ZSTD_freeCStream(encoder->stream);
        free(encoder);
        return NULL;
    }
    return encoder;
}

void tz_zstd_encoder_close(tz_zstd_encoder *encoder) {
    if (encoder == NULL) return;
    ZSTD_freeCStream(encoder->stream);
    free(encoder);
}

int32_t tz_zstd_compress(tz_zstd_encoder *encoder,
                         const uint8_t *input, size_t input_length, size_t *consumed,
                         uint8_t *output, size_t output_length, size_t *produced, int32_t finish) {
    ZSTD_inBuffer in = {input, input_length, 0};
    ZSTD_outBuffer out = {output, output_length, 0};
    size_t remaining = ZSTD_compressStream2(encoder->stream, &out, &in, finish ? ZSTD_e_end : ZSTD_e_continue);
    *consumed = in.pos;
    *produced = out.pos;
    if (ZSTD_isError(remaining)) {
        encoder->message = ZSTD_getErrorName(remaining);
        return TZ_ZSTD_ERROR;
    }
    return finish && remaining == 0 ? TZ_ZSTD_END : TZ_ZSTD_OK;
}

const char *tz_zstd_encoder_message(const tz_zstd_encoder *encoder) { return encoder->message; }
