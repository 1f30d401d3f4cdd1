/* Recursive-descent parser from tokens to the AST. Binary operators use precedence climbing
 * over one table; statements are parsed by their first token. On the first syntax error the
 * parser records it and unwinds by returning NULL from every level. */
#include "tern.h"

struct parser {
    struct tern_lexer lx;
    struct tern_token tok;  /* current token */
    struct tern_diag *diag;
    uint32_t depth;         /* nesting guard: a hostile input cannot overflow the C stack */
};

#define MAX_NESTING 200

static void advance(struct parser *p)
{
    p->tok = tern_lex(&p->lx);
}

static int failed(const struct parser *p)
{
    return p->diag->kind != TERN_OK;
}

static void syntax_error(struct parser *p, const char *what)
{
    tern_error(p->diag, TERN_ERR_PARSE, p->tok.line, p->tok.column, what, p->lx.src + p->tok.start,
               p->tok.len);
}

static int expect(struct parser *p, enum tern_token_kind kind, const char *what)
{
    if (p->tok.kind != kind) {
        syntax_error(p, what);
        return 0;
    }
    advance(p);
    return 1;
}

static struct tern_name token_name(const struct parser *p)
{
    struct tern_name n;
    n.text = p->lx.src + p->tok.start;
    n.len = p->tok.len;
    return n;
}

/* A growable array of pointers in the arena (old blocks are abandoned: the arena never frees). */
struct vec {
    void **items;
    uint32_t count, capacity;
};

static void vec_push(struct vec *v, void *item)
{
    if (v->count == v->capacity) {
        uint32_t cap = v->capacity ? v->capacity * 2u : 4u;
        void **items = tern_alloc(cap * sizeof(void *));
        if (items == NULL)
            return;
        if (v->count)
            tern_copy(items, v->items, v->count * sizeof(void *));
        v->items = items;
        v->capacity = cap;
    }
    v->items[v->count++] = item;
}

static struct tern_expr *new_expr(const struct parser *p, enum tern_expr_kind kind)
{
    struct tern_expr *e = tern_alloc(sizeof *e);
    if (e == NULL)
        return NULL;
    e->kind = kind;
    e->line = p->tok.line;
    e->column = p->tok.column;
    return e;
}

static struct tern_stmt *new_stmt(const struct parser *p, enum tern_stmt_kind kind)
{
    struct tern_stmt *s = tern_alloc(sizeof *s);
    if (s == NULL)
        return NULL;
    s->kind = kind;
    s->line = p->tok.line;
    s->column = p->tok.column;
    return s;
}

static struct tern_expr *parse_expr(struct parser *p);

/* Binding power of each binary operator token, 0 for tokens that are not binary operators. */
static int binary_precedence(enum tern_token_kind kind)
{
    switch (kind) {
    case TK_OROR: return 1;
    case TK_ANDAND: return 2;
    case TK_PIPE: return 3;
    case TK_CARET: return 4;
    case TK_AMP: return 5;
    case TK_EQ: case TK_NE: return 6;
    case TK_LT: case TK_LE: case TK_GT: case TK_GE: return 7;
    case TK_SHL: case TK_SHR: return 8;
    case TK_PLUS: case TK_MINUS: return 9;
    case TK_STAR: case TK_SLASH: case TK_PERCENT: return 10;
    default: return 0;
    }
}

static int binop_of(enum tern_token_kind kind)
{
    /* The token enum lists the binary operators in enum tern_binop order. */
    return (int)kind - (int)TK_OROR;
}

static struct tern_expr *parse_call_args(struct parser *p, struct tern_expr *call)
{
    struct vec args = {0};
    advance(p); /* ( */
    if (p->tok.kind != TK_RPAREN) {
        for (;;) {
            struct tern_expr *a = parse_expr(p);
            if (a == NULL)
                return NULL;
            vec_push(&args, a);
            if (p->tok.kind != TK_COMMA)
                break;
            advance(p);
        }
    }
    if (!expect(p, TK_RPAREN, "expected ')' after arguments, found"))
        return NULL;
    call->args = (struct tern_expr **)args.items;
    call->nargs = args.count;
    return call;
}

