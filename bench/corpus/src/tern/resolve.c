/* Name resolution and static checks. Top-level names (functions, globals, arrays) live in one
 * hash table; locals live in a scope stack per function, with block scoping and shadowing of
 * globals. Every EX_NAME/EX_INDEX/EX_CALL and every assigning statement gets its storage and
 * slot here, so code generation never looks a name up again. */
#include "tern.h"

#define TOP_SLOTS 512 /* power of two, comfortably above functions + globals */

struct top_entry {
    struct tern_name name;
    enum tern_storage storage;
    uint32_t index; /* function index, or global index (for ST_GLOBAL and ST_ARRAY) */
    int used;
};

struct local {
    struct tern_name name;
    uint32_t slot;
    uint32_t depth;
};

struct resolver {
    struct tern_program *prog;
    struct tern_diag *diag;
    struct top_entry top[TOP_SLOTS];
    struct local locals[TERN_MAX_LOCALS];
    uint32_t nlocals_in_scope;
    uint32_t next_slot;   /* slots are never reused inside a function: simple and safe */
    uint32_t scope_depth;
    uint32_t loop_depth;
    struct tern_function *fn;
};

static uint32_t name_hash(struct tern_name n)
{
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < n.len; i++)
        h = (h ^ (uint8_t)n.text[i]) * 16777619u;
    return h;
}

static struct top_entry *top_find(struct resolver *r, struct tern_name n, int insert)
{
    uint32_t i = name_hash(n) & (TOP_SLOTS - 1u);
    for (;;) {
        struct top_entry *e = &r->top[i];
        if (!e->used)
            return insert ? e : NULL;
        if (tern_streq(e->name.text, e->name.len, n.text, n.len))
            return e;
        i = (i + 1u) & (TOP_SLOTS - 1u);
    }
}

static int declare_top(struct resolver *r, struct tern_name n, enum tern_storage st, uint32_t index,
                       uint32_t line, uint32_t column)
{
    struct top_entry *e = top_find(r, n, 1);
    if (e->used) {
        tern_error(r->diag, TERN_ERR_RESOLVE, line, column, "duplicate top-level name", n.text, n.len);
        return 0;
    }
    e->used = 1;
    e->name = n;
    e->storage = st;
    e->index = index;
    return 1;
}

static struct local *find_local(struct resolver *r, struct tern_name n)
{
    /* Innermost first, so an inner declaration shadows an outer one. */
    for (uint32_t i = r->nlocals_in_scope; i-- > 0;)
        if (tern_streq(r->locals[i].name.text, r->locals[i].name.len, n.text, n.len))
            return &r->locals[i];
    return NULL;
}

static int declare_local(struct resolver *r, struct tern_name n, uint32_t line, uint32_t column,
                         uint32_t *slot)
{
    for (uint32_t i = r->nlocals_in_scope; i-- > 0 && r->locals[i].depth == r->scope_depth;) {
        if (tern_streq(r->locals[i].name.text, r->locals[i].name.len, n.text, n.len)) {
            tern_error(r->diag, TERN_ERR_RESOLVE, line, column, "variable declared twice in one block",
                       n.text, n.len);
            return 0;
        }
    }
    if (r->nlocals_in_scope == TERN_MAX_LOCALS || r->next_slot == TERN_MAX_LOCALS) {
        tern_error(r->diag, TERN_ERR_LIMIT, line, column, "too many local variables in function",
                   r->fn->name.text, r->fn->name.len);
        return 0;
    }
    struct local *l = &r->locals[r->nlocals_in_scope++];
    l->name = n;
    l->slot = r->next_slot++;
    l->depth = r->scope_depth;
    *slot = l->slot;
    return 1;
}

static void leave_scope(struct resolver *r)
{
    while (r->nlocals_in_scope > 0 && r->locals[r->nlocals_in_scope - 1].depth == r->scope_depth)
        r->nlocals_in_scope--;
    r->scope_depth--;
}

