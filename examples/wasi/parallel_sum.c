/* A parallel sum in C over 4 threads: wasi-threads (thread-spawn) and Wasm atomics, without libc
 * (this machine's wasi-libc has no threaded build). Run with: sharptime run -S threads parallel_sum.wasm */
typedef unsigned int u32;
typedef unsigned long long u64;

__attribute__((import_module("wasi"), import_name("thread-spawn"))) int thread_spawn(void *arg);
__attribute__((import_module("wasi_snapshot_preview1"), import_name("fd_write")))
int fd_write(int fd, const void *iovs, int count, u32 *written);
__attribute__((import_module("wasi_snapshot_preview1"), import_name("proc_exit"))) _Noreturn void proc_exit(int code);

enum { THREADS = 4, N = 1000000 };

static u64 partial[THREADS];
static int finished;

/* Sums part `part` of 1..N. Only locals and static data: the threads share one shadow stack. */
static void work(int part)
{
    u64 sum = 0;
    for (u32 i = (u32)part * (N / THREADS) + 1; i <= (u32)(part + 1) * (N / THREADS); i++) sum += i;
    partial[part] = sum;
    __atomic_fetch_add(&finished, 1, __ATOMIC_SEQ_CST);
    __builtin_wasm_memory_atomic_notify(&finished, 1);
}

__attribute__((export_name("wasi_thread_start"))) void wasi_thread_start(int tid, void *arg)
{
    (void)tid;
    work((int)(long)arg);
}

static char text[80];
static struct { const char *base; u32 length; } iov;
static u32 written;

static u32 append(u32 at, const char *s)
{
    while (*s) text[at++] = *s++;
    return at;
}

static u32 append_number(u32 at, u64 n)
{
    char digits[20];
    int count = 0;
    do digits[count++] = (char)('0' + n % 10); while ((n /= 10) != 0);
    while (count > 0) text[at++] = digits[--count];
    return at;
}

void _start(void)
{
    for (int t = 1; t < THREADS; t++)
    {
        if (thread_spawn((void *)(long)t) < 0) proc_exit(2);
    }
    work(0);
    for (;;)
    {
        int seen = __atomic_load_n(&finished, __ATOMIC_SEQ_CST);
        if (seen == THREADS) break;
        __builtin_wasm_memory_atomic_wait32(&finished, seen, -1);
    }
    u64 total = 0;
    for (int t = 0; t < THREADS; t++) total += partial[t];
    u32 at = append(0, "sum of 1..1000000 over 4 threads = ");
    at = append_number(at, total);
    text[at++] = '\n';
    iov.base = text;
    iov.length = at;
    fd_write(1, &iov, 1, &written);
}
