/* Integer loops over linear memory: byte sieve, 32-bit prefix scans, int32 matrix multiply.
 * These are the loads/stores/bounds-check heavy loops an engine must make cheap. */
#include "kernel.h"

#define SIEVE_LIMIT (1u << 22)
static uint8_t composite[SIEVE_LIMIT];

/* n rounds of the sieve of Eratosthenes up to ~4M; the limit varies per round so no round is
 * a copy of the previous one. Returns the prime counts and the largest primes mixed. */
KERNEL(sieve)
{
    uint64_t acc = 0;
    for (uint32_t round = 0; round < n; round++) {
        uint32_t limit = SIEVE_LIMIT - (round * 7919u) % 65536u;
        for (uint32_t i = 0; i < limit; i++)
            composite[i] = 0;
        composite[0] = composite[1] = 1;
        for (uint32_t p = 2; p * p < limit; p++) {
            if (composite[p])
                continue;
            for (uint32_t m = p * p; m < limit; m += p)
                composite[m] = 1;
        }
        uint32_t count = 0, largest = 0;
        for (uint32_t i = 2; i < limit; i++) {
            if (!composite[i]) {
                count++;
                largest = i;
            }
        }
        acc = mix(acc, ((uint64_t)count << 32) | largest);
    }
    return acc;
}

#define SCAN_LEN (1u << 20)
static uint32_t scan[SCAN_LEN];

/* n passes of an inclusive prefix sum followed by an in-place adjacent difference with a
 * twist, over 4 MiB of uint32: a long dependent chain of loads and stores. */
KERNEL(prefix_scan)
{
    uint64_t seed = 12345;
    for (uint32_t i = 0; i < SCAN_LEN; i++)
        scan[i] = (uint32_t)(lcg_next(&seed) >> 40);
    uint64_t acc = 0;
    for (uint32_t pass = 0; pass < n; pass++) {
        uint32_t sum = 0;
        for (uint32_t i = 0; i < SCAN_LEN; i++) {
            sum += scan[i];
            scan[i] = sum;
        }
        acc = mix(acc, sum);
        uint32_t prev = 0;
        for (uint32_t i = 0; i < SCAN_LEN; i++) {
            uint32_t cur = scan[i];
            scan[i] = ((cur - prev) ^ (pass * 0x9e3779b9u)) >> 3;
            prev = cur;
        }
        acc = mix(acc, scan[pass % SCAN_LEN]);
    }
    return acc;
}

#define MAT_MAX 1024
static int32_t mat_a[MAT_MAX * MAT_MAX];
static int32_t mat_b[MAT_MAX * MAT_MAX];
static int32_t mat_c[MAT_MAX * MAT_MAX];

/* C = A * B for n x n int32 matrices (n <= 1024), i-k-j order so the inner loop streams rows.
 * Products wrap modulo 2^32 by computing in uint32 (no signed-overflow UB). */
KERNEL(matmul_int)
{
    if (n > MAT_MAX)
        n = MAT_MAX;
    uint64_t seed = 777;
    for (uint32_t i = 0; i < n * n; i++) {
        mat_a[i] = (int32_t)(lcg_next(&seed) >> 54) - 512;
        mat_b[i] = (int32_t)(lcg_next(&seed) >> 54) - 512;
        mat_c[i] = 0;
    }
    for (uint32_t i = 0; i < n; i++) {
        int32_t *crow = &mat_c[i * n];
        for (uint32_t k = 0; k < n; k++) {
            uint32_t aik = (uint32_t)mat_a[i * n + k];
            const int32_t *brow = &mat_b[k * n];
            for (uint32_t j = 0; j < n; j++)
                crow[j] = (int32_t)((uint32_t)crow[j] + aik * (uint32_t)brow[j]);
        }
    }
    uint64_t acc = 0;
    for (uint32_t i = 0; i < n * n; i += 7)
        acc = mix(acc, (uint32_t)mat_c[i]);
    return acc;
}
