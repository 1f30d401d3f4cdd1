/* Shared by every kernel. The corpus is freestanding C: no libc, no headers beyond the
 * compiler's own <stdint.h>/<stddef.h>, so the same source builds to wasm32 and natively. */
#ifndef SHARPTIME_BENCH_KERNEL_H
#define SHARPTIME_BENCH_KERNEL_H

#include <stddef.h>
#include <stdint.h>

/* Every kernel entry point is `uint64_t name(uint32_t n)` and returns a checksum, so one
 * manifest row (bench/corpus/kernels.tsv) describes how to call it in every engine.
 * In wasm the C name becomes the export name; natively the harness links the functions. */
#ifdef __wasm__
#define KERNEL(name) __attribute__((export_name(#name))) uint64_t name(uint32_t n)
#else
#define KERNEL(name) uint64_t name(uint32_t n)
#endif

/* Deterministic pseudo-random numbers: a 64-bit LCG (Knuth's MMIX constants) whose high bits
 * are good enough to fill buffers; identical on every engine. */
static inline uint64_t lcg_next(uint64_t *state)
{
    *state = *state * 6364136223846793005ull + 1442695040888963407ull;
    return *state;
}

/* Mixes a value into a running checksum; order-dependent so a swapped result shows up. */
static inline uint64_t mix(uint64_t acc, uint64_t v)
{
    acc ^= v + 0x9e3779b97f4a7c15ull + (acc << 6) + (acc >> 2);
    return acc;
}

/* The bit pattern of a double, so float results compare exactly across engines. */
static inline uint64_t f64_bits(double d)
{
    union { double d; uint64_t u; } c;
    c.d = d;
    return c.u;
}

#endif
