/* The length and distance codes: each code stands for a range [base, base + 2^extra) and is
 * followed by `extra` bits of offset. Lengths use DEFLATE's 29 codes (258 has a code of its own);
 * distances continue DEFLATE's doubling pattern from 30 to 36 codes for a 256 KiB window. */
#include "squash.h"

struct sq_code_range sq_length_range[SQ_LENGTH_CODES];
struct sq_code_range sq_dist_range[SQ_DIST_CODES];

/* Code-length-code lengths are sent in this order so that the usually unused ones come last and
 * can be left off (the order DEFLATE uses). */
const uint8_t sq_clen_order[SQ_CLEN_CODES] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5,
                                              11, 4, 12, 3, 13, 2, 14, 1, 15};

static uint8_t length_code_of[SQ_MAX_MATCH + 1];
static uint8_t dist_code_small[513]; /* distances 1-512 */
static int ready;

void sq_codes_init(void)
{
    if (ready)
        return;
    uint32_t base = SQ_MIN_MATCH;
    for (unsigned c = 0; c < SQ_LENGTH_CODES - 1; c++) {
        unsigned extra = c < 8 ? 0 : c / 4 - 1;
        sq_length_range[c].base = base;
        sq_length_range[c].extra = (uint8_t)extra;
        for (uint32_t l = base; l < base + (1u << extra) && l < SQ_MAX_MATCH; l++)
            length_code_of[l] = (uint8_t)c;
        base += 1u << extra;
    }
    sq_length_range[SQ_LENGTH_CODES - 1].base = SQ_MAX_MATCH;
    sq_length_range[SQ_LENGTH_CODES - 1].extra = 0;
    length_code_of[SQ_MAX_MATCH] = SQ_LENGTH_CODES - 1;

    base = 1;
    for (unsigned c = 0; c < SQ_DIST_CODES; c++) {
        unsigned extra = c < 4 ? 0 : c / 2 - 1;
        sq_dist_range[c].base = base;
        sq_dist_range[c].extra = (uint8_t)extra;
        for (uint32_t d = base; d < base + (1u << extra) && d <= 512; d++)
            dist_code_small[d] = (uint8_t)c;
        base += 1u << extra;
    }
    ready = 1;
}

unsigned sq_length_code(unsigned length)
{
    return length_code_of[length];
}

unsigned sq_dist_code(uint32_t dist)
{
    if (dist <= 512)
        return dist_code_small[dist];
    /* Binary search for the last range whose base is at most dist. */
    unsigned lo = 18, hi = SQ_DIST_CODES - 1;
    while (lo < hi) {
        unsigned mid = (lo + hi + 1) / 2;
        if (sq_dist_range[mid].base <= dist)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
