/* The container around the blocks: a 13-byte header (magic, level, original size), the bit
 * stream, and the CRC-32 of the original data at the next byte boundary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "squash.h"

static const uint8_t magic[4] = {'S', 'Q', 'Z', 1};

static void put_le(uint8_t *p, uint64_t v, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_le(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

int sq_compress(const uint8_t *in, size_t len, int level, struct sq_buffer *out)
{
    sq_codes_init();
    uint8_t header[SQ_HEADER_SIZE];
    memcpy(header, magic, 4);
    header[4] = (uint8_t)level;
    put_le(header + 5, len, 8);
    if (!sq_buffer_append(out, header, sizeof header))
        return 0;

    struct sq_matcher m;
    if (!sq_lz77_init(&m, in, len, level))
        return 0;
    struct sq_token *tokens = malloc(SQ_BLOCK_TOKENS * sizeof *tokens);
    if (tokens == NULL) {
        sq_lz77_free(&m);
        return 0;
    }
    struct sq_bit_writer w;
    sq_bw_init(&w, out);
    int ok = 1;
    do {
        size_t start = m.pos;
        size_t n = sq_lz77_tokens(&m, tokens, SQ_BLOCK_TOKENS);
        /* A match held back by lazy evaluation belongs to the next block's bytes. */
        int final = m.pos >= len && !m.has_pending;
        struct sq_block_stats stats;
        ok = sq_encode_block(&w, in + start, m.pos - start, tokens, n, final, &stats);
        if (final)
            break;
    } while (ok);
    sq_bw_align(&w);
    uint8_t trailer[4];
    put_le(trailer, sq_crc32(0, in, len), 4);
    sq_bw_bytes(&w, trailer, 4);
    free(tokens);
    sq_lz77_free(&m);
    return ok && !w.failed;
}

int sq_decompress(const uint8_t *in, size_t len, struct sq_buffer *out, char *err, size_t errcap,
                  sq_block_callback *on_block, void *ctx)
{
    sq_codes_init();
    if (len < SQ_HEADER_SIZE || memcmp(in, magic, 4) != 0) {
        snprintf(err, errcap, "not a squash file (no \"SQZ\\1\" header)");
        return 0;
    }
    uint64_t size = get_le(in + 5, 8);
    if (size > SIZE_MAX / 2 || !sq_buffer_reserve(out, (size_t)size)) {
        snprintf(err, errcap, "the header announces %llu bytes, more than fit in memory",
                 (unsigned long long)size);
        return 0;
    }
    size_t limit = out->len + (size_t)size;
    size_t start = out->len;
    struct sq_bit_reader r;
    sq_br_init(&r, in + SQ_HEADER_SIZE, len - SQ_HEADER_SIZE);
    char why[160];
    for (unsigned index = 0;; index++) {
        struct sq_block_stats stats;
        if (!sq_decode_block(&r, out, limit, &stats, why, sizeof why)) {
            snprintf(err, errcap, "block %u: %s", index, why);
            return 0;
        }
        if (on_block != NULL)
            on_block(ctx, index, &stats);
        if (stats.final)
            break;
    }
    if (out->len != limit) {
        snprintf(err, errcap, "the data is %zu bytes long but the header announces %llu",
                 out->len - start, (unsigned long long)size);
        return 0;
    }
    sq_br_align(&r);
    uint8_t trailer[4];
    if (!sq_br_bytes(&r, trailer, 4)) {
        snprintf(err, errcap, "truncated input: the CRC-32 trailer is missing");
        return 0;
    }
    uint32_t expected = (uint32_t)get_le(trailer, 4);
    uint32_t actual = sq_crc32(0, out->data + start, out->len - start);
    if (expected != actual) {
        snprintf(err, errcap, "CRC-32 mismatch: the data has %08x, the trailer says %08x",
                 (unsigned)actual, (unsigned)expected);
        return 0;
    }
    size_t consumed = SQ_HEADER_SIZE + sq_br_offset(&r);
    if (consumed != len) {
        snprintf(err, errcap, "%zu bytes of garbage after the end of the stream", len - consumed);
        return 0;
    }
    return 1;
}
