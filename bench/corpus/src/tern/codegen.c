/* Code generation from the resolved AST to stack bytecode. Jumps are emitted against label
 * numbers and patched to instruction indices at the end, so forward branches need no
 * backpatching lists. Conditions compile to branches directly (no 0/1 value is materialized
 * for `if (a < b && c)`), and loops are rotated so each iteration runs one conditional branch. */
#include "tern.h"

#define MAX_LOOP_NESTING 64

struct loop_labels {
    uint32_t break_label, continue_label;
};

struct gen {
    struct tern_program *prog;
    struct tern_code *code;
    struct tern_diag *diag;
    int32_t *label_pos;
    uint32_t nlabels, label_capacity;
    struct loop_labels loops[MAX_LOOP_NESTING];
    uint32_t nloops;
};

static int is_jump(int op)
{
    return op == BC_JMP || op == BC_JZ || op == BC_JNZ || (op >= BC_JLT && op <= BC_JNE);
}

uint32_t tern_emit(struct tern_code *code, int32_t op, int32_t a, int32_t b, uint32_t line)
{
    if (code->count == code->capacity) {
        uint32_t cap = code->capacity ? code->capacity * 2u : 256u;
        struct tern_insn *insns = tern_alloc(cap * sizeof *insns);
        if (insns == NULL)
            return code->count; /* arena overflow is reported by the driver */
        if (code->count)
            tern_copy(insns, code->insns, code->count * sizeof *insns);
        code->insns = insns;
        code->capacity = cap;
    }
    struct tern_insn *i = &code->insns[code->count];
    i->op = (uint8_t)op;
    i->is_target = 0;
    i->dead = 0;
    i->a = a;
    i->b = b;
    i->line = line;
    return code->count++;
}

static uint32_t add_const(struct tern_code *code, int64_t v)
{
    for (uint32_t i = 0; i < code->nconsts; i++)
        if (code->consts[i] == v)
            return i;
    if (code->nconsts == code->const_capacity) {
        uint32_t cap = code->const_capacity ? code->const_capacity * 2u : 16u;
        int64_t *consts = tern_alloc(cap * sizeof *consts);
        if (consts == NULL)
            return 0;
        if (code->nconsts)
            tern_copy(consts, code->consts, code->nconsts * sizeof *consts);
        code->consts = consts;
        code->const_capacity = cap;
    }
    code->consts[code->nconsts] = v;
    return code->nconsts++;
}

static uint32_t new_label(struct gen *g)
{
    if (g->nlabels == g->label_capacity) {
        uint32_t cap = g->label_capacity ? g->label_capacity * 2u : 64u;
        int32_t *pos = tern_alloc(cap * sizeof *pos);
        if (pos == NULL)
            return 0;
        if (g->nlabels)
            tern_copy(pos, g->label_pos, g->nlabels * sizeof *pos);
        g->label_pos = pos;
        g->label_capacity = cap;
    }
    g->label_pos[g->nlabels] = -1;
    return g->nlabels++;
}

static void place_label(struct gen *g, uint32_t label)
{
    g->label_pos[label] = (int32_t)g->code->count;
}

static void emit(struct gen *g, int op, int32_t a, int32_t b, uint32_t line)
{
    tern_emit(g->code, op, a, b, line);
}

static void gen_push(struct gen *g, int64_t v, uint32_t line)
{
    if (v >= INT32_MIN && v <= INT32_MAX)
        emit(g, BC_PUSHI, (int32_t)v, 0, line);
    else
        emit(g, BC_PUSH, (int32_t)add_const(g->code, v), 0, line);
}

static void gen_expr(struct gen *g, const struct tern_expr *e);

