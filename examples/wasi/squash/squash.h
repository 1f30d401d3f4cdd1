/* squash: an LZ77 + Huffman compressor with its own container format, written as the larger WASI
 * example program. The pieces, one file each:
 *
 *   buffer.c   growable byte buffers           crc32.c    CRC-32 of the original data
 *   bitio.c    LSB-first bit writer and reader codes.c    length/distance code tables
 *   lz77.c     hash-chain match finder with lazy matching (window 256 KiB)
 *   huffman.c  length-limited code lengths, canonical codes, table-driven decoding
 *   block.c    one compressed block: code-length header, symbols, or a stored block
 *   stream.c   the container: header, blocks, trailer; compress and decompress whole buffers
 *   main.c     the command line: c (compress), d (decompress), t (round trip), i (info)
 *
 * Container ("SQZ1"): bytes "SQZ" 0x01, level (1 byte), original size (u64 little-endian), then
 * a bit stream of blocks (bits are packed from the least significant bit of each byte), then,
 * at the next byte boundary, the CRC-32 of the original data (u32 little-endian).
 *
 * Block: final flag (1 bit), type (2 bits: 0 stored, 1 Huffman).
 *   stored:  pad to a byte boundary, length (u32 little-endian), the bytes.
 *   Huffman: HLIT-257 (5 bits), HDIST-1 (6 bits), HCLEN-4 (4 bits), HCLEN code-length-code
 *            lengths (3 bits each, in sq_clen_order), the HLIT+HDIST code lengths coded with
 *            that code (16 = repeat previous 3-6, 17 = zeros 3-10, 18 = zeros 11-138), then
 *            symbols: 0-255 literal, 256 end of block, 257-285 match length (+ extra bits)
 *            followed by a distance code 0-35 (+ extra bits). Huffman codes are sent most
 *            significant bit first, as in DEFLATE, whose length codes squash shares; distance
 *            codes 30-35 extend DEFLATE's table to reach 262144 bytes back. */
#ifndef SQUASH_H
#define SQUASH_H

#include <stddef.h>
#include <stdint.h>

#define SQ_HEADER_SIZE 13
#define SQ_WINDOW_BITS 18
#define SQ_WINDOW (1u << SQ_WINDOW_BITS)
#define SQ_MIN_MATCH 3
#define SQ_MAX_MATCH 258
#define SQ_END_OF_BLOCK 256
#define SQ_LITLEN_CODES 286
#define SQ_LENGTH_CODES 29
#define SQ_DIST_CODES 36
#define SQ_CLEN_CODES 19
#define SQ_MAX_BITS 15
#define SQ_MAX_CLEN_BITS 7
#define SQ_MAX_LEVEL 9
#define SQ_DEFAULT_LEVEL 6
/* Tokens per Huffman block: code tables adapt to the data every block. */
#define SQ_BLOCK_TOKENS 32768u

/* ---- buffer.c ---- */
struct sq_buffer {
    uint8_t *data;
    size_t len, cap;
};

int sq_buffer_reserve(struct sq_buffer *b, size_t extra); /* 0 when out of memory */
int sq_buffer_append(struct sq_buffer *b, const void *p, size_t n);
void sq_buffer_free(struct sq_buffer *b);

/* ---- crc32.c ---- */
uint32_t sq_crc32(uint32_t crc, const uint8_t *p, size_t n);

/* ---- bitio.c ---- */
struct sq_bit_writer {
    struct sq_buffer *out;
    uint64_t bits;
    unsigned count;
    int failed; /* out of memory */
};

void sq_bw_init(struct sq_bit_writer *w, struct sq_buffer *out);
void sq_bw_put(struct sq_bit_writer *w, uint32_t value, unsigned nbits);
void sq_bw_align(struct sq_bit_writer *w); /* pads with zero bits to a byte boundary */
void sq_bw_bytes(struct sq_bit_writer *w, const uint8_t *p, size_t n); /* after sq_bw_align */

struct sq_bit_reader {
    const uint8_t *data;
    size_t len, pos;
    uint64_t bits;
    unsigned count;
    int overrun; /* a read went past the end of the data */
};

