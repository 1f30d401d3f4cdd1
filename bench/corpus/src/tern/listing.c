/* A human-readable listing of the bytecode, the compiler's debugging aid. The benchmark hashes
 * it, which makes the compile kernel also exercise integer formatting and byte-wise output. */
#include "tern.h"

struct opinfo {
    const char *name;
    uint8_t operands; /* how many of a, b are meaningful */
};

static const struct opinfo opinfo[BC_COUNT] = {
    [BC_PUSH] = {"push", 1},     [BC_PUSHI] = {"pushi", 1},   [BC_LOADL] = {"loadl", 1},
    [BC_STOREL] = {"storel", 1}, [BC_LOADG] = {"loadg", 1},   [BC_STOREG] = {"storeg", 1},
    [BC_ALOAD] = {"aload", 1},   [BC_ASTORE] = {"astore", 1}, [BC_ADD] = {"add", 0},
    [BC_SUB] = {"sub", 0},       [BC_MUL] = {"mul", 0},       [BC_DIV] = {"div", 0},
    [BC_MOD] = {"mod", 0},       [BC_AND] = {"and", 0},       [BC_OR] = {"or", 0},
    [BC_XOR] = {"xor", 0},       [BC_SHL] = {"shl", 0},       [BC_SHR] = {"shr", 0},
    [BC_EQ] = {"eq", 0},         [BC_NE] = {"ne", 0},         [BC_LT] = {"lt", 0},
    [BC_LE] = {"le", 0},         [BC_GT] = {"gt", 0},         [BC_GE] = {"ge", 0},
    [BC_NEG] = {"neg", 0},       [BC_NOT] = {"not", 0},       [BC_BNOT] = {"bnot", 0},
    [BC_JMP] = {"jmp", 1},       [BC_JZ] = {"jz", 1},         [BC_JNZ] = {"jnz", 1},
    [BC_CALL] = {"call", 2},     [BC_RET] = {"ret", 0},       [BC_POP] = {"pop", 0},
    [BC_DUP] = {"dup", 0},       [BC_PRINT] = {"print", 0},   [BC_HALT] = {"halt", 0},
    [BC_ADDI] = {"addi", 1},     [BC_INCL] = {"incl", 2},     [BC_LOADL2] = {"loadl2", 2},
    [BC_JLT] = {"jlt", 1},       [BC_JLE] = {"jle", 1},       [BC_JGT] = {"jgt", 1},
    [BC_JGE] = {"jge", 1},       [BC_JEQ] = {"jeq", 1},       [BC_JNE] = {"jne", 1},
};

const char *tern_opcode_name(int op)
{
    return op >= 0 && op < BC_COUNT && opinfo[op].name != NULL ? opinfo[op].name : "?";
}

int tern_opcode_operands(int op)
{
    return op >= 0 && op < BC_COUNT ? opinfo[op].operands : 0;
}

struct out {
    char *buf;
    uint32_t cap, len;
};

static void put_char(struct out *o, char c)
{
    if (o->len + 1 < o->cap)
        o->buf[o->len++] = c;
}

static void put_str(struct out *o, const char *s, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++)
        put_char(o, s[i]);
}

/* Signed decimal, right-aligned to width (0 = no padding). */
static void put_int(struct out *o, int64_t v, uint32_t width)
{
    char digits[24];
    uint32_t n = 0;
    uint64_t u = v < 0 ? 0u - (uint64_t)v : (uint64_t)v;
    do {
        digits[n++] = (char)('0' + u % 10u);
        u /= 10u;
    } while (u != 0);
    if (v < 0)
        digits[n++] = '-';
    for (uint32_t pad = n; pad < width; pad++)
        put_char(o, ' ');
    while (n > 0)
        put_char(o, digits[--n]);
}

static void put_name(struct out *o, struct tern_name name)
{
    put_str(o, name.text, name.len);
}

uint32_t tern_listing(const struct tern_code *code, const struct tern_program *prog, char *buf,
                      uint32_t cap)
{
    struct out o = {buf, cap, 0};
    for (uint32_t i = 0; i < code->count; i++) {
        for (uint32_t f = 0; f < prog->nfunctions; f++) {
            if (prog->functions[f]->code_start == i) {
                put_str(&o, "fn ", 3);
                put_name(&o, prog->functions[f]->name);
                put_str(&o, " (", 2);
                put_int(&o, prog->functions[f]->nparams, 0);
                put_str(&o, " params, ", 9);
                put_int(&o, prog->functions[f]->nlocals, 0);
                put_str(&o, " locals)\n", 9);
            }
        }
        const struct tern_insn *in = &code->insns[i];
        put_int(&o, i, 6);
        put_str(&o, "  ", 2);
        const char *name = tern_opcode_name(in->op);
        put_str(&o, name, tern_strlen(name));
        int operands = tern_opcode_operands(in->op);
        if (operands >= 1) {
            put_char(&o, ' ');
            put_int(&o, in->a, 0);
        }
        if (operands >= 2) {
            put_str(&o, ", ", 2);
            put_int(&o, in->b, 0);
        }
        /* Annotate what an operand refers to, as a reader of the listing would want. */
        if (in->op == BC_PUSH && (uint32_t)in->a < code->nconsts) {
            put_str(&o, "    ; ", 6);
            put_int(&o, code->consts[in->a], 0);
        } else if (in->op == BC_CALL && (uint32_t)in->a < prog->nfunctions) {
            put_str(&o, "    ; ", 6);
            put_name(&o, prog->functions[in->a]->name);
        } else if ((in->op == BC_LOADG || in->op == BC_STOREG || in->op == BC_ALOAD || in->op == BC_ASTORE) &&
                   (uint32_t)in->a < prog->nglobals) {
            put_str(&o, "    ; ", 6);
            put_name(&o, prog->globals[in->a]->name);
        }
        put_str(&o, "    ; line ", 11);
        put_int(&o, in->line, 0);
        put_char(&o, '\n');
    }
    if (o.cap > 0)
        o.buf[o.len < o.cap ? o.len : o.cap - 1] = 0;
    return o.len;
}