static struct tern_expr *parse_primary(struct parser *p)
{
    struct tern_expr *e;
    switch (p->tok.kind) {
    case TK_NUMBER:
        e = new_expr(p, EX_NUMBER);
        e->value = p->tok.value;
        advance(p);
        return e;
    case TK_NAME:
        e = new_expr(p, EX_NAME);
        e->name = token_name(p);
        advance(p);
        if (p->tok.kind == TK_LPAREN) {
            e->kind = EX_CALL;
            return parse_call_args(p, e);
        }
        if (p->tok.kind == TK_LBRACKET) {
            advance(p);
            e->kind = EX_INDEX;
            e->a = parse_expr(p);
            if (e->a == NULL || !expect(p, TK_RBRACKET, "expected ']' after index, found"))
                return NULL;
        }
        return e;
    case TK_LPAREN:
        advance(p);
        e = parse_expr(p);
        if (e == NULL || !expect(p, TK_RPAREN, "expected ')', found"))
            return NULL;
        return e;
    default:
        syntax_error(p, "expected an expression, found");
        return NULL;
    }
}

static struct tern_expr *parse_unary(struct parser *p)
{
    if (p->tok.kind == TK_MINUS || p->tok.kind == TK_BANG || p->tok.kind == TK_TILDE) {
        if (++p->depth > MAX_NESTING) {
            syntax_error(p, "expression nested too deeply at");
            return NULL;
        }
        struct tern_expr *e = new_expr(p, EX_UNARY);
        e->op = p->tok.kind == TK_MINUS ? UOP_NEG : p->tok.kind == TK_BANG ? UOP_NOT : UOP_BNOT;
        advance(p);
        e->a = parse_unary(p);
        p->depth--;
        return e->a == NULL ? NULL : e;
    }
    return parse_primary(p);
}

/* Precedence climbing: parses operators binding tighter than min_prec, left-associative. */
static struct tern_expr *parse_binary(struct parser *p, int min_prec)
{
    if (++p->depth > MAX_NESTING) {
        syntax_error(p, "expression nested too deeply at");
        return NULL;
    }
    struct tern_expr *left = parse_unary(p);
    while (left != NULL) {
        int prec = binary_precedence(p->tok.kind);
        if (prec == 0 || prec <= min_prec)
            break;
        struct tern_expr *e = new_expr(p, EX_BINARY);
        e->op = binop_of(p->tok.kind);
        advance(p);
        e->a = left;
        e->b = parse_binary(p, prec);
        left = e->b == NULL ? NULL : e;
    }
    p->depth--;
    return left;
}

static struct tern_expr *parse_expr(struct parser *p)
{
    return parse_binary(p, 0);
}

static struct tern_stmt *parse_stmt(struct parser *p);

static struct tern_stmt *parse_block(struct parser *p)
{
    struct tern_stmt *b = new_stmt(p, SK_BLOCK);
    if (!expect(p, TK_LBRACE, "expected '{', found"))
        return NULL;
    if (++p->depth > MAX_NESTING) {
        syntax_error(p, "blocks nested too deeply at");
        return NULL;
    }
    struct vec stmts = {0};
    while (p->tok.kind != TK_RBRACE) {
        if (p->tok.kind == TK_EOF) {
            syntax_error(p, "expected '}' before");
            return NULL;
        }
        struct tern_stmt *s = parse_stmt(p);
        if (s == NULL)
            return NULL;
        vec_push(&stmts, s);
    }
    advance(p);
    p->depth--;
    b->stmts = (struct tern_stmt **)stmts.items;
    b->nstmts = stmts.count;
    return b;
}

static struct tern_stmt *parse_if(struct parser *p)
{
    struct tern_stmt *s = new_stmt(p, SK_IF);
    advance(p);
    if (!expect(p, TK_LPAREN, "expected '(' after 'if', found"))
        return NULL;
    s->cond = parse_expr(p);
    if (s->cond == NULL || !expect(p, TK_RPAREN, "expected ')' after condition, found"))
        return NULL;
    s->body = parse_block(p);
    if (s->body == NULL)
        return NULL;
    if (p->tok.kind == TK_ELSE) {
        advance(p);
        s->otherwise = p->tok.kind == TK_IF ? parse_if(p) : parse_block(p);
        if (s->otherwise == NULL)
            return NULL;
    }
    return s;
}

static struct tern_stmt *parse_while(struct parser *p)
{
    struct tern_stmt *s = new_stmt(p, SK_WHILE);
    advance(p);
    if (!expect(p, TK_LPAREN, "expected '(' after 'while', found"))
        return NULL;
    s->cond = parse_expr(p);
    if (s->cond == NULL || !expect(p, TK_RPAREN, "expected ')' after condition, found"))
        return NULL;
    s->body = parse_block(p);
    return s->body == NULL ? NULL : s;
}

