//===--- FlagWrites.h - tether clang-tidy -----------------------*- C++ -*-===//
//
// Flags and what a function writes: a flag is a bool, an integer or an
// enumeration, atomic or not; a stop path sets one to a constant
// (`stopped = true`, `running_.store(false)`). Shared by the checks that look
// for the stop path of a thread's loop.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_FLAGWRITES_H
#define TETHER_CHECKS_MODEL_FLAGWRITES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::tether::model {

/// True if `T` is a flag: a bool, an integer or an enumeration, atomic or
/// not.
bool isFlagType(QualType T);

/// A flag set to a constant: `stopped = true`, `running_.store(false)`.
struct FlagWrite {
  const ValueDecl *Flag = nullptr;
  const Expr *Write = nullptr;
};

/// The flag `S` sets to a constant, if it is such a write.
std::optional<FlagWrite> flagWriteOf(const Stmt *S, ASTContext &Ctx);

/// What a function's own code writes: every variable or field assigned,
/// incremented or changed by a non-const member function, and the flags it
/// sets to constants.
struct FunctionWrites {
  llvm::SmallPtrSet<const ValueDecl *, 8> All;
  llvm::SmallVector<FlagWrite, 2> Flags;
  bool Errors = false;
};

FunctionWrites writesOf(const FunctionDecl *Fn, ASTContext &Ctx);

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_FLAGWRITES_H
