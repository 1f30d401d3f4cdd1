/* files: file-system work inside one pre-opened directory, printing each step so a test can
 * compare the whole transcript. Exit code 0 when every step did what it should, 1 otherwise.
 *
 *   files DIR
 *
 * DIR must be (inside) a pre-opened directory and must contain greeting.txt (from
 * examples/wasi/data). The program creates DIR/work, writes, reads back, appends, seeks,
 * truncates, stats, renames, lists (sorted), removes, and leaves exactly one new file behind:
 * DIR/report.txt, a summary of what it found. It also checks that errors come back as errno
 * values: opening a missing file, removing a non-empty directory, creating an existing one. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;
static char root[512];

static const char *at(const char *relative)
{
    static char paths[4][1024];
    static int next;
    char *p = paths[next++ & 3];
    snprintf(p, sizeof paths[0], "%s/%s", root, relative);
    return p;
}

static void fail(const char *what)
{
    printf("FAILED: %s: %s\n", what, strerror(errno));
    failures++;
}

static const char *errno_name(int e)
{
    switch (e) {
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case ENOTEMPTY: return "ENOTEMPTY";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case EBADF: return "EBADF";
    case EINVAL: return "EINVAL";
    case EACCES: return "EACCES";
    case EPERM: return "EPERM";
    case ENOTCAPABLE: return "ENOTCAPABLE";
    default: return "another error";
    }
}

/* Expects a call to have failed with errno `expected`. */
static void expect_errno(int rc, int expected, const char *what)
{
    if (rc == 0) {
        printf("FAILED: %s succeeded but should fail with %s\n", what, errno_name(expected));
        failures++;
    } else if (errno != expected) {
        printf("FAILED: %s failed with %s (%d) instead of %s\n", what, errno_name(errno), errno,
               errno_name(expected));
        failures++;
    } else {
        printf("%s: fails with %s as expected\n", what, errno_name(expected));
    }
}

static long file_size(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    return (long)st.st_size;
}

static const char *kind_of(mode_t mode)
{
    return S_ISDIR(mode) ? "dir" : S_ISREG(mode) ? "file" : "other";
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Prints the entries of a directory sorted by name, without "." and "..", with kind and size. */
static int list_directory(const char *relative)
{
    DIR *d = opendir(at(relative));
    if (d == NULL) {
        fail("opendir");
        return -1;
    }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n < 64)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], compare_names);
    printf("listing of %s (%d entr%s):\n", relative, n, n == 1 ? "y" : "ies");
    for (int i = 0; i < n; i++) {
        char child[256];
        struct stat st;
        snprintf(child, sizeof child, "%s/%s", relative, names[i]);
        if (stat(at(child), &st) != 0) {
            fail("stat of a listed entry");
        } else if (S_ISDIR(st.st_mode)) {
            printf("  %-14s dir\n", names[i]);
        } else {
            printf("  %-14s %s %ld bytes\n", names[i], kind_of(st.st_mode), (long)st.st_size);
        }
        free(names[i]);
    }
    return n;
}

static void step_read_input(int *lines, int *words, long *bytes)
{
    printf("-- reading greeting.txt\n");
    FILE *f = fopen(at("greeting.txt"), "r");
    if (f == NULL) {
        fail("open greeting.txt");
        return;
    }
    int c, in_word = 0;
    *lines = *words = 0;
    *bytes = 0;
    while ((c = fgetc(f)) != EOF) {
        ++*bytes;
        if (c == '\n')
            ++*lines;
        int space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !in_word)
            ++*words;
        in_word = !space;
    }
    fclose(f);
    printf("greeting.txt: %d lines, %d words, %ld bytes\n", *lines, *words, *bytes);
}

static void step_write_read_append(void)
{
    printf("-- creating work/notes.txt\n");
    FILE *f = fopen(at("work/notes.txt"), "w");
    if (f == NULL) {
        fail("create work/notes.txt");
        return;
    }
    int written = 0;
    for (int i = 1; i <= 3; i++)
        written += fprintf(f, "line %d: %s\n", i, i == 1 ? "alpha" : i == 2 ? "beta" : "gamma");
    fclose(f);
    printf("wrote %d bytes; size on disk %ld\n", written, file_size(at("work/notes.txt")));

    f = fopen(at("work/notes.txt"), "r");
    if (f == NULL) {
        fail("reopen work/notes.txt");
        return;
    }
    char line[128];
    printf("read back:\n");
    while (fgets(line, sizeof line, f) != NULL)
        printf("  | %s", line);
    fclose(f);

    f = fopen(at("work/notes.txt"), "a");
    if (f == NULL) {
        fail("open work/notes.txt for append");
        return;
    }
    fputs("line 4: delta (appended)\n", f);
    fclose(f);
    printf("after append: %ld bytes\n", file_size(at("work/notes.txt")));
}

