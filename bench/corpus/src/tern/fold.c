/* Constant folding and algebraic simplification on the resolved AST. Folding follows the VM's
 * semantics exactly (64-bit wrapping arithmetic, arithmetic right shift, shift counts mod 64,
 * INT64_MIN / -1 == INT64_MIN), and never folds what would trap at run time (x / 0), so the
 * optimizer cannot change a program's observable behaviour. */
#include "tern.h"

/* Evaluates a binary operator on constants; returns 0 when the operation would trap. */
static int eval_binop(int op, int64_t x, int64_t y, int64_t *out)
{
    uint64_t ux = (uint64_t)x, uy = (uint64_t)y;
    switch (op) {
    case OP_OROR: *out = x != 0 || y != 0; return 1;
    case OP_ANDAND: *out = x != 0 && y != 0; return 1;
    case OP_OR: *out = (int64_t)(ux | uy); return 1;
    case OP_XOR: *out = (int64_t)(ux ^ uy); return 1;
    case OP_AND: *out = (int64_t)(ux & uy); return 1;
    case OP_EQ: *out = x == y; return 1;
    case OP_NE: *out = x != y; return 1;
    case OP_LT: *out = x < y; return 1;
    case OP_LE: *out = x <= y; return 1;
    case OP_GT: *out = x > y; return 1;
    case OP_GE: *out = x >= y; return 1;
    case OP_SHL: *out = (int64_t)(ux << (uy & 63u)); return 1;
    case OP_SHR: *out = x >> (uy & 63u); return 1;
    case OP_ADD: *out = (int64_t)(ux + uy); return 1;
    case OP_SUB: *out = (int64_t)(ux - uy); return 1;
    case OP_MUL: *out = (int64_t)(ux * uy); return 1;
    case OP_DIV:
        if (y == 0)
            return 0;
        *out = (x == INT64_MIN && y == -1) ? INT64_MIN : x / y;
        return 1;
    case OP_MOD:
        if (y == 0)
            return 0;
        *out = (x == INT64_MIN && y == -1) ? 0 : x % y;
        return 1;
    }
    return 0;
}

static int64_t eval_unop(int op, int64_t x)
{
    switch (op) {
    case UOP_NEG: return (int64_t)(0u - (uint64_t)x);
    case UOP_NOT: return x == 0;
    default: return (int64_t)~(uint64_t)x;
    }
}

/* True when evaluating e cannot call a function, trap, or read memory that a call could
 * change: only then may a simplification drop it (x * 0 -> 0). */
static int is_pure(const struct tern_expr *e)
{
    switch (e->kind) {
    case EX_NUMBER:
    case EX_NAME:
        return 1;
    case EX_UNARY:
        return is_pure(e->a);
    case EX_BINARY:
        return e->op != OP_DIV && e->op != OP_MOD && is_pure(e->a) && is_pure(e->b);
    default:
        return 0; /* calls have effects; indexing can trap */
    }
}

static int is_const(const struct tern_expr *e, int64_t v)
{
    return e->kind == EX_NUMBER && e->value == v;
}

static void become_number(struct tern_expr *e, int64_t v)
{
    e->kind = EX_NUMBER;
    e->value = v;
    e->a = e->b = NULL;
}

/* Replaces e by its child c in place (the parent keeps its pointer to e). */
static void become(struct tern_expr *e, const struct tern_expr *c)
{
    tern_copy(e, c, sizeof *e);
}

