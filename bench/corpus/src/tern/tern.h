/* Tern: a small imperative language with a compiler to bytecode and a stack VM, written as the
 * corpus's larger program. It is one wasm module (tern.wasm) built from the files in this
 * directory; the pipeline is
 *
 *   source --lexer.c--> tokens --parser.c--> AST --resolve.c--> checked AST --fold.c-->
 *   folded AST --codegen.c--> bytecode --peephole.c--> optimized bytecode --vm.c--> output
 *   checksum, with listing.c rendering bytecode as text.
 *
 * Language summary (see programs.c for examples):
 *   program  := { "var" NAME [ "=" expr ] ";" | "array" NAME "[" NUMBER "]" ";" | function }
 *   function := "fn" NAME "(" [ NAME { "," NAME } ] ")" block
 *   stmt     := "var" NAME [ "=" expr ] ";" | NAME "=" expr ";" | NAME "[" expr "]" "=" expr ";"
 *             | "if" "(" expr ")" block [ "else" ( block | if-stmt ) ] | "while" "(" expr ")" block
 *             | "for" "(" NAME "=" expr ";" expr ";" NAME "=" expr ")" block
 *             | "return" [ expr ] ";" | "break" ";" | "continue" ";" | "print" expr ";"
 *             | expr ";" | block
 *   expr     := C-like precedence over 64-bit integers: || && | ^ & == != < <= > >= << >> + - * / %
 *               unary - ! ~, calls f(a, b), indexing a[i], decimal/hex/char literals.
 * Every value is a 64-bit integer; arithmetic wraps; / and % by zero and out-of-bounds indexing
 * trap. Freestanding C only: no libc, all memory from one static arena. */
#ifndef TERN_H
#define TERN_H

#include "../kernel.h"

/* ---- arena.c: bump allocation from a static buffer, reset per compilation ---- */
void *tern_alloc(size_t size);
void tern_arena_reset(void);
size_t tern_arena_used(void);
void tern_copy(void *dst, const void *src, size_t len);
void tern_zero(void *dst, size_t len);
int tern_streq(const char *a, uint32_t alen, const char *b, uint32_t blen);

/* ---- diagnostics: the first error wins; later phases stop when one is set ---- */
enum tern_error_kind {
    TERN_OK,
    TERN_ERR_LEX,
    TERN_ERR_PARSE,
    TERN_ERR_RESOLVE,
    TERN_ERR_LIMIT,
};

struct tern_diag {
    enum tern_error_kind kind;
    uint32_t line, column;
    char message[96];
};

void tern_error(struct tern_diag *d, enum tern_error_kind kind, uint32_t line, uint32_t column,
                const char *what, const char *name, uint32_t name_len);

/* ---- lexer.c ---- */
enum tern_token_kind {
    TK_EOF,
    TK_NAME,
    TK_NUMBER,
    /* keywords */
    TK_VAR, TK_ARRAY, TK_FN, TK_IF, TK_ELSE, TK_WHILE, TK_FOR, TK_RETURN, TK_BREAK, TK_CONTINUE,
    TK_PRINT,
    /* punctuation */
    TK_LPAREN, TK_RPAREN, TK_LBRACE, TK_RBRACE, TK_LBRACKET, TK_RBRACKET, TK_COMMA, TK_SEMI,
    TK_ASSIGN,
    /* operators, in the order of enum tern_binop where they are binary */
    TK_OROR, TK_ANDAND, TK_PIPE, TK_CARET, TK_AMP, TK_EQ, TK_NE, TK_LT, TK_LE, TK_GT, TK_GE,
    TK_SHL, TK_SHR, TK_PLUS, TK_MINUS, TK_STAR, TK_SLASH, TK_PERCENT, TK_BANG, TK_TILDE,
};

struct tern_token {
    enum tern_token_kind kind;
    uint32_t start, len; /* byte range in the source */
    uint32_t line, column;
    int64_t value; /* TK_NUMBER */
};

struct tern_lexer {
    const char *src;
    uint32_t len, pos, line, line_start;
    struct tern_diag *diag;
};

