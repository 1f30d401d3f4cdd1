/* Peephole optimization of the bytecode: superinstructions for the patterns the code
 * generator produces most (compare+branch, local += constant, push+add), jump threading and
 * unreachable-code removal, then compaction with jump retargeting.
 *
 * Rewrites never fuse across an instruction that is a jump target, because the fused form
 * would skip work that a jump into the middle expects to happen. */
#include "tern.h"

static int is_jump(int op)
{
    return op == BC_JMP || op == BC_JZ || op == BC_JNZ || (op >= BC_JLT && op <= BC_JNE);
}

static int ends_block(int op)
{
    return op == BC_JMP || op == BC_RET || op == BC_HALT;
}

static void mark_targets(struct tern_code *code, const struct tern_program *prog)
{
    for (uint32_t i = 0; i < code->count; i++)
        code->insns[i].is_target = 0;
    for (uint32_t i = 0; i < code->count; i++) {
        const struct tern_insn *in = &code->insns[i];
        if (!in->dead && is_jump(in->op) && (uint32_t)in->a < code->count)
            code->insns[in->a].is_target = 1;
    }
    for (uint32_t f = 0; f < prog->nfunctions; f++)
        if (prog->functions[f]->code_start < code->count)
            code->insns[prog->functions[f]->code_start].is_target = 1;
}

/* The next live instruction after i, or count. */
static uint32_t next_live(const struct tern_code *code, uint32_t i)
{
    i++;
    while (i < code->count && code->insns[i].dead)
        i++;
    return i;
}

/* Compare opcode -> branch taken when the comparison is true (for JNZ) or false (for JZ). */
static int fused_branch(int cmp, int jump_if_true)
{
    static const uint8_t when_true[] = {BC_JEQ, BC_JNE, BC_JLT, BC_JLE, BC_JGT, BC_JGE};
    static const uint8_t when_false[] = {BC_JNE, BC_JEQ, BC_JGE, BC_JGT, BC_JLE, BC_JLT};
    int k = cmp - BC_EQ; /* BC_EQ, BC_NE, BC_LT, BC_LE, BC_GT, BC_GE are consecutive */
    return jump_if_true ? when_true[k] : when_false[k];
}

static uint32_t pass_fuse(struct tern_code *code)
{
    uint32_t rewrites = 0;
    for (uint32_t i = 0; i < code->count; i++) {
        struct tern_insn *x = &code->insns[i];
        if (x->dead)
            continue;
        uint32_t j = next_live(code, i);
        if (j >= code->count || code->insns[j].is_target)
            continue;
        struct tern_insn *y = &code->insns[j];
        /* cmp; jz/jnz L  ->  jcc L */
        if (x->op >= BC_EQ && x->op <= BC_GE && (y->op == BC_JZ || y->op == BC_JNZ)) {
            x->op = (uint8_t)fused_branch(x->op, y->op == BC_JNZ);
            x->a = y->a;
            y->dead = 1;
            rewrites++;
            continue;
        }
        /* not; jz L -> jnz L, not; jnz L -> jz L */
        if (x->op == BC_NOT && (y->op == BC_JZ || y->op == BC_JNZ)) {
            x->op = y->op == BC_JZ ? BC_JNZ : BC_JZ;
            x->a = y->a;
            y->dead = 1;
            rewrites++;
            continue;
        }
        /* pushi k; add -> addi k ; pushi k; sub -> addi -k */
        if (x->op == BC_PUSHI && (y->op == BC_ADD || (y->op == BC_SUB && x->a != INT32_MIN))) {
            x->a = y->op == BC_ADD ? x->a : -x->a;
            x->op = BC_ADDI;
            y->dead = 1;
            rewrites++;
            continue;
        }
        /* addi 0 -> nothing */
        if (x->op == BC_ADDI && x->a == 0 && !x->is_target) {
            x->dead = 1;
            rewrites++;
            continue;
        }
        /* loadl s; addi k; storel s -> incl s k */
        uint32_t k = next_live(code, j);
        if (x->op == BC_LOADL && y->op == BC_ADDI && k < code->count && !code->insns[k].is_target &&
            code->insns[k].op == BC_STOREL && code->insns[k].a == x->a) {
            x->op = BC_INCL;
            x->b = y->a;
            y->dead = 1;
            code->insns[k].dead = 1;
            rewrites++;
            continue;
        }
        /* loadl a; loadl b -> loadl2 a b */
        if (x->op == BC_LOADL && y->op == BC_LOADL) {
            x->op = BC_LOADL2;
            x->b = y->a;
            y->dead = 1;
            rewrites++;
            continue;
        }
        /* storel s; loadl s -> dup; storel s */
        if (x->op == BC_STOREL && y->op == BC_LOADL && y->a == x->a) {
            x->op = BC_DUP;
            y->op = BC_STOREL;
            y->a = x->a;
            x->a = 0;
            rewrites++;
            continue;
        }
    }
    return rewrites;
}