/* Emits code that jumps to label when the truth of e equals when_true, else falls through. */
static void gen_branch(struct gen *g, const struct tern_expr *e, uint32_t label, int when_true)
{
    if (e->kind == EX_BINARY && (e->op == OP_ANDAND || e->op == OP_OROR)) {
        /* a && b is true iff both are; a || b is false iff both are. */
        int all_must_match = (e->op == OP_ANDAND) == when_true;
        if (all_must_match) {
            uint32_t skip = new_label(g);
            gen_branch(g, e->a, skip, !when_true);
            gen_branch(g, e->b, label, when_true);
            place_label(g, skip);
        } else {
            gen_branch(g, e->a, label, when_true);
            gen_branch(g, e->b, label, when_true);
        }
        return;
    }
    if (e->kind == EX_UNARY && e->op == UOP_NOT) {
        gen_branch(g, e->a, label, !when_true);
        return;
    }
    if (e->kind == EX_NUMBER) {
        if ((e->value != 0) == when_true)
            emit(g, BC_JMP, (int32_t)label, 0, e->line);
        return;
    }
    gen_expr(g, e);
    emit(g, when_true ? BC_JNZ : BC_JZ, (int32_t)label, 0, e->line);
}

static const uint8_t binop_opcode[] = {
    [OP_OR] = BC_OR,   [OP_XOR] = BC_XOR, [OP_AND] = BC_AND, [OP_EQ] = BC_EQ,   [OP_NE] = BC_NE,
    [OP_LT] = BC_LT,   [OP_LE] = BC_LE,   [OP_GT] = BC_GT,   [OP_GE] = BC_GE,   [OP_SHL] = BC_SHL,
    [OP_SHR] = BC_SHR, [OP_ADD] = BC_ADD, [OP_SUB] = BC_SUB, [OP_MUL] = BC_MUL, [OP_DIV] = BC_DIV,
    [OP_MOD] = BC_MOD,
};

static void gen_expr(struct gen *g, const struct tern_expr *e)
{
    switch (e->kind) {
    case EX_NUMBER:
        gen_push(g, e->value, e->line);
        return;
    case EX_NAME:
        emit(g, e->storage == ST_LOCAL ? BC_LOADL : BC_LOADG, (int32_t)e->slot, 0, e->line);
        return;
    case EX_INDEX:
        gen_expr(g, e->a);
        emit(g, BC_ALOAD, (int32_t)e->slot, 0, e->line);
        return;
    case EX_CALL:
        for (uint32_t i = 0; i < e->nargs; i++)
            gen_expr(g, e->args[i]);
        emit(g, BC_CALL, (int32_t)e->slot, (int32_t)e->nargs, e->line);
        return;
    case EX_UNARY:
        gen_expr(g, e->a);
        emit(g, e->op == UOP_NEG ? BC_NEG : e->op == UOP_NOT ? BC_NOT : BC_BNOT, 0, 0, e->line);
        return;
    case EX_BINARY:
        if (e->op == OP_ANDAND || e->op == OP_OROR) {
            /* Materialize 0/1 through branches: false path pushes 0, true path pushes 1. */
            uint32_t is_true = new_label(g), done = new_label(g);
            gen_branch(g, e, is_true, 1);
            emit(g, BC_PUSHI, 0, 0, e->line);
            emit(g, BC_JMP, (int32_t)done, 0, e->line);
            place_label(g, is_true);
            emit(g, BC_PUSHI, 1, 0, e->line);
            place_label(g, done);
            return;
        }
        gen_expr(g, e->a);
        gen_expr(g, e->b);
        emit(g, binop_opcode[e->op], 0, 0, e->line);
        return;
    }
}

static void gen_store(struct gen *g, enum tern_storage storage, uint32_t slot, uint32_t line)
{
    emit(g, storage == ST_LOCAL ? BC_STOREL : BC_STOREG, (int32_t)slot, 0, line);
}

static int gen_stmt(struct gen *g, const struct tern_stmt *s);

static int gen_loop_body(struct gen *g, const struct tern_stmt *body, uint32_t brk, uint32_t cont)
{
    if (g->nloops == MAX_LOOP_NESTING) {
        tern_error(g->diag, TERN_ERR_LIMIT, body->line, body->column, "loops nested too deeply", NULL, 0);
        return 0;
    }
    g->loops[g->nloops].break_label = brk;
    g->loops[g->nloops].continue_label = cont;
    g->nloops++;
    int ok = gen_stmt(g, body);
    g->nloops--;
    return ok;
}

