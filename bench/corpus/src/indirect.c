/* Indirect calls: a function-pointer dispatch table and a call-threaded bytecode interpreter.
 * In wasm both become call_indirect through the module's table. */
#include "kernel.h"

typedef uint64_t (*op_fn)(uint64_t x, uint32_t k);

static uint64_t op_add(uint64_t x, uint32_t k) { return x + k; }
static uint64_t op_sub(uint64_t x, uint32_t k) { return x - k * 3u; }
static uint64_t op_xor(uint64_t x, uint32_t k) { return x ^ ((uint64_t)k << 17); }
static uint64_t op_mul(uint64_t x, uint32_t k) { return x * (k | 1u); }
static uint64_t op_rotl(uint64_t x, uint32_t k) { uint32_t s = k & 63; return s ? (x << s) | (x >> (64 - s)) : x; }
static uint64_t op_rotr(uint64_t x, uint32_t k) { uint32_t s = k & 63; return s ? (x >> s) | (x << (64 - s)) : x; }
static uint64_t op_shr(uint64_t x, uint32_t k) { return x ^ (x >> (k % 31 + 1)); }
static uint64_t op_neg(uint64_t x, uint32_t k) { return ~x + k; }
static uint64_t op_min(uint64_t x, uint32_t k) { uint64_t y = (uint64_t)k * 0x10001u; return x < y ? x + y : x - y; }
static uint64_t op_div(uint64_t x, uint32_t k) { return x / ((k & 0xff) + 1u) + x; }
static uint64_t op_rem(uint64_t x, uint32_t k) { return x + x % ((k & 0xfff) + 7u); }
static uint64_t op_pop(uint64_t x, uint32_t k) { return x + (uint64_t)__builtin_popcountll(x) * k; }
static uint64_t op_clz(uint64_t x, uint32_t k) { return x + (x ? (uint64_t)__builtin_clzll(x) : 64u) + k; }
static uint64_t op_mix(uint64_t x, uint32_t k) { x ^= x >> 29; x *= 0xbf58476d1ce4e5b9ull; return x + k; }
static uint64_t op_sq(uint64_t x, uint32_t k) { return x * x + k; }
static uint64_t op_id(uint64_t x, uint32_t k) { return x + (k & 1u); }

/* Not const: a writable table keeps the compiler from turning the calls into a switch. */
static op_fn dispatch_table[16] = {
    op_add, op_sub, op_xor, op_mul, op_rotl, op_rotr, op_shr, op_neg,
    op_min, op_div, op_rem, op_pop, op_clz, op_mix, op_sq, op_id,
};

/* n million calls through the table, the callee picked by an LCG (unpredictable targets). */
KERNEL(dispatch)
{
    uint64_t seed = 99, x = 1;
    uint64_t calls = (uint64_t)n * 1000000u;
    for (uint64_t i = 0; i < calls; i++) {
        uint64_t r = lcg_next(&seed);
        x = dispatch_table[r >> 60](x, (uint32_t)(r >> 20));
    }
    return x;
}

/* A tiny register VM: 8 registers, 3-address instructions, one handler function per opcode.
 * Handlers return the next pc, so the interpreter loop is nothing but call_indirect. */
enum { VM_LI, VM_ADD, VM_SUB, VM_MUL, VM_AND, VM_SHRI, VM_ADDI, VM_JNZ, VM_JLT, VM_HALT, VM_OPS };

struct insn {
    uint8_t op, a, b, c;
    int32_t imm;
};

struct vm {
    uint64_t r[8];
    const struct insn *code;
};

typedef uint32_t (*handler)(struct vm *vm, uint32_t pc);

