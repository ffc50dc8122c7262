/* wordfreq: prints the most frequent words of standard input. */
#include "wordfreq.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    size_t top = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 10;
    static char text[1 << 20];
    size_t n = fread(text, 1, sizeof text - 1, stdin);
    text[n] = '\0';
    static struct word_count counts[4096];
    size_t distinct = wordfreq_count(text, counts, sizeof counts / sizeof counts[0]);
    for (size_t i = 0; i < distinct && i < top; i++) printf("%7zu %s\n", counts[i].count, counts[i].word);
    return 0;
}
