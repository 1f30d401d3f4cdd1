/* One block of the bit stream. The encoder counts symbol frequencies over the block's tokens,
 * builds Huffman codes for literal/lengths, distances and the code lengths themselves, and
 * compares the exact size with a stored block, sending whichever is smaller. The decoder checks
 * everything a corrupt or hostile stream could get wrong and says what and where. */
#include <stdio.h>
#include <string.h>

#include "squash.h"

enum { CLEN_REPEAT = 16, CLEN_ZEROS = 17, CLEN_MANY_ZEROS = 18 };

struct clen_item {
    uint8_t symbol, extra;
};

struct block_plan {
    uint8_t lengths[SQ_LITLEN_CODES + SQ_DIST_CODES]; /* literal/length then distance lengths */
    unsigned nlit, ndist, nclen;
    uint8_t clen_lengths[SQ_CLEN_CODES];
    struct clen_item items[SQ_LITLEN_CODES + SQ_DIST_CODES];
    unsigned nitems;
};

/* Run-length codes the concatenated code lengths with the code-length alphabet. */
static void plan_clen_items(struct block_plan *p, uint32_t *clen_freq)
{
    unsigned total = p->nlit + p->ndist;
    p->nitems = 0;
    for (unsigned i = 0; i < total;) {
        uint8_t len = p->lengths[i];
        unsigned run = 1;
        while (i + run < total && p->lengths[i + run] == len)
            run++;
        if (len == 0 && run >= 3) {
            unsigned take = run > 138 ? 138 : run;
            struct clen_item it = take >= 11 ? (struct clen_item){CLEN_MANY_ZEROS, (uint8_t)(take - 11)}
                                             : (struct clen_item){CLEN_ZEROS, (uint8_t)(take - 3)};
            p->items[p->nitems++] = it;
            i += take;
        } else if (len != 0 && run >= 4) {
            /* The first length is sent as is, then repeats of 3-6. */
            p->items[p->nitems++] = (struct clen_item){len, 0};
            unsigned take = run - 1 > 6 ? 6 : run - 1;
            p->items[p->nitems++] = (struct clen_item){CLEN_REPEAT, (uint8_t)(take - 3)};
            i += 1 + take;
        } else {
            p->items[p->nitems++] = (struct clen_item){len, 0};
            i++;
        }
    }
    for (unsigned i = 0; i < p->nitems; i++)
        clen_freq[p->items[i].symbol]++;
}

static unsigned clen_extra_bits(unsigned symbol)
{
    return symbol == CLEN_REPEAT ? 2 : symbol == CLEN_ZEROS ? 3 : symbol == CLEN_MANY_ZEROS ? 7 : 0;
}

int sq_encode_block(struct sq_bit_writer *w, const uint8_t *raw, size_t raw_len,
                    const struct sq_token *tokens, size_t ntokens, int final,
                    struct sq_block_stats *stats)
{
    uint32_t lit_freq[SQ_LITLEN_CODES] = {0}, dist_freq[SQ_DIST_CODES] = {0};
    uint32_t clen_freq[SQ_CLEN_CODES] = {0};
    memset(stats, 0, sizeof *stats);
    for (size_t i = 0; i < ntokens; i++) {
        if (tokens[i].dist == 0) {
            lit_freq[tokens[i].value]++;
            stats->literals++;
        } else {
            lit_freq[257 + sq_length_code(tokens[i].value)]++;
            dist_freq[sq_dist_code(tokens[i].dist)]++;
            stats->matches++;
            stats->match_bytes += tokens[i].value;
        }
    }
    lit_freq[SQ_END_OF_BLOCK] = 1;