static uint32_t fold_expr(struct tern_expr *e)
{
    uint32_t n = 0;
    switch (e->kind) {
    case EX_NUMBER:
    case EX_NAME:
        return 0;
    case EX_INDEX:
        return fold_expr(e->a);
    case EX_CALL:
        for (uint32_t i = 0; i < e->nargs; i++)
            n += fold_expr(e->args[i]);
        return n;
    case EX_UNARY:
        n = fold_expr(e->a);
        if (e->a->kind == EX_NUMBER) {
            become_number(e, eval_unop(e->op, e->a->value));
            return n + 1;
        }
        /* --x and ~~x are x; !!x is not (it normalizes to 0/1). */
        if (e->a->kind == EX_UNARY && e->a->op == e->op && e->op != UOP_NOT) {
            become(e, e->a->a);
            return n + 1;
        }
        return n;
    case EX_BINARY:
        break;
    }
    n = fold_expr(e->a) + fold_expr(e->b);
    struct tern_expr *a = e->a, *b = e->b;
    int64_t v;
    if (a->kind == EX_NUMBER && b->kind == EX_NUMBER && eval_binop(e->op, a->value, b->value, &v)) {
        become_number(e, v);
        return n + 1;
    }
    /* Short-circuit operators with a constant left side decide without the right side, or
     * reduce to a truth test of it. */
    if ((e->op == OP_ANDAND || e->op == OP_OROR) && a->kind == EX_NUMBER) {
        int left_true = a->value != 0;
        if (e->op == OP_ANDAND ? !left_true : left_true) {
            become_number(e, left_true);
            return n + 1;
        }
        /* true && b, false || b  ->  b != 0 */
        e->op = OP_NE;
        become_number(a, 0);
        e->a = b;
        e->b = a;
        return n + 1;
    }
    switch (e->op) {
    case OP_ADD:
    case OP_OR:
    case OP_XOR:
        if (is_const(b, 0)) { become(e, a); return n + 1; }
        if (is_const(a, 0)) { become(e, b); return n + 1; }
        break;
    case OP_SUB:
    case OP_SHL:
    case OP_SHR:
        if (is_const(b, 0)) { become(e, a); return n + 1; }
        break;
    case OP_MUL:
        if (is_const(b, 1)) { become(e, a); return n + 1; }
        if (is_const(a, 1)) { become(e, b); return n + 1; }
        if ((is_const(b, 0) && is_pure(a)) || (is_const(a, 0) && is_pure(b))) {
            become_number(e, 0);
            return n + 1;
        }
        /* x * 2^k -> x << k: the VM's shift is cheaper than its multiply. */
        if (b->kind == EX_NUMBER && b->value > 1 && (b->value & (b->value - 1)) == 0) {
            int64_t k = 0;
            while (((int64_t)1 << k) != b->value)
                k++;
            e->op = OP_SHL;
            b->value = k;
            return n + 1;
        }
        break;
    case OP_DIV:
        if (is_const(b, 1)) { become(e, a); return n + 1; }
        break;
    case OP_AND:
        if (is_const(b, 0) && is_pure(a)) { become_number(e, 0); return n + 1; }
        if (is_const(b, -1)) { become(e, a); return n + 1; }
        break;
    default:
        break;
    }
    /* x - x, x ^ x for the same plain variable: 0. */
    if ((e->op == OP_SUB || e->op == OP_XOR) && a->kind == EX_NAME && b->kind == EX_NAME &&
        a->storage == b->storage && a->slot == b->slot) {
        become_number(e, 0);
        return n + 1;
    }
    return n;
}

static struct tern_stmt empty_block = {.kind = SK_BLOCK};

static uint32_t fold_stmt(struct tern_stmt **sp)
{
    struct tern_stmt *s = *sp;
    uint32_t n = 0;
    switch (s->kind) {
    case SK_VAR:
    case SK_RETURN:
        return s->value != NULL ? fold_expr(s->value) : 0;
    case SK_ASSIGN:
    case SK_PRINT:
    case SK_EXPR:
        return fold_expr(s->value);
    case SK_STORE:
        return fold_expr(s->cond) + fold_expr(s->value);
    case SK_IF:
        n = fold_expr(s->cond) + fold_stmt(&s->body);
        if (s->otherwise != NULL)
            n += fold_stmt(&s->otherwise);
        if (s->cond->kind == EX_NUMBER) {
            /* A decided branch replaces the if. Locals declared in it keep their slots (the
             * resolver assigned them), so dropping the other branch is safe. */
            *sp = s->cond->value != 0 ? s->body : (s->otherwise != NULL ? s->otherwise : &empty_block);
            return n + 1;
        }
        return n;
    case SK_WHILE:
        n = fold_expr(s->cond) + fold_stmt(&s->body);
        if (is_const(s->cond, 0)) {
            *sp = &empty_block;
            return n + 1;
        }
        return n;
    case SK_FOR:
        return fold_expr(s->value) + fold_expr(s->cond) + fold_expr(s->step) + fold_stmt(&s->body);
    case SK_BREAK:
    case SK_CONTINUE:
        return 0;
    case SK_BLOCK:
        for (uint32_t i = 0; i < s->nstmts; i++)
            n += fold_stmt(&s->stmts[i]);
        return n;
    }
    return n;
}

uint32_t tern_fold(struct tern_program *prog)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < prog->nfunctions; i++)
        n += fold_stmt(&prog->functions[i]->body);
    return n;
}
