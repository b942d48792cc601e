//===--- Mutation.h - tether clang-tidy -------------------------*- C++ -*-===//
//
// Whether a statement may change a variable or a member: clang's
// ExprMutationAnalyzer, asked only when a cheap look cannot tell. The
// analyzer matches with hasAncestor, which builds the parent map of the
// whole translation unit on first use (see ParentIndex.h); most questions a
// check asks are about values the scope only reads, and a use that is a
// plain load (an lvalue-to-rvalue conversion) cannot change its object, and
// one that is assigned or incremented by a builtin operator does.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_ANALYSIS_MUTATION_H
#define TETHER_CHECKS_ANALYSIS_MUTATION_H

#include "clang/AST/ASTContext.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>

namespace clang::tidy::tether::analysis {

class MutationScope {
public:
  MutationScope(const Stmt &Scope, ASTContext &Ctx) : Scope(Scope), Ctx(Ctx) {}

  /// True if `Scope` may change `Var` (through a reference to it there).
  bool isMutated(const VarDecl *Var);
  /// True if `Scope` may change the object `Use` (an expression in it)
  /// denotes.
  bool isMutated(const Expr *Use);
  /// True if `Scope` may change what the pointer `Var` points to.
  bool isPointeeMutated(const VarDecl *Var);

private:
  ExprMutationAnalyzer &analyzer();
  struct Accesses {
    llvm::DenseSet<const Expr *> Loads;  ///< only loaded from
    llvm::DenseSet<const Expr *> Writes; ///< assigned, incremented
  };
  /// The plain loads and builtin writes of `Scope`, found once.
  const Accesses &accesses();

  const Stmt &Scope;
  ASTContext &Ctx;
  std::optional<ExprMutationAnalyzer> Analyzer;
  std::optional<Accesses> Found;
};

} // namespace clang::tidy::tether::analysis

#endif // TETHER_CHECKS_ANALYSIS_MUTATION_H