    struct block_plan p;
    sq_huffman_lengths(lit_freq, SQ_LITLEN_CODES, SQ_MAX_BITS, p.lengths);
    sq_huffman_lengths(dist_freq, SQ_DIST_CODES, SQ_MAX_BITS, p.lengths + SQ_LITLEN_CODES);
    p.nlit = SQ_LITLEN_CODES;
    while (p.nlit > 257 && p.lengths[p.nlit - 1] == 0)
        p.nlit--;
    p.ndist = SQ_DIST_CODES;
    while (p.ndist > 1 && p.lengths[SQ_LITLEN_CODES + p.ndist - 1] == 0)
        p.ndist--;
    /* Distance lengths follow the used literal/length lengths directly. */
    memmove(p.lengths + p.nlit, p.lengths + SQ_LITLEN_CODES, p.ndist);
    plan_clen_items(&p, clen_freq);
    sq_huffman_lengths(clen_freq, SQ_CLEN_CODES, SQ_MAX_CLEN_BITS, p.clen_lengths);
    p.nclen = SQ_CLEN_CODES;
    while (p.nclen > 4 && p.clen_lengths[sq_clen_order[p.nclen - 1]] == 0)
        p.nclen--;

    /* Exact sizes of both choices, in bits after the 3-bit block header. */
    size_t huff_bits = 5 + 6 + 4 + 3 * (size_t)p.nclen;
    for (unsigned i = 0; i < p.nitems; i++)
        huff_bits += p.clen_lengths[p.items[i].symbol] + clen_extra_bits(p.items[i].symbol);
    for (unsigned s = 0; s < SQ_LITLEN_CODES; s++) {
        unsigned len = s < p.nlit ? p.lengths[s] : 0;
        unsigned extra = s > SQ_END_OF_BLOCK ? sq_length_range[s - 257].extra : 0;
        huff_bits += (size_t)lit_freq[s] * (len + extra);
    }
    for (unsigned s = 0; s < p.ndist; s++)
        huff_bits += (size_t)dist_freq[s] * (p.lengths[p.nlit + s] + sq_dist_range[s].extra);
    size_t pad = (8 - (w->count + 3) % 8) % 8;
    size_t stored_bits = pad + 32 + 8 * raw_len;

    stats->final = final;
    stats->raw_bytes = raw_len;
    sq_bw_put(w, (uint32_t)final, 1);
    if (stored_bits <= huff_bits) {
        stats->type = 0;
        stats->bits = 3 + stored_bits;
        sq_bw_put(w, 0, 2);
        sq_bw_align(w);
        uint8_t len_bytes[4] = {(uint8_t)raw_len, (uint8_t)(raw_len >> 8), (uint8_t)(raw_len >> 16),
                                (uint8_t)(raw_len >> 24)};
        sq_bw_bytes(w, len_bytes, 4);
        sq_bw_bytes(w, raw, raw_len);
        return !w->failed;
    }

    stats->type = 1;
    stats->bits = 3 + huff_bits;
    stats->nlit = p.nlit;
    stats->ndist = p.ndist;
    sq_bw_put(w, 1, 2);
    sq_bw_put(w, p.nlit - 257, 5);
    sq_bw_put(w, p.ndist - 1, 6);
    sq_bw_put(w, p.nclen - 4, 4);
    for (unsigned i = 0; i < p.nclen; i++)
        sq_bw_put(w, p.clen_lengths[sq_clen_order[i]], 3);
    uint16_t clen_codes[SQ_CLEN_CODES];
    sq_huffman_codes(p.clen_lengths, SQ_CLEN_CODES, clen_codes);
    for (unsigned i = 0; i < p.nitems; i++) {
        unsigned s = p.items[i].symbol;
        sq_bw_put(w, clen_codes[s], p.clen_lengths[s]);
        sq_bw_put(w, p.items[i].extra, clen_extra_bits(s));
    }

