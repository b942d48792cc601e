// Stub for the realbugs harness: the declarations of a third-party library
// that nano-node's rai/node/node.cpp (b67feea68764, e888a66458d9) and the
// rai/ headers it includes use, written from those uses. Not the library's
// code; no function is defined.
#pragma once

#include <cstddef>

typedef struct MDB_env MDB_env;
typedef struct MDB_txn MDB_txn;
typedef struct MDB_cursor MDB_cursor;
typedef unsigned int MDB_dbi;
typedef struct MDB_val {
  std::size_t mv_size;
  void *mv_data;
} MDB_val;

#define MDB_CP_COMPACT 0x01

int mdb_env_copy2(MDB_env *, const char *, unsigned int);
