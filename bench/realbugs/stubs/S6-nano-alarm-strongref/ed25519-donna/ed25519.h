// Stub for the realbugs harness: the declarations of a third-party library
// that nano-node's rai/node/node.cpp (b67feea68764, e888a66458d9) and the
// rai/ headers it includes use, written from those uses. Not the library's
// code; no function is defined.
#pragma once

typedef unsigned char ed25519_secret_key[32];
typedef unsigned char ed25519_public_key[32];

void ed25519_publickey(const unsigned char *, unsigned char *);