    uint16_t lit_codes[SQ_LITLEN_CODES], dist_codes[SQ_DIST_CODES];
    const uint8_t *lit_len = p.lengths, *dist_len = p.lengths + p.nlit;
    sq_huffman_codes(lit_len, p.nlit, lit_codes);
    sq_huffman_codes(dist_len, p.ndist, dist_codes);
    for (size_t i = 0; i < ntokens; i++) {
        const struct sq_token *t = &tokens[i];
        if (t->dist == 0) {
            sq_bw_put(w, lit_codes[t->value], lit_len[t->value]);
            continue;
        }
        unsigned lc = sq_length_code(t->value), dc = sq_dist_code(t->dist);
        sq_bw_put(w, lit_codes[257 + lc], lit_len[257 + lc]);
        sq_bw_put(w, t->value - sq_length_range[lc].base, sq_length_range[lc].extra);
        sq_bw_put(w, dist_codes[dc], dist_len[dc]);
        sq_bw_put(w, t->dist - sq_dist_range[dc].base, sq_dist_range[dc].extra);
    }
    sq_bw_put(w, lit_codes[SQ_END_OF_BLOCK], lit_len[SQ_END_OF_BLOCK]);
    return !w->failed;
}

/* ---- decoding ---- */

#define FAIL(...)                                                                                \
    do {                                                                                         \
        snprintf(err, errcap, __VA_ARGS__);                                                      \
        return 0;                                                                                \
    } while (0)

static int read_code_lengths(struct sq_bit_reader *r, uint8_t *lengths, unsigned *nlit,
                             unsigned *ndist, char *err, size_t errcap)
{
    size_t at = sq_br_offset(r);
    *nlit = sq_br_get(r, 5) + 257;
    *ndist = sq_br_get(r, 6) + 1;
    unsigned nclen = sq_br_get(r, 4) + 4;
    if (*nlit > SQ_LITLEN_CODES)
        FAIL("%u literal/length codes in the block header at byte %zu (at most %u)", *nlit, at,
             SQ_LITLEN_CODES);
    if (*ndist > SQ_DIST_CODES)
        FAIL("%u distance codes in the block header at byte %zu (at most %u)", *ndist, at,
             SQ_DIST_CODES);
    uint8_t clen_lengths[SQ_CLEN_CODES] = {0};
    for (unsigned i = 0; i < nclen; i++)
        clen_lengths[sq_clen_order[i]] = (uint8_t)sq_br_get(r, 3);
    static struct sq_decoder clen_decoder;
    if (!sq_decoder_build(&clen_decoder, clen_lengths, SQ_CLEN_CODES))
        FAIL("over-subscribed code-length code in the block header at byte %zu", at);

    unsigned total = *nlit + *ndist;
    for (unsigned i = 0; i < total;) {
        int s = sq_decode_symbol(&clen_decoder, r);
        if (s < 0)
            FAIL("invalid code-length code near byte %zu", sq_br_offset(r));
        unsigned repeat;
        uint8_t value;
        if (s < 16) {
            lengths[i++] = (uint8_t)s;
            continue;
        } else if (s == CLEN_REPEAT) {
            if (i == 0)
                FAIL("a repeat of the previous code length with none before it near byte %zu",
                     sq_br_offset(r));
            value = lengths[i - 1];
            repeat = 3 + sq_br_get(r, 2);
        } else if (s == CLEN_ZEROS) {
            value = 0;
            repeat = 3 + sq_br_get(r, 3);
        } else {
            value = 0;
            repeat = 11 + sq_br_get(r, 7);
        }
        if (repeat > total - i)
            FAIL("code lengths run past the %u codes of the block near byte %zu", total,
                 sq_br_offset(r));
        while (repeat-- > 0)
            lengths[i++] = value;
    }
    if (lengths[SQ_END_OF_BLOCK] == 0)
        FAIL("the block at byte %zu has no end-of-block code", at);
    return 1;
}

