/* Tokens from source text. The lexer is pull-based (the parser asks for one token at a time)
 * and reports the first malformed character or literal through the shared diagnostic. */
#include "tern.h"

void tern_lexer_init(struct tern_lexer *lx, const char *src, uint32_t len, struct tern_diag *diag)
{
    lx->src = src;
    lx->len = len;
    lx->pos = 0;
    lx->line = 1;
    lx->line_start = 0;
    lx->diag = diag;
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

struct keyword {
    const char *text;
    enum tern_token_kind kind;
};

static const struct keyword keywords[] = {
    {"var", TK_VAR},     {"array", TK_ARRAY},   {"fn", TK_FN},       {"if", TK_IF},
    {"else", TK_ELSE},   {"while", TK_WHILE},   {"for", TK_FOR},     {"return", TK_RETURN},
    {"break", TK_BREAK}, {"continue", TK_CONTINUE}, {"print", TK_PRINT},
};

static enum tern_token_kind keyword_or_name(const char *text, uint32_t len)
{
    for (uint32_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (tern_streq(text, len, keywords[i].text, tern_strlen(keywords[i].text)))
            return keywords[i].kind;
    return TK_NAME;
}

/* Skips blanks, newlines and comments (// to end of line, and nested-free block comments). */
static void skip_trivia(struct tern_lexer *lx)
{
    while (lx->pos < lx->len) {
        char c = lx->src[lx->pos];
        if (c == '\n') {
            lx->pos++;
            lx->line++;
            lx->line_start = lx->pos;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            lx->pos++;
        } else if (c == '/' && lx->pos + 1 < lx->len && lx->src[lx->pos + 1] == '/') {
            while (lx->pos < lx->len && lx->src[lx->pos] != '\n')
                lx->pos++;
        } else if (c == '/' && lx->pos + 1 < lx->len && lx->src[lx->pos + 1] == '*') {
            uint32_t line = lx->line, column = lx->pos - lx->line_start + 1;
            lx->pos += 2;
            for (;;) {
                if (lx->pos + 1 >= lx->len) {
                    tern_error(lx->diag, TERN_ERR_LEX, line, column, "unterminated comment", NULL, 0);
                    lx->pos = lx->len;
                    return;
                }
                if (lx->src[lx->pos] == '*' && lx->src[lx->pos + 1] == '/') {
                    lx->pos += 2;
                    break;
                }
                if (lx->src[lx->pos] == '\n') {
                    lx->line++;
                    lx->line_start = lx->pos + 1;
                }
                lx->pos++;
            }
        } else {
            return;
        }
    }
}

static struct tern_token make(struct tern_lexer *lx, enum tern_token_kind kind, uint32_t start)
{
    struct tern_token t;
    t.kind = kind;
    t.start = start;
    t.len = lx->pos - start;
    t.line = lx->line;
    t.column = start - lx->line_start + 1;
    t.value = 0;
    return t;
}

static struct tern_token lex_number(struct tern_lexer *lx, uint32_t start)
{
    uint64_t v = 0;
    int overflow = 0;
    if (lx->src[lx->pos] == '0' && lx->pos + 1 < lx->len &&
        (lx->src[lx->pos + 1] == 'x' || lx->src[lx->pos + 1] == 'X')) {
        lx->pos += 2;
        uint32_t digits = 0;
        int h;
        while (lx->pos < lx->len && ((h = hex_value(lx->src[lx->pos])) >= 0 || lx->src[lx->pos] == '_')) {
            if (lx->src[lx->pos] != '_') {
                overflow |= (v >> 60) != 0;
                v = (v << 4) | (uint64_t)h;
                digits++;
            }
            lx->pos++;
        }
        if (digits == 0)
            tern_error(lx->diag, TERN_ERR_LEX, lx->line, start - lx->line_start + 1,
                       "hex literal without digits", NULL, 0);
    } else {
        while (lx->pos < lx->len && (is_digit(lx->src[lx->pos]) || lx->src[lx->pos] == '_')) {
            char c = lx->src[lx->pos++];
            if (c == '_')
                continue;
            uint64_t d = (uint64_t)(c - '0');
            overflow |= v > (UINT64_MAX - d) / 10u;
            v = v * 10u + d;
        }
    }
    if (lx->pos < lx->len && is_alpha(lx->src[lx->pos]))
        tern_error(lx->diag, TERN_ERR_LEX, lx->line, lx->pos - lx->line_start + 1,
                   "letter directly after a number", lx->src + start, lx->pos + 1 - start);
    if (overflow)
        tern_error(lx->diag, TERN_ERR_LEX, lx->line, start - lx->line_start + 1,
                   "number does not fit in 64 bits", lx->src + start, lx->pos - start);
    struct tern_token t = make(lx, TK_NUMBER, start);
    t.value = (int64_t)v;
    return t;
}

/* 'c' or an escape '\n' '\t' '\0' '\\' '\''. */
static struct tern_token lex_char(struct tern_lexer *lx, uint32_t start)
{
    lx->pos++;
    int64_t v = -1;
    if (lx->pos < lx->len && lx->src[lx->pos] == '\\' && lx->pos + 1 < lx->len) {
        char e = lx->src[lx->pos + 1];
        v = e == 'n' ? '\n' : e == 't' ? '\t' : e == '0' ? 0 : e == '\\' ? '\\' : e == '\'' ? '\'' : -1;
        lx->pos += 2;
    } else if (lx->pos < lx->len && lx->src[lx->pos] != '\'' && lx->src[lx->pos] != '\n') {
        v = (unsigned char)lx->src[lx->pos];
        lx->pos++;
    }
    if (v < 0 || lx->pos >= lx->len || lx->src[lx->pos] != '\'') {
        tern_error(lx->diag, TERN_ERR_LEX, lx->line, start - lx->line_start + 1,
                   "malformed character literal", NULL, 0);
    } else {
        lx->pos++;
    }
    struct tern_token t = make(lx, TK_NUMBER, start);
    t.value = v < 0 ? 0 : v;
    return t;
}

struct tern_token tern_lex(struct tern_lexer *lx)
{
    skip_trivia(lx);
    uint32_t start = lx->pos;
    if (lx->pos >= lx->len)
        return make(lx, TK_EOF, start);
    char c = lx->src[lx->pos];
    if (is_alpha(c)) {
        while (lx->pos < lx->len && (is_alpha(lx->src[lx->pos]) || is_digit(lx->src[lx->pos])))
            lx->pos++;
        return make(lx, keyword_or_name(lx->src + start, lx->pos - start), start);
    }
    if (is_digit(c))
        return lex_number(lx, start);
    if (c == '\'')
        return lex_char(lx, start);
    char next = lx->pos + 1 < lx->len ? lx->src[lx->pos + 1] : 0;
    enum tern_token_kind kind;
    uint32_t width = 1;
    switch (c) {
    case '(': kind = TK_LPAREN; break;
    case ')': kind = TK_RPAREN; break;
    case '{': kind = TK_LBRACE; break;
    case '}': kind = TK_RBRACE; break;
    case '[': kind = TK_LBRACKET; break;
    case ']': kind = TK_RBRACKET; break;
    case ',': kind = TK_COMMA; break;
    case ';': kind = TK_SEMI; break;
    case '+': kind = TK_PLUS; break;
    case '-': kind = TK_MINUS; break;
    case '*': kind = TK_STAR; break;
    case '/': kind = TK_SLASH; break;
    case '%': kind = TK_PERCENT; break;
    case '~': kind = TK_TILDE; break;
    case '^': kind = TK_CARET; break;
    case '=': kind = next == '=' ? (width = 2, TK_EQ) : TK_ASSIGN; break;
    case '!': kind = next == '=' ? (width = 2, TK_NE) : TK_BANG; break;
    case '<':
        kind = next == '=' ? (width = 2, TK_LE) : next == '<' ? (width = 2, TK_SHL) : TK_LT;
        break;
    case '>':
        kind = next == '=' ? (width = 2, TK_GE) : next == '>' ? (width = 2, TK_SHR) : TK_GT;
        break;
    case '&': kind = next == '&' ? (width = 2, TK_ANDAND) : TK_AMP; break;
    case '|': kind = next == '|' ? (width = 2, TK_OROR) : TK_PIPE; break;
    default:
        tern_error(lx->diag, TERN_ERR_LEX, lx->line, start - lx->line_start + 1,
                   "unexpected character", lx->src + start, 1);
        lx->pos = lx->len;
        return make(lx, TK_EOF, start);
    }
    lx->pos += width;
    return make(lx, kind, start);
}

const char *tern_token_name(enum tern_token_kind kind)
{
    static const char *const names[] = {
        "end of input", "name", "number", "'var'", "'array'", "'fn'", "'if'", "'else'", "'while'",
        "'for'", "'return'", "'break'", "'continue'", "'print'", "'('", "')'", "'{'", "'}'", "'['",
        "']'", "','", "';'", "'='", "'||'", "'&&'", "'|'", "'^'", "'&'", "'=='", "'!='", "'<'",
        "'<='", "'>'", "'>='", "'<<'", "'>>'", "'+'", "'-'", "'*'", "'/'", "'%'", "'!'", "'~'",
    };
    return (uint32_t)kind < sizeof names / sizeof names[0] ? names[kind] : "token";
}
