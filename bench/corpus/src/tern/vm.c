/* The bytecode interpreter: a switch-dispatched loop over decoded instructions, one operand
 * stack shared by all frames (a callee's locals start at its first argument, so calls copy
 * nothing), and explicit traps instead of undefined behaviour. In wasm the switch becomes a
 * br_table, the operand stack lives in linear memory, and each instruction is a few loads. */
#include "tern.h"

#define STACK_WORDS (1u << 16)
#define MAX_FRAMES 8192
/* Room an activation may need on the operand stack beyond its locals: expression temporaries
 * are bounded by the parser's nesting limit, so one check per call keeps pushes unchecked. */
#define FRAME_HEADROOM 512u

struct frame {
    uint32_t return_pc;
    uint32_t base; /* caller's locals, as an index into the stack */
};

struct array_info {
    uint32_t base, size;
};

struct fn_info {
    uint32_t start, nparams, nlocals;
};

static int64_t stack[STACK_WORDS];
static struct frame frames[MAX_FRAMES];
static int64_t globals[TERN_MAX_GLOBALS];
static int64_t arrays[TERN_ARRAY_WORDS];
static struct array_info array_info[TERN_MAX_GLOBALS];
static struct fn_info fn_info[TERN_MAX_FUNCTIONS];

static int find_main(const struct tern_program *prog, uint32_t *index)
{
    for (uint32_t i = 0; i < prog->nfunctions; i++) {
        const struct tern_function *f = prog->functions[i];
        if (tern_streq(f->name.text, f->name.len, "main", 4) && f->nparams == 1) {
            *index = i;
            return 1;
        }
    }
    return 0;
}

static void setup(const struct tern_program *prog)
{
    for (uint32_t i = 0; i < prog->nglobals; i++) {
        const struct tern_global *g = prog->globals[i];
        globals[i] = g->is_array ? 0 : g->init;
        array_info[i].base = g->is_array ? g->base : 0;
        array_info[i].size = g->is_array ? g->size : 0;
    }
    for (uint32_t i = 0; i < prog->array_words; i++)
        arrays[i] = 0;
    for (uint32_t i = 0; i < prog->nfunctions; i++) {
        fn_info[i].start = prog->functions[i]->code_start;
        fn_info[i].nparams = prog->functions[i]->nparams;
        fn_info[i].nlocals = prog->functions[i]->nlocals;
    }
}