/* Jumps to unconditional jumps go straight to the final target; a jump to the next live
 * instruction disappears; code after an unconditional transfer is dead until a target. */
static uint32_t pass_jumps(struct tern_code *code)
{
    uint32_t rewrites = 0;
    for (uint32_t i = 0; i < code->count; i++) {
        struct tern_insn *x = &code->insns[i];
        if (x->dead || !is_jump(x->op))
            continue;
        uint32_t hops = 0;
        while ((uint32_t)x->a < code->count && hops < 16) {
            uint32_t t = (uint32_t)x->a;
            if (code->insns[t].dead) {
                x->a = (int32_t)next_live(code, t);
                continue;
            }
            if (code->insns[t].op != BC_JMP || (uint32_t)code->insns[t].a == t)
                break;
            x->a = code->insns[t].a;
            hops++;
            rewrites++;
        }
        if (x->op == BC_JMP && (uint32_t)x->a == next_live(code, i)) {
            x->dead = 1;
            rewrites++;
        }
    }
    for (uint32_t i = 0; i < code->count; i++) {
        if (code->insns[i].dead || !ends_block(code->insns[i].op))
            continue;
        for (uint32_t j = i + 1; j < code->count && !code->insns[j].is_target; j++) {
            if (!code->insns[j].dead) {
                code->insns[j].dead = 1;
                rewrites++;
            }
        }
    }
    return rewrites;
}

/* Removes dead instructions, retargeting jumps and function entries to the new indices. */
static void compact(struct tern_code *code, struct tern_program *prog)
{
    /* new_index[i] for a dead i is the index of the next live instruction. */
    int32_t *new_index = tern_alloc((code->count + 1u) * sizeof(int32_t));
    if (new_index == NULL)
        return;
    uint32_t live = 0;
    for (uint32_t i = 0; i < code->count; i++) {
        new_index[i] = (int32_t)live;
        if (!code->insns[i].dead)
            live++;
    }
    new_index[code->count] = (int32_t)live;
    for (uint32_t f = 0; f < prog->nfunctions; f++)
        prog->functions[f]->code_start = (uint32_t)new_index[prog->functions[f]->code_start];
    uint32_t out = 0;
    for (uint32_t i = 0; i < code->count; i++) {
        struct tern_insn in = code->insns[i];
        if (in.dead)
            continue;
        if (is_jump(in.op))
            in.a = new_index[in.a];
        in.is_target = 0;
        code->insns[out++] = in;
    }
    code->count = out;
}

uint32_t tern_peephole(struct tern_code *code, struct tern_program *prog)
{
    uint32_t total = 0;
    for (int round = 0; round < 8; round++) {
        mark_targets(code, prog);
        uint32_t n = pass_fuse(code);
        mark_targets(code, prog);
        n += pass_jumps(code);
        total += n;
        if (n == 0)
            break;
    }
    compact(code, prog);
    return total;
}