void tern_lexer_init(struct tern_lexer *lx, const char *src, uint32_t len, struct tern_diag *diag);
struct tern_token tern_lex(struct tern_lexer *lx);
const char *tern_token_name(enum tern_token_kind kind);

/* ---- AST (parser.c builds it, resolve.c annotates it, fold.c rewrites it) ---- */
enum tern_binop {
    OP_OROR, OP_ANDAND, OP_OR, OP_XOR, OP_AND, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
    OP_SHL, OP_SHR, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD,
};

enum tern_unop { UOP_NEG, UOP_NOT, UOP_BNOT };

enum tern_expr_kind { EX_NUMBER, EX_NAME, EX_INDEX, EX_CALL, EX_UNARY, EX_BINARY };

/* Where a resolved name lives. */
enum tern_storage { ST_UNRESOLVED, ST_LOCAL, ST_GLOBAL, ST_ARRAY, ST_FUNCTION };

struct tern_name {
    const char *text;
    uint32_t len;
};

struct tern_expr {
    enum tern_expr_kind kind;
    uint32_t line, column;
    int64_t value;         /* EX_NUMBER */
    struct tern_name name; /* EX_NAME, EX_INDEX (array), EX_CALL (function) */
    enum tern_storage storage;
    uint32_t slot;         /* local slot, global index, array index or function index */
    int op;                /* enum tern_unop or enum tern_binop */
    struct tern_expr *a, *b;
    struct tern_expr **args;
    uint32_t nargs;
};

enum tern_stmt_kind {
    SK_VAR, SK_ASSIGN, SK_STORE, SK_IF, SK_WHILE, SK_FOR, SK_RETURN, SK_BREAK, SK_CONTINUE,
    SK_PRINT, SK_EXPR, SK_BLOCK,
};

struct tern_stmt {
    enum tern_stmt_kind kind;
    uint32_t line, column;
    struct tern_name name;       /* SK_VAR, SK_ASSIGN, SK_STORE, SK_FOR (loop variable) */
    enum tern_storage storage;   /* filled by resolve.c */
    uint32_t slot;
    struct tern_expr *cond;      /* SK_IF, SK_WHILE, SK_FOR; index of SK_STORE */
    struct tern_expr *value;     /* SK_VAR (may be NULL), SK_ASSIGN, SK_STORE, SK_RETURN, SK_PRINT,
                                    SK_EXPR; SK_FOR: initial value */
    struct tern_expr *step;      /* SK_FOR: the step expression assigned to the loop variable */
    struct tern_stmt *body;      /* SK_IF then, SK_WHILE, SK_FOR */
    struct tern_stmt *otherwise; /* SK_IF else (may be NULL) */
    struct tern_stmt **stmts;    /* SK_BLOCK */
    uint32_t nstmts;
};

struct tern_function {
    struct tern_name name;
    uint32_t line, column;
    struct tern_name *params;
    uint32_t nparams;
    uint32_t nlocals; /* params included; set by resolve.c */
    struct tern_stmt *body;
    uint32_t code_start; /* set by the encoder */
};

struct tern_global {
    struct tern_name name;
    int is_array;
    int64_t init;  /* scalar initial value (a constant expression) */
    uint32_t size; /* array length */
    uint32_t line, column;
    uint32_t base; /* arrays: offset into the VM's array memory */
};

#define TERN_MAX_FUNCTIONS 128
#define TERN_MAX_GLOBALS 128
#define TERN_MAX_PARAMS 16
#define TERN_MAX_LOCALS 64
#define TERN_ARRAY_WORDS (1u << 20) /* all arrays of a program together, 8 MiB */

struct tern_program {
    struct tern_function *functions[TERN_MAX_FUNCTIONS];
    uint32_t nfunctions;
    struct tern_global *globals[TERN_MAX_GLOBALS];
    uint32_t nglobals;
    uint32_t array_words; /* total length of all arrays */
};

/* parser.c: returns NULL and sets diag on a syntax error. */
struct tern_program *tern_parse(const char *src, uint32_t len, struct tern_diag *diag);

/* resolve.c: binds every name, checks arity, break/continue placement, local limits. */
int tern_resolve(struct tern_program *prog, struct tern_diag *diag);