static int gen_stmt(struct gen *g, const struct tern_stmt *s)
{
    switch (s->kind) {
    case SK_VAR:
        if (s->value != NULL)
            gen_expr(g, s->value);
        else
            emit(g, BC_PUSHI, 0, 0, s->line);
        gen_store(g, ST_LOCAL, s->slot, s->line);
        return 1;
    case SK_ASSIGN:
        gen_expr(g, s->value);
        gen_store(g, s->storage, s->slot, s->line);
        return 1;
    case SK_STORE:
        gen_expr(g, s->cond);
        gen_expr(g, s->value);
        emit(g, BC_ASTORE, (int32_t)s->slot, 0, s->line);
        return 1;
    case SK_IF: {
        uint32_t otherwise = new_label(g);
        gen_branch(g, s->cond, otherwise, 0);
        if (!gen_stmt(g, s->body))
            return 0;
        if (s->otherwise != NULL) {
            uint32_t done = new_label(g);
            emit(g, BC_JMP, (int32_t)done, 0, s->line);
            place_label(g, otherwise);
            if (!gen_stmt(g, s->otherwise))
                return 0;
            place_label(g, done);
        } else {
            place_label(g, otherwise);
        }
        return 1;
    }
    case SK_WHILE: {
        /* jmp cond; body: ...; cond: if (c) goto body; end: */
        uint32_t body = new_label(g), cond = new_label(g), end = new_label(g);
        emit(g, BC_JMP, (int32_t)cond, 0, s->line);
        place_label(g, body);
        if (!gen_loop_body(g, s->body, end, cond))
            return 0;
        place_label(g, cond);
        gen_branch(g, s->cond, body, 1);
        place_label(g, end);
        return 1;
    }
    case SK_FOR: {
        uint32_t body = new_label(g), step = new_label(g), cond = new_label(g), end = new_label(g);
        gen_expr(g, s->value);
        gen_store(g, s->storage, s->slot, s->line);
        emit(g, BC_JMP, (int32_t)cond, 0, s->line);
        place_label(g, body);
        if (!gen_loop_body(g, s->body, end, step))
            return 0;
        place_label(g, step);
        gen_expr(g, s->step);
        gen_store(g, s->storage, s->slot, s->line);
        place_label(g, cond);
        gen_branch(g, s->cond, body, 1);
        place_label(g, end);
        return 1;
    }
    case SK_RETURN:
        if (s->value != NULL)
            gen_expr(g, s->value);
        else
            emit(g, BC_PUSHI, 0, 0, s->line);
        emit(g, BC_RET, 0, 0, s->line);
        return 1;
    case SK_BREAK:
        emit(g, BC_JMP, (int32_t)g->loops[g->nloops - 1].break_label, 0, s->line);
        return 1;
    case SK_CONTINUE:
        emit(g, BC_JMP, (int32_t)g->loops[g->nloops - 1].continue_label, 0, s->line);
        return 1;
    case SK_PRINT:
        gen_expr(g, s->value);
        emit(g, BC_PRINT, 0, 0, s->line);
        return 1;
    case SK_EXPR:
        gen_expr(g, s->value);
        emit(g, BC_POP, 0, 0, s->line);
        return 1;
    case SK_BLOCK:
        for (uint32_t i = 0; i < s->nstmts; i++)
            if (!gen_stmt(g, s->stmts[i]))
                return 0;
        return 1;
    }
    return 0;
}

int tern_codegen(struct tern_program *prog, struct tern_code *code, struct tern_diag *diag)
{
    struct gen g;
    tern_zero(&g, sizeof g);
    g.prog = prog;
    g.code = code;
    g.diag = diag;
    tern_zero(code, sizeof *code);
    for (uint32_t i = 0; i < prog->nfunctions; i++) {
        struct tern_function *f = prog->functions[i];
        f->code_start = code->count;
        if (!gen_stmt(&g, f->body))
            return 0;
        /* Falling off the end returns 0. */
        emit(&g, BC_PUSHI, 0, 0, f->line);
        emit(&g, BC_RET, 0, 0, f->line);
    }
    for (uint32_t i = 0; i < code->count; i++) {
        struct tern_insn *in = &code->insns[i];
        if (is_jump(in->op)) {
            int32_t target = g.label_pos[in->a];
            if (target < 0) {
                tern_error(diag, TERN_ERR_LIMIT, in->line, 0, "internal error: unplaced label", NULL, 0);
                return 0;
            }
            in->a = target;
        }
    }
    return diag->kind == TERN_OK;
}
