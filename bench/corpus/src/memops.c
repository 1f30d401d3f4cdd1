/* memcpy/memset-heavy code, twice: once with hand-written loops (stay loops: the corpus is
 * built with -fno-builtin, so clang does not turn them into library calls), once with
 * __builtin_memcpy/__builtin_memmove/__builtin_memset, which with -mbulk-memory become
 * memory.copy and memory.fill in wasm (and libc calls natively). */
#include "kernel.h"

#define MEM_BUF (1u << 21)
static uint8_t mem_src[MEM_BUF];
static uint8_t mem_dst[MEM_BUF];

static void fill_source(void)
{
    uint64_t seed = 4242;
    for (uint32_t i = 0; i < MEM_BUF; i += 8) {
        uint64_t v = lcg_next(&seed);
        for (uint32_t b = 0; b < 8; b++)
            mem_src[i + b] = (uint8_t)(v >> (b * 8 + 3));
    }
}

static void copy_bytes(uint8_t *dst, const uint8_t *src, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++)
        dst[i] = src[i];
}

/* Word-at-a-time copy for the aligned middle, bytes for the edges (what a simple libc does). */
static void copy_words(uint8_t *dst, const uint8_t *src, uint32_t len)
{
    uint32_t i = 0;
    while (i < len && ((uintptr_t)(dst + i) & 7u) != 0) {
        dst[i] = src[i];
        i++;
    }
    if ((((uintptr_t)(src + i)) & 7u) == 0) {
        for (; i + 8 <= len; i += 8)
            *(uint64_t *)(dst + i) = *(const uint64_t *)(src + i);
    }
    for (; i < len; i++)
        dst[i] = src[i];
}

static void move_bytes_backward(uint8_t *dst, const uint8_t *src, uint32_t len)
{
    while (len-- > 0)
        dst[len] = src[len];
}

static void set_bytes(uint8_t *dst, uint8_t value, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++)
        dst[i] = value;
}

static uint64_t sample(const uint8_t *buf)
{
    uint64_t acc = 0;
    for (uint32_t i = 0; i < MEM_BUF; i += 4093)
        acc = mix(acc, buf[i]);
    return acc;
}

/* One shared schedule of copies so both kernels do exactly the same data movement:
 * block sizes from 1 byte to 64 KiB, odd offsets, overlapping moves, fills. */
#define SCHEDULE(COPY_ALIGNED, COPY_ANY, MOVE, SET)                                         \
    uint64_t seed = 1, acc = 0;                                                              \
    fill_source();                                                                           \
    SET(mem_dst, 0, MEM_BUF);                                                                \
    for (uint32_t round = 0; round < n; round++) {                                           \
        for (uint32_t op = 0; op < 256; op++) {                                              \
            uint64_t r = lcg_next(&seed);                                                    \
            uint32_t len = 1u << (r >> 60);                                                  \
            len = len < 65536u ? len + (uint32_t)((r >> 8) & (len - 1u)) : 65536u;           \
            uint32_t so = (uint32_t)(r >> 20) % (MEM_BUF - len);                             \
            uint32_t dof = (uint32_t)(r >> 36) % (MEM_BUF - len);                            \
            switch (op & 3) {                                                                \
            case 0: COPY_ALIGNED(mem_dst + (dof & ~7u), mem_src + (so & ~7u), len); break;   \
            case 1: COPY_ANY(mem_dst + dof, mem_src + so, len); break;                       \
            case 2: MOVE(mem_dst + (dof > 3 ? dof - 3 : dof), mem_dst + dof, len); break;    \
            default: SET(mem_dst + dof, (uint8_t)r, len / 2u + 1u); break;                   \
            }                                                                                \
        }                                                                                    \
        COPY_ALIGNED(mem_src, mem_dst, MEM_BUF / 2u);                                        \
        acc = mix(acc, sample(mem_dst));                                                     \
    }                                                                                        \
    return mix(acc, sample(mem_src))

static void fwd_move_bytes(uint8_t *dst, const uint8_t *src, uint32_t len)
{
    /* dst <= src in the schedule's moves, so a forward byte loop is a correct memmove. */
    copy_bytes(dst, src, len);
}

/* Hand-written loops. */
KERNEL(memcpy_loop)
{
    SCHEDULE(copy_words, copy_bytes, fwd_move_bytes, set_bytes);
}

#define BUILTIN_COPY(d, s, l) __builtin_memcpy((d), (s), (l))
#define BUILTIN_MOVE(d, s, l) __builtin_memmove((d), (s), (l))
#define BUILTIN_SET(d, v, l) __builtin_memset((d), (v), (l))

/* Compiler builtins: memory.copy / memory.fill in wasm. */
KERNEL(memcpy_bulk)
{
    SCHEDULE(BUILTIN_COPY, BUILTIN_COPY, BUILTIN_MOVE, BUILTIN_SET);
}

/* n backward overlapping moves of the whole 2 MiB buffer by a few bytes, with a byte loop:
 * memmove's hard direction, where the loop runs from high addresses down. */
KERNEL(memmove_back)
{
    uint64_t acc = 0;
    fill_source();
    for (uint32_t round = 0; round < n; round++) {
        uint32_t shift = 1u + round % 61u;
        move_bytes_backward(mem_src + shift, mem_src, MEM_BUF - shift);
        acc = mix(acc, sample(mem_src));
    }
    return acc;
}
