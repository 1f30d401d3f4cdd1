/* LZ77 match finding with hash chains. Every position is hashed by its next three bytes; a chain
 * links earlier positions with the same hash, newest first, and the longest match along at most
 * max_chain links wins. With lazy matching (levels 4 and up) a match is held back one byte to
 * see whether the next position starts a longer one, in which case a literal is sent instead. */
#include <stdlib.h>

#include "squash.h"

#define HASH_BITS 16
#define HASH_SIZE (1u << HASH_BITS)
/* A 3-byte match far away costs more bits than three literals usually do. */
#define TOO_FAR_FOR_3 4096u

struct level_params {
    unsigned max_chain, nice_length;
    int lazy;
};

/* Index = level. Level 0 finds no matches at all (Huffman coding of literals only). */
static const struct level_params levels[SQ_MAX_LEVEL + 1] = {
    {0, 0, 0},      {4, 16, 0},     {8, 32, 0},     {16, 64, 0},    {16, 64, 1},
    {32, 128, 1},   {64, 128, 1},   {128, 258, 1},  {512, 258, 1},  {2048, 258, 1},
};

int sq_lz77_init(struct sq_matcher *m, const uint8_t *in, size_t len, int level)
{
    if (level < 0)
        level = 0;
    if (level > SQ_MAX_LEVEL)
        level = SQ_MAX_LEVEL;
    m->in = in;
    m->len = len;
    m->pos = 0;
    m->inserted = 0;
    m->max_chain = levels[level].max_chain;
    m->nice_length = levels[level].nice_length;
    m->lazy = levels[level].lazy;
    m->has_pending = 0;
    m->head = calloc(HASH_SIZE, sizeof *m->head);
    m->prev = calloc(SQ_WINDOW, sizeof *m->prev);
    if (m->head == NULL || m->prev == NULL) {
        sq_lz77_free(m);
        return 0;
    }
    return 1;
}

void sq_lz77_free(struct sq_matcher *m)
{
    free(m->head);
    free(m->prev);
    m->head = NULL;
    m->prev = NULL;
}

static uint32_t hash3(const uint8_t *p)
{
    uint32_t x = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
    return (x * 2654435761u) >> (32 - HASH_BITS);
}

/* Links every position below `until` into its chain. */
static void insert_until(struct sq_matcher *m, size_t until)
{
    if (m->max_chain == 0) {
        m->inserted = until;
        return;
    }
    for (; m->inserted < until; m->inserted++) {
        size_t p = m->inserted;
        if (p + SQ_MIN_MATCH > m->len)
            continue;
        uint32_t h = hash3(m->in + p);
        m->prev[p & (SQ_WINDOW - 1)] = m->head[h];
        m->head[h] = (uint32_t)p + 1;
    }
}

/* The longest match for position pos among earlier positions (all of which are inserted). */
static struct sq_token find_match(const struct sq_matcher *m, size_t pos)
{
    struct sq_token best = {0, m->in[pos]};
    size_t avail = m->len - pos;
    if (m->max_chain == 0 || avail < SQ_MIN_MATCH)
        return best;
    unsigned max_len = avail < SQ_MAX_MATCH ? (unsigned)avail : SQ_MAX_MATCH;
    unsigned best_len = SQ_MIN_MATCH - 1;
    const uint8_t *here = m->in + pos;
    uint32_t link = m->head[hash3(here)];
    for (unsigned chain = m->max_chain; link != 0 && chain > 0; chain--) {
        size_t cand = link - 1;
        /* Chains run strictly backwards; a slot reused by a newer position ends the walk, as
         * does leaving the window. */
        if (cand >= pos || pos - cand >= SQ_WINDOW)
            break;
        const uint8_t *there = m->in + cand;
        if (there[best_len] == here[best_len] && there[0] == here[0] && there[1] == here[1]) {
            unsigned l = 2;
            while (l < max_len && there[l] == here[l])
                l++;
            if (l > best_len && (l > SQ_MIN_MATCH || pos - cand <= TOO_FAR_FOR_3)) {
                best_len = l;
                best.dist = (uint32_t)(pos - cand);
                best.value = (uint16_t)l;
                if (l >= m->nice_length || l == max_len)
                    break;
            }
        }
        link = m->prev[cand & (SQ_WINDOW - 1)];
    }
    return best;
}

size_t sq_lz77_tokens(struct sq_matcher *m, struct sq_token *tokens, size_t max)
{
    size_t n = 0;
    while (m->pos < m->len && n < max) {
        struct sq_token cur;
        if (m->has_pending) {
            cur = m->pending;
            m->has_pending = 0;
        } else {
            insert_until(m, m->pos);
            cur = find_match(m, m->pos);
        }
        if (cur.dist != 0 && m->lazy && cur.value < m->nice_length && m->pos + 1 < m->len) {
            insert_until(m, m->pos + 1);
            struct sq_token next = find_match(m, m->pos + 1);
            if (next.dist != 0 && next.value > cur.value) {
                tokens[n].dist = 0;
                tokens[n].value = m->in[m->pos];
                n++;
                m->pos++;
                m->pending = next;
                m->has_pending = 1;
                continue;
            }
        }
        if (cur.dist == 0) {
            cur.value = m->in[m->pos];
            m->pos++;
        } else {
            m->pos += cur.value;
        }
        tokens[n++] = cur;
    }
    return n;
}