void sq_br_init(struct sq_bit_reader *r, const uint8_t *data, size_t len);
uint32_t sq_br_peek(struct sq_bit_reader *r, unsigned nbits); /* nbits <= 32 */
void sq_br_skip(struct sq_bit_reader *r, unsigned nbits);
uint32_t sq_br_get(struct sq_bit_reader *r, unsigned nbits);
void sq_br_align(struct sq_bit_reader *r);
size_t sq_br_offset(const struct sq_bit_reader *r); /* byte offset of the next unread bit */
int sq_br_bytes(struct sq_bit_reader *r, uint8_t *dst, size_t n); /* after sq_br_align */

/* ---- codes.c ---- */
struct sq_code_range {
    uint32_t base;
    uint8_t extra;
};

extern struct sq_code_range sq_length_range[SQ_LENGTH_CODES];
extern struct sq_code_range sq_dist_range[SQ_DIST_CODES];
extern const uint8_t sq_clen_order[SQ_CLEN_CODES];

void sq_codes_init(void);
unsigned sq_length_code(unsigned length); /* 0-28 for lengths 3-258 */
unsigned sq_dist_code(uint32_t dist);     /* 0-35 for distances 1-262144 */

/* ---- lz77.c ---- */
struct sq_token {
    uint32_t dist;   /* 0 for a literal */
    uint16_t value;  /* the literal byte, or the match length */
};

struct sq_matcher {
    const uint8_t *in;
    size_t len;
    size_t pos;      /* next position to tokenize */
    size_t inserted; /* positions below this are in the hash chains */
    uint32_t *head;  /* per hash: most recent position + 1, or 0 */
    uint32_t *prev;  /* per position modulo the window: the previous position + 1, or 0 */
    unsigned max_chain, nice_length;
    int lazy;
    struct sq_token pending; /* a match found one position ahead by lazy evaluation */
    int has_pending;
};

int sq_lz77_init(struct sq_matcher *m, const uint8_t *in, size_t len, int level);
/* Produces up to max tokens from where the previous call stopped; returns how many. */
size_t sq_lz77_tokens(struct sq_matcher *m, struct sq_token *tokens, size_t max);
void sq_lz77_free(struct sq_matcher *m);

/* ---- huffman.c ---- */
void sq_huffman_lengths(const uint32_t *freq, unsigned n, unsigned max_bits, uint8_t *lengths);
void sq_huffman_codes(const uint8_t *lengths, unsigned n, uint16_t *codes); /* bit-reversed */

#define SQ_FAST_BITS 10

struct sq_decoder {
    uint16_t count[SQ_MAX_BITS + 1];    /* codes of each length */
    uint16_t symbol[SQ_LITLEN_CODES];   /* symbols ordered by code */
    uint16_t fast[1u << SQ_FAST_BITS];  /* next SQ_FAST_BITS bits -> symbol << 4 | length */
    unsigned nsymbols;
};

/* 0 for an over-subscribed set of lengths; incomplete codes are allowed (a block with one
 * distance needs one). */
int sq_decoder_build(struct sq_decoder *d, const uint8_t *lengths, unsigned n);
/* The next symbol, or -1 for a bit pattern that is no code. */
int sq_decode_symbol(const struct sq_decoder *d, struct sq_bit_reader *r);

/* ---- block.c ---- */
struct sq_block_stats {
    int type;              /* 0 stored, 1 Huffman */
    int final;
    size_t raw_bytes;      /* original bytes the block stands for */
    size_t bits;           /* its size in the stream, header included */
    size_t literals, matches, match_bytes;
    unsigned nlit, ndist;  /* code table sizes (Huffman blocks) */
};

int sq_encode_block(struct sq_bit_writer *w, const uint8_t *raw, size_t raw_len,
                    const struct sq_token *tokens, size_t ntokens, int final,
                    struct sq_block_stats *stats);
/* Appends the block's bytes to out (whose earlier bytes are the window); returns 1, or 0 with
 * a message in err. limit is the most bytes out may hold. */
int sq_decode_block(struct sq_bit_reader *r, struct sq_buffer *out, size_t limit,
                    struct sq_block_stats *stats, char *err, size_t errcap);

/* ---- stream.c ---- */
typedef void sq_block_callback(void *ctx, unsigned index, const struct sq_block_stats *stats);

int sq_compress(const uint8_t *in, size_t len, int level, struct sq_buffer *out);
/* Returns 1, or 0 with a message in err. on_block may be NULL. */
int sq_decompress(const uint8_t *in, size_t len, struct sq_buffer *out, char *err, size_t errcap,
                  sq_block_callback *on_block, void *ctx);

#endif
