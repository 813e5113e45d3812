#ifndef CZSTD_H
#define CZSTD_H

// The system libzstd's streaming API behind plain C types, so the Swift side sees the same
// small shape as CZlib and never zstd's size_t error encoding.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Results of `tz_zstd_decompress` and `tz_zstd_compress`.
enum {
    /// Progress was made; call again with more input or more output room.
    TZ_ZSTD_OK = 0,
    /// A frame ended (decompress) or the stream is finished (compress).
    TZ_ZSTD_END = 1,
    /// The data is not valid zstd, or zstd failed; see `tz_zstd_*_message`.
    TZ_ZSTD_ERROR = -1,
};

/// A zstd decoder; concatenated and skippable frames are read as one stream.
typedef struct tz_zstd_decoder tz_zstd_decoder;

/// Opens a decoder. NULL when out of memory.
tz_zstd_decoder *tz_zstd_decoder_open(void);

/// Releases the decoder. NULL is allowed.
void tz_zstd_decoder_close(tz_zstd_decoder *decoder);

/// Decodes from `input` into `output`, storing how many bytes were consumed and produced.
/// Returns TZ_ZSTD_END when a frame was completely decoded and flushed.
int32_t tz_zstd_decompress(tz_zstd_decoder *decoder,
                           const uint8_t *input, size_t input_length, size_t *consumed,
                           uint8_t *output, size_t output_length, size_t *produced);

/// zstd's name for the last error, or NULL.
const char *tz_zstd_decoder_message(const tz_zstd_decoder *decoder);

/// A zstd encoder writing one frame.
typedef struct tz_zstd_encoder tz_zstd_encoder;

/// Opens an encoder at `level` (1 … 19). NULL when out of memory.
tz_zstd_encoder *tz_zstd_encoder_open(int32_t level);

/// Releases the encoder. NULL is allowed.
void tz_zstd_encoder_close(tz_zstd_encoder *encoder);

/// Encodes `input`; with `finish` non-zero, also ends the frame, returning TZ_ZSTD_END once all
/// of it is out. Call again while it returns TZ_ZSTD_OK and `produced == output_length`.
int32_t tz_zstd_compress(tz_zstd_encoder *encoder,
                         const uint8_t *input, size_t input_length, size_t *consumed,
                         uint8_t *output, size_t output_length, size_t *produced, int32_t finish);

/// zstd's name for the last error, or NULL.
const char *tz_zstd_encoder_message(const tz_zstd_encoder *encoder);

#ifdef __cplusplus
}
#endif

#endif