static void step_seek(void)
{
    printf("-- seeking in work/notes.txt\n");
    int fd = open(at("work/notes.txt"), O_RDWR);
    if (fd < 0) {
        fail("open work/notes.txt read-write");
        return;
    }
    char buf[32];
    off_t end = lseek(fd, 0, SEEK_END);
    printf("lseek(0, SEEK_END) = %ld\n", (long)end);
    off_t pos = lseek(fd, 8, SEEK_SET);
    ssize_t n = read(fd, buf, 5);
    printf("lseek(8, SEEK_SET) = %ld, read 5 bytes: \"%.*s\"\n", (long)pos, (int)(n < 0 ? 0 : n),
           buf);
    pos = lseek(fd, -5, SEEK_CUR);
    printf("lseek(-5, SEEK_CUR) = %ld\n", (long)pos);
    if (write(fd, "ALPHA", 5) != 5)
        fail("overwrite in place");
    n = pread(fd, buf, 13, 0);
    printf("pread(13 bytes at 0) = \"%.*s\"\n", (int)(n < 0 ? 0 : n), buf);
    if (pwrite(fd, "#", 1, 0) != 1)
        fail("pwrite");
    printf("lseek(0, SEEK_CUR) after pread/pwrite = %ld (unchanged)\n",
           (long)lseek(fd, 0, SEEK_CUR));
    if (ftruncate(fd, 28) != 0)
        fail("ftruncate");
    struct stat st;
    if (fstat(fd, &st) != 0)
        fail("fstat");
    printf("after ftruncate(28): fstat size %ld, %s\n", (long)st.st_size, kind_of(st.st_mode));
    close(fd);

    FILE *f = fopen(at("work/notes.txt"), "r");
    if (f != NULL) {
        char line[128];
        printf("now reads:\n");
        while (fgets(line, sizeof line, f) != NULL)
            printf("  | %s%s", line, strchr(line, '\n') ? "" : "\n");
        fclose(f);
    }
}

static void step_directories(void)
{
    printf("-- directories\n");
    if (mkdir(at("work/sub"), 0755) != 0)
        fail("mkdir work/sub");
    expect_errno(mkdir(at("work/sub"), 0755), EEXIST, "mkdir of an existing directory");
    for (int i = 3; i >= 1; i--) {
        char name[64];
        snprintf(name, sizeof name, "work/sub/file%d.dat", i);
        FILE *f = fopen(at(name), "w");
        if (f == NULL) {
            fail("create a file in work/sub");
            continue;
        }
        for (int k = 0; k < i * 100; k++)
            fputc('a' + k % 26, f);
        fclose(f);
    }
    if (rename(at("work/notes.txt"), at("work/journal.txt")) != 0)
        fail("rename notes.txt to journal.txt");
    else
        printf("renamed work/notes.txt to work/journal.txt\n");
    expect_errno(access(at("work/notes.txt"), F_OK), ENOENT, "access of the old name");
    struct stat st;
    if (stat(at("work/sub"), &st) == 0)
        printf("stat work/sub: %s\n", kind_of(st.st_mode));
    else
        fail("stat work/sub");
    list_directory("work");
    list_directory("work/sub");
    expect_errno(rmdir(at("work/sub")), ENOTEMPTY, "rmdir of a non-empty directory");
    expect_errno(open(at("work/missing.txt"), O_RDONLY) < 0 ? -1 : 0, ENOENT,
                 "open of a missing file");
    expect_errno(unlink(at("work/missing.txt")), ENOENT, "unlink of a missing file");
    /* The pre-opened directory is a capability: ".." must not lead out of it. */
    expect_errno(open(at("../escape.txt"), O_WRONLY | O_CREAT, 0644) < 0 ? -1 : 0, ENOTCAPABLE,
                 "creating ../escape.txt outside the directory");
}

static void step_cleanup(void)
{
    printf("-- cleaning up\n");
    int removed = 0;
    for (int i = 1; i <= 3; i++) {
        char name[64];
        snprintf(name, sizeof name, "work/sub/file%d.dat", i);
        if (unlink(at(name)) != 0)
            fail("unlink a file in work/sub");
        else
            removed++;
    }
    if (unlink(at("work/journal.txt")) != 0)
        fail("unlink work/journal.txt");
    else
        removed++;
    if (rmdir(at("work/sub")) != 0)
        fail("rmdir work/sub");
    if (rmdir(at("work")) != 0)
        fail("rmdir work");
    printf("removed %d files and 2 directories\n", removed);
    expect_errno(access(at("work"), F_OK), ENOENT, "access of the removed work directory");
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: files DIR   (DIR inside a pre-opened directory)\n");
        return 2;
    }
    snprintf(root, sizeof root, "%s", argv[1]);
    size_t len = strlen(root);
    while (len > 1 && root[len - 1] == '/')
        root[--len] = '\0';

    int lines = 0, words = 0;
    long bytes = 0;
    step_read_input(&lines, &words, &bytes);
    printf("-- mkdir work\n");
    if (mkdir(at("work"), 0755) != 0) {
        fail("mkdir work");
        return 1;
    }
    step_write_read_append();
    step_seek();
    step_directories();
    step_cleanup();

    FILE *report = fopen(at("report.txt"), "w");
    if (report == NULL) {
        fail("create report.txt");
    } else {
        fprintf(report, "greeting.txt: %d lines, %d words, %ld bytes\n", lines, words, bytes);
        fprintf(report, "failures: %d\n", failures);
        fclose(report);
    }
    list_directory(".");
    printf("%s\n", failures == 0 ? "all file operations behaved" : "some file operations failed");
    return failures == 0 ? 0 : 1;
}
