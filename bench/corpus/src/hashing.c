/* 64-bit hashing over a buffer: FNV-1a (one multiply per byte, a serial dependency) and a
 * four-lane multiply-rotate hash in the style of xxHash64 (wide, independent 64-bit lanes).
 * Both are written for this corpus; the lane hash's constants are arbitrary odd numbers. */
#include "kernel.h"

#define HASH_BUF (1u << 22)
static uint64_t hash_words[HASH_BUF / 8];

static void fill_hash_buffer(uint64_t seed)
{
    for (uint32_t i = 0; i < HASH_BUF / 8; i++)
        hash_words[i] = lcg_next(&seed);
}

static uint64_t fnv1a(const uint8_t *p, uint32_t len, uint64_t h)
{
    for (uint32_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* n passes of FNV-1a over 4 MiB, each pass over a window that shifts by 13 bytes. */
KERNEL(fnv1a64)
{
    fill_hash_buffer(7);
    const uint8_t *bytes = (const uint8_t *)hash_words;
    uint64_t h = 0xcbf29ce484222325ull;
    for (uint32_t pass = 0; pass < n; pass++) {
        uint32_t start = (pass * 13u) % 4096u;
        h = fnv1a(bytes + start, HASH_BUF - 4096u, h);
    }
    return h;
}

#define LANE_K1 0xa0761d6478bd642full
#define LANE_K2 0xe7037ed1a0b428dbull
#define LANE_K3 0x8ebc6af09c88c6e3ull

static inline uint64_t rotl64(uint64_t x, uint32_t r)
{
    return (x << r) | (x >> (64 - r));
}

static inline uint64_t lane_round(uint64_t acc, uint64_t input)
{
    acc += input * LANE_K2;
    acc = rotl64(acc, 31);
    return acc * LANE_K1;
}

static uint64_t lane_hash(const uint64_t *w, uint32_t words, uint64_t seed)
{
    uint64_t a = seed + LANE_K1 + LANE_K2, b = seed + LANE_K2, c = seed, d = seed - LANE_K1;
    uint32_t i = 0;
    for (; i + 4 <= words; i += 4) {
        a = lane_round(a, w[i]);
        b = lane_round(b, w[i + 1]);
        c = lane_round(c, w[i + 2]);
        d = lane_round(d, w[i + 3]);
    }
    uint64_t h = rotl64(a, 1) + rotl64(b, 7) + rotl64(c, 12) + rotl64(d, 18);
    for (; i < words; i++)
        h = rotl64(h ^ lane_round(0, w[i]), 27) * LANE_K1 + LANE_K3;
    h += (uint64_t)words * 8u;
    /* Final avalanche so every input bit reaches every output bit. */
    h ^= h >> 33;
    h *= LANE_K2;
    h ^= h >> 29;
    h *= LANE_K3;
    h ^= h >> 32;
    return h;
}

/* n passes of the lane hash over 4 MiB minus a varying tail, chained through the seed. */
KERNEL(lane_hash64)
{
    fill_hash_buffer(11);
    uint64_t h = 0;
    for (uint32_t pass = 0; pass < n; pass++)
        h = lane_hash(hash_words, HASH_BUF / 8u - (pass % 5u), h);
    return h;
}

/* Hash-table probing: n rounds of inserting 1M 64-bit keys into an open-addressing table
 * (linear probing, 2M slots) and looking half of them up again; random access to memory. */
#define TABLE_SLOTS (1u << 21)
static uint64_t table_keys[TABLE_SLOTS];

static uint64_t key_hash(uint64_t k)
{
    k ^= k >> 31;
    k *= LANE_K3;
    k ^= k >> 29;
    return k;
}

KERNEL(hash_table)
{
    uint64_t acc = 0;
    for (uint32_t round = 0; round < n; round++) {
        for (uint32_t i = 0; i < TABLE_SLOTS; i++)
            table_keys[i] = 0;
        uint64_t seed = 3 + round, probes = 0, found = 0;
        for (uint32_t i = 0; i < TABLE_SLOTS / 2; i++) {
            uint64_t key = lcg_next(&seed) | 1u; /* 0 marks an empty slot */
            uint32_t slot = (uint32_t)key_hash(key) & (TABLE_SLOTS - 1u);
            while (table_keys[slot] != 0 && table_keys[slot] != key) {
                slot = (slot + 1u) & (TABLE_SLOTS - 1u);
                probes++;
            }
            table_keys[slot] = key;
        }
        seed = 3 + round;
        for (uint32_t i = 0; i < TABLE_SLOTS / 2; i += 2) {
            uint64_t key = lcg_next(&seed) | 1u;
            lcg_next(&seed);
            uint32_t slot = (uint32_t)key_hash(key) & (TABLE_SLOTS - 1u);
            while (table_keys[slot] != 0) {
                if (table_keys[slot] == key) {
                    found++;
                    break;
                }
                slot = (slot + 1u) & (TABLE_SLOTS - 1u);
                probes++;
            }
        }
        acc = mix(mix(acc, probes), found);
    }
    return acc;
}
