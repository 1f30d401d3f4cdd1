/* hello: the smallest friendly WASI program. Prints a greeting and the arguments it was given,
 * so `sharptime run examples/wasi/hello.wasm a b` shows that argv reaches the guest. */
#include <stdio.h>

int main(int argc, char **argv)
{
    printf("Hello from WebAssembly!\n");
    printf("I was compiled from C to wasm32-wasi and got %d argument%s:\n", argc,
           argc == 1 ? "" : "s");
    for (int i = 0; i < argc; i++)
        printf("  argv[%d] = \"%s\"\n", i, argv[i]);
    return 0;
}