/* Binds a name used as a value or an assignment target; wants says which storage fits. */
static int bind(struct resolver *r, struct tern_name n, uint32_t line, uint32_t column, int want_array,
                enum tern_storage *storage, uint32_t *slot)
{
    if (!want_array) {
        struct local *l = find_local(r, n);
        if (l != NULL) {
            *storage = ST_LOCAL;
            *slot = l->slot;
            return 1;
        }
    }
    struct top_entry *e = top_find(r, n, 0);
    if (e == NULL) {
        tern_error(r->diag, TERN_ERR_RESOLVE, line, column,
                   want_array ? "unknown array" : "unknown variable", n.text, n.len);
        return 0;
    }
    if (want_array && e->storage != ST_ARRAY) {
        tern_error(r->diag, TERN_ERR_RESOLVE, line, column, "indexing something that is not an array",
                   n.text, n.len);
        return 0;
    }
    if (!want_array && e->storage != ST_GLOBAL) {
        tern_error(r->diag, TERN_ERR_RESOLVE, line, column,
                   e->storage == ST_ARRAY ? "array used without an index" : "function used as a value",
                   n.text, n.len);
        return 0;
    }
    *storage = e->storage;
    *slot = e->index;
    return 1;
}

static int resolve_expr(struct resolver *r, struct tern_expr *e)
{
    switch (e->kind) {
    case EX_NUMBER:
        return 1;
    case EX_NAME:
        return bind(r, e->name, e->line, e->column, 0, &e->storage, &e->slot);
    case EX_INDEX:
        return bind(r, e->name, e->line, e->column, 1, &e->storage, &e->slot) && resolve_expr(r, e->a);
    case EX_CALL: {
        struct top_entry *t = top_find(r, e->name, 0);
        if (t == NULL || t->storage != ST_FUNCTION) {
            tern_error(r->diag, TERN_ERR_RESOLVE, e->line, e->column,
                       t == NULL ? "call to unknown function" : "calling something that is not a function",
                       e->name.text, e->name.len);
            return 0;
        }
        struct tern_function *callee = r->prog->functions[t->index];
        if (callee->nparams != e->nargs) {
            tern_error(r->diag, TERN_ERR_RESOLVE, e->line, e->column, "wrong number of arguments to",
                       e->name.text, e->name.len);
            return 0;
        }
        e->storage = ST_FUNCTION;
        e->slot = t->index;
        for (uint32_t i = 0; i < e->nargs; i++)
            if (!resolve_expr(r, e->args[i]))
                return 0;
        return 1;
    }
    case EX_UNARY:
        return resolve_expr(r, e->a);
    case EX_BINARY:
        return resolve_expr(r, e->a) && resolve_expr(r, e->b);
    }
    return 0;
}

static int resolve_stmt(struct resolver *r, struct tern_stmt *s);

static int resolve_block(struct resolver *r, struct tern_stmt *b)
{
    r->scope_depth++;
    for (uint32_t i = 0; i < b->nstmts; i++) {
        if (!resolve_stmt(r, b->stmts[i])) {
            leave_scope(r);
            return 0;
        }
    }
    leave_scope(r);
    return 1;
}

static int resolve_body(struct resolver *r, struct tern_stmt *s)
{
    return s->kind == SK_BLOCK ? resolve_block(r, s) : resolve_stmt(r, s);
}

