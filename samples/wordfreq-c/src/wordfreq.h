#ifndef WORDFREQ_H
#define WORDFREQ_H

#include <stddef.h>

/* One distinct word and how often it appeared. */
struct word_count {
    char word[64];
    size_t count;
};

/* Counts the words (letters and digits, case-folded) in text into out, most frequent first.
   Returns the number of distinct words written, at most capacity. */
size_t wordfreq_count(const char *text, struct word_count *out, size_t capacity);

#endif