/* fold.c: constant folding and algebraic simplification; returns the number of rewrites. */
uint32_t tern_fold(struct tern_program *prog);

/* ---- bytecode (codegen.c emits, peephole.c rewrites, vm.c runs) ---- */
enum tern_opcode {
    BC_PUSH,      /* a: constant index */
    BC_PUSHI,     /* a: small immediate */
    BC_LOADL,     /* a: local slot */
    BC_STOREL,    /* a: local slot */
    BC_LOADG,     /* a: global index */
    BC_STOREG,    /* a: global index */
    BC_ALOAD,     /* a: array index; pops index */
    BC_ASTORE,    /* a: array index; pops value, then index */
    BC_ADD, BC_SUB, BC_MUL, BC_DIV, BC_MOD, BC_AND, BC_OR, BC_XOR, BC_SHL, BC_SHR,
    BC_EQ, BC_NE, BC_LT, BC_LE, BC_GT, BC_GE,
    BC_NEG, BC_NOT, BC_BNOT,
    BC_JMP,       /* a: target */
    BC_JZ,        /* a: target; pops */
    BC_JNZ,       /* a: target; pops */
    BC_CALL,      /* a: function index, b: argument count */
    BC_RET,       /* returns the top of stack */
    BC_POP,
    BC_DUP,
    BC_PRINT,
    BC_HALT,
    /* superinstructions made by peephole.c */
    BC_ADDI,      /* a: immediate added to the top of stack */
    BC_INCL,      /* a: local slot, b: immediate; local += b */
    BC_LOADL2,    /* a, b: two local slots pushed in order */
    /* compare-and-branch: a: target; pop y then x, jump if x <rel> y */
    BC_JLT, BC_JLE, BC_JGT, BC_JGE, BC_JEQ, BC_JNE,
    BC_COUNT
};

struct tern_insn {
    uint8_t op;
    uint8_t is_target; /* some jump lands here; peephole.c must not fuse across it */
    uint8_t dead;
    int32_t a, b;
    uint32_t line;
};

struct tern_code {
    struct tern_insn *insns;
    uint32_t count, capacity;
    int64_t *consts;
    uint32_t nconsts, const_capacity;
};

int tern_codegen(struct tern_program *prog, struct tern_code *code, struct tern_diag *diag);
uint32_t tern_peephole(struct tern_code *code, struct tern_program *prog);
uint32_t tern_emit(struct tern_code *code, int32_t op, int32_t a, int32_t b, uint32_t line);
const char *tern_opcode_name(int op);
int tern_opcode_operands(int op);

/* listing.c: renders the code as text into buf; returns the length written. */
uint32_t tern_listing(const struct tern_code *code, const struct tern_program *prog, char *buf,
                      uint32_t cap);

/* ---- vm.c ---- */
enum tern_trap {
    TRAP_NONE,
    TRAP_DIV_ZERO,
    TRAP_BOUNDS,
    TRAP_STACK,
    TRAP_NO_MAIN,
    TRAP_FUEL,
};

struct tern_result {
    enum tern_trap trap;
    int64_t value;          /* main's return value */
    uint64_t output_hash;   /* every printed value mixed in order */
    uint32_t output_count;
    uint64_t steps;         /* instructions executed */
    uint32_t trap_pc;
};

struct tern_result tern_run(const struct tern_code *code, const struct tern_program *prog,
                            int64_t arg, uint64_t fuel);

/* ---- programs.c ---- */
struct tern_source {
    const char *name;
    const char *text;
    int64_t arg_scale; /* the benchmark argument n is multiplied by this for main(n) */
    int expect_error;  /* enum tern_error_kind the compiler must report, TERN_OK for valid ones */
    int expect_trap;   /* enum tern_trap the VM must report */
};

extern const struct tern_source tern_sources[];
extern const uint32_t tern_source_count;

/* driver.c: compiles one source; returns NULL on a compile error (diag says which). */
struct tern_compiled {
    struct tern_program *prog;
    struct tern_code code;
    uint32_t folds, peepholes;
};

int tern_compile(const char *src, int optimize, struct tern_compiled *out, struct tern_diag *diag);
uint32_t tern_strlen(const char *s);

#endif
