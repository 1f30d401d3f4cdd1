/* CRC-32 (the IEEE 802.3 polynomial, reflected, as in zip and PNG) over the original data, so a
 * decompressor notices corruption that still decodes. Table-driven, one byte per step. */
#include "squash.h"

static uint32_t table[256];
static int table_ready;

static void build_table(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    table_ready = 1;
}

uint32_t sq_crc32(uint32_t crc, const uint8_t *p, size_t n)
{
    if (!table_ready)
        build_table();
    crc = ~crc;
    for (size_t i = 0; i < n; i++)
        crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}
