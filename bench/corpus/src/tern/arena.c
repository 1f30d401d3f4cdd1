/* The compiler's only allocator: a bump pointer over a static buffer. A compilation never
 * frees; the driver resets the arena before the next one, which is the pattern real compilers
 * use for per-unit memory and what makes the front end fast without a general malloc. */
#include "tern.h"

#define ARENA_BYTES (8u << 20)
static uint8_t arena[ARENA_BYTES];
static size_t arena_top;
/* Set when an allocation did not fit; the driver turns it into a TERN_ERR_LIMIT diagnostic.
 * Allocation itself never fails: it hands out a scratch block so callers stay simple. */
static int arena_overflowed;
static uint8_t scratch[4096];

void *tern_alloc(size_t size)
{
    size = (size + 7u) & ~(size_t)7u;
    if (size > ARENA_BYTES - arena_top) {
        arena_overflowed = 1;
        tern_zero(scratch, sizeof scratch);
        return size <= sizeof scratch ? scratch : NULL;
    }
    void *p = &arena[arena_top];
    arena_top += size;
    tern_zero(p, size);
    return p;
}

void tern_arena_reset(void)
{
    arena_top = 0;
    arena_overflowed = 0;
}

size_t tern_arena_used(void)
{
    return arena_overflowed ? (size_t)-1 : arena_top;
}

void tern_copy(void *dst, const void *src, size_t len)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    for (size_t i = 0; i < len; i++)
        d[i] = s[i];
}

void tern_zero(void *dst, size_t len)
{
    uint8_t *d = dst;
    for (size_t i = 0; i < len; i++)
        d[i] = 0;
}

int tern_streq(const char *a, uint32_t alen, const char *b, uint32_t blen)
{
    if (alen != blen)
        return 0;
    for (uint32_t i = 0; i < alen; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

uint32_t tern_strlen(const char *s)
{
    uint32_t n = 0;
    while (s[n] != 0)
        n++;
    return n;
}

/* Appends text to a fixed buffer, always leaving it NUL-terminated. */
static uint32_t append(char *buf, uint32_t cap, uint32_t pos, const char *text, uint32_t len)
{
    for (uint32_t i = 0; i < len && pos + 1 < cap; i++)
        buf[pos++] = text[i];
    buf[pos < cap ? pos : cap - 1] = 0;
    return pos;
}

void tern_error(struct tern_diag *d, enum tern_error_kind kind, uint32_t line, uint32_t column,
                const char *what, const char *name, uint32_t name_len)
{
    if (d->kind != TERN_OK)
        return; /* keep the first error: later ones are usually consequences */
    d->kind = kind;
    d->line = line;
    d->column = column;
    uint32_t pos = append(d->message, sizeof d->message, 0, what, tern_strlen(what));
    if (name != NULL) {
        pos = append(d->message, sizeof d->message, pos, " '", 2);
        pos = append(d->message, sizeof d->message, pos, name, name_len);
        append(d->message, sizeof d->message, pos, "'", 1);
    }
}