/* for (i = init; cond; i = step) { ... } : the loop variable must be the same name twice. */
static struct tern_stmt *parse_for(struct parser *p)
{
    struct tern_stmt *s = new_stmt(p, SK_FOR);
    advance(p);
    if (!expect(p, TK_LPAREN, "expected '(' after 'for', found"))
        return NULL;
    if (p->tok.kind != TK_NAME) {
        syntax_error(p, "expected the loop variable, found");
        return NULL;
    }
    s->name = token_name(p);
    advance(p);
    if (!expect(p, TK_ASSIGN, "expected '=' after the loop variable, found"))
        return NULL;
    s->value = parse_expr(p);
    if (s->value == NULL || !expect(p, TK_SEMI, "expected ';' after the initial value, found"))
        return NULL;
    s->cond = parse_expr(p);
    if (s->cond == NULL || !expect(p, TK_SEMI, "expected ';' after the loop condition, found"))
        return NULL;
    if (p->tok.kind != TK_NAME || !tern_streq(p->lx.src + p->tok.start, p->tok.len, s->name.text, s->name.len)) {
        syntax_error(p, "the step must assign the loop variable, found");
        return NULL;
    }
    advance(p);
    if (!expect(p, TK_ASSIGN, "expected '=' in the loop step, found"))
        return NULL;
    s->step = parse_expr(p);
    if (s->step == NULL || !expect(p, TK_RPAREN, "expected ')' after the loop step, found"))
        return NULL;
    s->body = parse_block(p);
    return s->body == NULL ? NULL : s;
}

static struct tern_stmt *parse_stmt(struct parser *p)
{
    struct tern_stmt *s;
    switch (p->tok.kind) {
    case TK_LBRACE:
        return parse_block(p);
    case TK_IF:
        return parse_if(p);
    case TK_WHILE:
        return parse_while(p);
    case TK_FOR:
        return parse_for(p);
    case TK_VAR:
        s = new_stmt(p, SK_VAR);
        advance(p);
        if (p->tok.kind != TK_NAME) {
            syntax_error(p, "expected a variable name, found");
            return NULL;
        }
        s->name = token_name(p);
        advance(p);
        if (p->tok.kind == TK_ASSIGN) {
            advance(p);
            s->value = parse_expr(p);
            if (s->value == NULL)
                return NULL;
        }
        return expect(p, TK_SEMI, "expected ';' after the declaration, found") ? s : NULL;
    case TK_RETURN:
        s = new_stmt(p, SK_RETURN);
        advance(p);
        if (p->tok.kind != TK_SEMI) {
            s->value = parse_expr(p);
            if (s->value == NULL)
                return NULL;
        }
        return expect(p, TK_SEMI, "expected ';' after return, found") ? s : NULL;
    case TK_BREAK:
    case TK_CONTINUE:
        s = new_stmt(p, p->tok.kind == TK_BREAK ? SK_BREAK : SK_CONTINUE);
        advance(p);
        return expect(p, TK_SEMI, "expected ';', found") ? s : NULL;
    case TK_PRINT:
        s = new_stmt(p, SK_PRINT);
        advance(p);
        s->value = parse_expr(p);
        if (s->value == NULL)
            return NULL;
        return expect(p, TK_SEMI, "expected ';' after print, found") ? s : NULL;
    default:
        break;
    }
    /* An expression, or an assignment whose target was parsed as an expression first. */
    s = new_stmt(p, SK_EXPR);
    struct tern_expr *e = parse_expr(p);
    if (e == NULL)
        return NULL;
    if (p->tok.kind == TK_ASSIGN) {
        if (e->kind == EX_NAME) {
            s->kind = SK_ASSIGN;
        } else if (e->kind == EX_INDEX) {
            s->kind = SK_STORE;
            s->cond = e->a;
        } else {
            tern_error(p->diag, TERN_ERR_PARSE, e->line, e->column,
                       "only a variable or an array element can be assigned", NULL, 0);
            return NULL;
        }
        s->name = e->name;
        advance(p);
        s->value = parse_expr(p);
        if (s->value == NULL)
            return NULL;
    } else {
        s->value = e;
    }
    return expect(p, TK_SEMI, "expected ';' after the statement, found") ? s : NULL;
}

