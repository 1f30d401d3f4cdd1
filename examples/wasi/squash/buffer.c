/* Growable byte buffers: compressed and decompressed data are built in memory, since the
 * container's header carries the original size and its trailer the checksum. */
#include <stdlib.h>
#include <string.h>

#include "squash.h"

int sq_buffer_reserve(struct sq_buffer *b, size_t extra)
{
    if (extra <= b->cap - b->len)
        return 1;
    if (extra > SIZE_MAX / 2 - b->len)
        return 0;
    size_t cap = b->cap < 4096 ? 4096 : b->cap;
    while (cap - b->len < extra)
        cap *= 2;
    uint8_t *p = realloc(b->data, cap);
    if (p == NULL)
        return 0;
    b->data = p;
    b->cap = cap;
    return 1;
}

int sq_buffer_append(struct sq_buffer *b, const void *p, size_t n)
{
    if (!sq_buffer_reserve(b, n))
        return 0;
    if (n > 0)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    return 1;
}

void sq_buffer_free(struct sq_buffer *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
