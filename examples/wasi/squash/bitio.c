/* Bit-level I/O. Bits fill each byte from its least significant bit; multi-bit values are sent
 * least significant bit first (Huffman codes are therefore stored bit-reversed by huffman.c).
 * Both sides keep up to 64 bits in a register and touch memory a byte at a time. */
#include <string.h>

#include "squash.h"

void sq_bw_init(struct sq_bit_writer *w, struct sq_buffer *out)
{
    w->out = out;
    w->bits = 0;
    w->count = 0;
    w->failed = 0;
}

static void drain(struct sq_bit_writer *w)
{
    uint8_t bytes[8];
    unsigned n = 0;
    while (w->count >= 8) {
        bytes[n++] = (uint8_t)w->bits;
        w->bits >>= 8;
        w->count -= 8;
    }
    if (n > 0 && !sq_buffer_append(w->out, bytes, n))
        w->failed = 1;
}

void sq_bw_put(struct sq_bit_writer *w, uint32_t value, unsigned nbits)
{
    if (nbits == 0)
        return;
    w->bits |= (uint64_t)(value & (nbits == 32 ? 0xffffffffu : (1u << nbits) - 1)) << w->count;
    w->count += nbits;
    if (w->count >= 32)
        drain(w);
}

void sq_bw_align(struct sq_bit_writer *w)
{
    w->count = (w->count + 7) & ~7u;
    drain(w);
}

void sq_bw_bytes(struct sq_bit_writer *w, const uint8_t *p, size_t n)
{
    if (!sq_buffer_append(w->out, p, n))
        w->failed = 1;
}

void sq_br_init(struct sq_bit_reader *r, const uint8_t *data, size_t len)
{
    r->data = data;
    r->len = len;
    r->pos = 0;
    r->bits = 0;
    r->count = 0;
    r->overrun = 0;
}

static void refill(struct sq_bit_reader *r)
{
    while (r->count <= 56 && r->pos < r->len) {
        r->bits |= (uint64_t)r->data[r->pos++] << r->count;
        r->count += 8;
    }
    /* Past the end the stream reads as zeros, and the caller learns of it through overrun
     * (set only when such bits are consumed, not when they are merely peeked at). */
}

uint32_t sq_br_peek(struct sq_bit_reader *r, unsigned nbits)
{
    if (r->count < nbits)
        refill(r);
    return (uint32_t)(r->bits & ((1ull << nbits) - 1));
}

void sq_br_skip(struct sq_bit_reader *r, unsigned nbits)
{
    if (r->count < nbits) {
        refill(r);
        if (r->count < nbits) {
            r->overrun = 1;
            r->bits = 0;
            r->count = 0;
            return;
        }
    }
    r->bits >>= nbits;
    r->count -= nbits;
}

uint32_t sq_br_get(struct sq_bit_reader *r, unsigned nbits)
{
    uint32_t v = sq_br_peek(r, nbits);
    sq_br_skip(r, nbits);
    return v;
}

void sq_br_align(struct sq_bit_reader *r)
{
    sq_br_skip(r, r->count & 7);
}

size_t sq_br_offset(const struct sq_bit_reader *r)
{
    return (8 * r->pos - r->count) / 8;
}

int sq_br_bytes(struct sq_bit_reader *r, uint8_t *dst, size_t n)
{
    /* Give back the whole bytes still in the register, then copy straight from the input. */
    size_t at = sq_br_offset(r);
    if (n > r->len - at) {
        r->overrun = 1;
        return 0;
    }
    if (n > 0)
        memcpy(dst, r->data + at, n);
    r->pos = at + n;
    r->bits = 0;
    r->count = 0;
    return 1;
}
