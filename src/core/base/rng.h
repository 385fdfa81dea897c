/* A small seeded random number generator (xoshiro256** seeded by splitmix64).
 * Every rule that needs randomness takes an Rng*, so tests are deterministic.
 * It is not for cryptography. */
#ifndef CLOUDPREP_RNG_H
#define CLOUDPREP_RNG_H

#include <stdint.h>

typedef struct Rng {
    uint64_t s[4];
} Rng;

/* Seeds the generator; the same seed always gives the same sequence. */
void rng_seed(Rng *rng, uint64_t seed);
/* Returns the next 64 random bits. */
uint64_t rng_next(Rng *rng);
/* Returns a uniform integer in [0, n); n must be > 0 (returns 0 otherwise). */
uint32_t rng_below(Rng *rng, uint32_t n);
/* Returns a uniform double in [0, 1). */
double rng_unit(Rng *rng);
/* Shuffles `count` ints in place (Fisher-Yates). */
void rng_shuffle_ints(Rng *rng, int *values, int count);

#endif
