/* tern: a WASI front end for Tern, the small compiler and bytecode VM of the benchmark corpus
 * (bench/corpus/src/tern, compiled from there unchanged). It reads a .tern source file from a
 * pre-opened directory, compiles it, optionally prints the bytecode listing, runs main(N) and
 * reports the result. The VM keeps no printed values, only their count and a running checksum,
 * so that is what the front end reports for `print` statements.
 *
 *   tern [-O0] [--list] [--fuel STEPS] FILE [N]
 *                          compile FILE (optimized unless -O0) and run main(N), N = 10, for at
 *                          most STEPS VM instructions (default 2^30)
 *   tern --selfcheck [N]   run the corpus's own self-check over its built-in programs
 *
 * Exit codes: 0 the program ran, 1 compile error, 2 bad usage or unreadable file, 3 VM trap. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tern.h"

uint64_t tern_selfcheck(uint32_t n);

/* The sample programs need a few million steps; a runaway loop ends within seconds. */
#define DEFAULT_FUEL (1ull << 30)
#define LISTING_BYTES (1u << 20)

static const char *error_kind(enum tern_error_kind kind)
{
    switch (kind) {
    case TERN_ERR_LEX: return "lexical error";
    case TERN_ERR_PARSE: return "syntax error";
    case TERN_ERR_RESOLVE: return "name error";
    case TERN_ERR_LIMIT: return "limit exceeded";
    default: return "error";
    }
}

static const char *trap_name(enum tern_trap trap)
{
    switch (trap) {
    case TRAP_DIV_ZERO: return "division by zero";
    case TRAP_BOUNDS: return "array index out of bounds";
    case TRAP_STACK: return "call stack exhausted";
    case TRAP_NO_MAIN: return "no function main(n)";
    case TRAP_FUEL: return "out of fuel (the program ran too long)";
    default: return "no trap";
    }
}

static char *read_source(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "tern: cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 4096, len = 0;
    char *text = malloc(cap);
    size_t n;
    while (text != NULL && (n = fread(text + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) {
            char *bigger = realloc(text, cap * 2);
            if (bigger == NULL)
                free(text);
            text = bigger;
            cap *= 2;
        }
    }
    int failed = ferror(f);
    fclose(f);
    if (text == NULL || failed) {
        fprintf(stderr, "tern: cannot read %s\n", path);
        free(text);
        return NULL;
    }
    if (memchr(text, '\0', len) != NULL) {
        fprintf(stderr, "tern: %s contains a NUL byte; Tern sources are text\n", path);
        free(text);
        return NULL;
    }
    text[len] = '\0';
    return text;
}

static int run_file(const char *path, int optimize, int list, uint64_t fuel, int64_t arg)
{
    char *src = read_source(path);
    if (src == NULL)
        return 2;
    struct tern_compiled c;
    struct tern_diag diag;
    tern_arena_reset();
    if (!tern_compile(src, optimize, &c, &diag)) {
        fprintf(stderr, "%s:%" PRIu32 ":%" PRIu32 ": %s: %s\n", path, diag.line, diag.column,
                error_kind(diag.kind), diag.message);
        free(src);
        return 1;
    }
    printf("%s: %" PRIu32 " function%s, %" PRIu32 " instructions", path, c.prog->nfunctions,
           c.prog->nfunctions == 1 ? "" : "s", c.code.count);
    if (optimize)
        printf(" (%" PRIu32 " folds, %" PRIu32 " peephole rewrites)", c.folds, c.peepholes);
    printf("\n");
    if (list) {
        char *listing = malloc(LISTING_BYTES);
        if (listing != NULL) {
            uint32_t len = tern_listing(&c.code, c.prog, listing, LISTING_BYTES);
            fwrite(listing, 1, len, stdout);
            free(listing);
        }
    }
    struct tern_result r = tern_run(&c.code, c.prog, arg, fuel);
    int status = 0;
    if (r.trap != TRAP_NONE) {
        /* The VM reports the pc after the trapping instruction (it increments before it
         * executes), except when fuel runs out: then nothing at pc has run yet. */
        uint32_t pc = r.trap == TRAP_FUEL ? r.trap_pc : r.trap_pc - 1;
        if (r.trap == TRAP_NO_MAIN || r.trap_pc == 0 || pc >= c.code.count) {
            printf("trap: %s\n", trap_name(r.trap));
        } else {
            printf("trap: %s %s instruction %" PRIu32 " (%s, line %" PRIu32 ")\n",
                   trap_name(r.trap), r.trap == TRAP_FUEL ? "before" : "at", pc,
                   tern_opcode_name(c.code.insns[pc].op), c.code.insns[pc].line);
        }
        status = 3;
    } else {
        printf("main(%" PRId64 ") = %" PRId64 "\n", arg, r.value);
    }
    printf("printed %" PRIu32 " value%s, checksum %016" PRIx64 "\n", r.output_count,
           r.output_count == 1 ? "" : "s", r.output_hash);
    /* The VM counts the step it refused for lack of fuel as well. */
    printf("executed %" PRIu64 " instructions\n", r.trap == TRAP_FUEL ? r.steps - 1 : r.steps);
    free(src);
    return status;
}

static int parse_int(const char *s, int64_t *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno != 0 || *s == '\0' || *end != '\0')
        return 0;
    *out = v;
    return 1;
}

static int usage(void)
{
    fprintf(stderr, "usage: tern [-O0] [--list] [--fuel STEPS] FILE [N]   compile FILE, run main(N)\n"
                    "       tern --selfcheck [N]                         check the built-in programs\n");
    return 2;
}

int main(int argc, char **argv)
{
    int optimize = 1, list = 0, i = 1;
    uint64_t fuel = DEFAULT_FUEL;
    if (argc >= 2 && strcmp(argv[1], "--selfcheck") == 0) {
        int64_t n = 1;
        if (argc > 3 || (argc == 3 && (!parse_int(argv[2], &n) || n < 1 || n > 1000)))
            return usage();
        uint64_t failures = tern_selfcheck((uint32_t)n);
        printf("selfcheck(%" PRId64 "): %" PRIu32 " programs, %" PRIu64 " failure%s\n", n,
               tern_source_count, failures, failures == 1 ? "" : "s");
        return failures == 0 ? 0 : 1;
    }
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        if (strcmp(argv[i], "-O0") == 0)
            optimize = 0;
        else if (strcmp(argv[i], "--list") == 0)
            list = 1;
        else if (strcmp(argv[i], "--fuel") == 0 && i + 1 < argc) {
            int64_t steps;
            if (!parse_int(argv[++i], &steps) || steps < 1)
                return usage();
            fuel = (uint64_t)steps;
        }
        else
            return usage();
    }
    int64_t arg = 10;
    if (i >= argc || argc - i > 2 || (argc - i == 2 && !parse_int(argv[i + 1], &arg)))
        return usage();
    return run_file(argv[i], optimize, list, fuel, arg);
}