struct tern_result tern_run(const struct tern_code *code, const struct tern_program *prog,
                            int64_t arg, uint64_t fuel)
{
    struct tern_result res;
    tern_zero(&res, sizeof res);
    uint32_t main_index;
    if (!find_main(prog, &main_index)) {
        res.trap = TRAP_NO_MAIN;
        return res;
    }
    setup(prog);

    const struct tern_insn *insns = code->insns;
    const int64_t *consts = code->consts;
    uint32_t depth = 0;
    int64_t *locals = stack;
    locals[0] = arg;
    for (uint32_t i = 1; i < fn_info[main_index].nlocals; i++)
        locals[i] = 0;
    int64_t *sp = locals + fn_info[main_index].nlocals;
    uint32_t pc = fn_info[main_index].start;
    uint64_t steps = 0, out_hash = 0;
    uint32_t out_count = 0;
    enum tern_trap trap = TRAP_NONE;

    for (;;) {
        if (steps++ >= fuel) {
            trap = TRAP_FUEL;
            break;
        }
        const struct tern_insn *in = &insns[pc++];
        switch (in->op) {
        case BC_PUSH: *sp++ = consts[in->a]; break;
        case BC_PUSHI: *sp++ = in->a; break;
        case BC_LOADL: *sp++ = locals[in->a]; break;
        case BC_LOADL2:
            sp[0] = locals[in->a];
            sp[1] = locals[in->b];
            sp += 2;
            break;
        case BC_STOREL: locals[in->a] = *--sp; break;
        case BC_LOADG: *sp++ = globals[in->a]; break;
        case BC_STOREG: globals[in->a] = *--sp; break;
        case BC_ALOAD: {
            uint64_t idx = (uint64_t)sp[-1];
            const struct array_info *ai = &array_info[in->a];
            if (idx >= ai->size) {
                trap = TRAP_BOUNDS;
                goto done;
            }
            sp[-1] = arrays[ai->base + idx];
            break;
        }
        case BC_ASTORE: {
            uint64_t idx = (uint64_t)sp[-2];
            const struct array_info *ai = &array_info[in->a];
            if (idx >= ai->size) {
                trap = TRAP_BOUNDS;
                goto done;
            }
            arrays[ai->base + idx] = sp[-1];
            sp -= 2;
            break;
        }
        case BC_ADD: sp[-2] = (int64_t)((uint64_t)sp[-2] + (uint64_t)sp[-1]); sp--; break;
        case BC_SUB: sp[-2] = (int64_t)((uint64_t)sp[-2] - (uint64_t)sp[-1]); sp--; break;
        case BC_MUL: sp[-2] = (int64_t)((uint64_t)sp[-2] * (uint64_t)sp[-1]); sp--; break;
        case BC_DIV:
        case BC_MOD: {
            int64_t y = sp[-1], x = sp[-2];
            if (y == 0) {
                trap = TRAP_DIV_ZERO;
                goto done;
            }
            if (x == INT64_MIN && y == -1)
                sp[-2] = in->op == BC_DIV ? INT64_MIN : 0;
            else
                sp[-2] = in->op == BC_DIV ? x / y : x % y;
            sp--;
            break;
        }
        case BC_AND: sp[-2] &= sp[-1]; sp--; break;
        case BC_OR: sp[-2] |= sp[-1]; sp--; break;
        case BC_XOR: sp[-2] ^= sp[-1]; sp--; break;
        case BC_SHL: sp[-2] = (int64_t)((uint64_t)sp[-2] << ((uint64_t)sp[-1] & 63u)); sp--; break;
        case BC_SHR: sp[-2] = sp[-2] >> ((uint64_t)sp[-1] & 63u); sp--; break;
        case BC_EQ: sp[-2] = sp[-2] == sp[-1]; sp--; break;
        case BC_NE: sp[-2] = sp[-2] != sp[-1]; sp--; break;
        case BC_LT: sp[-2] = sp[-2] < sp[-1]; sp--; break;
        case BC_LE: sp[-2] = sp[-2] <= sp[-1]; sp--; break;
        case BC_GT: sp[-2] = sp[-2] > sp[-1]; sp--; break;
        case BC_GE: sp[-2] = sp[-2] >= sp[-1]; sp--; break;
        case BC_NEG: sp[-1] = (int64_t)(0u - (uint64_t)sp[-1]); break;
        case BC_NOT: sp[-1] = sp[-1] == 0; break;
        case BC_BNOT: sp[-1] = ~sp[-1]; break;
        case BC_ADDI: sp[-1] = (int64_t)((uint64_t)sp[-1] + (uint64_t)(int64_t)in->a); break;
        case BC_INCL: locals[in->a] = (int64_t)((uint64_t)locals[in->a] + (uint64_t)(int64_t)in->b); break;
        case BC_JMP: pc = (uint32_t)in->a; break;
        case BC_JZ: if (*--sp == 0) pc = (uint32_t)in->a; break;
        case BC_JNZ: if (*--sp != 0) pc = (uint32_t)in->a; break;
        case BC_JLT: sp -= 2; if (sp[0] < sp[1]) pc = (uint32_t)in->a; break;
        case BC_JLE: sp -= 2; if (sp[0] <= sp[1]) pc = (uint32_t)in->a; break;
        case BC_JGT: sp -= 2; if (sp[0] > sp[1]) pc = (uint32_t)in->a; break;
        case BC_JGE: sp -= 2; if (sp[0] >= sp[1]) pc = (uint32_t)in->a; break;
        case BC_JEQ: sp -= 2; if (sp[0] == sp[1]) pc = (uint32_t)in->a; break;
        case BC_JNE: sp -= 2; if (sp[0] != sp[1]) pc = (uint32_t)in->a; break;
        case BC_CALL: {
            const struct fn_info *f = &fn_info[in->a];
            int64_t *base = sp - in->b;
            if (depth + 1 >= MAX_FRAMES ||
                (uint32_t)(base - stack) + f->nlocals + FRAME_HEADROOM > STACK_WORDS) {
                trap = TRAP_STACK;
                goto done;
            }
            frames[depth].return_pc = pc;
            frames[depth].base = (uint32_t)(locals - stack);
            depth++;
            locals = base;
            for (uint32_t i = f->nparams; i < f->nlocals; i++)
                locals[i] = 0;
            sp = locals + f->nlocals;
            pc = f->start;
            break;
        }
        case BC_RET: {
            int64_t v = sp[-1];
            if (depth == 0) {
                res.value = v;
                goto done;
            }
            sp = locals;
            *sp++ = v;
            depth--;
            locals = stack + frames[depth].base;
            pc = frames[depth].return_pc;
            break;
        }
        case BC_POP: sp--; break;
        case BC_DUP: sp[0] = sp[-1]; sp++; break;
        case BC_PRINT:
            out_hash = mix(out_hash, (uint64_t)*--sp);
            out_count++;
            break;
        case BC_HALT:
            goto done;
        default:
            trap = TRAP_BOUNDS; /* unreachable for compiler output; a corrupt opcode stops here */
            goto done;
        }
    }
done:
    res.trap = trap;
    res.output_hash = out_hash;
    res.output_count = out_count;
    res.steps = steps;
    res.trap_pc = pc;
    return res;
}