static struct tern_function *parse_function(struct parser *p)
{
    struct tern_function *f = tern_alloc(sizeof *f);
    f->line = p->tok.line;
    f->column = p->tok.column;
    advance(p); /* fn */
    if (p->tok.kind != TK_NAME) {
        syntax_error(p, "expected a function name, found");
        return NULL;
    }
    f->name = token_name(p);
    advance(p);
    if (!expect(p, TK_LPAREN, "expected '(' after the function name, found"))
        return NULL;
    f->params = tern_alloc(TERN_MAX_PARAMS * sizeof(struct tern_name));
    if (p->tok.kind != TK_RPAREN) {
        for (;;) {
            if (p->tok.kind != TK_NAME) {
                syntax_error(p, "expected a parameter name, found");
                return NULL;
            }
            if (f->nparams == TERN_MAX_PARAMS) {
                tern_error(p->diag, TERN_ERR_LIMIT, p->tok.line, p->tok.column,
                           "too many parameters in function", f->name.text, f->name.len);
                return NULL;
            }
            f->params[f->nparams++] = token_name(p);
            advance(p);
            if (p->tok.kind != TK_COMMA)
                break;
            advance(p);
        }
    }
    if (!expect(p, TK_RPAREN, "expected ')' after the parameters, found"))
        return NULL;
    f->body = parse_block(p);
    return f->body == NULL ? NULL : f;
}

/* var NAME [= constant-expression]; at top level. The initializer must fold to a number;
 * fold.c is not run yet, so this accepts an optionally negated literal. */
static struct tern_global *parse_global(struct parser *p, int is_array)
{
    struct tern_global *g = tern_alloc(sizeof *g);
    g->is_array = is_array;
    g->line = p->tok.line;
    g->column = p->tok.column;
    advance(p);
    if (p->tok.kind != TK_NAME) {
        syntax_error(p, "expected a global name, found");
        return NULL;
    }
    g->name = token_name(p);
    advance(p);
    if (is_array) {
        if (!expect(p, TK_LBRACKET, "expected '[' after the array name, found"))
            return NULL;
        if (p->tok.kind != TK_NUMBER || p->tok.value <= 0 || p->tok.value > (int64_t)TERN_ARRAY_WORDS) {
            syntax_error(p, "array length must be a number in 1..1048576, found");
            return NULL;
        }
        g->size = (uint32_t)p->tok.value;
        advance(p);
        if (!expect(p, TK_RBRACKET, "expected ']' after the array length, found"))
            return NULL;
    } else if (p->tok.kind == TK_ASSIGN) {
        advance(p);
        int negate = 0;
        if (p->tok.kind == TK_MINUS) {
            negate = 1;
            advance(p);
        }
        if (p->tok.kind != TK_NUMBER) {
            syntax_error(p, "a global's initial value must be a number, found");
            return NULL;
        }
        g->init = negate ? (int64_t)(0u - (uint64_t)p->tok.value) : p->tok.value;
        advance(p);
    }
    return expect(p, TK_SEMI, "expected ';' after the global, found") ? g : NULL;
}

struct tern_program *tern_parse(const char *src, uint32_t len, struct tern_diag *diag)
{
    struct parser p;
    p.diag = diag;
    p.depth = 0;
    tern_lexer_init(&p.lx, src, len, diag);
    advance(&p);
    struct tern_program *prog = tern_alloc(sizeof *prog);
    while (!failed(&p) && p.tok.kind != TK_EOF) {
        if (p.tok.kind == TK_FN) {
            if (prog->nfunctions == TERN_MAX_FUNCTIONS) {
                tern_error(diag, TERN_ERR_LIMIT, p.tok.line, p.tok.column, "too many functions", NULL, 0);
                break;
            }
            struct tern_function *f = parse_function(&p);
            if (f == NULL)
                break;
            prog->functions[prog->nfunctions++] = f;
        } else if (p.tok.kind == TK_VAR || p.tok.kind == TK_ARRAY) {
            if (prog->nglobals == TERN_MAX_GLOBALS) {
                tern_error(diag, TERN_ERR_LIMIT, p.tok.line, p.tok.column, "too many globals", NULL, 0);
                break;
            }
            struct tern_global *g = parse_global(&p, p.tok.kind == TK_ARRAY);
            if (g == NULL)
                break;
            prog->globals[prog->nglobals++] = g;
        } else {
            syntax_error(&p, "expected 'fn', 'var' or 'array' at top level, found");
        }
    }
    return failed(&p) ? NULL : prog;
}
