/* The squash command line. Files are read and written whole through stdio, which in WASI means
 * path_open in a pre-opened directory and fd_read/fd_write in large chunks; "-" stands for
 * standard input or output.
 *
 *   squash c [-0..-9] IN OUT   compress IN into OUT (default level 6)
 *   squash d IN OUT            decompress IN into OUT
 *   squash t [-0..-9] FILE...  round trip in memory: compress, decompress, compare
 *   squash i IN                describe a compressed file block by block
 *
 * Messages go to standard output, or to standard error when OUT is "-". Exit codes: 0 success,
 * 1 a round trip that did not reproduce its input, 2 bad usage, I/O error or corrupt input. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "squash.h"

static const char *program = "squash";

static void usage(void)
{
    fprintf(stderr,
            "usage: squash c [-0..-9] IN OUT   compress (default level %d)\n"
            "       squash d IN OUT            decompress\n"
            "       squash t [-0..-9] FILE...  round-trip check in memory\n"
            "       squash i IN                list the blocks of a compressed file\n"
            "IN or OUT may be - for standard input or output.\n",
            SQ_DEFAULT_LEVEL);
}

static int read_all(const char *path, struct sq_buffer *buf)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "%s: cannot open %s: %s\n", program, path, strerror(errno));
        return 0;
    }
    int ok = 1;
    for (;;) {
        if (!sq_buffer_reserve(buf, 65536)) {
            fprintf(stderr, "%s: %s: out of memory\n", program, path);
            ok = 0;
            break;
        }
        size_t n = fread(buf->data + buf->len, 1, buf->cap - buf->len, f);
        buf->len += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        fprintf(stderr, "%s: cannot read %s: %s\n", program, path, strerror(errno));
        ok = 0;
    }
    if (f != stdin)
        fclose(f);
    return ok;
}

static int write_all(const char *path, const struct sq_buffer *buf)
{
    FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
    if (f == NULL) {
        fprintf(stderr, "%s: cannot create %s: %s\n", program, path, strerror(errno));
        return 0;
    }
    int ok = fwrite(buf->data, 1, buf->len, f) == buf->len;
    ok &= f == stdout ? fflush(f) == 0 : fclose(f) == 0;
    if (!ok)
        fprintf(stderr, "%s: cannot write %s: %s\n", program, path, strerror(errno));
    return ok;
}

/* "12.3%" of compressed over original size, in integer arithmetic. */
static void format_ratio(char *out, size_t cap, size_t compressed, size_t original)
{
    if (original == 0) {
        snprintf(out, cap, "n/a");
        return;
    }
    unsigned long long permille = ((unsigned long long)compressed * 1000 + original / 2) / original;
    snprintf(out, cap, "%llu.%llu%%", permille / 10, permille % 10);
}

static int parse_level(const char *arg, int *level)
{
    if (arg[0] == '-' && arg[1] >= '0' && arg[1] <= '9' && arg[2] == '\0') {
        *level = arg[1] - '0';
        return 1;
    }
    return 0;
}

static int cmd_compress(int level, const char *in_path, const char *out_path)
{
    FILE *msg = strcmp(out_path, "-") == 0 ? stderr : stdout;
    struct sq_buffer in = {0}, out = {0};
    int ok = read_all(in_path, &in);
    if (ok && !sq_compress(in.data, in.len, level, &out)) {
        fprintf(stderr, "%s: %s: out of memory while compressing\n", program, in_path);
        ok = 0;
    }
    if (ok)
        ok = write_all(out_path, &out);
    if (ok) {
        char ratio[32];
        format_ratio(ratio, sizeof ratio, out.len, in.len);
        fprintf(msg, "%s: %zu -> %zu bytes (%s) at level %d, crc32 %08x\n", in_path, in.len,
                out.len, ratio, level, (unsigned)sq_crc32(0, in.data, in.len));
    }
    sq_buffer_free(&in);
    sq_buffer_free(&out);
    return ok ? 0 : 2;
}