static uint32_t h_li(struct vm *vm, uint32_t pc) { vm->r[vm->code[pc].a] = (uint64_t)(int64_t)vm->code[pc].imm; return pc + 1; }
static uint32_t h_add(struct vm *vm, uint32_t pc) { const struct insn *i = &vm->code[pc]; vm->r[i->a] = vm->r[i->b] + vm->r[i->c]; return pc + 1; }
static uint32_t h_sub(struct vm *vm, uint32_t pc) { const struct insn *i = &vm->code[pc]; vm->r[i->a] = vm->r[i->b] - vm->r[i->c]; return pc + 1; }
static uint32_t h_mul(struct vm *vm, uint32_t pc) { const struct insn *i = &vm->code[pc]; vm->r[i->a] = vm->r[i->b] * vm->r[i->c]; return pc + 1; }
static uint32_t h_and(struct vm *vm, uint32_t pc) { const struct insn *i = &vm->code[pc]; vm->r[i->a] = vm->r[i->b] & vm->r[i->c]; return pc + 1; }
static uint32_t h_shri(struct vm *vm, uint32_t pc) { const struct insn *i = &vm->code[pc]; vm->r[i->a] = vm->r[i->b] >> (i->imm & 63); return pc + 1; }
static uint32_t h_addi(struct vm *vm, uint32_t pc) { const struct insn *i = &vm->code[pc]; vm->r[i->a] = vm->r[i->b] + (uint64_t)(int64_t)i->imm; return pc + 1; }
static uint32_t h_jnz(struct vm *vm, uint32_t pc) { const struct insn *i = &vm->code[pc]; return vm->r[i->a] ? (uint32_t)i->imm : pc + 1; }
static uint32_t h_jlt(struct vm *vm, uint32_t pc) { const struct insn *i = &vm->code[pc]; return vm->r[i->a] < vm->r[i->b] ? (uint32_t)i->imm : pc + 1; }
static uint32_t h_halt(struct vm *vm, uint32_t pc) { (void)vm; (void)pc; return 0xffffffffu; }

static handler handlers[VM_OPS] = {
    h_li, h_add, h_sub, h_mul, h_and, h_shri, h_addi, h_jnz, h_jlt, h_halt,
};

/* Sum over x in [1, limit) of the Collatz trajectory length of x, written in VM code:
 *   r0 = 0 (never written), r1 = x, r2 = total, r3 = limit, r4 = value, r5 = scratch,
 *   r6 = 1 (also the always-taken jump condition), r7 = 3 */
static struct insn collatz_program[] = {
    /* 0 */ {VM_LI, 1, 0, 0, 1},
    /* 1 */ {VM_LI, 2, 0, 0, 0},
    /* 2 */ {VM_LI, 6, 0, 0, 1},
    /* 3 */ {VM_LI, 7, 0, 0, 3},
    /* 4 */ {VM_ADD, 4, 1, 0, 0},     /* next x: r4 = r1 + 0 */
    /* 5 */ {VM_SUB, 5, 4, 6, 0},     /* r5 = r4 - 1 */
    /* 6 */ {VM_JNZ, 5, 0, 0, 8},     /* inner: if r4 != 1 continue */
    /* 7 */ {VM_JNZ, 6, 0, 0, 16},    /* else done with this x */
    /* 8 */ {VM_ADDI, 2, 2, 0, 1},    /* total++ */
    /* 9 */ {VM_AND, 5, 4, 6, 0},     /* r5 = r4 & 1 */
    /* 10 */ {VM_JNZ, 5, 0, 0, 13},
    /* 11 */ {VM_SHRI, 4, 4, 0, 1},   /* even: r4 >>= 1 */
    /* 12 */ {VM_JNZ, 6, 0, 0, 5},
    /* 13 */ {VM_MUL, 4, 4, 7, 0},    /* odd: r4 = 3 r4 + 1 */
    /* 14 */ {VM_ADDI, 4, 4, 0, 1},
    /* 15 */ {VM_JNZ, 6, 0, 0, 5},
    /* 16 */ {VM_ADDI, 1, 1, 0, 1},   /* next x */
    /* 17 */ {VM_JLT, 1, 3, 0, 4},
    /* 18 */ {VM_HALT, 0, 0, 0, 0},
};

/* Runs the Collatz program for x = 1 .. n*1000 through the handler table. */
KERNEL(tiny_vm)
{
    struct vm vm;
    for (int i = 0; i < 8; i++)
        vm.r[i] = 0;
    vm.code = collatz_program;
    vm.r[3] = (uint64_t)n * 1000u + 1u;
    uint32_t pc = 0;
    uint64_t steps = 0;
    while (pc != 0xffffffffu) {
        pc = handlers[vm.code[pc].op](&vm, pc);
        steps++;
    }
    return mix(vm.r[2], steps);
}
