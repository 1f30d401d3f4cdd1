/* Huffman codes: optimal code lengths under a length limit, canonical code assignment, and a
 * decoder that resolves codes of up to SQ_FAST_BITS bits with one table lookup and longer ones
 * by walking the canonical code one bit at a time. */
#include <string.h>

#include "squash.h"

struct node {
    uint32_t freq;
    int16_t parent;
};

/* Sorts leaf indices by frequency, then symbol (insertion sort: at most 286 leaves, once per
 * block). */
static void sort_leaves(int16_t *leaf, unsigned n, const uint32_t *freq)
{
    for (unsigned i = 1; i < n; i++) {
        int16_t s = leaf[i];
        unsigned j = i;
        while (j > 0 && (freq[leaf[j - 1]] > freq[s] ||
                         (freq[leaf[j - 1]] == freq[s] && leaf[j - 1] > s))) {
            leaf[j] = leaf[j - 1];
            j--;
        }
        leaf[j] = s;
    }
}

/* Unlimited Huffman code lengths with the two-queue method: leaves in frequency order form one
 * queue, internal nodes (created in non-decreasing frequency order) the other. Returns the
 * longest length. */
static unsigned build_lengths(const uint32_t *freq, const int16_t *leaf, unsigned nleaves,
                              uint8_t *lengths)
{
    struct node nodes[2 * SQ_LITLEN_CODES];
    for (unsigned i = 0; i < nleaves; i++) {
        nodes[i].freq = freq[leaf[i]];
        nodes[i].parent = -1;
    }
    unsigned next_leaf = 0, next_internal = nleaves, end = nleaves;
    while (end < 2 * nleaves - 1) {
        int16_t pick[2];
        for (int k = 0; k < 2; k++) {
            if (next_leaf < nleaves &&
                (next_internal >= end || nodes[next_leaf].freq <= nodes[next_internal].freq))
                pick[k] = (int16_t)next_leaf++;
            else
                pick[k] = (int16_t)next_internal++;
        }
        nodes[end].freq = nodes[pick[0]].freq + nodes[pick[1]].freq;
        nodes[end].parent = -1;
        nodes[pick[0]].parent = (int16_t)end;
        nodes[pick[1]].parent = (int16_t)end;
        end++;
    }
    /* Depths from the root down: parents always have higher indices than their children. */
    uint8_t depth[2 * SQ_LITLEN_CODES];
    depth[end - 1] = 0;
    unsigned longest = 0;
    for (int i = (int)end - 2; i >= 0; i--) {
        depth[i] = (uint8_t)(depth[nodes[i].parent] + 1);
        if ((unsigned)i < nleaves) {
            lengths[leaf[i]] = depth[i];
            if (depth[i] > longest)
                longest = depth[i];
        }
    }
    return longest;
}

void sq_huffman_lengths(const uint32_t *freq, unsigned n, unsigned max_bits, uint8_t *lengths)
{
    int16_t leaf[SQ_LITLEN_CODES];
    uint32_t scaled[SQ_LITLEN_CODES];
    unsigned nleaves = 0;
    memset(lengths, 0, n);
    for (unsigned i = 0; i < n; i++) {
        scaled[i] = freq[i];
        if (freq[i] != 0)
            leaf[nleaves++] = (int16_t)i;
    }
    if (nleaves == 0)
        return;
    if (nleaves == 1) {
        lengths[leaf[0]] = 1;
        return;
    }
    /* Too long a code means some frequencies are tiny next to others; flattening the
     * distribution (halving, keeping every used symbol at least 1) shortens the longest code
     * at a small cost in size, and a few rounds always suffice. */
    for (;;) {
        sort_leaves(leaf, nleaves, scaled);
        if (build_lengths(scaled, leaf, nleaves, lengths) <= max_bits)
            return;
        for (unsigned i = 0; i < nleaves; i++)
            scaled[leaf[i]] = (scaled[leaf[i]] >> 1) | 1;
    }
}

static uint16_t reverse_bits(uint16_t code, unsigned len)
{
    uint16_t r = 0;
    for (unsigned i = 0; i < len; i++) {
        r = (uint16_t)((r << 1) | (code & 1));
        code >>= 1;
    }
    return r;
}

void sq_huffman_codes(const uint8_t *lengths, unsigned n, uint16_t *codes)
{
    uint16_t count[SQ_MAX_BITS + 1] = {0};
    uint16_t next[SQ_MAX_BITS + 2];
    for (unsigned i = 0; i < n; i++)
        count[lengths[i]]++;
    count[0] = 0;
    uint16_t code = 0;
    for (unsigned len = 1; len <= SQ_MAX_BITS; len++) {
        code = (uint16_t)((code + count[len - 1]) << 1);
        next[len] = code;
    }
    for (unsigned i = 0; i < n; i++) {
        unsigned len = lengths[i];
        codes[i] = len == 0 ? 0 : reverse_bits(next[len]++, len);
    }
}

int sq_decoder_build(struct sq_decoder *d, const uint8_t *lengths, unsigned n)
{
    memset(d->count, 0, sizeof d->count);
    for (unsigned i = 0; i < n; i++)
        d->count[lengths[i]]++;
    d->count[0] = 0;
    /* Kraft: the codes left over at each length must not go negative. */
    int left = 1;
    for (unsigned len = 1; len <= SQ_MAX_BITS; len++) {
        left = left * 2 - d->count[len];
        if (left < 0)
            return 0;
    }
    uint16_t offset[SQ_MAX_BITS + 2];
    offset[1] = 0;
    for (unsigned len = 1; len < SQ_MAX_BITS; len++)
        offset[len + 1] = (uint16_t)(offset[len] + d->count[len]);
    d->nsymbols = 0;
    for (unsigned i = 0; i < n; i++)
        if (lengths[i] != 0) {
            d->symbol[offset[lengths[i]]++] = (uint16_t)i;
            d->nsymbols++;
        }

    /* The fast table: every SQ_FAST_BITS-bit window that starts with a short code maps to it.
     * Entry 0 means "longer code or no code": take the slow path. */
    memset(d->fast, 0, sizeof d->fast);
    uint16_t codes[SQ_LITLEN_CODES];
    sq_huffman_codes(lengths, n, codes);
    for (unsigned i = 0; i < n; i++) {
        unsigned len = lengths[i];
        if (len == 0 || len > SQ_FAST_BITS)
            continue;
        for (unsigned fill = codes[i]; fill < (1u << SQ_FAST_BITS); fill += 1u << len)
            d->fast[fill] = (uint16_t)(i << 4 | len);
    }
    return 1;
}

int sq_decode_symbol(const struct sq_decoder *d, struct sq_bit_reader *r)
{
    uint32_t window = sq_br_peek(r, SQ_MAX_BITS);
    uint16_t entry = d->fast[window & ((1u << SQ_FAST_BITS) - 1)];
    if (entry != 0) {
        sq_br_skip(r, entry & 15);
        return entry >> 4;
    }
    /* Canonical decoding: codes of one length are consecutive integers starting at `first`,
     * and their symbols start at `index` in d->symbol. */
    int code = 0, first = 0, index = 0;
    for (unsigned len = 1; len <= SQ_MAX_BITS; len++) {
        code |= (int)((window >> (len - 1)) & 1);
        int count = d->count[len];
        if (code - first < count) {
            sq_br_skip(r, len);
            return d->symbol[index + (code - first)];
        }
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    return -1;
}