static int cmd_decompress(const char *in_path, const char *out_path)
{
    FILE *msg = strcmp(out_path, "-") == 0 ? stderr : stdout;
    struct sq_buffer in = {0}, out = {0};
    char err[256];
    int ok = read_all(in_path, &in);
    if (ok && !sq_decompress(in.data, in.len, &out, err, sizeof err, NULL, NULL)) {
        fprintf(stderr, "%s: %s: corrupt input: %s\n", program, in_path, err);
        ok = 0;
    }
    if (ok)
        ok = write_all(out_path, &out);
    if (ok)
        fprintf(msg, "%s: %zu -> %zu bytes, crc32 %08x ok\n", in_path, in.len, out.len,
                (unsigned)sq_crc32(0, out.data, out.len));
    sq_buffer_free(&in);
    sq_buffer_free(&out);
    return ok ? 0 : 2;
}

static int cmd_test(int level, char **paths, int npaths)
{
    int status = 0;
    for (int i = 0; i < npaths; i++) {
        struct sq_buffer in = {0}, packed = {0}, unpacked = {0};
        char err[256];
        if (!read_all(paths[i], &in)) {
            status = status > 2 ? status : 2;
            continue;
        }
        if (!sq_compress(in.data, in.len, level, &packed)) {
            fprintf(stderr, "%s: %s: out of memory while compressing\n", program, paths[i]);
            status = 2;
        } else if (!sq_decompress(packed.data, packed.len, &unpacked, err, sizeof err, NULL,
                                  NULL)) {
            printf("%s: FAILED: the compressed form does not decompress: %s\n", paths[i], err);
            status = status == 0 ? 1 : status;
        } else if (unpacked.len != in.len ||
                   (in.len > 0 && memcmp(unpacked.data, in.data, in.len) != 0)) {
            printf("%s: FAILED: decompression gives %zu different bytes\n", paths[i],
                   unpacked.len);
            status = status == 0 ? 1 : status;
        } else {
            char ratio[32];
            format_ratio(ratio, sizeof ratio, packed.len, in.len);
            printf("%s: %zu -> %zu bytes (%s), round trip ok\n", paths[i], in.len, packed.len,
                   ratio);
        }
        sq_buffer_free(&in);
        sq_buffer_free(&packed);
        sq_buffer_free(&unpacked);
    }
    return status;
}

static void print_block(void *ctx, unsigned index, const struct sq_block_stats *s)
{
    (void)ctx;
    printf("block %u: %s%s, %zu bytes -> %zu bits", index, s->type == 0 ? "stored" : "huffman",
           s->final ? " (final)" : "", s->raw_bytes, s->bits);
    if (s->type == 1)
        printf(", %zu literals, %zu matches covering %zu bytes, %u+%u codes", s->literals,
               s->matches, s->match_bytes, s->nlit, s->ndist);
    printf("\n");
}

static int cmd_info(const char *in_path)
{
    struct sq_buffer in = {0}, out = {0};
    char err[256];
    int ok = read_all(in_path, &in);
    if (ok && in.len >= SQ_HEADER_SIZE && memcmp(in.data, "SQZ\1", 4) == 0) {
        unsigned long long size = 0;
        for (int i = 0; i < 8; i++)
            size |= (unsigned long long)in.data[5 + i] << (8 * i);
        printf("%s: squash format 1, level %u, %llu bytes of data in %zu bytes\n", in_path,
               in.data[4], size, in.len);
    }
    if (ok && !sq_decompress(in.data, in.len, &out, err, sizeof err, print_block, NULL)) {
        fprintf(stderr, "%s: %s: corrupt input: %s\n", program, in_path, err);
        ok = 0;
    }
    if (ok)
        printf("crc32 %08x ok\n", (unsigned)sq_crc32(0, out.data, out.len));
    sq_buffer_free(&in);
    sq_buffer_free(&out);
    return ok ? 0 : 2;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage();
        return 2;
    }
    const char *cmd = argv[1];
    int level = SQ_DEFAULT_LEVEL, first = 2;
    if (argc > 2 && parse_level(argv[2], &level))
        first = 3;
    int rest = argc - first;
    if (strcmp(cmd, "c") == 0 && rest == 2)
        return cmd_compress(level, argv[first], argv[first + 1]);
    if (strcmp(cmd, "d") == 0 && rest == 2 && first == 2)
        return cmd_decompress(argv[first], argv[first + 1]);
    if (strcmp(cmd, "t") == 0 && rest >= 1)
        return cmd_test(level, argv + first, rest);
    if (strcmp(cmd, "i") == 0 && rest == 1 && first == 2)
        return cmd_info(argv[first]);
    usage();
    return 2;
}
