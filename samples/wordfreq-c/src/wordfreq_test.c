/* Unit tests for wordfreq_count; exits non-zero when any expectation fails. */
#include "wordfreq.h"

#include <stdio.h>
#include <string.h>

static int failures;

#define EXPECT(cond, what)                                            \
    do {                                                              \
        if (cond) printf("ok   %s\n", what);                          \
        else { printf("FAIL %s (%s:%d)\n", what, __FILE__, __LINE__); failures++; } \
    } while (0)

int main(void)
{
    struct word_count c[16];

    size_t n = wordfreq_count("the cat and The hat", c, 16);
    EXPECT(n == 4, "counts distinct words");
    EXPECT(strcmp(c[0].word, "the") == 0 && c[0].count == 2, "folds case and puts the most frequent first");

    n = wordfreq_count("", c, 16);
    EXPECT(n == 0, "empty input has no words");

    n = wordfreq_count("b a b a c", c, 16);
    EXPECT(strcmp(c[0].word, "a") == 0 && strcmp(c[1].word, "b") == 0, "breaks ties alphabetically");

    n = wordfreq_count("one, two; three!", c, 2);
    EXPECT(n == 2, "never writes past the capacity");

    printf("%d failed\n", failures);
    return failures == 0 ? 0 : 1;
}
