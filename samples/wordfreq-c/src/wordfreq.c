#include "wordfreq.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int by_count_then_word(const void *a, const void *b)
{
    const struct word_count *x = a, *y = b;
    if (x->count != y->count) return x->count < y->count ? 1 : -1;
    return strcmp(x->word, y->word);
}

size_t wordfreq_count(const char *text, struct word_count *out, size_t capacity)
{
    size_t distinct = 0;
    const char *p = text;
    while (*p) {
        while (*p && !isalnum((unsigned char)*p)) p++;
        if (!*p) break;
        char word[64];
        size_t len = 0;
        while (*p && isalnum((unsigned char)*p)) {
            if (len < sizeof word - 1) word[len++] = (char)tolower((unsigned char)*p);
            p++;
        }
        word[len] = '\0';
        size_t i = 0;
        while (i < distinct && strcmp(out[i].word, word) != 0) i++;
        if (i < distinct) {
            out[i].count++;
        } else if (distinct < capacity) {
            memcpy(out[distinct].word, word, len + 1);
            out[distinct].count = 1;
            distinct++;
        }
    }
    qsort(out, distinct, sizeof *out, by_count_then_word);
    return distinct;
}