static int decode_huffman(struct sq_bit_reader *r, struct sq_buffer *out, size_t limit,
                          struct sq_block_stats *stats, char *err, size_t errcap)
{
    uint8_t lengths[SQ_LITLEN_CODES + SQ_DIST_CODES];
    unsigned nlit, ndist;
    if (!read_code_lengths(r, lengths, &nlit, &ndist, err, errcap))
        return 0;
    stats->nlit = nlit;
    stats->ndist = ndist;
    static struct sq_decoder lit, dist;
    if (!sq_decoder_build(&lit, lengths, nlit))
        FAIL("over-subscribed literal/length code near byte %zu", sq_br_offset(r));
    if (!sq_decoder_build(&dist, lengths + nlit, ndist))
        FAIL("over-subscribed distance code near byte %zu", sq_br_offset(r));

    size_t start = out->len;
    for (;;) {
        if (r->overrun)
            FAIL("truncated input: the stream ends inside a block");
        int s = sq_decode_symbol(&lit, r);
        if (s < 0)
            FAIL("invalid literal/length code near byte %zu", sq_br_offset(r));
        if (s < 256) {
            if (out->len >= limit)
                FAIL("more data than the %zu bytes the header announces", limit);
            out->data[out->len++] = (uint8_t)s;
            stats->literals++;
            continue;
        }
        if (s == SQ_END_OF_BLOCK)
            break;
        unsigned lc = (unsigned)s - 257;
        if (lc >= SQ_LENGTH_CODES)
            FAIL("invalid length code %d near byte %zu", s, sq_br_offset(r));
        size_t length = sq_length_range[lc].base + sq_br_get(r, sq_length_range[lc].extra);
        int dc = sq_decode_symbol(&dist, r);
        if (dc < 0)
            FAIL("invalid distance code near byte %zu", sq_br_offset(r));
        size_t distance = sq_dist_range[dc].base + sq_br_get(r, sq_dist_range[dc].extra);
        if (distance > out->len)
            FAIL("distance %zu reaches before the start of the output (at output byte %zu)",
                 distance, out->len);
        if (length > limit - out->len)
            FAIL("more data than the %zu bytes the header announces", limit);
        /* Byte by byte: a match may overlap the bytes it produces (distance < length). */
        uint8_t *dst = out->data + out->len;
        const uint8_t *src = dst - distance;
        for (size_t k = 0; k < length; k++)
            dst[k] = src[k];
        out->len += length;
        stats->matches++;
        stats->match_bytes += length;
    }
    stats->raw_bytes = out->len - start;
    return 1;
}

int sq_decode_block(struct sq_bit_reader *r, struct sq_buffer *out, size_t limit,
                    struct sq_block_stats *stats, char *err, size_t errcap)
{
    size_t start_bits = 8 * r->pos - r->count;
    memset(stats, 0, sizeof *stats);
    stats->final = (int)sq_br_get(r, 1);
    stats->type = (int)sq_br_get(r, 2);
    if (r->overrun)
        FAIL("truncated input: the stream ends before its final block");
    if (stats->type == 0) {
        sq_br_align(r);
        uint8_t len_bytes[4];
        if (!sq_br_bytes(r, len_bytes, 4))
            FAIL("truncated input: a stored block's length is cut off");
        size_t n = (size_t)len_bytes[0] | (size_t)len_bytes[1] << 8 | (size_t)len_bytes[2] << 16 |
                   (size_t)len_bytes[3] << 24;
        if (n > limit - out->len)
            FAIL("a stored block of %zu bytes exceeds the %zu bytes the header announces", n,
                 limit);
        if (!sq_br_bytes(r, out->data + out->len, n))
            FAIL("truncated input: a stored block of %zu bytes is cut off", n);
        out->len += n;
        stats->raw_bytes = n;
        stats->literals = n;
    } else if (stats->type == 1) {
        if (!decode_huffman(r, out, limit, stats, err, errcap))
            return 0;
        if (r->overrun)
            FAIL("truncated input: the stream ends inside a block");
    } else {
        FAIL("unknown block type %d near byte %zu", stats->type, sq_br_offset(r));
    }
    size_t end_bits = 8 * r->pos - r->count;
    stats->bits = end_bits - start_bits;
    return 1;
}
