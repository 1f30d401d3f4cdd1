/* clocks_random: sanity checks of WASI's clocks, sleeping and randomness. Values differ from run
 * to run, so it prints one PASS or FAIL line per check and never the values themselves; the exit
 * code is the number of failed checks. Uses clock_getres/clock_gettime (clock_res_get,
 * clock_time_get), nanosleep (poll_oneoff with a clock subscription), time() and getentropy
 * (random_get). Pass -v to also print the measured values on stderr. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int failures;
static int verbose;

static void check(int ok, const char *what)
{
    printf("%s %s\n", ok ? "PASS" : "FAIL", what);
    failures += !ok;
}

static int64_t to_ns(struct timespec ts)
{
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int64_t now_ns(clockid_t clock)
{
    struct timespec ts;
    if (clock_gettime(clock, &ts) != 0)
        return -1;
    return to_ns(ts);
}

/* The number of bit positions at which two buffers differ. */
static int bits_differing(const unsigned char *a, const unsigned char *b, size_t n)
{
    int count = 0;
    for (size_t i = 0; i < n; i++)
        count += __builtin_popcount((unsigned)(a[i] ^ b[i]));
    return count;
}

static void check_resolution(void)
{
    struct timespec rt, mono;
    int rt_ok = clock_getres(CLOCK_REALTIME, &rt) == 0;
    int mono_ok = clock_getres(CLOCK_MONOTONIC, &mono) == 0;
    if (verbose)
        fprintf(stderr, "resolution: realtime %lld ns, monotonic %lld ns\n",
                rt_ok ? (long long)to_ns(rt) : -1LL, mono_ok ? (long long)to_ns(mono) : -1LL);
    check(rt_ok && to_ns(rt) > 0 && to_ns(rt) <= 1000000000,
          "realtime clock resolution is between 1 ns and 1 s");
    check(mono_ok && to_ns(mono) > 0 && to_ns(mono) <= 1000000000,
          "monotonic clock resolution is between 1 ns and 1 s");
}

static void check_realtime(void)
{
    int64_t rt = now_ns(CLOCK_REALTIME);
    /* 2020-01-01T00:00:00Z and 2100-01-01T00:00:00Z in seconds since the epoch. */
    check(rt > 1577836800LL * 1000000000 && rt < 4102444800LL * 1000000000,
          "realtime clock is a date between 2020 and 2100");
    time_t t = time(NULL);
    int64_t diff = (int64_t)t - rt / 1000000000;
    if (verbose)
        fprintf(stderr, "realtime: %lld ns, time(): %lld s\n", (long long)rt, (long long)t);
    check(diff >= -2 && diff <= 2, "time() agrees with clock_gettime(CLOCK_REALTIME) within 2 s");
}

static void check_monotonic(void)
{
    int64_t first = now_ns(CLOCK_MONOTONIC), prev = first;
    int went_back = first < 0, advanced = 0;
    for (int i = 0; i < 100000 && !went_back; i++) {
        int64_t t = now_ns(CLOCK_MONOTONIC);
        went_back |= t < prev;
        advanced |= t > first;
        prev = t;
    }
    check(!went_back, "monotonic clock never goes back over 100000 reads");
    check(advanced, "monotonic clock advances while the program runs");
}

static void check_sleep(void)
{
    const int64_t wanted = 20 * 1000000; /* 20 ms */
    struct timespec request = {0, (long)wanted};
    int64_t mono0 = now_ns(CLOCK_MONOTONIC), rt0 = now_ns(CLOCK_REALTIME);
    int rc = nanosleep(&request, NULL);
    int64_t mono1 = now_ns(CLOCK_MONOTONIC), rt1 = now_ns(CLOCK_REALTIME);
    if (verbose)
        fprintf(stderr, "nanosleep(20 ms): monotonic %lld ns, realtime %lld ns\n",
                (long long)(mono1 - mono0), (long long)(rt1 - rt0));
    check(rc == 0, "nanosleep(20 ms) succeeds");
    /* A sleep may be rounded to the clock's granularity, so allow 1 ms early. */
    check(mono1 - mono0 >= wanted - 1000000, "nanosleep(20 ms) sleeps at least 19 ms (monotonic)");
    check(mono1 - mono0 < 5LL * 1000000000, "nanosleep(20 ms) returns within 5 s");
    check(rt1 - rt0 >= wanted - 2000000, "realtime clock also moves by at least 18 ms");

    struct timespec zero = {0, 0};
    check(nanosleep(&zero, NULL) == 0, "nanosleep(0) succeeds");
}

static void check_random(void)
{
    unsigned char a[64], b[64], zeros[64];
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    memset(zeros, 0, sizeof zeros);
    int ok = getentropy(a, sizeof a) == 0 && getentropy(b, sizeof b) == 0;
    check(ok, "getentropy(64 bytes) succeeds twice");
    /* Two independent 512-bit draws differ in about 256 bits; fewer than 128 is a broken
     * source (a constant, a counter, or an unfilled buffer) with overwhelming likelihood. */
    int diff = bits_differing(a, b, sizeof a);
    int ones = bits_differing(a, zeros, sizeof a);
    if (verbose)
        fprintf(stderr, "random: %d bits differ between draws, %d of 512 bits set\n", diff, ones);
    check(diff >= 128, "two draws differ in at least 128 of 512 bits");
    check(ones >= 128 && ones <= 384, "a draw has between 128 and 384 of 512 bits set");

    /* A large request is split by nothing in between: every part of it must be filled. */
    static unsigned char big[256];
    memset(big, 0, sizeof big);
    ok = getentropy(big, sizeof big) == 0;
    int zero_runs = 0;
    for (size_t i = 0; i + 8 <= sizeof big; i += 8) {
        uint64_t word;
        memcpy(&word, big + i, 8);
        zero_runs += word == 0;
    }
    check(ok && zero_runs == 0, "getentropy(256 bytes) fills every 8-byte word");
}

int main(int argc, char **argv)
{
    verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    check_resolution();
    check_realtime();
    check_monotonic();
    check_sleep();
    check_random();
    printf("%d check%s failed\n", failures, failures == 1 ? "" : "s");
    return failures;
}
