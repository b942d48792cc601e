// Stub for the realbugs harness: the declarations of a third-party library
// that nano-node's rai/node/node.cpp (b67feea68764, e888a66458d9) and the
// rai/ headers it includes use, written from those uses. Not the library's
// code; no function is defined.
#pragma once

typedef unsigned long long XXH64_hash_t;
typedef struct XXH64_state_s {
  unsigned long long opaque[11];
} XXH64_state_t;
typedef enum { XXH_OK = 0, XXH_ERROR } XXH_errorcode;

XXH_errorcode XXH64_reset(XXH64_state_t *, unsigned long long);
XXH_errorcode XXH64_update(XXH64_state_t *, const void *, unsigned long);
XXH64_hash_t XXH64_digest(const XXH64_state_t *);
