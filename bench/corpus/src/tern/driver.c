/* The compiler driver and the three kernel entry points of tern.wasm:
 *   tern_front(n)     compiles every program n times (front end, optimizer, listing)
 *   tern_exec(n)      compiles each valid program once and runs main(n * scale) in the VM
 *   tern_selfcheck(n) runs every program unoptimized and optimized at main(n * scale) and
 *                     returns the number of disagreements or unmet expectations: 0 is correct */
#include "tern.h"

/* Enough fuel for every valid program at the benchmark sizes, while a runaway loop in a broken
 * build still ends. */
#define FUEL_LIMIT (1ull << 40)

int tern_compile(const char *src, int optimize, struct tern_compiled *out, struct tern_diag *diag)
{
    tern_zero(out, sizeof *out);
    tern_zero(diag, sizeof *diag);
    struct tern_program *prog = tern_parse(src, tern_strlen(src), diag);
    if (prog == NULL)
        return 0;
    if (!tern_resolve(prog, diag))
        return 0;
    if (optimize)
        out->folds = tern_fold(prog);
    if (!tern_codegen(prog, &out->code, diag))
        return 0;
    if (optimize)
        out->peepholes = tern_peephole(&out->code, prog);
    if (tern_arena_used() == (size_t)-1) {
        tern_error(diag, TERN_ERR_LIMIT, 0, 0, "out of compiler memory", NULL, 0);
        return 0;
    }
    out->prog = prog;
    return 1;
}

static uint64_t hash_bytes(const char *p, uint32_t len)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (uint32_t i = 0; i < len; i++)
        h = (h ^ (uint8_t)p[i]) * 0x100000001b3ull;
    return h;
}

static uint64_t diag_hash(const struct tern_diag *d)
{
    uint64_t h = mix(mix((uint64_t)d->kind, d->line), d->column);
    return mix(h, hash_bytes(d->message, tern_strlen(d->message)));
}

static uint64_t result_hash(const struct tern_result *r)
{
    uint64_t h = mix((uint64_t)r->trap, (uint64_t)r->value);
    h = mix(h, r->output_hash);
    return mix(h, r->output_count);
}

static char listing[1u << 20];

KERNEL(tern_front)
{
    uint64_t acc = 0;
    uint32_t unexpected = 0;
    for (uint32_t round = 0; round < n; round++) {
        for (uint32_t i = 0; i < tern_source_count; i++) {
            const struct tern_source *s = &tern_sources[i];
            struct tern_compiled c;
            struct tern_diag diag;
            tern_arena_reset();
            if (!tern_compile(s->text, 1, &c, &diag)) {
                unexpected += diag.kind != (enum tern_error_kind)s->expect_error;
                acc = mix(acc, diag_hash(&diag));
                continue;
            }
            unexpected += s->expect_error != TERN_OK;
            uint32_t len = tern_listing(&c.code, c.prog, listing, sizeof listing);
            acc = mix(acc, hash_bytes(listing, len));
            acc = mix(acc, ((uint64_t)c.folds << 32) | c.peepholes);
        }
    }
    return mix(acc, unexpected);
}

KERNEL(tern_exec)
{
    uint64_t acc = 0;
    for (uint32_t i = 0; i < tern_source_count; i++) {
        const struct tern_source *s = &tern_sources[i];
        if (s->expect_error != TERN_OK || s->expect_trap != TRAP_NONE)
            continue;
        struct tern_compiled c;
        struct tern_diag diag;
        tern_arena_reset();
        if (!tern_compile(s->text, 1, &c, &diag)) {
            acc = mix(acc, diag_hash(&diag));
            continue;
        }
        struct tern_result r = tern_run(&c.code, c.prog, (int64_t)n * s->arg_scale, FUEL_LIMIT);
        acc = mix(mix(acc, result_hash(&r)), r.steps);
    }
    return acc;
}

KERNEL(tern_selfcheck)
{
    uint32_t failures = 0;
    for (uint32_t i = 0; i < tern_source_count; i++) {
        const struct tern_source *s = &tern_sources[i];
        struct tern_result results[2];
        int compiled[2];
        for (int opt = 0; opt < 2; opt++) {
            struct tern_compiled c;
            struct tern_diag diag;
            tern_arena_reset();
            compiled[opt] = tern_compile(s->text, opt, &c, &diag);
            if (!compiled[opt]) {
                failures += diag.kind != (enum tern_error_kind)s->expect_error;
                continue;
            }
            results[opt] = tern_run(&c.code, c.prog, (int64_t)n * s->arg_scale, FUEL_LIMIT);
            failures += results[opt].trap != (enum tern_trap)s->expect_trap;
        }
        if (compiled[0] != compiled[1])
            failures++;
        else if (compiled[0] && result_hash(&results[0]) != result_hash(&results[1]))
            failures++;
    }
    return failures;
}
