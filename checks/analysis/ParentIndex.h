//===--- ParentIndex.h - tether clang-tidy ----------------------*- C++ -*-===//
//
// The parents of AST nodes, from maps built one top-level declaration at a
// time. ASTContext::getParents maps the whole translation unit, every header
// included, on its first call: on real code that is a quarter of the parse
// time and ~80 MB, for the handful of functions a check looks at. The tether
// checks ask this index instead, and never ask the ASTContext.
//
// Roots are the declarations that own code and sit in no function: function
// definitions (lambdas and local classes belong to their enclosing function),
// and variables and fields with initialisers outside functions. One enabled
// check registers the root matcher (registerRootMatcher) and every check asks
// the index; the finder visits the AST in pre-order, so a statement a check
// matches lies inside the last root visited, or inside none. (A check that
// matches a root declaration itself maps it with indexRootOf first.)
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_ANALYSIS_PARENTINDEX_H
#define TETHER_CHECKS_ANALYSIS_PARENTINDEX_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace clang::tidy::tether::analysis {

class ParentIndex {
public:
  /// The index of `Ctx` for the calling thread, created on first use.
  static ParentIndex &of(ASTContext &Ctx);
  /// Drops the calling thread's index: called at the end of each
  /// translation unit, before its ASTContext goes away.
  static void forget();

  /// Adds the root matcher, which notes each root as the finder reaches it
  /// and never matches, so `Check` gets no callback from it.
  static void
  registerRootMatcher(ast_matchers::MatchFinder *Finder,
                      ast_matchers::MatchFinder::MatchCallback *Check);
  /// The statement a check's match bound (each binds one node), or null.
  static const Stmt *
  matchedStmt(const ast_matchers::MatchFinder::MatchResult &Result);

  /// The parents of `Node`, as ASTContext::getParents gives them (its
  /// declaration for a variable's initialiser, its DeclStmt for a local
  /// variable, the enclosing DeclContext for a declaration outside code).
  DynTypedNodeList parents(const DynTypedNode &Node);
  template <class T> DynTypedNodeList parents(const T &Node) {
    return parents(DynTypedNode::create(Node));
  }

  /// The function whose code contains `S` (a lambda's call operator inside a
  /// lambda), as forCallable finds it; null outside functions.
  const FunctionDecl *enclosingFunction(const Stmt *S);
  /// True if `S` lies in a template instantiation (a function or class
  /// instantiated from a template), as isInTemplateInstantiation.
  bool isInTemplateInstantiation(const Stmt *S);

  /// Maps the root that contains `D`, for walks that start in other code
  /// than the matched node's (a callee's body).
  void indexRootOf(const Decl *D);

private:
  explicit ParentIndex(ASTContext &Ctx) : Ctx(Ctx) {}
  void build(const Decl *Root);
  /// The nearest ancestor of `S` for which `Matches` holds, or an empty node.
  template <class Pred> DynTypedNode firstAncestor(const Stmt *S, Pred Matches);
  /// Finds `Node` in the maps built so far, building the current root's
  /// first if needed; false if it lies in no root mapped.
  bool lookup(const DynTypedNode &Node, DynTypedNodeList &Out);

  friend class ParentCollector;
  friend class RootRecorder;
  ASTContext &Ctx;
  const Decl *CurrentRoot = nullptr;
  llvm::DenseSet<const Decl *> Built;
  /// Keyed by the node's address (Stmt, Decl or CXXCtorInitializer); a node
  /// with more than one parent (a shared implicit node) has them all in
  /// `Extra`, the first one also in `First`. Boxed, so that a list handed
  /// out stays valid while later roots are mapped.
  llvm::DenseMap<const void *, DynTypedNode> First;
  llvm::DenseMap<const void *,
                 std::unique_ptr<llvm::SmallVector<DynTypedNode, 2>>>
      Extra;
};

/// The first parent of `Node` (see ParentIndex::parents), or an empty node.
inline DynTypedNode parentOf(const DynTypedNode &Node, ASTContext &Ctx) {
  DynTypedNodeList Parents = ParentIndex::of(Ctx).parents(Node);
  return Parents.empty() ? DynTypedNode() : Parents[0];
}

/// How many ancestors a walk up the tree visits at most: deeper than code
/// people write (a chain of 300 `+` nests 300 deep), and a bound on the cost
/// of a malformed tree.
constexpr unsigned MaxAncestorDepth = 4096;

/// Calls `Visit(Parent, Child)` on each first parent above `Node`, innermost
/// first, with the node below it, until `Visit` returns false, the walk
/// leaves the mapped code, or it has gone MaxAncestorDepth up.
template <class F>
void forEachAncestor(DynTypedNode Node, ASTContext &Ctx, F &&Visit) {
  for (unsigned Depth = 0; Depth < MaxAncestorDepth; ++Depth) {
    DynTypedNode Parent = parentOf(Node, Ctx);
    if (Parent.getNodeKind().isNone() || !Visit(Parent, Node))
      return;
    Node = Parent;
  }
}
template <class F>
void forEachAncestor(const Stmt *S, ASTContext &Ctx, F &&Visit) {
  forEachAncestor(DynTypedNode::create(*S), Ctx, std::forward<F>(Visit));
}

/// The declaration statement of the local variable `Var`, where what is
/// owed on it starts; null for a variable declared elsewhere.
inline const DeclStmt *declaringStmt(const VarDecl *Var, ASTContext &Ctx) {
  DynTypedNodeList Parents = ParentIndex::of(Ctx).parents(*Var);
  return Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
}

/// The statements above `S` up to (not including) `Body`, innermost first.
/// Declarations on the way (a local variable's) are stepped over; a function
/// ends the walk.
llvm::SmallVector<const Stmt *, 16>
ancestorsBelow(const Stmt *S, const Stmt *Body, ASTContext &Ctx);

/// True if `D` (a function, class, or variable) is, or lies in, a template
/// instantiation; without parents: the lexical contexts say it.
bool isInTemplateInstantiation(const Decl *D);

/// The function `Fn` is written in, looking through lambdas (a lambda's call
/// operator lies in the function that holds the lambda); without parents.
const FunctionDecl *outermostFunction(const FunctionDecl *Fn);

} // namespace clang::tidy::tether::analysis

#endif // TETHER_CHECKS_ANALYSIS_PARENTINDEX_H
