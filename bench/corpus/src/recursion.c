/* Recursion: call/return cost, deep stacks and tree building in a static arena. */
#include "kernel.h"

static uint32_t fib_rec(uint32_t k)
{
    return k < 2 ? k : fib_rec(k - 1) + fib_rec(k - 2);
}

/* Naive doubly recursive Fibonacci of n: ~1.6^n calls with almost no work each. */
KERNEL(fib)
{
    return fib_rec(n);
}

static uint32_t ack(uint32_t m, uint32_t k)
{
    if (m == 0)
        return k + 1;
    if (k == 0)
        return ack(m - 1, 1);
    return ack(m - 1, ack(m, k - 1));
}

/* Ackermann A(3, n) ("lite": m fixed at 3 so the depth stays near 2^(n+3)): deep, irregular
 * recursion that stresses the engine's stack, not only call speed. */
KERNEL(ackermann)
{
    return ack(3, n);
}

/* Binary trees built in an arena of index-linked nodes: recursive build, recursive walk. */
#define ARENA_NODES (1u << 22)
struct node {
    uint32_t left, right; /* 0 = none; index 0 is never a real node */
    uint32_t value;
};
static struct node arena[ARENA_NODES];
static uint32_t arena_top;

static uint32_t tree_build(uint32_t depth, uint32_t value)
{
    uint32_t id = arena_top++;
    arena[id].value = value;
    if (depth == 0) {
        arena[id].left = arena[id].right = 0;
    } else {
        /* Children are built before they are stored: the recursion owns the arena order. */
        uint32_t l = tree_build(depth - 1, value * 2u + 1u);
        uint32_t r = tree_build(depth - 1, value * 2u + 2u);
        arena[id].left = l;
        arena[id].right = r;
    }
    return id;
}

static uint64_t tree_check(uint32_t id)
{
    const struct node *nd = &arena[id];
    if (nd->left == 0)
        return nd->value;
    return (uint64_t)nd->value * 3u + tree_check(nd->left) - tree_check(nd->right);
}

/* n rounds: fill the arena with trees of depths 4..20 (one per depth), check each.
 * The arena is reset each round, so memory use is bounded by one depth-20 tree plus the rest. */
KERNEL(binary_trees)
{
    uint64_t acc = 0;
    for (uint32_t round = 0; round < n; round++) {
        arena_top = 1;
        for (uint32_t depth = 4; depth <= 20; depth += 2) {
            uint32_t root = tree_build(depth, round + depth);
            acc = mix(acc, tree_check(root));
        }
        acc = mix(acc, arena_top);
    }
    return acc;
}