static int resolve_stmt(struct resolver *r, struct tern_stmt *s)
{
    switch (s->kind) {
    case SK_VAR:
        /* The initializer is resolved first: `var x = x;` reads an outer x. */
        if (s->value != NULL && !resolve_expr(r, s->value))
            return 0;
        s->storage = ST_LOCAL;
        return declare_local(r, s->name, s->line, s->column, &s->slot);
    case SK_ASSIGN:
        return resolve_expr(r, s->value) && bind(r, s->name, s->line, s->column, 0, &s->storage, &s->slot);
    case SK_STORE:
        return resolve_expr(r, s->cond) && resolve_expr(r, s->value) &&
               bind(r, s->name, s->line, s->column, 1, &s->storage, &s->slot);
    case SK_IF:
        return resolve_expr(r, s->cond) && resolve_body(r, s->body) &&
               (s->otherwise == NULL || resolve_body(r, s->otherwise));
    case SK_WHILE: {
        if (!resolve_expr(r, s->cond))
            return 0;
        r->loop_depth++;
        int ok = resolve_body(r, s->body);
        r->loop_depth--;
        return ok;
    }
    case SK_FOR: {
        /* The loop variable is a fresh local in its own scope unless one is already visible. */
        if (!resolve_expr(r, s->value))
            return 0;
        r->scope_depth++;
        struct local *existing = find_local(r, s->name);
        int ok;
        if (existing != NULL) {
            s->storage = ST_LOCAL;
            s->slot = existing->slot;
            ok = 1;
        } else {
            s->storage = ST_LOCAL;
            ok = declare_local(r, s->name, s->line, s->column, &s->slot);
        }
        if (ok)
            ok = resolve_expr(r, s->cond) && resolve_expr(r, s->step);
        if (ok) {
            r->loop_depth++;
            ok = resolve_body(r, s->body);
            r->loop_depth--;
        }
        leave_scope(r);
        return ok;
    }
    case SK_RETURN:
        return s->value == NULL || resolve_expr(r, s->value);
    case SK_BREAK:
    case SK_CONTINUE:
        if (r->loop_depth == 0) {
            tern_error(r->diag, TERN_ERR_RESOLVE, s->line, s->column,
                       s->kind == SK_BREAK ? "'break' outside a loop" : "'continue' outside a loop", NULL, 0);
            return 0;
        }
        return 1;
    case SK_PRINT:
    case SK_EXPR:
        return resolve_expr(r, s->value);
    case SK_BLOCK:
        return resolve_block(r, s);
    }
    return 0;
}

int tern_resolve(struct tern_program *prog, struct tern_diag *diag)
{
    struct resolver *r = tern_alloc(sizeof *r);
    if (r == NULL) {
        tern_error(diag, TERN_ERR_LIMIT, 0, 0, "out of compiler memory", NULL, 0);
        return 0;
    }
    r->prog = prog;
    r->diag = diag;
    uint32_t array_words = 0;
    for (uint32_t i = 0; i < prog->nglobals; i++) {
        struct tern_global *g = prog->globals[i];
        if (!declare_top(r, g->name, g->is_array ? ST_ARRAY : ST_GLOBAL, i, g->line, g->column))
            return 0;
        if (g->is_array) {
            g->base = array_words;
            array_words += g->size;
            if (array_words > TERN_ARRAY_WORDS) {
                tern_error(diag, TERN_ERR_LIMIT, g->line, g->column, "arrays exceed 1M words at",
                           g->name.text, g->name.len);
                return 0;
            }
        }
    }
    prog->array_words = array_words;
    for (uint32_t i = 0; i < prog->nfunctions; i++) {
        struct tern_function *f = prog->functions[i];
        if (!declare_top(r, f->name, ST_FUNCTION, i, f->line, f->column))
            return 0;
    }
    for (uint32_t i = 0; i < prog->nfunctions; i++) {
        struct tern_function *f = prog->functions[i];
        r->fn = f;
        r->nlocals_in_scope = 0;
        r->next_slot = 0;
        r->scope_depth = 1;
        r->loop_depth = 0;
        for (uint32_t k = 0; k < f->nparams; k++) {
            uint32_t slot;
            if (!declare_local(r, f->params[k], f->line, f->column, &slot))
                return 0;
        }
        if (!resolve_block(r, f->body))
            return 0;
        f->nlocals = r->next_slot;
    }
    return 1;
}
