/* args_env: prints its command line and environment in a fixed order, then exits with the code
 * given by `--exit N` (0 without it). It checks what WASI's args_get/environ_get deliver:
 * empty strings, spaces, non-ASCII UTF-8, '=' inside values, and names that are not set.
 *
 *   args_env [--exit N] [--show NAME]... [ARG]...
 *
 * Output: argc and every argv[i] in brackets; then NAME=value for each --show NAME (or
 * "NAME is not set"); then every variable whose name starts with "APP_", sorted by name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    int exit_code = 0;
    const char *shown[32];
    int nshown = 0;

    printf("argc = %d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d] = [%s] (%zu bytes)\n", i, argv[i], strlen(argv[i]));

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--exit") == 0 && i + 1 < argc) {
            char *end;
            long code = strtol(argv[++i], &end, 10);
            if (*end != '\0' || code < 0 || code > 125) {
                fprintf(stderr, "args_env: --exit wants a number from 0 to 125, got \"%s\"\n",
                        argv[i]);
                return 2;
            }
            exit_code = (int)code;
        } else if (strcmp(argv[i], "--show") == 0 && i + 1 < argc) {
            if (nshown < 32)
                shown[nshown++] = argv[++i];
        }
    }

    for (int i = 0; i < nshown; i++) {
        const char *value = getenv(shown[i]);
        if (value == NULL)
            printf("%s is not set\n", shown[i]);
        else
            printf("%s=[%s]\n", shown[i], value);
    }

    size_t total = 0, napp = 0;
    for (char **e = environ; *e != NULL; e++) {
        total++;
        napp += strncmp(*e, "APP_", 4) == 0;
    }
    printf("environment: %zu variable%s, %zu named APP_*\n", total, total == 1 ? "" : "s", napp);
    if (napp > 0) {
        char **app = malloc(napp * sizeof *app);
        if (app == NULL) {
            fprintf(stderr, "args_env: out of memory\n");
            return 2;
        }
        size_t n = 0;
        for (char **e = environ; *e != NULL; e++)
            if (strncmp(*e, "APP_", 4) == 0)
                app[n++] = *e;
        qsort(app, n, sizeof *app, compare_strings);
        for (size_t i = 0; i < n; i++)
            printf("  %s\n", app[i]);
        free(app);
    }

    if (exit_code != 0)
        fprintf(stderr, "args_env: exiting with code %d as asked\n", exit_code);
    return exit_code;
}
